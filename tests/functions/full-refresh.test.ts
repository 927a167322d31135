// The shared full-refresh path (helpers/full-refresh.ts), seen through the held-messages sync.
import nock from 'nock';

import { createTestHost, mockToken, TEST_BASE } from '../harness.js';

const PATH = '/api/gateway/get-hold-message-list';

const held = (id: string) => ({
    id,
    reason: 'Policy hold',
    from: { emailAddress: 'a@b.example' },
    to: { emailAddress: 'c@d.example' },
    subject: id,
    dateReceived: '2026-11-20T13:10:54+0000'
});
const page = (ids: string[], totalCount: number, next?: string) => ({
    meta: { status: 200, pagination: { pageSize: 2, totalCount, ...(next ? { next } : {}) } },
    data: ids.map(held),
    fail: []
});

describe('full refresh with delete tracking', () => {
    it('deletes what a complete listing no longer contains', async () => {
        const t = createTestHost();
        mockToken();
        nock(TEST_BASE)
            .post(PATH)
            .reply(200, page(['a', 'b'], 3, 'p2'))
            .post(PATH)
            .reply(200, page(['c'], 3));
        await t.runSync('held-messages');
        nock(TEST_BASE)
            .post(PATH)
            .reply(200, page(['b', 'c'], 2));
        const second = await t.runSync('held-messages');
        expect(second.models['HeldMessage']).toMatchObject({ deleted: 1 });
        expect(t.records('HeldMessage').map((r) => r['id'])).toEqual(['b', 'c']);
    });

    it('keeps every record when the list shifted while it was paged (a record may have been skipped)', async () => {
        const t = createTestHost();
        mockToken();
        nock(TEST_BASE)
            .post(PATH)
            .reply(200, page(['a', 'b', 'c', 'd'].slice(0, 2), 4, 'p2'))
            .post(PATH)
            .reply(200, page(['c', 'd'], 4));
        await t.runSync('held-messages');

        // 'a' is released after page 1 is read: the offset page 2 now starts at 'd', and 'c' is never seen.
        nock(TEST_BASE)
            .post(PATH)
            .reply(200, page(['a', 'b'], 4, 'p2'))
            .post(PATH)
            .reply(200, page(['d'], 3));
        const shifted = await t.runSync('held-messages');
        expect(shifted.models['HeldMessage']).toMatchObject({ deleted: 0 });
        expect(t.records('HeldMessage').map((r) => r['id'])).toEqual(['a', 'b', 'c', 'd']);
        expect(t.logs.join('\n')).toContain('changed while it was paged');

        // The next stable listing applies the deletes.
        nock(TEST_BASE)
            .post(PATH)
            .reply(200, page(['b', 'c'], 3, 'p2'))
            .post(PATH)
            .reply(200, page(['d'], 3));
        const stable = await t.runSync('held-messages');
        expect(stable.models['HeldMessage']).toMatchObject({ deleted: 1 });
        expect(t.records('HeldMessage').map((r) => r['id'])).toEqual(['b', 'c', 'd']);
    });

    it('deletes nothing when a run fails mid-way', async () => {
        const t = createTestHost();
        mockToken();
        nock(TEST_BASE)
            .post(PATH)
            .reply(200, page(['a', 'b'], 2));
        await t.runSync('held-messages');
        nock(TEST_BASE)
            .post(PATH)
            .reply(200, page(['a'], 3, 'p2'))
            .post(PATH)
            .times(4)
            .reply(502, 'bad gateway');
        await expect(t.runSync('held-messages')).rejects.toThrow('502');
        expect(t.records('HeldMessage').map((r) => r['id'])).toEqual(['a', 'b']);
    });

    it('skips a record it cannot read (logged by content hash), saves the rest, and defers deletes for that run', async () => {
        const t = createTestHost();
        mockToken();
        nock(TEST_BASE)
            .post(PATH)
            .reply(200, page(['a', 'b', 'c'], 3));
        await t.runSync('held-messages');

        // 'c' comes back without its id (it may be the record that vanished) next to a non-object.
        const odd = { ...held('c'), id: undefined, subject: 'Private subject' };
        nock(TEST_BASE)
            .post(PATH)
            .reply(200, { ...page(['a'], 3), data: [held('a'), odd, 'oops'] });
        const run = await t.runSync('held-messages');
        expect(run.models['HeldMessage']).toMatchObject({ deleted: 0 });
        expect(t.records('HeldMessage').map((r) => r['id'])).toEqual(['a', 'b', 'c']);
        const log = t.logs.join('\n');
        expect(log).toContain('skipped 2 records that could not be read');
        expect(log).toContain('(no id)');
        expect(log).toContain('HeldMessage: 2 records skipped');
        expect(log).not.toContain('Private subject');
    });
});

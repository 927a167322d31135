import nock from 'nock';

import { createTestHost, envelope, failEnvelope, mockToken, TEST_BASE } from '../harness.js';

const PATH = '/api/gateway/get-hold-message-list';

function held(id: string, extra: Record<string, unknown> = {}) {
    return {
        id,
        reason: 'Message Hold Applied - Spam Signature policy',
        reasonId: 'MESSAGE_HOLD_APPLIED_SPAM_SIGNATURE_POLICY',
        reasonCode: 'message_hold_applied_spam_signature_policy',
        from: { emailAddress: 'billing@fabrikam.example', displayableName: '' },
        fromHeader: { emailAddress: 'billing@fabrikam.example', displayableName: 'Fabrikam Billing' },
        to: { emailAddress: 'alice@acme.example', displayableName: 'Alice' },
        subject: `Invoice ${id}`,
        route: 'INBOUND',
        hasAttachments: false,
        size: 7543,
        dateReceived: '2026-11-20T13:10:54+0000',
        policyInfo: 'Relaxed Spam Detection',
        ...extra
    };
}

describe('sync held-messages', () => {
    it('asks for every recipient (admin: true), follows next with the same filter, and saves flat records', async () => {
        const t = createTestHost();
        mockToken();
        const api = nock(TEST_BASE)
            .post(PATH, { meta: { pagination: { pageSize: 100 } }, data: [{ admin: true }] })
            .reply(200, envelope([held('h1'), held('h2', { hasAttachments: true, route: 'OUTBOUND', policyInfo: '' })], 'page-2'))
            .post(PATH, { meta: { pagination: { pageSize: 100, pageToken: 'page-2' } }, data: [{ admin: true }] })
            .reply(200, envelope([held('h3', { to: { emailAddress: 'bob@acme.example', displayableName: '' } })]));

        const result = await t.runSync('held-messages');

        expect(api.isDone()).toBe(true);
        expect(result.models['HeldMessage']).toMatchObject({ added: 3, deleted: 0 });
        const records = t.records('HeldMessage');
        expect(records[0]).toEqual({
            id: 'h1',
            reason: 'Message Hold Applied - Spam Signature policy',
            reasonId: 'MESSAGE_HOLD_APPLIED_SPAM_SIGNATURE_POLICY',
            reasonCode: 'message_hold_applied_spam_signature_policy',
            from: 'billing@fabrikam.example',
            fromHeader: 'billing@fabrikam.example',
            fromHeaderName: 'Fabrikam Billing',
            to: 'alice@acme.example',
            toName: 'Alice',
            subject: 'Invoice h1',
            route: 'INBOUND',
            hasAttachments: false,
            size: 7543,
            dateReceived: '2026-11-20T13:10:54.000Z',
            policyInfo: 'Relaxed Spam Detection'
        });
        // Blank values are omitted, never '' or null.
        expect(records[1]).toMatchObject({ id: 'h2', hasAttachments: true, route: 'OUTBOUND' });
        expect(records[1]).not.toHaveProperty('policyInfo');
        expect(records[2]).toMatchObject({ id: 'h3', to: 'bob@acme.example' });
        expect(records[2]).not.toHaveProperty('toName');
    });

    it('deletes a message that left the queue (released or rejected) on the next run', async () => {
        const t = createTestHost();
        mockToken();
        nock(TEST_BASE)
            .post(PATH)
            .reply(200, envelope([held('h1'), held('h2')]));
        await t.runSync('held-messages');
        expect(t.records('HeldMessage').map((r) => r['id'])).toEqual(['h1', 'h2']);

        nock(TEST_BASE)
            .post(PATH)
            .reply(200, envelope([held('h2')]));
        const second = await t.runSync('held-messages');

        expect(second.models['HeldMessage']).toMatchObject({ deleted: 1 });
        expect(t.records('HeldMessage').map((r) => r['id'])).toEqual(['h2']);
    });

    it('an empty queue deletes every record', async () => {
        const t = createTestHost();
        mockToken();
        nock(TEST_BASE)
            .post(PATH)
            .reply(200, envelope([held('h1')]));
        await t.runSync('held-messages');
        nock(TEST_BASE).post(PATH).reply(200, envelope([]));
        const second = await t.runSync('held-messages');
        expect(second.models['HeldMessage']).toMatchObject({ deleted: 1 });
        expect(t.records('HeldMessage')).toEqual([]);
    });

    it('fails on fail[] with Mimecast code and deletes nothing', async () => {
        const t = createTestHost();
        mockToken();
        nock(TEST_BASE)
            .post(PATH)
            .reply(200, envelope([held('h1')]));
        await t.runSync('held-messages');

        nock(TEST_BASE).post(PATH).reply(200, failEnvelope('err_forbidden', 'Held messages are not permitted for this application'));
        await expect(t.runSync('held-messages')).rejects.toThrow(/err_forbidden/);
        expect(t.records('HeldMessage').map((r) => r['id'])).toEqual(['h1']);
    });

    it('a failure on page 2 deletes nothing', async () => {
        const t = createTestHost();
        mockToken();
        nock(TEST_BASE)
            .post(PATH)
            .reply(200, envelope([held('h1'), held('h2')]));
        await t.runSync('held-messages');

        nock(TEST_BASE)
            .post(PATH)
            .reply(200, envelope([held('h1')], 'page-2'))
            .post(PATH)
            .reply(403, { meta: { status: 403 }, data: [], fail: [{ errors: [{ code: 'err_forbidden', message: 'Permission denied' }] }] });
        await expect(t.runSync('held-messages')).rejects.toThrow(/err_forbidden/);
        expect(t.records('HeldMessage').map((r) => r['id'])).toEqual(['h1', 'h2']);
    });

    it('skips a record with an unreadable dateReceived and saves the rest of the page (one odd record never stops a sync)', async () => {
        const t = createTestHost();
        mockToken();
        nock(TEST_BASE)
            .post(PATH)
            .reply(200, envelope([held('h1', { dateReceived: 'yesterday' }), held('h2')]));
        await t.runSync('held-messages');
        expect(t.records('HeldMessage').map((r) => r['id'])).toEqual(['h2']);
        const log = t.logs.join('\n');
        expect(log).toContain('(unreadable date)');
        expect(log).not.toContain('yesterday');
    });
});

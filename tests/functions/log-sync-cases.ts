// Shared cases for the declarative log syncs (one engine, syncLogStream): each <sync>.test.ts names its
// endpoint, filters, wrapper key and one sample record, and these cases assert the exact requests,
// the records saved, and that fail[] / 403 fail the run with the checkpoint kept.
import nock from 'nock';

import { createTestHost, failEnvelope, mockToken, TEST_BASE } from '../harness.js';

export interface LogSyncCase {
    sync: string;
    model: string;
    path: string;
    from: string;
    to: string;
    /** The key under data[0] holding the records; absent = flat data[] (view logs, audit events). */
    key?: string;
    /** Two raw records as Mimecast sends them (page 1 and page 2). */
    raws: [Record<string, unknown>, Record<string, unknown>];
    /** The records the sync must save for them, in that order. */
    expected: [Record<string, unknown>, Record<string, unknown>];
}

type Body = { meta?: { pagination?: { pageSize?: number; pageToken?: string } }; data: Record<string, string>[] };

const ms = (mimecastDate: string) => Date.parse(mimecastDate.replace('+0000', 'Z'));
const MIMECAST_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+0000$/;

/** A wrapped page: `data[0].<key>[]`, with `next` when more pages follow. */
function page(key: string | undefined, records: unknown[], next?: string) {
    return {
        meta: { status: 200, pagination: { pageSize: 500, totalCount: 2, ...(next ? { next } : {}) } },
        data: key === undefined ? records : [{ [key]: records }],
        fail: []
    };
}

function answer(c: LogSyncCase, bodies: Body[], reply: () => [number, unknown]) {
    return nock(TEST_BASE)
        .post(c.path, (body: Body) => {
            bodies.push(body);
            return true;
        })
        .reply(() => reply());
}

export function describeLogSync(c: LogSyncCase): void {
    describe(`sync ${c.sync}`, () => {
        it(`posts ${c.from}/${c.to} with pageSize 500, follows the page token, and saves ${c.model} records from ${c.key === undefined ? 'data[]' : `data[0].${c.key}`}`, async () => {
            const t = createTestHost();
            mockToken();
            const bodies: Body[] = [];
            answer(c, bodies, () => [200, page(c.key, [c.raws[0]], 'page-2-token')]);
            answer(c, bodies, () => [200, page(c.key, [c.raws[1]])]);

            const before = Date.now();
            const result = await t.runSync(c.sync);
            const after = Date.now();

            expect(bodies).toHaveLength(2);
            const [first, second] = bodies as [Body, Body];
            expect(first.meta).toEqual({ pagination: { pageSize: 500 } });
            expect(first.data).toEqual([{ [c.from]: expect.stringMatching(MIMECAST_DATE), [c.to]: expect.stringMatching(MIMECAST_DATE) }]);
            const end = ms(first.data[0]![c.to]!);
            // The window ends a minute before the run (events still being indexed wait for the next run).
            expect(end).toBeLessThanOrEqual(after - 60_000);
            expect(end).toBeGreaterThan(before - 61_000);
            expect(end - ms(first.data[0]![c.from]!)).toBe(7 * 86_400_000);
            expect(second).toEqual({ meta: { pagination: { pageSize: 500, pageToken: 'page-2-token' } }, data: first.data });

            expect(t.records(c.model)).toEqual(c.expected);
            expect(result.models[c.model]).toMatchObject({ added: 2 });
            expect(t.checkpoint(c.sync)).toMatchObject({ cursor: new Date(end).toISOString(), windowStart: '', pageToken: '' });
        });

        it('saves the same ids when the same records come again (replayed window), and an empty window is not an error', async () => {
            const t = createTestHost({ metadata: { backfillDays: 1 } });
            mockToken();
            const bodies: Body[] = [];
            answer(c, bodies, () => [200, page(c.key, c.raws)]);
            await t.runSync(c.sync);
            t.store.clearCheckpoint(t.connectionId, c.sync);
            answer(c, bodies, () => [200, page(c.key, [...c.raws].reverse())]);
            const again = await t.runSync(c.sync);
            expect(again.models[c.model]).toMatchObject({ added: 0, unchanged: 2 });
            expect(t.records(c.model)).toHaveLength(2);

            await new Promise((resolve) => setTimeout(resolve, 1100)); // the next window is at least a second long
            answer(c, bodies, () => [200, page(c.key, [])]);
            const empty = await t.runSync(c.sync);
            expect(empty.models).toEqual({});
            expect(bodies[2]!.data[0]![c.from]).toBe(bodies[1]!.data[0]![c.to]);
        });

        it('fails on fail[] with Mimecast code and message and keeps the checkpoint at the lost page', async () => {
            const t = createTestHost();
            mockToken();
            const bodies: Body[] = [];
            answer(c, bodies, () => [200, page(c.key, [c.raws[0]], 'page-2-token')]);
            answer(c, bodies, () => [200, failEnvelope('err_service_unavailable', 'Log service unavailable')]);

            await expect(t.runSync(c.sync)).rejects.toThrow('Mimecast err_service_unavailable: Log service unavailable');
            const kept = t.checkpoint(c.sync);
            expect(kept).toMatchObject({ pageToken: 'page-2-token', windowStart: expect.any(String) });
            expect(kept!['cursor']).toBe(kept!['windowStart']);
            expect(t.records(c.model)).toEqual([c.expected[0]]);

            answer(c, bodies, () => [200, page(c.key, [c.raws[1]])]);
            // If the rerun starts a second later, the engine also fetches the stretch since then.
            nock(TEST_BASE).post(c.path).optionally().reply(200, page(c.key, []));
            await t.runSync(c.sync);
            expect(bodies[2]).toEqual({ meta: { pagination: { pageSize: 500, pageToken: 'page-2-token' } }, data: bodies[0]!.data });
            expect(t.records(c.model)).toEqual(c.expected);
        });

        it('fails clearly on 403 (product not licensed) without moving the cursor', async () => {
            const t = createTestHost();
            mockToken();
            nock(TEST_BASE)
                .post(c.path)
                .reply(403, { meta: { status: 403 }, data: [], fail: [{ errors: [{ code: 'err_forbidden', message: 'Permission denied' }] }] });
            await expect(t.runSync(c.sync)).rejects.toThrow('Mimecast err_forbidden: Permission denied');
            const kept = t.checkpoint(c.sync);
            expect(kept).toMatchObject({ pageToken: '' });
            expect(kept!['cursor']).toBe(kept!['windowStart']);
            expect(t.records(c.model)).toEqual([]);
        });

        it('fails on a malformed page (records not an array)', async () => {
            const t = createTestHost();
            mockToken();
            nock(TEST_BASE)
                .post(c.path)
                .reply(200, { meta: { status: 200, pagination: {} }, data: c.key === undefined ? 'oops' : [{ [c.key]: 'oops' }], fail: [] });
            await expect(t.runSync(c.sync)).rejects.toThrow('malformed_response');
        });
    });
}

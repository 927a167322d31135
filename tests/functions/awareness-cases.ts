// Shared cases of the Awareness Training syncs: each is a full refresh of one per-user (or per-campaign)
// list, flat in data[], paged with meta.pagination.next. The case file of each sync supplies its path,
// model, request item and a record as Mimecast answers it.
import nock from 'nock';

import { createTestHost, envelope, failEnvelope, mockToken, TEST_BASE } from '../harness.js';

type Json = Record<string, unknown>;

export interface AwarenessCase {
    sync: string;
    model: string;
    path: string;
    /** The request item the sync sends (undefined = `data: []`). */
    item?: Json;
    /** A record as Mimecast answers it, for key `k`. */
    record: (k: string) => Json;
    /** The saved record for `record(k)`. */
    saved: (k: string) => Json;
    /** The field that carries the id (removed to make a record unreadable). */
    idField: string;
}

export function awarenessCases(c: AwarenessCase): void {
    const data = (c.item === undefined ? [] : [c.item]) as nock.DataMatcherArray;

    it('sends its request item, follows next, and saves one record per key', async () => {
        const t = createTestHost();
        mockToken();
        const api = nock(TEST_BASE)
            .post(c.path, { meta: { pagination: { pageSize: 100 } }, data })
            .reply(200, envelope([c.record('a'), c.record('b')], 'page-2'))
            .post(c.path, { meta: { pagination: { pageSize: 100, pageToken: 'page-2' } }, data })
            .reply(200, envelope([c.record('c')]));
        const result = await t.runSync(c.sync);
        expect(api.isDone()).toBe(true);
        expect(result.models[c.model]).toMatchObject({ added: 3, deleted: 0 });
        expect(t.records(c.model)).toEqual([c.saved('a'), c.saved('b'), c.saved('c')]);
    });

    it('deletes what the next complete listing no longer has', async () => {
        const t = createTestHost();
        mockToken();
        nock(TEST_BASE)
            .post(c.path)
            .reply(200, envelope([c.record('a'), c.record('b')]));
        await t.runSync(c.sync);
        nock(TEST_BASE)
            .post(c.path)
            .reply(200, envelope([c.record('b')]));
        const second = await t.runSync(c.sync);
        expect(second.models[c.model]).toMatchObject({ deleted: 1 });
        expect(t.records(c.model)).toEqual([c.saved('b')]);
    });

    it("fails with Mimecast's code on fail[] and on a 403 (product not licensed), deleting nothing", async () => {
        const t = createTestHost();
        mockToken();
        nock(TEST_BASE)
            .post(c.path)
            .reply(200, envelope([c.record('a')]));
        await t.runSync(c.sync);
        nock(TEST_BASE)
            .post(c.path)
            .reply(200, failEnvelope('err_validation_invalid_value', 'pageSize is too large', 'pageSize'));
        await expect(t.runSync(c.sync)).rejects.toThrow(/err_validation_invalid_value/);
        nock(TEST_BASE)
            .post(c.path)
            .reply(403, { meta: { status: 403 }, data: [], fail: [] });
        await expect(t.runSync(c.sync)).rejects.toThrow(/HTTP 403.*lacks the product/);
        expect(t.records(c.model)).toEqual([c.saved('a')]);
    });

    it('skips a record without its id, saves the rest and leaves deletes to the next run', async () => {
        const t = createTestHost();
        mockToken();
        nock(TEST_BASE)
            .post(c.path)
            .reply(200, envelope([c.record('a'), c.record('b')]));
        await t.runSync(c.sync);
        const { [c.idField]: _id, ...unreadable } = c.record('a');
        nock(TEST_BASE)
            .post(c.path)
            .reply(200, envelope([unreadable, c.record('c')]));
        const second = await t.runSync(c.sync);
        expect(second.models[c.model]).toMatchObject({ deleted: 0 });
        expect(t.records(c.model).map((r) => r['id'])).toEqual(
            ['a@example.com', 'b@example.com', 'c@example.com'].map((id) => (c.idField === 'id' ? id.slice(0, 1) : id))
        );
        expect(t.logs.join('\n')).toMatch(new RegExp(`\\(no [^)]*\\b${c.idField}\\b`));
    });
}

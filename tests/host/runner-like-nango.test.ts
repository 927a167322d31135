// What Nango's runner does with a function's `nango` object, its records, metadata and output,
// reproduced by the local host by default (nango-notes: "What a self-hosted Nango did").
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { connectionFromEnv } from '../../host/connection.js';
import { createLogger } from '../../host/log.js';
import { GUARDED_NANGO_PROPERTIES, Host, MAX_ACTION_OUTPUT_BYTES } from '../../host/runner.js';
import type { FunctionInfo } from '../../host/runner.js';
import { toBatch } from '../../host/record-batch.js';
import { Store } from '../../host/store.js';
import { MAX_BACKLOG_RECORDS, ThreadWriter } from '../../host/store-writer.js';
import { mockToken, TEST_BASE, TEST_CLIENT_ID, TEST_CLIENT_SECRET } from '../harness.js';

const MODEL_SCHEMA = {
    definitions: {
        Thing: { type: 'object', properties: { id: { type: 'string' }, size: { type: 'number' } }, required: ['id', 'size'], additionalProperties: false }
    }
};

function fn(type: 'sync' | 'action', body: string): FunctionInfo {
    const file = join(mkdtempSync(join(tmpdir(), 'runner-')), 'fn.cjs');
    writeFileSync(file, `"use strict";\nmodule.exports = { default: { type: '${type}', exec: async (nango, input) => { ${body} } } };`);
    return { name: 'probe', type, description: '', file, models: type === 'sync' ? ['Thing'] : [], scopes: [], jsonSchema: MODEL_SCHEMA };
}

function host(options: { validateRecords?: boolean; storeFile?: string } = {}) {
    const logs: string[] = [];
    const connection = connectionFromEnv(
        { MIMECAST_CLIENT_ID: TEST_CLIENT_ID, MIMECAST_CLIENT_SECRET: TEST_CLIENT_SECRET, MIMECAST_BASE_URL: TEST_BASE },
        { clientId: '', clientSecret: '', baseUrl: '' }
    );
    const store = new Store(options.storeFile ?? ':memory:');
    const h = new Host({
        connection,
        store,
        logger: createLogger({ level: 'debug', write: (l) => logs.push(l) }),
        ...(options.validateRecords !== undefined ? { validateRecords: options.validateRecords } : {})
    });
    const records = () => store.listRecords(connection.connectionId, 'Thing').map((r) => r.data);
    return { host: h, store, connection, logs, records };
}

describe('the nango object is guarded', () => {
    it("refuses the SDK's internals and the host's own fields", async () => {
        const { host: h } = host();
        for (const prop of ['nango', 'runnerFlags', 'syncConfig', 'memoizedConnections', 'activityLogId', 'host', 'store']) {
            await expect(h.runAction(fn('action', `return nango.${prop};`), {})).rejects.toThrow(`nango.${prop} is not available to functions`);
        }
        expect(GUARDED_NANGO_PROPERTIES.size).toBeGreaterThanOrEqual(35);
    });

    it('refuses writes, and hides guarded names from `in`', async () => {
        const { host: h } = host();
        await expect(h.runAction(fn('action', 'nango.proxy = () => 1;'), {})).rejects.toThrow('not available to functions');
        await expect(h.runAction(fn('action', 'return ["nango" in nango, "proxy" in nango];'), {})).resolves.toEqual([false, true]);
    });

    it('lets the documented API through, bound to the real object', async () => {
        const { host: h } = host();
        mockToken(); // getMetadata reads the connection, whose view carries the current token
        const out = await h.runAction(
            fn(
                'action',
                'const get = nango.getMetadata; return [nango.connectionId, nango.providerConfigKey, nango.provider, typeof nango.ActionError, await get()];'
            ),
            {}
        );
        expect(out).toEqual(['mimecast-tenant', 'mimecast', 'mimecast', 'function', null]);
    });
});

describe('metadata', () => {
    it('is null until set, then what was set', async () => {
        const { host: h, store, connection } = host();
        mockToken();
        const probe = fn('action', 'return await nango.getMetadata();');
        await expect(h.runAction(probe, {})).resolves.toBeNull();
        store.setMetadata(connection.connectionId, { backfillDays: 3 });
        await expect(h.runAction(probe, {})).resolves.toEqual({ backfillDays: 3 });
    });
});

describe('action output', () => {
    it('is refused above 2 MB, like Nango', async () => {
        const { host: h } = host();
        const big = fn('action', `return { blob: 'x'.repeat(${MAX_ACTION_OUTPUT_BYTES}) };`);
        await expect(h.runAction(big, {})).rejects.toMatchObject({ type: 'action_output_too_large', payload: { maxBytes: MAX_ACTION_OUTPUT_BYTES } });
        const fits = fn('action', `return { blob: 'x'.repeat(${MAX_ACTION_OUTPUT_BYTES - 100}) };`);
        await expect(h.runAction(fits, {})).resolves.toMatchObject({ blob: expect.any(String) });
    });
});

describe('records', () => {
    it('fails a batch that holds a record without id', async () => {
        const { host: h, records } = host();
        await expect(h.runSync(fn('sync', 'await nango.batchSave([{ id: "a", size: 1 }, { size: 2 }], "Thing");'))).rejects.toMatchObject({
            type: 'invalid_records'
        });
        expect(records()).toEqual([]);
    });

    it('drops a duplicate id within one batch, keeping the first', async () => {
        const { host: h, records } = host();
        const result = await h.runSync(fn('sync', 'await nango.batchSave([{ id: "a", size: 1 }, { id: "b", size: 2 }, { id: "a", size: 3 }], "Thing");'));
        expect(records()).toEqual([
            { id: 'a', size: 1 },
            { id: 'b', size: 2 }
        ]);
        expect(result.models['Thing']).toMatchObject({ added: 2 });
    });

    it("are not validated against the model schema by default, as in Nango's production runner", async () => {
        const { host: h, records } = host();
        await h.runSync(fn('sync', 'await nango.batchSave([{ id: "a", size: "not a number", extra: true }], "Thing");'));
        expect(records()).toEqual([{ id: 'a', size: 'not a number', extra: true }]);
    });

    it('are validated when the host opts in (what the tests and `nango dryrun --validation` do)', async () => {
        const { host: h, records } = host({ validateRecords: true });
        await expect(h.runSync(fn('sync', 'await nango.batchSave([{ id: "a", size: "not a number" }], "Thing");'))).rejects.toThrow('invalid Thing record "a"');
        expect(records()).toEqual([]);
    });
});

describe('uncontrolledFetch', () => {
    it("refuses loopback targets other than the host's explicit allowance", async () => {
        const { host: h } = host();
        await expect(h.runAction(fn('action', 'return await nango.uncontrolledFetch({ url: new URL("http://127.0.0.1:9/x") });'), {})).rejects.toMatchObject({
            payload: { code: 'url_not_allowed' }
        });
    });
});

describe('store writes queued behind the function', () => {
    it('keeps what a failing run saved and checkpointed before it failed, in order', async () => {
        const { host: h, store, connection, records } = host();
        const failing = fn('sync', 'await nango.batchSave([{ id: "a", size: 1 }], "Thing"); await nango.saveCheckpoint({ page: 1 }); throw new Error("boom");');
        await expect(h.runSync(failing)).rejects.toThrow('boom');
        expect(records()).toEqual([{ id: 'a', size: 1 }]);
        expect(store.getCheckpoint(connection.connectionId, 'probe')).toEqual({ page: 1 });
    });

    it('reads its own writes: getCheckpoint and getRecordsByIds see what was queued', async () => {
        const { host: h } = host();
        const probe = fn(
            'sync',
            'await nango.batchSave([{ id: "a", size: 1 }], "Thing"); await nango.saveCheckpoint({ page: 2 }); const cp = await nango.getCheckpoint(); const got = await nango.getRecordsByIds(["a"], "Thing"); if (cp.page !== 2 || !got.get("a")) throw new Error("stale read");'
        );
        await expect(h.runSync(probe)).resolves.toMatchObject({ models: { Thing: { added: 1 } } });
    });

    it('reads queued saves and deletes back without writing them yet, and saves a record as it was when batchSave was called', async () => {
        const { host: h, store, connection, logs, records } = host();
        store.saveRecords(connection.connectionId, 'Thing', [
            { id: 'old', size: 0 },
            { id: 'gone', size: 0 }
        ]);
        const probe = fn(
            'sync',
            `const a = { id: "a", size: 1 };
             await nango.batchSave([a, { id: "old", size: 5 }], "Thing");
             await nango.batchDelete([{ id: "gone" }], "Thing");
             a.size = 99;
             const got = await nango.getRecordsByIds(["a", "old", "gone", "none"], "Thing");
             await nango.log("read: " + JSON.stringify([...got.entries()]));
             got.get("a").size = 42;`
        );
        const readBeforeWrite: boolean[] = [];
        await h.runSync(probe, { onProgress: () => readBeforeWrite.push(logs.some((line) => line.includes('read: '))) });
        expect(logs.find((line) => line.includes('read: '))).toContain('read: [["a",{"id":"a","size":1}],["old",{"id":"old","size":5}]]');
        // The write ran after the read: the read did not drain the queue.
        expect(readBeforeWrite).toEqual([true]);
        expect(records().sort((x, y) => String(x['id']).localeCompare(String(y['id'])))).toEqual([
            { id: 'a', size: 1 },
            { id: 'old', size: 5 }
        ]);
    });
});

describe('store writes on a worker thread (a file-backed store, as `npm start` uses)', () => {
    const storeFile = () => join(mkdtempSync(join(tmpdir(), 'store-thread-')), 'store.sqlite');

    it('commits what the run saved and checkpointed, counted, readable by another connection to the file', async () => {
        const file = storeFile();
        const { host: h, store, connection } = host({ storeFile: file });
        const probe = fn(
            'sync',
            `for (let page = 0; page < 3; page++) {
                 await nango.batchSave(Array.from({ length: 400 }, (_, i) => ({ id: page + "-" + i, size: i })), "Thing");
                 await nango.saveCheckpoint({ page });
             }
             await nango.batchSave([{ id: "0-1", size: 1 }, { id: "0-2", size: 99 }], "Thing");`
        );
        await expect(h.runSync(probe)).resolves.toMatchObject({ models: { Thing: { added: 1200, updated: 1, unchanged: 1 } } });
        const other = new Store(file);
        try {
            expect(other.countRecords(connection.connectionId, 'Thing')).toBe(1200);
            expect(other.getRecordsByIds(connection.connectionId, 'Thing', ['0-2']).get('0-2')).toEqual({ id: '0-2', size: 99 });
            expect(other.getCheckpoint(connection.connectionId, 'probe')).toEqual({ page: 2 });
        } finally {
            other.close();
            store.close();
        }
    });

    it("fails the run with the worker's error, keeping what was committed before and nothing of the failed group", async () => {
        const { host: h, store, connection } = host({ storeFile: storeFile() });
        const probe = fn(
            'sync',
            `await nango.batchSave([{ id: "kept", size: 1 }], "Thing");
             await nango.getCheckpoint();
             await nango.batchSave([{ id: "lost", size: 2 }], "Thing");
             await nango.saveCheckpoint({ big: 10n });`
        );
        await expect(h.runSync(probe)).rejects.toThrow(/BigInt/);
        try {
            expect(store.listRecords(connection.connectionId, 'Thing').map((r) => r.id)).toEqual(['kept']);
            expect(store.getCheckpoint(connection.connectionId, 'probe')).toBeNull();
        } finally {
            store.close();
        }
    });

    it("commits the thread's queued writes before a write on the host's own connection (a function's setMetadata mid-run)", async () => {
        const file = storeFile();
        const store = new Store(file);
        const other = new Store(file);
        try {
            await store.whenWriterReady();
            let committed = 0;
            store.writer.write({ kind: 'rows', connectionId: 'c', model: 'Thing', batch: toBatch([{ id: 'queued', size: 1 }]) }, (outcome) => {
                committed += outcome?.kind === 'rows' ? outcome.saved.added : 0;
            });
            store.setMetadata('c', { backfillDays: 2 });
            // Settled before setMetadata returned: the queued row was committed first, not left to the thread's timer.
            expect(committed).toBe(1);
            expect(other.getRecordsByIds('c', 'Thing', ['queued']).get('queued')).toEqual({ id: 'queued', size: 1 });
            expect(other.getMetadata('c')).toEqual({ backfillDays: 2 });
        } finally {
            other.close();
            store.close();
        }
    });

    it('holds at most MAX_BACKLOG_RECORDS unwritten records: past that a write waits for the worker', async () => {
        const store = new Store(storeFile());
        try {
            await store.whenWriterReady();
            const writer = store.writer as ThreadWriter;
            let most = 0;
            let committed = 0;
            for (let batch = 0; batch < 100; batch++) {
                const records = toBatch(Array.from({ length: 500 }, (_, i) => ({ id: `${batch}-${i}`, size: i })));
                writer.write({ kind: 'rows', connectionId: 'c', model: 'Thing', batch: records }, (outcome) => {
                    committed += outcome?.kind === 'rows' ? outcome.saved.added : 0;
                });
                most = Math.max(most, writer.backlogRecords);
            }
            writer.flush();
            expect(most).toBeLessThanOrEqual(MAX_BACKLOG_RECORDS);
            expect(committed).toBe(50_000);
            expect(store.countRecords('c', 'Thing')).toBe(50_000);
        } finally {
            store.close();
        }
    });
});

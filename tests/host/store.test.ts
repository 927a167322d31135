// The embedded store: upserts by (connection, model, id) found through recordKey, added / updated /
// unchanged told apart by the stored JSON, soft deletes, and store files of earlier schema versions
// opened by this one (their records kept and found).
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import Database from 'better-sqlite3';

import { recordKey, Store } from '../../host/store.js';

const C = 'conn-1';

describe('store', () => {
    let dir: string;
    beforeEach(() => {
        dir = mkdtempSync(join(tmpdir(), 'store-test-'));
    });
    afterEach(() => {
        rmSync(dir, { recursive: true, force: true });
    });

    it('tells added, updated and unchanged records apart, per connection and model', () => {
        const store = new Store(':memory:');
        expect(
            store.saveRecords(C, 'Thing', [
                { id: 'a', n: 1 },
                { id: 'b', n: 1 }
            ])
        ).toEqual({ added: 2, updated: 0, unchanged: 0 });
        expect(
            store.saveRecords(C, 'Thing', [
                { id: 'a', n: 1 },
                { id: 'b', n: 2 },
                { id: 'c', n: 1 }
            ])
        ).toEqual({ added: 1, updated: 1, unchanged: 1 });
        // The same id in another model or connection is another record.
        expect(store.saveRecords(C, 'Other', [{ id: 'a', n: 1 }])).toEqual({ added: 1, updated: 0, unchanged: 0 });
        expect(store.saveRecords('conn-2', 'Thing', [{ id: 'a', n: 1 }])).toEqual({ added: 1, updated: 0, unchanged: 0 });
        expect(store.listRecords(C, 'Thing').map((r) => r.data)).toEqual([
            { id: 'a', n: 1 },
            { id: 'b', n: 2 },
            { id: 'c', n: 1 }
        ]);
        expect(store.countRecords(C, 'Other')).toBe(1);
        store.close();
    });

    it('keeps the last of two records with one id in a batch, once', () => {
        const store = new Store(':memory:');
        expect(
            store.saveRecords(C, 'Thing', [
                { id: 'a', n: 1 },
                { id: 'a', n: 2 }
            ])
        ).toEqual({ added: 1, updated: 1, unchanged: 0 });
        expect(store.listRecords(C, 'Thing').map((r) => r.data)).toEqual([{ id: 'a', n: 2 }]);
        store.close();
    });

    it('keeps last_modified_at for an unchanged record and moves it for an updated one', async () => {
        const store = new Store(':memory:');
        store.saveRecords(C, 'Thing', [{ id: 'a', n: 1 }]);
        const first = store.listRecords(C, 'Thing')[0]!.lastModifiedAt;
        store.trackDeletesStart(C, 'Thing', 'run-2'); // a written unchanged row: seen_run is marked, the time kept
        expect(store.saveRecords(C, 'Thing', [{ id: 'a', n: 1 }])).toEqual({ added: 0, updated: 0, unchanged: 1 });
        expect(store.listRecords(C, 'Thing')[0]!.lastModifiedAt).toBe(first);
        expect(store.trackDeletesEnd(C, 'Thing')).toEqual([]);
        await new Promise<void>((resolve) => setTimeout(resolve, 5));
        store.saveRecords(C, 'Thing', [{ id: 'a', n: 2 }]);
        expect(store.listRecords(C, 'Thing')[0]!.lastModifiedAt > first).toBe(true);
        store.close();
    });

    it('finds records by id for getRecordsByIds and deletes, and a deleted record saved again is added', () => {
        const store = new Store(':memory:');
        store.saveRecords(C, 'Thing', [
            { id: 'a', n: 1 },
            { id: 'b', n: 1 }
        ]);
        expect([...store.getRecordsByIds(C, 'Thing', ['b', 'zz']).entries()]).toEqual([['b', { id: 'b', n: 1 }]]);
        // In the order asked, each once; ids of another model are not found.
        expect([...store.getRecordsByIds(C, 'Thing', ['b', 'a', 'b']).keys()]).toEqual(['b', 'a']);
        expect(store.getRecordsByIds(C, 'Other', ['a']).size).toBe(0);
        expect(store.deleteRecords(C, 'Thing', ['b', 'zz'])).toBe(1);
        expect(store.getRecordsByIds(C, 'Thing', ['b']).size).toBe(0);
        expect(store.listRecords(C, 'Thing', { includeDeleted: true }).find((r) => r.id === 'b')!.deletedAt).not.toBeNull();
        expect(store.saveRecords(C, 'Thing', [{ id: 'b', n: 1 }])).toEqual({ added: 1, updated: 0, unchanged: 0 });
        expect(store.countRecords(C, 'Thing')).toBe(2);
        store.close();
    });

    it('tells apart two ids that share a key', () => {
        const store = new Store(':memory:');
        // Force a shared key: rows of another id written with the key of `a` (as a 48-bit collision would be).
        store.saveRecords(C, 'Thing', [
            { id: 'a', n: 1 },
            { id: 'b', n: 1 }
        ]);
        const db = (store as unknown as { db: Database.Database }).db;
        db.prepare('UPDATE records SET key = ? WHERE id = ?').run(recordKey(C, 'Thing', 'a'), 'b');
        expect(store.saveRecords(C, 'Thing', [{ id: 'a', n: 2 }])).toEqual({ added: 0, updated: 1, unchanged: 0 });
        expect([...store.getRecordsByIds(C, 'Thing', ['a']).values()]).toEqual([{ id: 'a', n: 2 }]);
        expect(store.listRecords(C, 'Thing').map((r) => r.data)).toEqual([
            { id: 'a', n: 2 },
            { id: 'b', n: 1 }
        ]);
        store.close();
    });

    const EARLIER_SCHEMAS = {
        // Version 0: a primary key on the three texts, a SHA-256 of the JSON.
        0: `CREATE TABLE records (
                connection_id TEXT NOT NULL, model TEXT NOT NULL, id TEXT NOT NULL,
                data TEXT NOT NULL, hash TEXT NOT NULL, seen_run TEXT,
                first_seen_at TEXT NOT NULL, last_modified_at TEXT NOT NULL, deleted_at TEXT,
                PRIMARY KEY (connection_id, model, id));`,
        // Version 1: found by recordKey, still with the SHA-256.
        1: `CREATE TABLE records (
                connection_id TEXT NOT NULL, model TEXT NOT NULL, id TEXT NOT NULL,
                data TEXT NOT NULL, hash TEXT NOT NULL, seen_run TEXT,
                first_seen_at TEXT NOT NULL, last_modified_at TEXT NOT NULL, deleted_at TEXT,
                key INTEGER NOT NULL);
            CREATE INDEX records_key ON records (key);`
    };

    it.each([0, 1] as const)('opens a store file of schema version %i: its records, times and delete marks are kept and found', (version) => {
        const file = join(dir, 'old.sqlite');
        const old = new Database(file);
        old.exec(`${EARLIER_SCHEMAS[version]}
            CREATE TABLE checkpoints (connection_id TEXT NOT NULL, sync_name TEXT NOT NULL, data TEXT NOT NULL, PRIMARY KEY (connection_id, sync_name));`);
        old.pragma(`user_version = ${version}`);
        const insert = old.prepare(
            `INSERT INTO records (connection_id, model, id, data, hash, seen_run, first_seen_at, last_modified_at, deleted_at${version === 1 ? ', key' : ''})
             VALUES (?, ?, ?, ?, ?, NULL, ?, ?, ?${version === 1 ? ', ?' : ''})`
        );
        const row = (id: string, lastModified: string, deletedAt: string | null) => {
            const data = JSON.stringify({ id, n: 1 });
            const values = [C, 'Thing', id, data, createHash('sha256').update(data).digest('hex'), '2026-01-01T00:00:00.000Z', lastModified, deletedAt];
            insert.run(...values, ...(version === 1 ? [recordKey(C, 'Thing', id)] : []));
        };
        row('a', '2026-01-02T00:00:00.000Z', null);
        row('b', '2026-01-03T00:00:00.000Z', '2026-01-03T00:00:00.000Z');
        old.prepare('INSERT INTO checkpoints VALUES (?, ?, ?)').run(C, 'things', '{"cursor":"x"}');
        old.close();

        const store = new Store(file);
        expect(store.listRecords(C, 'Thing', { includeDeleted: true })).toEqual([
            { id: 'a', data: { id: 'a', n: 1 }, deletedAt: null, lastModifiedAt: '2026-01-02T00:00:00.000Z' },
            { id: 'b', data: { id: 'b', n: 1 }, deletedAt: '2026-01-03T00:00:00.000Z', lastModifiedAt: '2026-01-03T00:00:00.000Z' }
        ]);
        expect(store.getCheckpoint(C, 'things')).toEqual({ cursor: 'x' });
        // Found by id: the same content is unchanged, the deleted one comes back as added.
        expect(
            store.saveRecords(C, 'Thing', [
                { id: 'a', n: 1 },
                { id: 'b', n: 1 },
                { id: 'c', n: 1 }
            ])
        ).toEqual({ added: 2, updated: 0, unchanged: 1 });
        expect(store.countRecords(C, 'Thing')).toBe(3);
        store.close();
        const columns = new Database(file).prepare('SELECT name FROM pragma_table_info(?)').all('records') as { name: string }[];
        expect(columns.map((c) => c.name)).not.toContain('hash');
        // Opened again: no second migration, the same records.
        const again = new Store(file);
        expect(again.countRecords(C, 'Thing')).toBe(3);
        again.close();
    });
});

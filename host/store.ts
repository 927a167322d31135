// The embedded store: records, deletes, checkpoints and metadata per connection, in SQLite, so a
// second run is incremental exactly as on Nango. Records are upserts by (connection, model, id);
// the stored JSON tells added, updated and unchanged apart; deletes are soft (deleted_at).
import { hash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

import Database from 'better-sqlite3';

import { batchRows, toBatch } from './record-batch.js';
import type { RecordRow } from './record-batch.js';
import { InlineWriter, ThreadWriter } from './store-writer.js';
import type { StoreWriter } from './store-writer.js';

export interface SaveResult {
    added: number;
    updated: number;
    unchanged: number;
}

export interface StoredRecord {
    id: string;
    data: Record<string, unknown>;
    deletedAt: string | null;
    lastModifiedAt: string;
}

/**
 * The records table's lookup key: 48 bits of the SHA-1 of (connection, model, id), indexed. Ids are
 * mostly content hashes, so an index of the ids themselves (100 bytes an entry with connection and
 * model) takes every batch of new records to pages all over it: at a million records it no longer fits
 * in the page cache, and each commit rewrote most of it (the write rate fell to a third by the millionth
 * record). This index is 12 bytes an entry. Two ids sharing a key are told apart by the row itself.
 */
export function recordKey(connectionId: string, model: string, id: string): number {
    // The first 12 hex digits as a signed 48-bit integer (hex output: a Buffer costs more than the digest).
    const high = parseInt(hash('sha1', `${connectionId}\u0000${model}\u0000${id}`, 'hex').slice(0, 12), 16);
    return high >= 2 ** 47 ? high - 2 ** 48 : high;
}

/** A records row as the key lookup reads it. */
interface KeyedRow {
    rowid: number;
    id: string;
    data: string;
    deleted_at: string | null;
}

/**
 * 0: records under a primary key on (connection, model, id), with a SHA-256 of their JSON. 1: found by
 * recordKey. 2: without the SHA-256 (an update compares the JSON itself; a new record needs neither).
 */
const SCHEMA_VERSION = 2;

const RECORDS_TABLE = `
    CREATE TABLE IF NOT EXISTS records (
        connection_id TEXT NOT NULL, model TEXT NOT NULL, id TEXT NOT NULL, data TEXT NOT NULL, seen_run TEXT,
        first_seen_at TEXT NOT NULL, last_modified_at TEXT NOT NULL, deleted_at TEXT, key INTEGER NOT NULL);
    CREATE INDEX IF NOT EXISTS records_key ON records (key);`;

/** A store written by an earlier version gets its records table rebuilt, once: every record kept, in order. */
function migrateRecords(db: Database.Database): void {
    const version = db.pragma('user_version', { simple: true }) as number;
    const hasRecords = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'records'").get() !== undefined;
    if (version >= SCHEMA_VERSION || !hasRecords) {
        return;
    }
    db.function('record_key', { deterministic: true }, (connectionId, model, id) => recordKey(String(connectionId), String(model), String(id)));
    db.transaction(() => {
        db.exec(`
            DROP INDEX IF EXISTS records_key;
            ALTER TABLE records RENAME TO records_before;
            ${RECORDS_TABLE}
            INSERT INTO records (connection_id, model, id, data, seen_run, first_seen_at, last_modified_at, deleted_at, key)
                SELECT connection_id, model, id, data, seen_run, first_seen_at, last_modified_at, deleted_at, record_key(connection_id, model, id)
                FROM records_before ORDER BY rowid;
            DROP TABLE records_before;
        `);
    })();
}

export class Store {
    private readonly db: Database.Database;

    private readonly statements: { existing: Database.Statement; insert: Database.Statement; update: Database.Statement };

    private storeWriter: StoreWriter | undefined;

    constructor(private readonly file: string) {
        if (file !== ':memory:') {
            mkdirSync(dirname(file), { recursive: true });
        }
        this.db = new Database(file);
        // Set before anything is written (a store file keeps the page size it was created with). Records
        // are 1-2 KB of JSON under random ids: with 16 KB pages a batch dirties far fewer index and table
        // pages than with SQLite's default 4 KB, and a checkpoint writes fewer of them (half the writer's CPU).
        this.db.pragma('page_size = 16384');
        this.db.pragma('journal_mode = WAL');
        // Safe with WAL (a crash loses at most the last transaction, never corrupts) and much faster per batch.
        this.db.pragma('synchronous = NORMAL');
        // A sync writes batches of records with random ids, so every commit dirties pages all over the id
        // index. A bigger page cache and a 64 MB write-ahead log (SQLite's default: 4 MB) fold those
        // rewrites into far fewer checkpoints, each an fsync. Not larger: a checkpoint holds up the writer
        // thread, and at a million records a 256 MB one took about 2 s, long enough for the host's backlog
        // bound (store-writer.ts) to stop the sync for a second each time (SIEM 1M: 96 s, 83-90 s at 64 MB).
        // After a checkpoint the log file is cut back to 64 MB, so it does not keep its peak size on disk.
        this.db.pragma('cache_size = -65536');
        this.db.pragma('wal_autocheckpoint = 4096');
        this.db.pragma('journal_size_limit = 67108864');
        migrateRecords(this.db);
        this.db.exec(`
            ${RECORDS_TABLE}
            CREATE TABLE IF NOT EXISTS checkpoints (
                connection_id TEXT NOT NULL, sync_name TEXT NOT NULL, data TEXT NOT NULL,
                PRIMARY KEY (connection_id, sync_name));
            CREATE TABLE IF NOT EXISTS metadata (connection_id TEXT PRIMARY KEY, data TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS delete_tracking (
                connection_id TEXT NOT NULL, model TEXT NOT NULL, run_id TEXT NOT NULL,
                PRIMARY KEY (connection_id, model));
        `);
        if (this.db.pragma('user_version', { simple: true }) !== SCHEMA_VERSION) {
            this.db.pragma(`user_version = ${SCHEMA_VERSION}`);
        }
        this.statements = {
            existing: this.db.prepare(
                'SELECT rowid, id, data, deleted_at FROM records WHERE key IN (SELECT value FROM json_each(?)) AND connection_id = ? AND model = ?'
            ),
            insert: this.db.prepare(`
                INSERT INTO records (connection_id, model, id, data, seen_run, first_seen_at, last_modified_at, deleted_at, key)
                VALUES (?, ?, ?, ?, ?, ?, ?, NULL, ?)`),
            update: this.db.prepare(
                'UPDATE records SET data = ?, seen_run = ?, deleted_at = NULL, last_modified_at = CASE WHEN ? THEN last_modified_at ELSE ? END WHERE rowid = ?'
            )
        };
    }

    close(): void {
        this.storeWriter?.close();
        this.db.close();
    }

    /** Starts the writer now (a thread takes a few hundred ms to start), so that it is up when a run first saves. */
    startWriter(): void {
        this.storeWriter ??= this.file === ':memory:' ? new InlineWriter(this) : new ThreadWriter(this.file);
    }

    /** Resolves once the writer can commit (its thread has started). */
    whenWriterReady(): Promise<void> {
        return this.writer.ready();
    }

    /** Where sync runs queue their record and checkpoint writes (store-writer.ts): a worker thread for a file. */
    get writer(): StoreWriter {
        this.startWriter();
        return this.storeWriter!;
    }

    /**
     * Before a write on this connection: the writes queued to the store's thread are committed first.
     * That thread keeps a transaction open while it fills a group, and SQLite lets one connection write
     * at a time; so a host-side write (a function's setMetadata mid-run) lands after what was queued
     * before it and does not wait on the thread's lock. Writes the thread applies run on its own Store,
     * which has no writer.
     */
    private afterQueuedWrites(): void {
        if (this.storeWriter instanceof ThreadWriter) {
            this.storeWriter.flush();
        }
    }

    /** Opens the transaction of a group of queued writes (store-writer.ts WriteGroups), ended by commit or rollback. */
    begin(): void {
        this.db.exec('BEGIN IMMEDIATE');
    }

    commit(): void {
        this.db.exec('COMMIT');
    }

    rollback(): void {
        if (this.db.inTransaction) {
            this.db.exec('ROLLBACK');
        }
    }

    saveRecords(connectionId: string, model: string, records: Record<string, unknown>[]): SaveResult {
        return this.saveRows(connectionId, model, batchRows(toBatch(records)));
    }

    /** Saves records already serialized (a batch snapshotted by toBatch when the function saved it). */
    saveRows(connectionId: string, model: string, rows: RecordRow[]): SaveResult {
        this.afterQueuedWrites();
        const result: SaveResult = { added: 0, updated: 0, unchanged: 0 };
        const now = new Date().toISOString();
        const run = this.trackingRun(connectionId, model) ?? null;
        this.db.transaction(() => {
            // One lookup for the whole batch instead of one per record.
            const keys = rows.map((row) => recordKey(connectionId, model, row.id));
            const existing = new Map<string, Omit<KeyedRow, 'id'>>();
            for (const row of this.rowsWithKeys(connectionId, model, keys)) {
                existing.set(row.id, row);
            }
            rows.forEach((row, i) => {
                const before = existing.get(row.id);
                if (!before) {
                    result.added += 1;
                    const { lastInsertRowid } = this.statements.insert.run(connectionId, model, row.id, row.data, run, now, now, keys[i]);
                    // A later row of the same batch with this id updates this one (the last one wins, as an upsert).
                    existing.set(row.id, { rowid: Number(lastInsertRowid), data: row.data, deleted_at: null });
                    return;
                }
                // The JSON as stored tells an updated record from an unchanged one.
                const same = before.data === row.data && before.deleted_at === null;
                if (before.deleted_at) {
                    result.added += 1;
                } else if (!same) {
                    result.updated += 1;
                } else {
                    result.unchanged += 1;
                    if (run === null) {
                        return; // nothing to write: same content, no delete tracking to mark
                    }
                }
                this.statements.update.run(row.data, run, same ? 1 : 0, now, before.rowid);
                existing.set(row.id, { rowid: before.rowid, data: row.data, deleted_at: null });
            });
        })();
        return result;
    }

    deleteRecords(connectionId: string, model: string, ids: string[]): number {
        this.afterQueuedWrites();
        const now = new Date().toISOString();
        const stmt = this.db.prepare(
            'UPDATE records SET deleted_at = ?, last_modified_at = ? WHERE key = ? AND connection_id = ? AND model = ? AND id = ? AND deleted_at IS NULL'
        );
        let deleted = 0;
        this.db.transaction(() => {
            for (const id of ids) {
                deleted += stmt.run(now, now, recordKey(connectionId, model, id), connectionId, model, id).changes;
            }
        })();
        return deleted;
    }

    /** Starts delete tracking: records not saved again before trackDeletesEnd are deleted then. */
    trackDeletesStart(connectionId: string, model: string, runId: string): void {
        this.afterQueuedWrites();
        this.db
            .prepare('INSERT INTO delete_tracking (connection_id, model, run_id) VALUES (?, ?, ?) ON CONFLICT DO UPDATE SET run_id = excluded.run_id')
            .run(connectionId, model, runId);
    }

    trackDeletesEnd(connectionId: string, model: string): string[] {
        this.afterQueuedWrites();
        const run = this.trackingRun(connectionId, model);
        if (!run) {
            return [];
        }
        const now = new Date().toISOString();
        const gone = this.db
            .prepare('SELECT id FROM records WHERE connection_id = ? AND model = ? AND deleted_at IS NULL AND (seen_run IS NULL OR seen_run != ?)')
            .all(connectionId, model, run) as { id: string }[];
        this.db.transaction(() => {
            this.db
                .prepare(
                    'UPDATE records SET deleted_at = ?, last_modified_at = ? WHERE connection_id = ? AND model = ? AND deleted_at IS NULL AND (seen_run IS NULL OR seen_run != ?)'
                )
                .run(now, now, connectionId, model, run);
            this.db.prepare('DELETE FROM delete_tracking WHERE connection_id = ? AND model = ?').run(connectionId, model);
        })();
        return gone.map((row) => row.id);
    }

    listRecords(connectionId: string, model: string, options: { includeDeleted?: boolean } = {}): StoredRecord[] {
        const rows = this.db
            .prepare(
                `SELECT id, data, deleted_at, last_modified_at FROM records WHERE connection_id = ? AND model = ? ${options.includeDeleted ? '' : 'AND deleted_at IS NULL'} ORDER BY rowid`
            )
            .all(connectionId, model) as { id: string; data: string; deleted_at: string | null; last_modified_at: string }[];
        return rows.map((row) => ({
            id: row.id,
            data: JSON.parse(row.data) as Record<string, unknown>,
            deletedAt: row.deleted_at,
            lastModifiedAt: row.last_modified_at
        }));
    }

    countRecords(connectionId: string, model: string): number {
        const row = this.db
            .prepare('SELECT COUNT(*) AS n FROM records WHERE connection_id = ? AND model = ? AND deleted_at IS NULL')
            .get(connectionId, model) as { n: number };
        return row.n;
    }

    /** How many live records of `model` there are and the UTF-8 bytes of their JSON. */
    modelSize(connectionId: string, model: string): { records: number; bytes: number } {
        const row = this.db
            .prepare(
                'SELECT COUNT(*) AS records, COALESCE(SUM(LENGTH(CAST(data AS BLOB))), 0) AS bytes FROM records WHERE connection_id = ? AND model = ? AND deleted_at IS NULL'
            )
            .get(connectionId, model) as { records: number; bytes: number };
        return row;
    }

    getRecordsByIds(connectionId: string, model: string, ids: string[]): Map<string, Record<string, unknown>> {
        const out = new Map<string, Record<string, unknown>>();
        if (ids.length === 0) {
            return out;
        }
        // One lookup for all the ids (a sync reads back a page's worth at a time), then in the order asked.
        const wanted = new Set(ids);
        const found = new Map<string, string>();
        for (const row of this.rowsWithKeys(
            connectionId,
            model,
            ids.map((id) => recordKey(connectionId, model, id))
        )) {
            if (row.deleted_at === null && wanted.has(row.id)) {
                found.set(row.id, row.data);
            }
        }
        for (const id of ids) {
            const data = found.get(id);
            if (data !== undefined && !out.has(id)) {
                out.set(id, JSON.parse(data) as Record<string, unknown>);
            }
        }
        return out;
    }

    getCheckpoint(connectionId: string, syncName: string): Record<string, string | number | boolean> | null {
        const row = this.db.prepare('SELECT data FROM checkpoints WHERE connection_id = ? AND sync_name = ?').get(connectionId, syncName) as
            { data: string } | undefined;
        return row ? (JSON.parse(row.data) as Record<string, string | number | boolean>) : null;
    }

    saveCheckpoint(connectionId: string, syncName: string, checkpoint: Record<string, unknown>): void {
        this.afterQueuedWrites();
        this.db
            .prepare('INSERT INTO checkpoints (connection_id, sync_name, data) VALUES (?, ?, ?) ON CONFLICT DO UPDATE SET data = excluded.data')
            .run(connectionId, syncName, JSON.stringify(checkpoint));
    }

    clearCheckpoint(connectionId: string, syncName: string): void {
        this.afterQueuedWrites();
        this.db.prepare('DELETE FROM checkpoints WHERE connection_id = ? AND sync_name = ?').run(connectionId, syncName);
    }

    /** The connection's metadata, or null when none was ever set (as Nango's getMetadata returns). */
    getMetadata(connectionId: string): Record<string, unknown> | null {
        const row = this.db.prepare('SELECT data FROM metadata WHERE connection_id = ?').get(connectionId) as { data: string } | undefined;
        return row ? (JSON.parse(row.data) as Record<string, unknown>) : null;
    }

    setMetadata(connectionId: string, metadata: Record<string, unknown>): void {
        this.afterQueuedWrites();
        this.db
            .prepare('INSERT INTO metadata (connection_id, data) VALUES (?, ?) ON CONFLICT DO UPDATE SET data = excluded.data')
            .run(connectionId, JSON.stringify(metadata));
    }

    /** The rows of `model` under any of `keys` (recordKey): those of the ids looked up, and any sharing their keys. */
    private rowsWithKeys(connectionId: string, model: string, keys: number[]): KeyedRow[] {
        return this.statements.existing.all(JSON.stringify(keys), connectionId, model) as KeyedRow[];
    }

    private trackingRun(connectionId: string, model: string): string | undefined {
        const row = this.db.prepare('SELECT run_id FROM delete_tracking WHERE connection_id = ? AND model = ?').get(connectionId, model) as
            { run_id: string } | undefined;
        return row?.run_id;
    }
}

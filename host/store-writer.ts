// Where a sync's store writes run. On Nango a function's batchSave and saveCheckpoint go to the
// persist service, and the database work happens in another process. Here a file-backed store hands
// them to a worker thread (store-thread.mjs) with its own SQLite connection, so the function's thread
// only serializes; an in-memory store (tests) runs them on the calling thread. Both apply the same
// writes (applyWrite), in order, committed in groups (WriteGroups): once GROUP_RECORDS records are
// waiting, GROUP_MS after the first, or when the host asks (flush) before it reads or ends a run.
import { MessageChannel, parentPort, receiveMessageOnPort, Worker, workerData } from 'node:worker_threads';
import type { MessagePort } from 'node:worker_threads';

import { batchRows } from './record-batch.js';
import type { RecordBatch } from './record-batch.js';
import type { SaveResult, Store } from './store.js';

/** Queued writes are committed together once this many records wait... */
export const GROUP_RECORDS = 10_000;
/**
 * ...or this long after the first of them was queued, but at least COMMIT_SPACING times as long as the
 * last group kept the writer busy (applying its writes and committing them). Short, so that what is left
 * to commit when a run ends (the host flushes then) is what came in the last tenth of a second, not the
 * whole run of a small sync (10,000 audit records took 200 ms to commit after their last page with
 * 500 ms). Spaced by the last group, because a commit rewrites pages all over the record index, more of
 * them the bigger the store: at a million records, commits every 100 ms made the writer half as fast as
 * commits of 10,000 records. Twice the last group, not four times: with 4x a 10k SIEM run's groups grew
 * to a dozen pages and its last commit kept the run waiting about 115 ms (a tenth of it), with 2x 20-30
 * ms; at a million records groups fill to GROUP_RECORDS first either way (SIEM 1M: 134 commits, 83 s,
 * with both).
 */
export const GROUP_MS = 100;
const COMMIT_SPACING = 2;
/** Records sent to the worker and not yet committed, at most: past it a write waits (flushes), so a store slower than the function cannot pile rows up in memory. */
export const MAX_BACKLOG_RECORDS = 40_000;
/** A flush that waits longer than this for the worker fails instead of hanging the host. */
const FLUSH_TIMEOUT_MS = 120_000;

export type StoreWrite =
    | { kind: 'rows'; connectionId: string; model: string; batch: RecordBatch }
    | { kind: 'delete'; connectionId: string; model: string; ids: string[] }
    | { kind: 'checkpoint'; connectionId: string; syncName: string; data: Record<string, unknown> };

export type WriteOutcome = { kind: 'rows'; saved: SaveResult } | { kind: 'delete'; deleted: number } | { kind: 'checkpoint' };

/** Called once per write, when its group committed (outcome) or failed (error). */
export type WriteDone = (outcome: WriteOutcome | undefined, error?: Error) => void;

/** Applies one write, inside the group's transaction. */
function applyWrite(store: Store, w: StoreWrite): WriteOutcome {
    if (w.kind === 'rows') {
        return { kind: 'rows', saved: store.saveRows(w.connectionId, w.model, batchRows(w.batch)) };
    }
    if (w.kind === 'delete') {
        return { kind: 'delete', deleted: store.deleteRecords(w.connectionId, w.model, w.ids) };
    }
    store.saveCheckpoint(w.connectionId, w.syncName, w.data);
    return { kind: 'checkpoint' };
}

function recordsIn(write: StoreWrite): number {
    return write.kind === 'rows' ? write.batch.ids.length : write.kind === 'delete' ? write.ids.length : 0;
}

function asError(err: unknown): Error {
    return err instanceof Error ? err : new Error(String(err));
}

/**
 * The writes of one commit, in one transaction: all of them or none (a write that fails rolls the group
 * back, and every write of it gets that error). Committed once GROUP_RECORDS records are in it, GROUP_MS
 * after its first write, or at flush. On the worker thread (`applyOnArrival`) each write is applied as it
 * arrives, inside the group's open transaction, so the thread works while the function does and a run's
 * end waits for a commit, not for a backlog (a 10k SIEM run kept 6,000-8,000 rows for its last flush,
 * 80-120 ms). On the calling thread (in-memory stores) writes are applied at commit: there is nothing to
 * overlap with, and no transaction stays open under the host's own reads and writes.
 */
class WriteGroups<E extends { write: StoreWrite }> {
    private entries: E[] = [];
    private outcomes: WriteOutcome[] = [];
    private error: Error | undefined;
    private records = 0;
    private timer: ReturnType<typeof setTimeout> | undefined;
    private soon = false;
    /** How long the group being filled has kept the thread busy, and the last group did in all (ms). */
    private busyMs = 0;
    private lastGroupMs = 0;

    constructor(
        private readonly store: Store,
        private readonly applyOnArrival: boolean,
        private readonly settle: (group: E[], outcomes: WriteOutcome[], error: Error | undefined) => void
    ) {}

    add(entry: E): void {
        if (this.entries.length === 0 && this.applyOnArrival) {
            this.begin();
        }
        this.entries.push(entry);
        if (this.applyOnArrival) {
            this.apply(entry.write);
        }
        this.records += recordsIn(entry.write);
        // A failed group is settled at once: the writes after it start a new one.
        if (this.records >= GROUP_RECORDS || this.error !== undefined) {
            if (!this.soon) {
                this.soon = true;
                setImmediate(() => this.flush());
            }
        } else if (this.timer === undefined) {
            this.timer = setTimeout(() => this.flush(), Math.max(GROUP_MS, COMMIT_SPACING * this.lastGroupMs));
        }
    }

    flush(): void {
        clearTimeout(this.timer);
        this.timer = undefined;
        this.soon = false;
        if (this.entries.length === 0) {
            return;
        }
        if (!this.applyOnArrival) {
            this.begin();
            this.entries.forEach((entry) => this.apply(entry.write));
        }
        const started = performance.now();
        if (this.error === undefined) {
            try {
                this.store.commit();
            } catch (err) {
                this.fail(err);
            }
        }
        const { entries, outcomes, error } = this;
        this.entries = [];
        this.outcomes = [];
        this.error = undefined;
        this.records = 0;
        // Its writes (busyMs, whenever they were applied) and its commit.
        this.lastGroupMs = this.busyMs + (performance.now() - started);
        this.busyMs = 0;
        this.settle(entries, outcomes, error);
    }

    private begin(): void {
        try {
            this.store.begin();
        } catch (err) {
            this.error = asError(err);
        }
    }

    /** Applies one write unless the group has already failed. */
    private apply(write: StoreWrite): void {
        if (this.error !== undefined) {
            return;
        }
        const started = performance.now();
        try {
            this.outcomes.push(applyWrite(this.store, write));
        } catch (err) {
            this.fail(err);
        }
        this.busyMs += performance.now() - started;
    }

    private fail(err: unknown): void {
        this.error = asError(err);
        this.store.rollback();
    }
}

export interface StoreWriter {
    /** Queues one write; `done` is called when it is committed (or failed). */
    write(write: StoreWrite, done: WriteDone): void;
    /** Commits everything queued now and calls its `done`s before returning. */
    flush(): void;
    /** Resolves once writes can be committed (a thread has started and opened the store). */
    ready(): Promise<void>;
    close(): void;
}

/** Writes on the calling thread (in-memory stores), grouped the same way. */
export class InlineWriter implements StoreWriter {
    private readonly groups: WriteGroups<{ write: StoreWrite; done: WriteDone }>;

    constructor(store: Store) {
        this.groups = new WriteGroups(store, false, (group, outcomes, error) =>
            group.forEach((entry, i) => entry.done(error ? undefined : outcomes[i], error))
        );
    }

    write(write: StoreWrite, done: WriteDone): void {
        this.groups.add({ write, done });
    }

    flush(): void {
        this.groups.flush();
    }

    ready(): Promise<void> {
        return Promise.resolve();
    }

    close(): void {
        this.flush();
    }
}

/** What the worker sends back: per write sequence number, its outcome or its group's error. */
type ThreadReply = { seq: number; outcome: WriteOutcome } | { seq: number; error: string } | { ready: true };

/**
 * Writes on a worker thread with its own connection to the same SQLite file (WAL lets the host's
 * connection read meanwhile). A flush blocks until the worker has committed every write sent so far
 * (Atomics.wait on a shared counter), then runs their `done`s: the host's reads stay synchronous.
 */
export class ThreadWriter implements StoreWriter {
    private readonly worker: Worker;
    private readonly replies: MessagePort;
    /** [0]: the highest sequence number the worker has committed or failed. */
    private readonly committed = new Int32Array(new SharedArrayBuffer(4));
    private readonly pending = new Map<number, { done: WriteDone; records: number }>();
    private backlog = 0;
    private seq = 0;
    private closed = false;
    private readonly started: Promise<void>;
    private markStarted: () => void = () => undefined;

    constructor(file: string) {
        const channel = new MessageChannel();
        this.replies = channel.port1;
        this.worker = new Worker(new URL('./store-thread.mjs', import.meta.url), {
            workerData: { file, committed: this.committed, replies: channel.port2 },
            transferList: [channel.port2]
        });
        // Neither keeps the host process alive: close() ends the worker, and an idle host may exit.
        this.worker.unref();
        this.replies.unref();
        this.started = new Promise((resolve) => (this.markStarted = resolve));
        this.replies.on('message', (reply: ThreadReply) => this.settle(reply));
        this.worker.on('error', (err) => {
            this.markStarted();
            this.failAll(err);
        });
    }

    ready(): Promise<void> {
        return this.started;
    }

    /** Records sent and not yet committed (never above MAX_BACKLOG_RECORDS once write returns). */
    get backlogRecords(): number {
        return this.backlog;
    }

    write(write: StoreWrite, done: WriteDone): void {
        if (this.closed) {
            done(undefined, new Error('the store is closed'));
            return;
        }
        this.seq += 1;
        const records = recordsIn(write);
        this.pending.set(this.seq, { done, records });
        this.backlog += records;
        this.worker.postMessage({ kind: 'write', seq: this.seq, write });
        if (this.backlog > MAX_BACKLOG_RECORDS) {
            this.flush();
        }
    }

    flush(): void {
        if (this.pending.size === 0) {
            return;
        }
        const upTo = this.seq;
        this.worker.postMessage({ kind: 'flush' });
        const deadline = Date.now() + FLUSH_TIMEOUT_MS;
        for (;;) {
            const seen = Atomics.load(this.committed, 0);
            if (seen >= upTo) {
                break;
            }
            if (Date.now() > deadline || Atomics.wait(this.committed, 0, seen, deadline - Date.now()) === 'timed-out') {
                this.failAll(new Error(`the store writer did not commit within ${FLUSH_TIMEOUT_MS / 1000} s`));
                return;
            }
        }
        for (let message = receiveMessageOnPort(this.replies); message; message = receiveMessageOnPort(this.replies)) {
            this.settle(message.message as ThreadReply);
        }
    }

    close(): void {
        if (this.closed) {
            return;
        }
        this.flush();
        this.closed = true;
        this.worker.postMessage({ kind: 'close' });
        this.replies.close();
    }

    private settle(reply: ThreadReply): void {
        if ('ready' in reply) {
            this.markStarted();
        } else if ('error' in reply) {
            this.take(reply.seq)?.(undefined, new Error(reply.error));
        } else {
            this.take(reply.seq)?.(reply.outcome);
        }
    }

    private take(seq: number): WriteDone | undefined {
        const entry = this.pending.get(seq);
        if (entry) {
            this.pending.delete(seq);
            this.backlog -= entry.records;
        }
        return entry?.done;
    }

    private failAll(err: Error): void {
        for (const seq of [...this.pending.keys()]) {
            this.take(seq)?.(undefined, err);
        }
    }
}

/** The worker's side of ThreadWriter (started by store-thread.mjs): groups, applies, replies. */
export function runStoreThread(open: (file: string) => Store): void {
    const port = parentPort;
    if (!port) {
        throw new Error('runStoreThread runs on a worker thread');
    }
    const { file, committed, replies } = workerData as { file: string; committed: Int32Array; replies: MessagePort };
    const store = open(file);
    replies.postMessage({ ready: true } satisfies ThreadReply);
    const groups = new WriteGroups<{ seq: number; write: StoreWrite }>(store, true, (group, outcomes, error) => {
        group.forEach((entry, i) => {
            const outcome = outcomes[i];
            replies.postMessage(
                (error === undefined && outcome
                    ? { seq: entry.seq, outcome }
                    : { seq: entry.seq, error: error?.message ?? 'store write failed' }) satisfies ThreadReply
            );
        });
        // After the replies: a host woken by this finds them on its port.
        Atomics.store(committed, 0, group[group.length - 1]!.seq);
        Atomics.notify(committed, 0);
    });

    port.on('message', (message: { kind: 'write'; seq: number; write: StoreWrite } | { kind: 'flush' } | { kind: 'close' }) => {
        if (message.kind === 'write') {
            groups.add({ seq: message.seq, write: message.write });
        } else {
            groups.flush();
            if (message.kind === 'close') {
                store.close();
                port.close();
                replies.close();
            }
        }
    });
}

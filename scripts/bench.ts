// Benchmark: syncs N audit events and N SIEM events from the simulator (run in its own process) through the local
// host (the compiled functions in the sandbox, the SQLite store), for N = 10k, 100k, 1M, then the
// same under a simulator rate limit. Prints records/s, HTTP requests sent against the minimum
// (pages + tokens), tokens fetched and peak RSS, and checks the targets. Each case runs in its own
// child process (so peak RSS belongs to that case) with a fresh temp store; nothing is written to
// the repository.
//
// What the memory columns measure: the host process only (functions, sandbox, proxy, SQLite store),
// as deployed. The simulator stands in for Mimecast, which is remote, so it runs in a process of its
// own (forked per case, reached over loopback HTTP like the real API); its own peak RSS is printed
// beside the host's but is not what the target is about. With the simulator in the host process, its
// per-page garbage (generating 500 events, JSON.stringify of the page) was counted as the host's and
// grew V8's old space: SIEM peak RSS went 179 -> 275 -> 293 MB (N = 10k, 100k, 1M) while the live
// heap after a forced full GC stayed 26 MB at every sampled page up to 1M (no retention: headroom).
// Host peak RSS still varies by some tens of MB between runs of the same N (when V8 grows the heap).
//
//   npm run bench            # N = 10k, 100k, 1M
//   npm run bench -- --quick # N = 10k only
//
// How exactly N records are put in range:
// - audit-events back-fills `backfillDays` (5) days ending 60 s before now. The simulator spreads
//   `size` records evenly over 30 days, one every floor(30 d / size) ms; with size = 6 N that step is
//   5 d / N exactly (N divides 432,000,000), so any 5-day window holds exactly N records.
// - siem-events follows a stream token. The simulator's clock is frozen (so no event arrives during
//   the run) and the checkpoint is seeded with the simulator's @nextPage token for the position N
//   events behind the head, so the sync catches up through exactly N events.
import { fork } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

import Database from 'better-sqlite3';

import { send } from '../host/http.js';
import { openLocalHost } from '../host/local.js';
import type { LocalHost } from '../host/local.js';
import { findFunction, Host } from '../host/runner.js';
import type { Store } from '../host/store.js';
import { SIEM_BATCH_FILE_MS, SIEM_BATCH_MAX_PAGE_SIZE, SIEM_BATCH_RETENTION_MS, siemBatchFileCounts } from '../simulator/endpoints/siem-batch.js';
import { siemHead, siemStreamToken } from '../simulator/endpoints/siem-events.js';
import { startSimulator } from '../simulator/index.js';
import type { SimulatorOptions, SimulatorStats } from '../simulator/index.js';

const PAGE_SIZE = 500;
const AUDIT_BACKFILL_DAYS = 5;
const TOKEN_LIFETIME_MS = 25 * 60 * 1000; // a 30-minute token refreshed 5 minutes early (providers.yaml)

type Stream = 'audit' | 'siem' | 'batch';
interface Case {
    stream: Stream;
    n: number;
    /** Token bucket: burst and refill per second; omitted = no limit. */
    rateLimit?: { limit: number; refillPerSecond: number };
}
interface Outcome {
    stream: Stream;
    n: number;
    inRange: number;
    saved: number;
    elapsedMs: number;
    apiRequests: number;
    tokens: number;
    rateLimited: number;
    /** Host process (functions, proxy, store): the measured one. */
    peakRssMb: number;
    peakHeapMb: number;
    /** The simulator's own process, for reference. */
    simPeakRssMb: number;
    /** From the first API request sent to the last. */
    requestSpanMs: number;
    /** The most requests one Mimecast call needed (1 = no retry). */
    maxAttempts: number;
    /** The floor: a bare client replaying the same page requests with the host's HTTP client (host/http.ts) and JSON.parse (no sandbox, proxy or store). */
    floorMs?: number;
    floorRecords?: number;
    /** Every round's floor (floorMs is their median). */
    floorRunsMs?: number[];
    /** Every round's warm run (warmMs is their median). */
    warmRunsMs?: number[];
    /** The same run again in the same host (its store, under a connection of its own), against the simulator as warm as the floor found it (N below 1M). */
    warmMs?: number;
    /** Where the warm run's time went: the function's thread busy, the host process's CPU (all its threads, the store writer's included), the simulator's CPU. */
    warmCpu?: { mainBusyMs: number; hostCpuMs: number; simCpuMs: number };
    /** The fewest requests possible when the case computes it itself (batch: list pages + files + tokens). */
    minimum?: number;
    rateLimit?: { limit: number; refillPerSecond: number };
    /** What the sync handed to batchSave (recordCost). */
    cost: RecordCost;
}

// ------------------------------------------------------------------ the simulator (its own process)

type SimCall =
    | { op: 'stats' }
    | { op: 'resetStats' }
    | { op: 'siemHead' }
    | { op: 'countInRange'; series: string; from: number; to: number }
    | { op: 'siemBatchFiles' }
    | { op: 'now' };
interface SimAnswer {
    id: number;
    value?: unknown;
    error?: string;
}

/** Runs in the simulator's process: starts it, sends its URL, then answers calls from the case process. */
async function serveSimulator(c: Case): Promise<void> {
    // batch: frozen on a 15-minute boundary, so every retained event sits in a published file.
    const frozenNow =
        c.stream === 'batch' ? Math.floor(Date.now() / SIEM_BATCH_FILE_MS) * SIEM_BATCH_FILE_MS : c.stream === 'siem' && !c.rateLimit ? Date.now() : undefined;
    const options: SimulatorOptions = {
        sizes: c.stream === 'audit' ? { auditEvents: 6 * c.n } : c.stream === 'batch' ? { siemBatchEvents: c.n } : { siemEvents: c.n + 1_000 },
        ...(c.rateLimit ? { rateLimit: c.rateLimit } : {}),
        ...(frozenNow !== undefined ? { now: () => frozenNow } : {})
    };
    const sim = await startSimulator(options);
    const answer = (call: SimCall): unknown => {
        switch (call.op) {
            case 'stats':
                return { ...sim.stats, peakRssMb: process.resourceUsage().maxRSS / 1024, cpuMs: cpuMs(process.cpuUsage()) };
            case 'resetStats':
                return sim.resetStats();
            case 'siemHead':
                // With a live clock (rate-limited case) the head moves; take it as of now.
                return siemHead(sim.series('siemEvents'), frozenNow ?? Date.now());
            case 'countInRange':
                return sim.series(call.series).countInRange(call.from, call.to);
            case 'siemBatchFiles':
                return siemBatchFileCounts(sim.series('siemBatchEvents') as never, frozenNow ?? Date.now());
            case 'now':
                return frozenNow ?? Date.now();
        }
    };
    process.on('message', (m: { id: number; call: SimCall }) => {
        let reply: SimAnswer;
        try {
            reply = { id: m.id, value: answer(m.call) };
        } catch (err) {
            reply = { id: m.id, error: err instanceof Error ? err.message : String(err) };
        }
        process.send?.(reply);
    });
    // The case process ends this one by disconnecting (or by dying).
    process.once('disconnect', () => void sim.close().finally(() => process.exit(0)));
    process.send?.({ url: sim.url });
}

/** The case process's handle on the simulator process. */
interface RemoteSimulator {
    url: string;
    call<T>(call: SimCall): Promise<T>;
    close(): Promise<void>;
}

function forkSimulator(c: Case): Promise<RemoteSimulator> {
    const child: ChildProcess = fork(fileURLToPath(import.meta.url), ['--simulator', JSON.stringify(c)], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
    let nextId = 0;
    return new Promise((resolve, reject) => {
        child.once('error', reject);
        child.once('exit', (code) => {
            reject(new Error(`simulator process exited with ${code}`));
            for (const p of pending.values()) {
                p.reject(new Error(`simulator process exited with ${code}`));
            }
        });
        child.on('message', (m: { url?: string } & Partial<SimAnswer>) => {
            if (m.url !== undefined) {
                resolve({
                    url: m.url,
                    call: <T>(call: SimCall) =>
                        new Promise<T>((res, rej) => {
                            const id = nextId++;
                            pending.set(id, { resolve: res as (v: unknown) => void, reject: rej });
                            child.send({ id, call });
                        }),
                    close: () =>
                        new Promise<void>((res) => {
                            child.removeAllListeners('exit');
                            child.once('exit', () => res());
                            child.disconnect();
                        })
                });
                return;
            }
            const p = pending.get(m.id ?? -1);
            if (p) {
                pending.delete(m.id!);
                if (m.error !== undefined) {
                    p.reject(new Error(m.error));
                } else {
                    p.resolve(m.value);
                }
            }
        });
    });
}

// ------------------------------------------------------------------ one case (child process)

async function runCase(c: Case): Promise<Outcome> {
    const dir = mkdtempSync(join(tmpdir(), 'mimecast-bench-'));
    const sim = await forkSimulator(c);
    // MIMECAST_BASE_URL without credentials: the host uses the simulator's demo client against that URL.
    const local = await openLocalHost({ env: { NANGO_LOCAL_DIR: dir, LOG_LEVEL: 'error', MIMECAST_BASE_URL: sim.url } });
    try {
        const connectionId = local.connection.connectionId;
        const name = SYNC_OF[c.stream];
        const model = c.stream === 'audit' ? 'AuditEvent' : c.stream === 'batch' ? 'SiemBatchEvent' : 'SiemEvent';
        const seed = async (store: Store, id: string) => {
            if (c.stream === 'batch') {
                // One run takes the whole week: the largest file budget (10,000 files; a week is 6,720 at most).
                store.setMetadata(id, { maxFilesPerRun: 10_000 });
            } else if (c.stream === 'audit') {
                store.setMetadata(id, { backfillDays: AUDIT_BACKFILL_DAYS });
            } else {
                store.setMetadata(id, { maxPagesPerRun: 10_000 });
                const head = await sim.call<{ lo: number; hi: number }>({ op: 'siemHead' });
                store.saveCheckpoint(id, name, { nextPage: siemStreamToken(head.hi - c.n), syncedThrough: '', gapFrom: '', gapTo: '' });
            }
            // The store's writer thread is up before the clock starts, as in a host that has run a sync before.
            await store.whenWriterReady();
        };
        await seed(local.store, connectionId);
        const fn = findFunction(name);
        // When the first and the last API request left: the rate under a limit is measured between them.
        // Every request is kept (for the floor's replay), and repeats of one call are counted as its attempts.
        const sent: number[] = [];
        const requests: { method: string; url: string; body?: string }[] = [];
        let attempts = 0;
        let maxAttempts = 0;
        let previous = '';
        const proxy = local.host.proxy;
        const request = proxy.request.bind(proxy);
        proxy.request = (config) => {
            sent[sent.length === 0 ? 0 : 1] = performance.now();
            const key = JSON.stringify([config.method, config.endpoint, config.params, config.data]);
            attempts = key === previous ? attempts + 1 : 1;
            previous = key;
            maxAttempts = Math.max(maxAttempts, attempts);
            if (attempts === 1) {
                const url = new URL(`${sim.url}${config.endpoint}`);
                for (const [k, v] of Object.entries((config.params ?? {}) as Record<string, string>)) {
                    url.searchParams.append(k, String(v));
                }
                requests.push({
                    method: (config.method ?? 'GET').toUpperCase(),
                    url: url.toString(),
                    ...(config.data !== undefined ? { body: JSON.stringify(config.data) } : {})
                });
            }
            return request(config);
        };
        await sim.call({ op: 'resetStats' });
        const cost = recordCost(local.store, connectionId);
        // Peak V8 heap in use, sampled: tells a leak (heap grows with N) from allocator headroom (RSS only).
        let peakHeap = process.memoryUsage().heapUsed;
        const sampler = setInterval(() => {
            peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
        }, 250);
        const started = performance.now();
        try {
            await local.host.runSync(fn, { onRecords: cost.count });
        } finally {
            clearInterval(sampler);
        }
        const elapsedMs = performance.now() - started;

        const peakRssMb = process.resourceUsage().maxRSS / 1024;
        const saved = local.store.countRecords(connectionId, model);
        let inRange: number;
        let minimum: number | undefined;
        if (c.stream === 'batch') {
            const now = await sim.call<number>({ op: 'now' });
            inRange = await sim.call<number>({ op: 'countInRange', series: 'siemBatchEvents', from: now - SIEM_BATCH_RETENTION_MS, to: now });
            // Per type: its files, and list pages of 100 links (at least one page, the last says isCaughtUp).
            const files = await sim.call<Record<string, number>>({ op: 'siemBatchFiles' });
            minimum = 10 + Object.values(files).reduce((sum, f) => sum + f + Math.max(0, Math.ceil(f / SIEM_BATCH_MAX_PAGE_SIZE) - 1), 0);
        } else if (c.stream === 'audit') {
            const end = Date.parse(String(local.store.getCheckpoint(connectionId, name)?.['cursor']));
            inRange = await sim.call<number>({ op: 'countInRange', series: 'auditEvents', from: end - AUDIT_BACKFILL_DAYS * 86_400_000, to: end });
        } else {
            inRange = c.n;
        }
        const stats = await sim.call<SimulatorStats & { peakRssMb: number }>({ op: 'stats' });
        // The floor, and the full stack again (a warm run), in alternating rounds: the floor ran against a
        // simulator the first run had warmed up (its page generation JIT-compiled), so what is set against
        // it is a warm run in the same host (warmRun), against the same warm simulator. This 2-core machine varies by
        // up to a fifth between identical runs, so below 1M there are ROUNDS rounds and the medians count.
        const floors: { ms: number; records: number }[] = [];
        const warms: { ms: number; cpu: NonNullable<Outcome['warmCpu']> }[] = [];
        // At 1M: one floor, and the first run is set against it (warm rounds would triple a case of minutes).
        const warmRounds = c.n < 1_000_000;
        for (let round = 0; !c.rateLimit && round < (warmRounds ? ROUNDS : 1); round++) {
            floors.push(await bareClient(sim.url, local.connection.credentials, requests, c.stream));
            if (warmRounds) {
                warms.push(await warmRun(c, sim, seed, fn, local, `${connectionId}-warm-${round + 1}`, model, saved));
            }
        }
        const floor = floors.length > 0 ? median(floors, (f) => f.ms) : undefined;
        const warm = warms.length > 0 ? median(warms, (w) => w.ms) : undefined;
        return {
            stream: c.stream,
            n: c.n,
            inRange,
            saved,
            elapsedMs,
            apiRequests: stats.requests - stats.tokensIssued,
            tokens: stats.tokensIssued,
            rateLimited: stats.rateLimited,
            peakRssMb,
            peakHeapMb: peakHeap / 1024 / 1024,
            simPeakRssMb: stats.peakRssMb,
            requestSpanMs: (sent[1] ?? sent[0] ?? 0) - (sent[0] ?? 0),
            maxAttempts,
            ...(floor ? { floorMs: floor.ms, floorRecords: Math.min(...floors.map((f) => f.records)), floorRunsMs: floors.map((f) => f.ms) } : {}),
            ...(warm ? { warmMs: warm.ms, warmCpu: warm.cpu, warmRunsMs: warms.map((w) => w.ms) } : {}),
            ...(minimum !== undefined ? { minimum } : {}),
            ...(c.rateLimit ? { rateLimit: c.rateLimit } : {}),
            cost: cost.total()
        };
    } finally {
        await local.close();
        await sim.close();
        rmSync(dir, { recursive: true, force: true });
    }
}

/** Rounds of floor and warm run below N = 1M (each a median of this many). */
const ROUNDS = 3;

/** The middle element by `by` (of an odd count; the upper middle of an even one). */
function median<T>(items: T[], by: (item: T) => number): T {
    return [...items].sort((a, b) => by(a) - by(b))[Math.floor(items.length / 2)]!;
}

/**
 * The full stack once more, in the same host process and on the store the first run wrote, under a
 * connection of its own (seeded as the first run's was), so that it saves every record anew: the
 * store's writer thread is then as warm as in a host that has synced before (a new store's new thread
 * spends about a tenth of a 10k run compiling its code), as the floor's HTTP client and the simulator
 * are. The function's sandbox is new in every run, as on Nango. Returns where its time went.
 */
async function warmRun(
    c: Case,
    sim: RemoteSimulator,
    seed: (store: Store, id: string) => Promise<void>,
    fn: ReturnType<typeof findFunction>,
    local: LocalHost,
    connectionId: string,
    model: string,
    saved: number
): Promise<{ ms: number; cpu: NonNullable<Outcome['warmCpu']> }> {
    const host = new Host({ connection: { ...local.connection, connectionId }, store: local.store, logger: local.logger });
    await seed(local.store, connectionId);
    // The write-ahead log emptied into the database first, so that every warm run starts as the first run
    // did: without it, the third round's writer ran the 64 MB checkpoint of three runs' writes (0.3-0.5 s).
    const checkpointer = new Database(local.storeFile);
    try {
        checkpointer.pragma('wal_checkpoint(TRUNCATE)');
    } finally {
        checkpointer.close();
    }
    const simBefore = await sim.call<{ cpuMs: number }>({ op: 'stats' });
    const hostBefore = process.cpuUsage();
    const loopBefore = performance.eventLoopUtilization();
    const started = performance.now();
    await host.runSync(fn);
    const ms = performance.now() - started;
    const loop = performance.eventLoopUtilization(loopBefore);
    const hostCpuMs = cpuMs(process.cpuUsage(hostBefore));
    const simAfter = await sim.call<{ cpuMs: number }>({ op: 'stats' });
    if (local.store.countRecords(connectionId, model) !== saved) {
        throw new Error(`${c.stream} N=${c.n}: a warm run saved ${local.store.countRecords(connectionId, model)} ${model} records, the first ${saved}`);
    }
    return { ms, cpu: { mainBusyMs: loop.active, hostCpuMs, simCpuMs: simAfter.cpuMs - simBefore.cpuMs } };
}

function cpuMs(usage: NodeJS.CpuUsage): number {
    return (usage.user + usage.system) / 1000;
}

/**
 * The floor: the least any client could do for the same data. One token, then the same page requests
 * the sync sent, in order, with the host's HTTP client (node:http: faster here than fetch, so the floor
 * is the lower of the two); each body parsed and its records counted. No sandbox, no proxy, no store, no
 * mapping. Measured in the same process right after the full stack's run.
 */
async function bareClient(
    base: string,
    credentials: Record<string, string>,
    requests: { method: string; url: string; body?: string }[],
    stream: Stream
): Promise<{ ms: number; records: number }> {
    const started = performance.now();
    const tokenReply = await send(`${base}/oauth/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
            grant_type: 'client_credentials',
            client_id: credentials['client_id'] ?? '',
            client_secret: credentials['client_secret'] ?? ''
        }).toString(),
        timeoutMs: 60_000
    });
    const { access_token: token } = JSON.parse(tokenReply.text) as { access_token: string };
    let records = 0;
    for (const r of requests) {
        const reply = await send(r.url, {
            method: r.method,
            headers: { authorization: `Bearer ${token}`, accept: 'application/json', ...(r.body !== undefined ? { 'content-type': 'application/json' } : {}) },
            ...(r.body !== undefined ? { body: r.body } : {}),
            timeoutMs: 60_000
        });
        const body = JSON.parse(reply.text) as { data?: unknown[]; value?: unknown[] };
        records += stream === 'audit' ? (body.data?.length ?? 0) : (body.value?.length ?? 0);
    }
    return { ms: performance.now() - started, records };
}

function runChild(c: Case): Promise<Outcome> {
    return new Promise((resolve, reject) => {
        const child = fork(fileURLToPath(import.meta.url), ['--case', JSON.stringify(c)], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
        let outcome: Outcome | undefined;
        child.on('message', (m) => (outcome = m as Outcome));
        child.on('error', reject);
        child.on('exit', (code) => (outcome && code === 0 ? resolve(outcome) : reject(new Error(`bench case ${JSON.stringify(c)} exited with ${code}`))));
    });
}

// ------------------------------------------------------------------ bytes per saved record

/** Records and bytes a sync saved, per model: what Nango stores and a back-fill costs. */
interface RecordCost {
    records: number;
    /** The records' JSON as stored (UTF-8 bytes), summed. */
    bytes: number;
    batchSaves: number;
    models: Record<string, { records: number; bytes: number; batchSaves: number }>;
}

/**
 * Counts batchSave calls per model during a run (the host's onRecords hook, nothing serialized in the
 * timed path); `total` then reads the records and their bytes from the store, per model.
 */
function recordCost(store: Store, connectionId: string): { count: (model: string) => void; total: () => RecordCost } {
    const batchSaves: Record<string, number> = {};
    return {
        count: (model) => {
            batchSaves[model] = (batchSaves[model] ?? 0) + 1;
        },
        total: () => {
            const cost: RecordCost = { records: 0, bytes: 0, batchSaves: 0, models: {} };
            for (const [model, calls] of Object.entries(batchSaves)) {
                const { records, bytes } = store.modelSize(connectionId, model);
                cost.models[model] = { records, bytes, batchSaves: calls };
                cost.records += records;
                cost.bytes += bytes;
                cost.batchSaves += calls;
            }
            return cost;
        }
    };
}

const LOG_SYNCS = [
    'audit-events',
    'ttp-url-logs',
    'ttp-attachment-logs',
    'ttp-impersonation-logs',
    'dlp-logs',
    'held-release-logs',
    'archive-search-logs',
    'archive-view-logs',
    'siem-events',
    'siem-ci-events'
];

/** Every log sync once against an in-process simulator (its default data), with what each saved costs in bytes. */
/** Bytes per saved record of every log sync; with `ocsf`, the same with connection metadata `{ocsf: true}` (each record carries its OCSF event). */
async function logSyncCosts(ocsf = false): Promise<{ sync: string; cost: RecordCost }[]> {
    const sim = await startSimulator({});
    const dir = mkdtempSync(join(tmpdir(), 'mimecast-bench-bytes-'));
    const local = await openLocalHost({ env: { NANGO_LOCAL_DIR: dir, LOG_LEVEL: 'error', MIMECAST_BASE_URL: sim.url } });
    const out: { sync: string; cost: RecordCost }[] = [];
    try {
        local.store.setMetadata(local.connection.connectionId, { backfillDays: 30, ...(ocsf ? { ocsf: true } : {}) });
        for (const name of LOG_SYNCS) {
            let fn;
            try {
                fn = findFunction(name);
            } catch {
                continue; // not built in this checkout
            }
            const cost = recordCost(local.store, local.connection.connectionId);
            await local.host.runSync(fn, { onRecords: cost.count });
            out.push({ sync: name, cost: cost.total() });
        }
    } finally {
        await local.close();
        await sim.close();
        rmSync(dir, { recursive: true, force: true });
    }
    return out;
}

/** The bytes table: per sync and model, records, bytes, bytes/record, batchSave calls, and a 1M back-fill. */
function costTable(rows: { sync: string; cost: RecordCost }[]): string {
    return table(
        ['sync', 'model', 'records', 'bytes (JSON)', 'bytes/record', 'batchSave calls', '1M events'],
        rows.flatMap(({ sync, cost }) =>
            Object.entries(cost.models).map(([model, m]) => {
                const perRecord = m.records > 0 ? m.bytes / m.records : 0;
                return [sync, model, fmt(m.records), fmt(m.bytes), fmt(perRecord), fmt(m.batchSaves), `${fmt((perRecord * 1_000_000) / 1_000_000, 0)} MB`];
            })
        )
    );
}

// ------------------------------------------------------------------ report

/** The full stack's time set against the floor: the warm run where there is one (both then meet a warm simulator). */
const fullStackMs = (o: Outcome) => o.warmMs ?? o.elapsedMs;
const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const minimumRequests = (o: Outcome) => (o.minimum ?? Math.ceil(o.inRange / PAGE_SIZE)) + Math.max(1, Math.ceil(o.elapsedMs / TOKEN_LIFETIME_MS));
const SYNC_OF: Record<Stream, string> = { audit: 'audit-events', siem: 'siem-events', batch: 'siem-batch-events' };

function table(headers: string[], rows: string[][]): string {
    const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
    const line = (cells: string[]) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`;
    return [line(headers), `|${widths.map((w, i) => (i === 0 ? ':' : '-').padEnd(w + 1, '-') + (i === 0 ? '-' : ':')).join('|')}|`, ...rows.map(line)].join(
        '\n'
    );
}

async function main(): Promise<void> {
    const args = process.argv.slice(2);
    const simArg = args.indexOf('--simulator');
    if (simArg >= 0) {
        await serveSimulator(JSON.parse(args[simArg + 1] ?? '{}') as Case);
        return;
    }
    const caseArg = args.indexOf('--case');
    if (caseArg >= 0) {
        const outcome = await runCase(JSON.parse(args[caseArg + 1] ?? '{}') as Case);
        // Forked by the bench: report to it; run by hand (`--case '{"stream":"siem","n":100000}'`): print.
        if (process.send) {
            process.send(outcome);
        } else {
            process.stdout.write(`${JSON.stringify(outcome)}\n`);
        }
        return;
    }
    if (args.includes('--bytes')) {
        // Only the bytes per saved record of every log sync (a few seconds).
        process.stdout.write(costTable(await logSyncCosts()) + '\n');
        process.stdout.write(
            '\nThe same with connection metadata {"ocsf": true} (every record carries its OCSF event)\n\n' + costTable(await logSyncCosts(true)) + '\n'
        );
        return;
    }
    const quick = args.includes('--quick');
    const sizes = quick ? [10_000] : [10_000, 100_000, 1_000_000];
    const checks: { target: string; ok: boolean }[] = [];
    if (args.includes('--batch-only')) {
        // `npm run bench -- --batch-only [--quick] [--max 100000]`: only the SIEM batch case.
        const max = Number(args[args.indexOf('--max') + 1] ?? Infinity);
        await batchCase(
            sizes.filter((n) => !args.includes('--max') || n <= max),
            checks
        );
        printTargets(checks);
        return;
    }

    const plain: Outcome[] = [];
    for (const stream of ['audit', 'siem'] as const) {
        for (const n of sizes) {
            process.stderr.write(`bench: ${stream} N=${fmt(n)} ...\n`);
            plain.push(await runChild({ stream, n }));
        }
    }
    process.stdout.write(`\nThroughput (no rate limit; page size ${PAGE_SIZE}; each case a fresh process and store)\n`);
    process.stdout.write('Peak RSS and heap: the host process (functions, proxy, store); the simulator runs in its own process (sim RSS).\n');
    process.stdout.write(
        'time s: the first run. floor s: the bare client right after it, against the now warm simulator. warm s: the full stack again in the\n' +
            'same host (its store, under a connection of its own: every record saved anew), against the same warm simulator. Below N = 1M floor\n' +
            `and warm run alternate for ${ROUNDS} rounds, and floor s and warm s are their\n` +
            "medians; x floor compares warm s with floor s (at 1M: the first run with the one floor), per round lists each round's ratio. In the\n" +
            "median warm run: fn busy s, the function thread's busy time; host CPU s, the host process's CPU (all its threads, the store writer's\n" +
            "included); sim CPU s, the simulator's.\n\n"
    );
    process.stdout.write(
        table(
            [
                'sync',
                'N',
                'in range',
                'saved',
                'time s',
                'records/s',
                'warm s',
                'floor s',
                'x floor',
                'per round',
                'fn busy s',
                'host CPU s',
                'sim CPU s',
                'requests',
                'minimum',
                'over min',
                'tokens',
                'peak RSS MB',
                'peak heap MB',
                'sim RSS MB'
            ],
            plain.map((o) => {
                const sent = o.apiRequests + o.tokens;
                const min = minimumRequests(o);
                return [
                    o.stream === 'audit' ? 'audit-events' : 'siem-events',
                    fmt(o.n),
                    fmt(o.inRange),
                    fmt(o.saved),
                    fmt(o.elapsedMs / 1000, 2),
                    fmt(o.saved / (o.elapsedMs / 1000)),
                    o.warmMs !== undefined ? fmt(o.warmMs / 1000, 2) : '-',
                    fmt((o.floorMs ?? 0) / 1000, 2),
                    `${fmt(fullStackMs(o) / (o.floorMs ?? fullStackMs(o)), 2)}x`,
                    o.warmRunsMs && o.floorRunsMs ? o.warmRunsMs.map((w, i) => fmt(w / o.floorRunsMs![i]!, 2)).join(' / ') : '-',
                    o.warmCpu ? fmt(o.warmCpu.mainBusyMs / 1000, 2) : '-',
                    o.warmCpu ? fmt(o.warmCpu.hostCpuMs / 1000, 2) : '-',
                    o.warmCpu ? fmt(o.warmCpu.simCpuMs / 1000, 2) : '-',
                    fmt(sent),
                    fmt(min),
                    `${fmt(((sent - min) / min) * 100, 2)}%`,
                    fmt(o.tokens),
                    fmt(o.peakRssMb),
                    fmt(o.peakHeapMb),
                    fmt(o.simPeakRssMb)
                ];
            })
        ) + '\n'
    );
    process.stdout.write(`\nSaved records (as stored: each record's JSON; batchSave calls counted during the run)\n\n`);
    process.stdout.write(
        costTable(plain.map((o) => ({ sync: `${o.stream === 'audit' ? 'audit-events' : 'siem-events'} N=${fmt(o.n)}`, cost: o.cost }))) + '\n'
    );
    process.stdout.write(`\nEvery log sync against the simulator's default data (backfillDays 30; bytes per record as saved)\n\n`);
    process.stdout.write(costTable(await logSyncCosts()) + '\n');
    process.stdout.write(
        '\nThe same with connection metadata {"ocsf": true} (every record carries its OCSF event)\n\n' + costTable(await logSyncCosts(true)) + '\n'
    );
    for (const o of plain) {
        const sent = o.apiRequests + o.tokens;
        checks.push({ target: `${o.stream} N=${fmt(o.n)}: exactly N records in range and saved`, ok: o.inRange === o.n && o.saved === o.n });
        checks.push({ target: `${o.stream} N=${fmt(o.n)}: requests within 1% of the minimum`, ok: sent <= minimumRequests(o) * 1.01 });
        checks.push({
            target: `${o.stream} N=${fmt(o.n)}: at most one token per 25 minutes`,
            ok: o.tokens <= Math.max(1, Math.ceil(o.elapsedMs / TOKEN_LIFETIME_MS))
        });
        checks.push({ target: `${o.stream} N=${fmt(o.n)}: the floor read the same N records`, ok: o.floorRecords === o.n });
        checks.push({
            target: `${o.stream} N=${fmt(o.n)}: full stack within 2x of the bare client (${fmt(fullStackMs(o) / (o.floorMs ?? 1), 2)}x)`,
            ok: fullStackMs(o) <= 2 * (o.floorMs ?? 0)
        });
    }
    for (const stream of ['audit', 'siem'] as const) {
        const runs = plain.filter((o) => o.stream === stream);
        if (runs.length > 1) {
            const first = runs[0]!;
            const last = runs[runs.length - 1]!;
            checks.push({
                target: `${stream}: host peak RSS flat (N=${fmt(last.n)} within 1.5x of N=${fmt(first.n)})`,
                ok: last.peakRssMb <= first.peakRssMb * 1.5
            });
        }
    }

    // Under a rate limit: a small burst and a refill below the unthrottled page rate (so the limit, not
    // the host, is what binds): 2 requests/s for 10k (20 pages, ~10 s), 4/s for 100k (200 pages, ~50 s).
    const limited: Outcome[] = [];
    for (const stream of ['audit', 'siem'] as const) {
        for (const n of sizes.filter((s) => s <= 100_000)) {
            const pages = Math.ceil(n / PAGE_SIZE);
            const rateLimit = { limit: 2, refillPerSecond: Math.min(4, Math.max(2, Math.round(pages / 10))) };
            process.stderr.write(`bench: ${stream} N=${fmt(n)} rate limit ${rateLimit.limit}/${rateLimit.refillPerSecond} per s ...\n`);
            limited.push(await runChild({ stream, n, rateLimit }));
        }
    }
    process.stdout.write(`\nUnder a rate limit (simulator token bucket per endpoint family: burst, refill per second)\n\n`);
    process.stdout.write(
        table(
            [
                'sync',
                'N',
                'saved',
                'limit',
                'API requests',
                '429s',
                'most attempts per call',
                'time s',
                'achieved req/s',
                'limit req/s',
                'of limit (first→last request)'
            ],
            limited.map((o) => {
                const rl = o.rateLimit!;
                // The fastest the limit allows from the first request to the last: the burst at once,
                // then one request per refill interval. Token fetch and start-up are outside that span.
                const idealMs = (Math.max(0, o.apiRequests - rl.limit) / rl.refillPerSecond) * 1000;
                const efficiency = o.requestSpanMs > 0 ? Math.min(1, idealMs / o.requestSpanMs) : 1;
                checks.push({ target: `${o.stream} N=${fmt(o.n)} limited: >= 95% of the limit's throughput`, ok: efficiency >= 0.95 });
                checks.push({ target: `${o.stream} N=${fmt(o.n)} limited: the run completed with all N records`, ok: o.saved >= o.n });
                return [
                    o.stream === 'audit' ? 'audit-events' : 'siem-events',
                    fmt(o.n),
                    fmt(o.saved),
                    `${rl.limit} / ${rl.refillPerSecond}/s`,
                    fmt(o.apiRequests),
                    fmt(o.rateLimited),
                    fmt(o.maxAttempts),
                    fmt(o.elapsedMs / 1000, 1),
                    fmt((o.apiRequests - 1) / (o.requestSpanMs / 1000), 2),
                    fmt(rl.refillPerSecond),
                    `${fmt(efficiency * 100, 1)}%`
                ];
            })
        ) + '\n'
    );

    await batchCase(sizes, checks);
    printTargets(checks);
}

function printTargets(checks: { target: string; ok: boolean }[]): void {
    process.stdout.write('\nTargets\n');
    for (const c of checks) {
        process.stdout.write(`  ${c.ok ? 'PASS' : 'FAIL'}  ${c.target}\n`);
    }
    process.exitCode = checks.every((c) => c.ok) ? 0 : 1;
}

/**
 * siem-batch-events: N events spread over a week of 15-minute gzip NDJSON files (one per event type
 * and window), listed 100 links a page, downloaded and gunzipped in the sandbox, all in one run.
 * The minimum is every file once, ceil(files / 100) list pages per type, and the token.
 */
async function batchCase(sizes: number[], checks: { target: string; ok: boolean }[]): Promise<void> {
    const runs: Outcome[] = [];
    for (const n of sizes) {
        process.stderr.write(`bench: siem-batch-events N=${fmt(n)} ...\n`);
        runs.push(await runChild({ stream: 'batch', n }));
    }
    process.stdout.write(`\nSIEM batch files (a week of 15-minute gzip NDJSON files per event type; one run; files gunzipped in the sandbox)\n\n`);
    process.stdout.write(
        table(
            ['sync', 'N', 'in range', 'saved', 'time s', 'records/s', 'requests', 'minimum', 'tokens', 'peak RSS MB', 'peak heap MB', 'sim RSS MB'],
            runs.map((o) => [
                SYNC_OF.batch,
                fmt(o.n),
                fmt(o.inRange),
                fmt(o.saved),
                fmt(o.elapsedMs / 1000, 1),
                fmt(o.saved / (o.elapsedMs / 1000)),
                fmt(o.apiRequests + o.tokens),
                fmt(minimumRequests(o)),
                fmt(o.tokens),
                fmt(o.peakRssMb),
                fmt(o.peakHeapMb),
                fmt(o.simPeakRssMb)
            ])
        ) + '\n'
    );
    for (const o of runs) {
        checks.push({
            target: `batch N=${fmt(o.n)}: every retained event saved once (${fmt(o.inRange)})`,
            ok: o.saved === o.inRange && Math.abs(o.inRange - o.n) <= o.n * 0.01
        });
        // Within 1%: a type whose page of 100 links ends just before the head needs one more (empty) page.
        checks.push({
            target: `batch N=${fmt(o.n)}: requests within 1% of the minimum (files + list pages + token)`,
            ok: o.apiRequests + o.tokens <= minimumRequests(o) * 1.01
        });
    }
    if (runs.length > 1) {
        const first = runs[0]!;
        const last = runs[runs.length - 1]!;
        checks.push({ target: `batch: host peak RSS flat (N=${fmt(last.n)} within 1.5x of N=${fmt(first.n)})`, ok: last.peakRssMb <= first.peakRssMb * 1.5 });
    }
}

main().catch((err: unknown) => {
    process.stderr.write(`bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
});

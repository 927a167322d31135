// Benchmark: syncs N audit events and N SIEM events from the embedded simulator through the local
// host (the compiled functions in the sandbox, the SQLite store), for N = 10k, 100k, 1M, then the
// same under a simulator rate limit. Prints records/s, HTTP requests sent against the minimum
// (pages + tokens), tokens fetched and peak RSS, and checks the targets. Each case runs in its own
// child process (so peak RSS belongs to that case) with a fresh temp store; nothing is written to
// the repository.
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
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { openLocalHost } from '../host/local.js';
import { findFunction } from '../host/runner.js';
import { siemHead, siemStreamToken } from '../simulator/endpoints/siem-events.js';

const PAGE_SIZE = 500;
const AUDIT_BACKFILL_DAYS = 5;
const TOKEN_LIFETIME_MS = 25 * 60 * 1000; // a 30-minute token refreshed 5 minutes early (providers.yaml)

type Stream = 'audit' | 'siem';
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
    peakRssMb: number;
    peakHeapMb: number;
    /** From the first API request sent to the last. */
    requestSpanMs: number;
    rateLimit?: { limit: number; refillPerSecond: number };
}

// ------------------------------------------------------------------ one case (child process)

async function runCase(c: Case): Promise<Outcome> {
    const dir = mkdtempSync(join(tmpdir(), 'mimecast-bench-'));
    const frozenNow = c.stream === 'siem' && !c.rateLimit ? Date.now() : undefined;
    const local = await openLocalHost({
        env: { NANGO_LOCAL_DIR: dir, LOG_LEVEL: 'error' },
        simulator: {
            sizes: c.stream === 'audit' ? { auditEvents: 6 * c.n } : { siemEvents: c.n + 1_000 },
            ...(c.rateLimit ? { rateLimit: c.rateLimit } : {}),
            ...(frozenNow !== undefined ? { now: () => frozenNow } : {})
        }
    });
    try {
        const sim = local.simulator;
        if (!sim) {
            throw new Error('the bench needs the embedded simulator: unset MIMECAST_* variables');
        }
        const connectionId = local.connection.connectionId;
        const name = c.stream === 'audit' ? 'audit-events' : 'siem-events';
        const model = c.stream === 'audit' ? 'AuditEvent' : 'SiemEvent';
        if (c.stream === 'audit') {
            local.store.setMetadata(connectionId, { backfillDays: AUDIT_BACKFILL_DAYS });
        } else {
            local.store.setMetadata(connectionId, { maxPagesPerRun: 10_000 });
            // With a live clock (rate-limited case) the head moves; take it as of now.
            const head = siemHead(sim.series('siemEvents'), frozenNow ?? Date.now());
            local.store.saveCheckpoint(connectionId, name, { nextPage: siemStreamToken(head.hi - c.n), syncedThrough: '', gapFrom: '', gapTo: '' });
        }
        const fn = findFunction(name);
        // When the first and the last API request left: the rate under a limit is measured between them.
        const sent: number[] = [];
        const proxy = local.host.proxy;
        const request = proxy.request.bind(proxy);
        proxy.request = (config) => {
            sent[sent.length === 0 ? 0 : 1] = performance.now();
            return request(config);
        };
        sim.resetStats();
        // Peak V8 heap in use, sampled: tells a leak (heap grows with N) from allocator headroom (RSS only).
        let peakHeap = process.memoryUsage().heapUsed;
        const sampler = setInterval(() => {
            peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
        }, 250);
        const started = performance.now();
        try {
            await local.host.runSync(fn);
        } finally {
            clearInterval(sampler);
        }
        const elapsedMs = performance.now() - started;

        const saved = local.store.countRecords(connectionId, model);
        let inRange: number;
        if (c.stream === 'audit') {
            const end = Date.parse(String(local.store.getCheckpoint(connectionId, name)?.['cursor']));
            inRange = sim.series('auditEvents').countInRange(end - AUDIT_BACKFILL_DAYS * 86_400_000, end);
        } else {
            inRange = c.n;
        }
        return {
            stream: c.stream,
            n: c.n,
            inRange,
            saved,
            elapsedMs,
            apiRequests: sim.stats.requests - sim.stats.tokensIssued,
            tokens: sim.stats.tokensIssued,
            rateLimited: sim.stats.rateLimited,
            peakRssMb: process.resourceUsage().maxRSS / 1024,
            peakHeapMb: peakHeap / 1024 / 1024,
            requestSpanMs: (sent[1] ?? sent[0] ?? 0) - (sent[0] ?? 0),
            ...(c.rateLimit ? { rateLimit: c.rateLimit } : {})
        };
    } finally {
        await local.close();
        rmSync(dir, { recursive: true, force: true });
    }
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

// ------------------------------------------------------------------ report

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const minimumRequests = (o: Outcome) => Math.ceil(o.inRange / PAGE_SIZE) + Math.max(1, Math.ceil(o.elapsedMs / TOKEN_LIFETIME_MS));

function table(headers: string[], rows: string[][]): string {
    const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
    const line = (cells: string[]) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`;
    return [line(headers), `|${widths.map((w, i) => (i === 0 ? ':' : '-').padEnd(w + 1, '-') + (i === 0 ? '-' : ':')).join('|')}|`, ...rows.map(line)].join('\n');
}

async function main(): Promise<void> {
    const args = process.argv.slice(2);
    const caseArg = args.indexOf('--case');
    if (caseArg >= 0) {
        const outcome = await runCase(JSON.parse(args[caseArg + 1] ?? '{}') as Case);
        process.send?.(outcome);
        return;
    }
    const quick = args.includes('--quick');
    const sizes = quick ? [10_000] : [10_000, 100_000, 1_000_000];
    const checks: { target: string; ok: boolean }[] = [];

    const plain: Outcome[] = [];
    for (const stream of ['audit', 'siem'] as const) {
        for (const n of sizes) {
            process.stderr.write(`bench: ${stream} N=${fmt(n)} ...\n`);
            plain.push(await runChild({ stream, n }));
        }
    }
    process.stdout.write(`\nThroughput (no rate limit; page size ${PAGE_SIZE}; each case a fresh process and store)\n\n`);
    process.stdout.write(
        table(
            ['sync', 'N', 'in range', 'saved', 'time s', 'records/s', 'requests', 'minimum', 'over min', 'tokens', 'peak RSS MB', 'peak heap MB'],
            plain.map((o) => {
                const sent = o.apiRequests + o.tokens;
                const min = minimumRequests(o);
                return [o.stream === 'audit' ? 'audit-events' : 'siem-events', fmt(o.n), fmt(o.inRange), fmt(o.saved), fmt(o.elapsedMs / 1000, 1), fmt(o.saved / (o.elapsedMs / 1000)), fmt(sent), fmt(min), `${fmt(((sent - min) / min) * 100, 2)}%`, fmt(o.tokens), fmt(o.peakRssMb), fmt(o.peakHeapMb)];
            })
        ) + '\n'
    );
    for (const o of plain) {
        const sent = o.apiRequests + o.tokens;
        checks.push({ target: `${o.stream} N=${fmt(o.n)}: exactly N records in range and saved`, ok: o.inRange === o.n && o.saved === o.n });
        checks.push({ target: `${o.stream} N=${fmt(o.n)}: requests within 1% of the minimum`, ok: sent <= minimumRequests(o) * 1.01 });
        checks.push({ target: `${o.stream} N=${fmt(o.n)}: at most one token per 25 minutes`, ok: o.tokens <= Math.max(1, Math.ceil(o.elapsedMs / TOKEN_LIFETIME_MS)) });
    }
    for (const stream of ['audit', 'siem'] as const) {
        const runs = plain.filter((o) => o.stream === stream);
        if (runs.length > 1) {
            const first = runs[0]!;
            const last = runs[runs.length - 1]!;
            checks.push({ target: `${stream}: RSS flat (N=${fmt(last.n)} within 1.5x of N=${fmt(first.n)})`, ok: last.peakRssMb <= first.peakRssMb * 1.5 });
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
            ['sync', 'N', 'saved', 'limit', 'API requests', '429s', 'time s', 'achieved req/s', 'limit req/s', 'of limit (first→last request)'],
            limited.map((o) => {
                const rl = o.rateLimit!;
                // The fastest the limit allows from the first request to the last: the burst at once,
                // then one request per refill interval. Token fetch and start-up are outside that span.
                const idealMs = (Math.max(0, o.apiRequests - rl.limit) / rl.refillPerSecond) * 1000;
                const efficiency = o.requestSpanMs > 0 ? Math.min(1, idealMs / o.requestSpanMs) : 1;
                checks.push({ target: `${o.stream} N=${fmt(o.n)} limited: >= 95% of the limit's throughput`, ok: efficiency >= 0.95 });
                return [o.stream === 'audit' ? 'audit-events' : 'siem-events', fmt(o.n), fmt(o.saved), `${rl.limit} / ${rl.refillPerSecond}/s`, fmt(o.apiRequests), fmt(o.rateLimited), fmt(o.elapsedMs / 1000, 1), fmt((o.apiRequests - 1) / (o.requestSpanMs / 1000), 2), fmt(rl.refillPerSecond), `${fmt(efficiency * 100, 1)}%`];
            })
        ) + '\n'
    );

    process.stdout.write('\nTargets\n');
    for (const c of checks) {
        process.stdout.write(`  ${c.ok ? 'PASS' : 'FAIL'}  ${c.target}\n`);
    }
    process.exitCode = checks.every((c) => c.ok) ? 0 : 1;
}

main().catch((err: unknown) => {
    process.stderr.write(`bench failed: ${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
    process.exit(1);
});

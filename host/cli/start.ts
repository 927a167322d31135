// npm start: connect with client credentials, run every sync once with progress, run the read-only
// actions, print a summary. With no credentials it runs against the embedded simulator; run it
// twice and the second run is incremental (checkpoints and records live in the local store).
// MIMECAST_METADATA (JSON) or MIMECAST_METADATA_FILE sets the connection metadata first, checked
// against every sync's metadata schema.
// Syncs Nango does not start by itself (autoStart: false, e.g. siem-batch-events, an alternative to
// siem-events) are listed but not run, unless named: `npm start -- --with siem-batch-events`.
import { READ_ONLY_ACTIONS } from '../demo-inputs.js';
import { describe } from '../log.js';
import { openLocalHost } from '../local.js';
import { metadataFromEnv, validateMetadata } from '../metadata.js';
import { listFunctions } from '../runner.js';

interface Row {
    fn: string;
    kind: string;
    result: string;
    stored: string;
    requests: string;
    time: string;
}

async function main(): Promise<number> {
    const metadata = metadataFromEnv(process.env);
    if (metadata) {
        validateMetadata(process.env['MIMECAST_METADATA'] ? 'MIMECAST_METADATA' : 'MIMECAST_METADATA_FILE', metadata, listFunctions());
    }
    const local = await openLocalHost();
    if (metadata) {
        local.store.setMetadata(local.connection.connectionId, metadata);
    }
    const { host, store, connection, logger } = local;
    const out = (line = '') => process.stdout.write(`${line}\n`);
    const rows: Row[] = [];
    let failures = 0;
    try {
        out('Mimecast connector: local Nango host');
        out(`  target: ${local.target}`);
        out(`  store:  ${local.storeFile} (connection "${connection.connectionId}")`);
        if (metadata) {
            out(`  metadata: ${JSON.stringify(metadata)}`);
        }
        out();
        const functions = listFunctions();

        const requested = withArgs(process.argv.slice(2));
        out('Syncs');
        for (const fn of functions.filter((f) => f.type === 'sync')) {
            if (fn.autoStart === false && !requested.has(fn.name)) {
                out(`  – ${fn.name}: not run (autoStart: false, Nango starts it only on request); \`npm start -- --with ${fn.name}\` runs it too`);
                continue;
            }
            const first = store.getCheckpoint(connection.connectionId, fn.name) === null;
            let pages = 0;
            const started = Date.now();
            try {
                const result = await host.runSync(fn, {
                    onProgress: (p) => {
                        pages = p.batches;
                        if (process.stdout.isTTY) {
                            process.stdout.write(`\r  ${fn.name}: ${p.batches} batches, ${p.records} records…`);
                        }
                    }
                });
                if (process.stdout.isTTY) {
                    process.stdout.write('\r\x1b[K');
                }
                const totals = Object.values(result.models).reduce(
                    (t, m) => ({ added: t.added + m.added, updated: t.updated + m.updated, deleted: t.deleted + m.deleted }),
                    { added: 0, updated: 0, deleted: 0 }
                );
                const stored = fn.models.map((m) => store.countRecords(connection.connectionId, m)).reduce((a, b) => a + b, 0);
                const mode = fn.syncType === 'incremental' ? (first ? 'first run, back-fill' : 'incremental') : 'full refresh';
                out(
                    `  ✓ ${fn.name} (${mode}): +${totals.added} new, ${totals.updated} updated, ${totals.deleted} deleted in ${pages} batch${pages === 1 ? '' : 'es'}${byModel(result.models)}`
                );
                rows.push({
                    fn: fn.name,
                    kind: 'sync',
                    result: `+${totals.added} ~${totals.updated} -${totals.deleted}`,
                    stored: String(stored),
                    requests: String(result.requests),
                    time: ms(result.durationMs)
                });
            } catch (err) {
                failures += 1;
                if (process.stdout.isTTY) {
                    process.stdout.write('\r\x1b[K');
                }
                out(`  ✗ ${fn.name}: ${logger.redact(describe(err))} (the checkpoint is kept: the next run resumes)`);
                rows.push({ fn: fn.name, kind: 'sync', result: 'failed', stored: '', requests: '', time: ms(Date.now() - started) });
            }
        }

        await printPermissions(host, out, (text) => logger.redact(text));

        out();
        out('Read-only actions');
        for (const fn of functions.filter((f) => f.type === 'action' && f.name in READ_ONLY_ACTIONS)) {
            const started = Date.now();
            try {
                const output = await host.runAction(fn, READ_ONLY_ACTIONS[fn.name]);
                out(`  ✓ ${fn.name}: ${logger.redact(summarize(output))}`);
                rows.push({ fn: fn.name, kind: 'action', result: 'ok', stored: '', requests: '', time: ms(Date.now() - started) });
            } catch (err) {
                failures += 1;
                out(`  ✗ ${fn.name}: ${logger.redact(describe(err))}`);
                rows.push({ fn: fn.name, kind: 'action', result: 'failed', stored: '', requests: '', time: ms(Date.now() - started) });
            }
        }

        out();
        out('Summary');
        printTable(out, rows);
        out();
        out(`HTTP requests: ${host.proxy.stats.requests} (retries ${host.proxy.stats.retries}), access tokens fetched: ${host.auth?.stats.tokensFetched ?? 0}`);
        if (local.simulator) {
            out();
            out('This ran against the embedded simulator. To run the same functions against your Mimecast tenant:');
            out('  MIMECAST_CLIENT_ID=<client id> MIMECAST_CLIENT_SECRET=<client secret> MIMECAST_GATEWAY=api.services.mimecast.com npm start');
            out('(MIMECAST_GATEWAY: api.services.mimecast.com, uk-api.services.mimecast.com or us-api.services.mimecast.com)');
            out('Legacy API 1.0 keys instead: MIMECAST_PROVIDER=mimecast-api-v1 with MIMECAST_V1_BASE_URL, MIMECAST_APP_ID, MIMECAST_APP_KEY,');
            out('MIMECAST_ACCESS_KEY and MIMECAST_SECRET_KEY (get the keys with `npm run v1:keys`).');
        }
        return failures > 0 ? 1 : 0;
    } finally {
        await local.close();
    }
}

/** The names given with `--with <sync>` (repeatable, or comma-separated). */
function withArgs(args: string[]): Set<string> {
    const names = new Set<string>();
    args.forEach((arg, i) => {
        const value = arg === '--with' ? args[i + 1] : arg.startsWith('--with=') ? arg.slice('--with='.length) : undefined;
        for (const name of (value ?? '').split(',').filter(Boolean)) {
            names.add(name.trim());
        }
    });
    return names;
}

function summarize(output: unknown): string {
    if (output && typeof output === 'object' && !Array.isArray(output)) {
        const entries = Object.entries(output).filter(([, v]) => typeof v !== 'object');
        return entries
            .slice(0, 4)
            .map(([k, v]) => `${k}=${String(v)}`)
            .join(', ');
    }
    return JSON.stringify(output).slice(0, 120);
}

interface Changes {
    added: number;
    updated: number;
    deleted: number;
}

/** Per model, for a sync that saved more than one (siem-events: events and message traces): ` (SiemEvent +N; MessageTrace +N ~N)`. */
function byModel(models: Record<string, Changes>): string {
    const active = Object.entries(models).filter(([, m]) => m.added + m.updated + m.deleted > 0);
    if (active.length < 2) {
        return '';
    }
    const change = (m: Changes) =>
        [m.added > 0 ? `+${m.added}` : '', m.updated > 0 ? `~${m.updated}` : '', m.deleted > 0 ? `-${m.deleted}` : ''].filter(Boolean).join(' ');
    return ` (${active.map(([model, m]) => `${model} ${change(m)}`).join('; ')})`;
}

function ms(value: number): string {
    return value >= 1000 ? `${(value / 1000).toFixed(1)} s` : `${value} ms`;
}

function printTable(out: (line: string) => void, rows: Row[]): void {
    const header: Row = { fn: 'function', kind: 'kind', result: 'this run', stored: 'stored', requests: 'requests', time: 'time' };
    const keys = Object.keys(header) as (keyof Row)[];
    const widths = keys.map((k) => Math.max(...[header, ...rows].map((r) => r[k].length)));
    const line = (r: Row) => `  ${keys.map((k, i) => r[k].padEnd(widths[i] ?? 0)).join('  ')}`;
    out(line(header));
    out(`  ${widths.map((w) => '-'.repeat(w)).join('  ')}`);
    rows.forEach((r) => out(line(r)));
}

/**
 * Which products the connection's API application is granted (the check-permissions action): one line per
 * product, and what to grant for the missing ones. Informational: it never fails the run.
 */
async function printPermissions(
    host: Awaited<ReturnType<typeof openLocalHost>>['host'],
    out: (line?: string) => void,
    redact: (text: string) => string
): Promise<void> {
    const fn = listFunctions().find((f) => f.name === 'check-permissions');
    if (!fn) {
        return;
    }
    out();
    out('Permissions (check-permissions)');
    try {
        const result = (await host.runAction(fn, {})) as {
            products: { product: string; permission: string; granted: boolean | null; reason?: string; functions: string[] }[];
            summary: { runnable: string[]; notRunnable: string[]; undetermined: string[] };
        };
        const width = Math.max(...result.products.map((p) => p.product.length));
        for (const p of result.products) {
            const mark = p.granted === true ? '✓ granted' : p.granted === false ? '✗ missing' : '? unknown';
            out(
                `  ${p.product.padEnd(width)}  ${mark}${p.granted === true ? '' : `: grant ${p.permission} (${p.functions.join(', ')})${p.reason ? `; ${redact(p.reason)}` : ''}`}`
            );
        }
        out(`  ${result.summary.runnable.length} functions runnable, ${result.summary.notRunnable.length} not, ${result.summary.undetermined.length} unknown`);
    } catch (err) {
        out(`  ? could not check: ${redact(describe(err))}`);
    }
}

try {
    process.exitCode = await main();
} catch (err) {
    process.stderr.write(`npm start failed: ${describe(err)}\n`);
    process.exitCode = 1;
}

/**
 * CLI: npx tsx simulator/main.ts [--port 8787] [--seed 1] [--size auditEvents=100000]...
 *      [--rate-limit 50/10] [--ttl 1800] [--latency 0] [--client-id ID]
 * The client secret is the public demo default unless SIM_CLIENT_SECRET is set (kept off the command line).
 */
import { parseArgs } from 'node:util';
import { SIMULATOR_CLIENT_ID, startSimulator, type SimulatorOptions } from './index.js';

function int(name: string, value: string | undefined): number | undefined {
    if (value === undefined) return undefined;
    const n = Number(value);
    if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a non-negative integer, got "${value}"`);
    return n;
}

function parseOptions(argv: string[]): SimulatorOptions {
    const { values } = parseArgs({
        args: argv,
        options: {
            port: { type: 'string', default: '8787' },
            seed: { type: 'string' },
            size: { type: 'string', multiple: true, default: [] },
            'rate-limit': { type: 'string' },
            ttl: { type: 'string' },
            latency: { type: 'string' },
            'client-id': { type: 'string' }
        },
        strict: true
    });
    const sizes: Record<string, number> = {};
    for (const s of values.size ?? []) {
        const [name, count] = s.split('=');
        const n = int('size', count);
        if (!name || n === undefined) throw new Error(`--size wants name=count, got "${s}"`);
        sizes[name] = n;
    }
    let rateLimit: SimulatorOptions['rateLimit'] = false;
    if (values['rate-limit']) {
        // "limit/refillPerSecond", e.g. 50/10 = bucket of 50, refilled at 10 requests per second.
        const m = /^(\d+)\/(\d+(?:\.\d+)?)$/.exec(values['rate-limit']);
        if (!m) throw new Error('--rate-limit wants limit/refillPerSecond, e.g. 50/10');
        rateLimit = { limit: Number(m[1]), refillPerSecond: Number(m[2]) };
    }
    const opts: SimulatorOptions = { port: int('port', values.port), sizes, rateLimit };
    const seed = int('seed', values.seed);
    const ttl = int('ttl', values.ttl);
    const latency = int('latency', values.latency);
    if (seed !== undefined) opts.seed = seed;
    if (ttl !== undefined) opts.tokenTtlSeconds = ttl;
    if (latency !== undefined) opts.latencyMs = latency;
    if (values['client-id']) opts.clientId = values['client-id'];
    if (process.env['SIM_CLIENT_SECRET']) opts.clientSecret = process.env['SIM_CLIENT_SECRET'];
    return opts;
}

async function main(): Promise<void> {
    const sim = await startSimulator(parseOptions(process.argv.slice(2)));
    const o = sim.options;
    const rl = o.rateLimit ? `${o.rateLimit.limit} per family, refill ${o.rateLimit.refillPerSecond}/s` : 'off';
    console.log(
        [
            `Mimecast API 2.0 simulator listening on ${sim.url}`,
            `  client id:      ${o.clientId}${o.clientId === SIMULATOR_CLIENT_ID ? ' (demo default)' : ''}`,
            `  client secret:  ${process.env['SIM_CLIENT_SECRET'] ? 'from SIM_CLIENT_SECRET' : 'the public demo default, SIMULATOR_CLIENT_SECRET in simulator/index.ts'}`,
            `  data sets:      ${Object.entries(o.sizes)
                .map(([k, v]) => `${k}=${v}`)
                .join(', ')}`,
            `  seed ${o.seed}, token ttl ${o.tokenTtlSeconds}s, latency ${o.latencyMs}ms, rate limit ${rl}`,
            '',
            `Point the connector at it: use ${sim.url} as the Mimecast base URL instead of https://api.services.mimecast.com`,
            `  (token URL ${sim.url}/oauth/token) with the client id above and the demo secret.`,
            `Admin: GET ${sim.url}/__sim/stats, POST|GET|DELETE ${sim.url}/__sim/faults (see simulator/README.md). Ctrl-C stops.`
        ].join('\n')
    );
    const stop = (): void => {
        sim.close().then(
            () => process.exit(0),
            () => process.exit(1)
        );
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
}

main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
});

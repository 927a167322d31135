import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { TokenStore } from './auth.js';
import { V1Auth } from './endpoints/v1-login.js'; // API 1.0 hook
import { TimeSeries, type SeriesSpec } from './data.js';
import { endpoints } from './endpoints/index.js';
import { SIEM_BATCH_FILES_PREFIX, serveSiemBatchFile, type SiemBatchOptions } from './endpoints/siem-batch.js';
import { blankErrors, errorReply, isReply, parseApiRequest, type ApiRequest, type Reply } from './envelope.js';
import { FaultQueue, parseFault, type Fault } from './faults.js';
import { RateLimiter, familyOf, type RateLimitConfig } from './ratelimit.js';
import { Router, type Endpoint } from './router.js';

export type { Fault } from './faults.js';
export type { RateLimitConfig } from './ratelimit.js';
export { TimeSeries } from './data.js';

/** Public demo credentials of the simulator (not secrets: they only open this local fake). */
export const SIMULATOR_CLIENT_ID = 'sim-client-id';
export const SIMULATOR_CLIENT_SECRET = 'sim-client-secret';

export interface SimulatorOptions {
    /** Default 0 = a random free port; the host is always 127.0.0.1. */
    port?: number;
    clientId?: string;
    clientSecret?: string;
    /** Default 1800; the token response says expires_in = ttl - 1 like Mimecast (1799). */
    tokenTtlSeconds?: number;
    /** Default 1; all data is a pure function of the seed. */
    seed?: number;
    /** Records per data set, e.g. { auditEvents: 1_000_000 }. Unknown names throw. */
    sizes?: Partial<Record<string, number>>;
    /** Token bucket per endpoint family; default false (off, and no X-RateLimit-* headers). */
    rateLimit?: RateLimitConfig | false;
    /** Clock in ms, default Date.now. Drives token expiry, data retention and the rate-limit refill. */
    now?: () => number;
    /** Added to every response, default 0. */
    latencyMs?: number;
    /** SIEM batch files: link lifetime and fault knobs (expired links, repeated URLs, corrupt lines). */
    siemBatch?: SiemBatchOptions;
}

export interface ResolvedSimulatorOptions {
    port: number;
    clientId: string;
    clientSecret: string;
    tokenTtlSeconds: number;
    seed: number;
    /** Every known data set with its effective size. */
    sizes: Record<string, number>;
    rateLimit: RateLimitConfig | false;
    now: () => number;
    latencyMs: number;
    siemBatch: SiemBatchOptions;
}

export interface SimulatorStats {
    requests: number;
    tokensIssued: number;
    rateLimited: number;
    byPath: Record<string, number>;
}

export interface Simulator {
    /** e.g. http://127.0.0.1:41234 (no trailing slash). */
    url: string;
    /** Live counters; resetStats() clears this same object. */
    stats: SimulatorStats;
    resetStats(): void;
    addFault(f: Fault): void;
    clearFaults(): void;
    close(): Promise<void>;
    readonly options: Readonly<ResolvedSimulatorOptions>;
    /** A data set of this instance by name (e.g. 'auditEvents'), for countInRange in tests and benchmarks. */
    series(name: string): TimeSeries<unknown>;
}

const MAX_BODY_BYTES = 1_000_000;
const JSON_TYPE = 'application/json; charset=utf-8';

function resolveOptions(opts: SimulatorOptions, known: Map<string, SeriesSpec<unknown>>): ResolvedSimulatorOptions {
    const sizes: Record<string, number> = {};
    for (const [name, spec] of known) sizes[name] = spec.defaultSize;
    for (const [name, size] of Object.entries(opts.sizes ?? {})) {
        if (!known.has(name)) throw new Error(`Unknown data set "${name}" (known: ${[...known.keys()].join(', ')})`);
        if (size === undefined) continue;
        if (!Number.isInteger(size) || size < 0) throw new Error(`sizes.${name} must be a non-negative integer`);
        sizes[name] = size;
    }
    const rateLimit = opts.rateLimit ?? false;
    if (rateLimit && !(rateLimit.limit >= 1 && rateLimit.refillPerSecond > 0)) {
        throw new Error('rateLimit needs limit >= 1 and refillPerSecond > 0');
    }
    const tokenTtlSeconds = opts.tokenTtlSeconds ?? 1800;
    if (!(tokenTtlSeconds >= 1)) throw new Error('tokenTtlSeconds must be >= 1');
    return {
        port: opts.port ?? 0,
        clientId: opts.clientId ?? SIMULATOR_CLIENT_ID,
        clientSecret: opts.clientSecret ?? SIMULATOR_CLIENT_SECRET,
        tokenTtlSeconds,
        seed: opts.seed ?? 1,
        sizes,
        rateLimit,
        now: opts.now ?? Date.now,
        latencyMs: opts.latencyMs ?? 0,
        siemBatch: { ...(opts.siemBatch ?? {}) }
    };
}

/** Reads the body; undefined when it is larger than MAX_BODY_BYTES. */
async function readBody(req: IncomingMessage): Promise<string | undefined> {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req) {
        size += (chunk as Buffer).length;
        if (size > MAX_BODY_BYTES) return undefined;
        chunks.push(chunk as Buffer);
    }
    return Buffer.concat(chunks).toString('utf8');
}

function send(res: ServerResponse, reply: Reply): void {
    if (reply.status === 204) {
        // No Content: no body and no content type (the policy-management DELETE answers this).
        res.writeHead(204, { ...reply.headers });
        res.end();
        return;
    }
    res.writeHead(reply.status, { 'content-type': JSON_TYPE, ...reply.headers });
    res.end(JSON.stringify(reply.body));
}

/** The body a `status` fault answers with when it brings none: Mimecast-like fail[]. */
function statusFaultReply(status: number): Reply {
    const code =
        status === 403
            ? 'err_forbidden'
            : status === 404
              ? 'err_not_found'
              : status === 429
                ? 'err_rate_limit_exceeded'
                : status >= 500
                  ? 'err_server_error'
                  : 'err_request_failed';
    return errorReply(status, code, `Simulated HTTP ${status}`, status === 429 || status >= 500);
}

export async function startSimulator(opts: SimulatorOptions = {}): Promise<Simulator> {
    const router = new Router(endpoints);
    const known = router.dataSets();
    const options = resolveOptions(opts, known);
    const clock = options.now;
    const tokens = new TokenStore(options.clientId, options.clientSecret, options.tokenTtlSeconds, clock);
    const v1 = new V1Auth(clock); // API 1.0 hook
    const limiter = options.rateLimit ? new RateLimiter(options.rateLimit, clock) : undefined;
    const faults = new FaultQueue();
    const stats: SimulatorStats = { requests: 0, tokensIssued: 0, rateLimited: 0, byPath: {} };
    const seriesByName = new Map<string, TimeSeries<unknown>>();
    const state = new Map<string, unknown>();
    // Pending delays (latency, slow faults) are cleared on close so no timer outlives the server.
    const timers = new Set<NodeJS.Timeout>();
    const sleep = (ms: number): Promise<void> =>
        new Promise((resolve) => {
            if (ms <= 0) return resolve();
            const t = setTimeout(() => {
                timers.delete(t);
                resolve();
            }, ms);
            timers.add(t);
        });

    function series<T>(spec: SeriesSpec<T>): TimeSeries<T> {
        let s = seriesByName.get(spec.name);
        if (!s) {
            s = new TimeSeries(spec, options.sizes[spec.name] ?? spec.defaultSize, options.seed, clock) as TimeSeries<unknown>;
            seriesByName.set(spec.name, s);
        }
        return s as TimeSeries<T>;
    }

    function resetStats(): void {
        stats.requests = 0;
        stats.tokensIssued = 0;
        stats.rateLimited = 0;
        for (const k of Object.keys(stats.byPath)) delete stats.byPath[k];
    }

    /** Finds and runs the endpoint: 405/404/400 and the server-wide blank check come first. */
    async function dispatch(req: IncomingMessage, url: URL, raw: string, signed: boolean): Promise<Reply> {
        const path = url.pathname;
        const method = req.method ?? 'GET';
        if (path.startsWith('/api/') && method !== 'POST')
            return errorReply(405, 'err_method_not_allowed', `${method} is not allowed; /api endpoints take POST`);
        const endpoint = router.find(path);
        if (!endpoint || (endpoint.apiV1Only && !signed))
            return errorReply(404, 'err_not_found', `No endpoint at ${path}${endpoint ? ' in API 2.0 (API 1.0 only)' : ''}`);
        if (endpoint.rest) return dispatchRest(endpoint, url, method, raw);
        if ((endpoint.method ?? 'POST') !== method) return errorReply(405, 'err_method_not_allowed', `${method} is not allowed on ${path}`);

        let request: ApiRequest = { data: [] };
        if (method === 'POST') {
            const parsed = parseApiRequest(raw);
            if (isReply(parsed)) return parsed;
            request = parsed;
            const blanks = request.data.map((item) => ({ key: item, errors: blankErrors(item) })).filter((f) => f.errors.length > 0);
            if (blanks.length > 0) return { status: 200, body: { meta: { status: 200 }, data: [], fail: blanks } };
        }
        return endpoint.handle({
            path,
            method,
            query: url.searchParams,
            request,
            item: request.data[0] ?? {},
            ...shared()
        });
    }

    /** What every handler context shares: clock, data sets, state, this server's URL, SIEM batch knobs. */
    function shared() {
        return {
            now: clock(),
            seed: options.seed,
            series,
            state: <T>(key: string, init: () => T): T => {
                if (!state.has(key)) state.set(key, init());
                return state.get(key) as T;
            },
            origin: `http://127.0.0.1:${options.port}`,
            siemBatch: options.siemBatch
        };
    }

    /** REST routes: plain JSON bodies, errors as `{"error":[{code,message}]}`. */
    async function dispatchRest(endpoint: Endpoint, url: URL, method: string, raw: string): Promise<Reply> {
        if (!(endpoint.rest?.methods as readonly string[]).includes(method)) {
            return { status: 405, body: { error: [{ code: 'method_not_allowed', message: `${method} is not allowed on ${url.pathname}` }] } };
        }
        let body: unknown;
        if (raw.trim() !== '') {
            try {
                body = JSON.parse(raw);
            } catch {
                return { status: 400, body: { error: [{ code: 'invalid_json', message: 'The request body is not valid JSON' }] } };
            }
        }
        return endpoint.handle({
            path: url.pathname,
            method,
            query: url.searchParams,
            request: { data: [] },
            body,
            item: {},
            ...shared()
        });
    }

    /** Token endpoint, then bearer check, then rate limit, then the endpoint. */
    async function route(req: IncomingMessage, url: URL, raw: string): Promise<Reply> {
        const path = url.pathname;
        if (path === '/oauth/token') {
            if (req.method !== 'POST') return errorReply(405, 'err_method_not_allowed', 'POST the token request');
            const reply = tokens.tokenRequest(req.headers['content-type'], raw);
            if (reply.status === 200) stats.tokensIssued++;
            return reply;
        }
        if (!path.startsWith('/api/') && !path.startsWith('/siem/') && !path.startsWith('/policy-management/'))
            return errorReply(404, 'err_not_found', `No endpoint at ${path}`);
        // API 1.0 hook (endpoints/v1-login.ts): key login endpoints, and MC-signed requests instead of a bearer token.
        const v1Login = v1.route(req, path, raw);
        if (v1Login) return v1Login;
        const signed = v1.isSigned(req);
        const denied = signed ? v1.verify(req, path) : tokens.check(req.headers.authorization);
        if (denied) return denied;
        if (!limiter) return dispatch(req, url, raw, signed);
        const bucket = limiter.take(familyOf(path));
        if (bucket.reply) {
            stats.rateLimited++; // not executed
            return { ...bucket.reply, headers: bucket.headers };
        }
        const reply = await dispatch(req, url, raw, signed);
        return { ...reply, headers: { ...reply.headers, ...bucket.headers } };
    }

    /** Out-of-process control: /__sim/stats and /__sim/faults. Not counted, never faulted. */
    async function admin(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
        const key = `${req.method} ${path}`;
        if (key === 'GET /__sim/stats') return send(res, { status: 200, body: stats });
        if (key === 'DELETE /__sim/stats') return (resetStats(), send(res, { status: 200, body: stats }));
        if (key === 'GET /__sim/faults') return send(res, { status: 200, body: { faults: faults.list() } });
        if (key === 'DELETE /__sim/faults') return (faults.clear(), send(res, { status: 200, body: { faults: [] } }));
        if (key === 'POST /__sim/faults') {
            try {
                const fault = parseFault(JSON.parse((await readBody(req)) ?? ''));
                faults.add(fault);
                return send(res, { status: 201, body: { added: fault, faults: faults.list() } });
            } catch (e) {
                return send(res, { status: 400, body: { error: e instanceof Error ? e.message : String(e) } });
            }
        }
        send(res, { status: 404, body: { error: `No admin route ${key}` } });
    }

    async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
        const url = new URL(req.url ?? '/', 'http://127.0.0.1');
        const path = url.pathname;
        if (path.startsWith('/__sim/')) return admin(req, res, path);
        stats.requests++;
        stats.byPath[path] = (stats.byPath[path] ?? 0) + 1;

        // Faults come before routing: they model the network and gateway, not the API.
        const fault = faults.take(path);
        if (fault?.kind === 'drop') {
            req.socket.destroy();
            return;
        }
        const raw = await readBody(req);
        await sleep(options.latencyMs + (fault?.kind === 'slow' ? fault.delayMs : 0));
        if (raw === undefined) return send(res, errorReply(413, 'err_request_too_large', 'The request body is too large'));
        switch (fault?.kind) {
            case 'malformed':
                res.writeHead(200, { 'content-type': JSON_TYPE });
                res.end('{"meta":{"status":20');
                return;
            case 'status':
                return send(
                    res,
                    fault.body === undefined
                        ? { ...statusFaultReply(fault.status), headers: fault.headers }
                        : { status: fault.status, body: fault.body, headers: fault.headers }
                );
            case 'fail': {
                const parsed = parseApiRequest(raw);
                const key = isReply(parsed) ? {} : (parsed.data[0] ?? {});
                const errors = [{ code: fault.code, message: fault.message, retryable: fault.retryable ?? false }];
                return send(res, { status: 200, body: { meta: { status: 200 }, data: [], fail: [{ key, errors }] } });
            }
        }
        if (path.startsWith(SIEM_BATCH_FILES_PREFIX)) {
            // The storage host of SIEM batch files: presigned links, no bearer token, no rate limit.
            const file = req.method === 'GET' ? serveSiemBatchFile({ path, query: url.searchParams, ...shared() }) : { status: 405, headers: {}, body: '' };
            res.writeHead(file.status, file.headers);
            res.end(file.body);
            return;
        }
        send(res, await route(req, url, raw));
    }

    const server = createServer((req, res) => {
        handle(req, res).catch((e: unknown) => {
            // A bug in a handler should look like a Mimecast 500, not hang the client.
            if (!res.headersSent) send(res, errorReply(500, 'err_server_error', e instanceof Error ? e.message : String(e), true));
            else res.destroy();
        });
    });
    await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(options.port, '127.0.0.1', () => {
            server.off('error', reject);
            resolve();
        });
    });
    options.port = (server.address() as AddressInfo).port;

    return {
        url: `http://127.0.0.1:${options.port}`,
        stats,
        resetStats,
        addFault: (f) => faults.add(parseFault(f)),
        clearFaults: () => faults.clear(),
        options,
        series(name) {
            const spec = known.get(name);
            if (!spec) throw new Error(`Unknown data set "${name}"`);
            return series(spec);
        },
        close: () =>
            new Promise<void>((resolve, reject) => {
                for (const t of timers) clearTimeout(t);
                timers.clear();
                server.close((err) => (err ? reject(err) : resolve()));
                server.closeAllConnections();
            })
    };
}

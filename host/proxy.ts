// The proxy a function's `nango.proxy/get/post` reaches, doing what Nango's proxy does (NangoHQ/nango
// packages/shared/lib/services/proxy/retry.ts and packages/utils/lib/retry.ts): base URL from the
// provider definition, `Authorization: Bearer`, function headers override provider headers, and
// retries only when the call passes `retries: N`. Retried: the network errors ECONNRESET, ETIMEDOUT
// and ECONNABORTED, 5xx, 429 and `retryOn` codes, after a per-call `retryHeader` or the provider's
// `proxy.retry` header when present, else 3 s x 2^n (capped at 10 minutes). Mimecast's X-RateLimit-Reset
// is not read, as on Nango. A 401 re-reads the connection once and retries only if its credentials
// changed meanwhile (no forced refresh); otherwise it stops (invalid_credentials). Targets pass Nango's
// egress policy (@nangohq/egress): private and loopback addresses are refused unless allowed explicitly.
import { DEFAULT_OUTBOUND_URL_POLICY, validateOutboundUrlSync } from '@nangohq/egress';
import type { ProxyConfiguration } from '@nangohq/runner-sdk';

import type { ClientCredentials } from './auth.js';
import type { Connection } from './connection.js';
import type { Logger } from './log.js';
import { HttpError, send } from './http.js';
import type { HttpReply } from './http.js';
import { interpolate } from './providers.js';

export interface ProxyResponse<T = unknown> {
    status: number;
    statusText: string;
    headers: Record<string, string>;
    data: T;
    config: { method: string; url: string };
}

/** Shaped like an AxiosError, which is what functions on Nango receive from a failed proxy call. */
export class ProxyError extends Error {
    readonly isAxiosError = true;
    constructor(
        message: string,
        readonly code: string | undefined,
        readonly response: ProxyResponse | undefined
    ) {
        super(message);
        this.name = 'AxiosError';
    }
    get status(): number | undefined {
        return this.response?.status;
    }
}

export interface ProxyStats {
    requests: number;
    retries: number;
    reauthentications: number;
    waitedMs: number;
}

export interface ProxyOptions {
    /** First backoff step when no header gives the wait (Nango: 3 s, doubling). Tests shorten it. */
    backoffBaseMs?: number;
    /** Cap of one backoff step (Nango: 10 minutes). */
    maxWaitMs?: number;
    timeoutMs?: number;
    sleep?: (ms: number) => Promise<void>;
}

/** Nango's `networkError` list (packages/utils/lib/retry.ts): the only network errors its proxy retries. */
export const RETRIED_NETWORK_CODES: ReadonlySet<string> = new Set(['ECONNRESET', 'ETIMEDOUT', 'ECONNABORTED']);
/**
 * Nango's egress check for one URL. `allowedOrigins` is the host's explicit allowance (the embedded
 * simulator, MIMECAST_BASE_URL, a test server); everything else must be a public target.
 */
export function assertEgressAllowed(url: string, allowedOrigins: ReadonlySet<string>): void {
    const origin = new URL(url).origin;
    if (allowedOrigins.has(origin)) {
        return;
    }
    const verdict = validateOutboundUrlSync(url, DEFAULT_OUTBOUND_URL_POLICY, { context: 'proxy' });
    if (!verdict.ok) {
        throw new ProxyError(`${origin} is refused by Nango's egress policy (${verdict.error.code}): ${verdict.error.message}`, 'url_not_allowed', undefined);
    }
}

/**
 * What the person running the host named explicitly, and so may be private or loopback: the base URL
 * override (the embedded simulator, MIMECAST_BASE_URL) and an API 1.0 connection's own regional base URL
 * (MIMECAST_V1_BASE_URL). Nango itself has no such allowance.
 */
export function explicitOrigins(connection: Connection): ReadonlySet<string> {
    const urls = [connection.baseUrlOverride, connection.providerConfigKey === 'mimecast-api-v1' ? connection.connectionConfig['baseUrl'] : undefined];
    return new Set(urls.filter((u): u is string => Boolean(u)).map((u) => new URL(u).origin));
}

export class HostProxy {
    readonly stats: ProxyStats = { requests: 0, retries: 0, reauthentications: 0, waitedMs: 0 };
    private readonly backoffBaseMs: number;
    private readonly maxWaitMs: number;
    private readonly timeoutMs: number;
    private readonly sleep: (ms: number) => Promise<void>;
    /** Origins allowed although private or loopback: the connection's base URL override, set by the host. */
    readonly allowedOrigins: ReadonlySet<string>;

    constructor(
        private readonly connection: Connection,
        private readonly auth: ClientCredentials | undefined,
        private readonly logger: Logger,
        options: ProxyOptions = {}
    ) {
        this.backoffBaseMs = options.backoffBaseMs ?? 3000;
        this.maxWaitMs = options.maxWaitMs ?? 10 * 60 * 1000;
        this.timeoutMs = options.timeoutMs ?? 60_000;
        this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
        this.allowedOrigins = explicitOrigins(connection);
    }

    baseUrl(): string {
        if (this.connection.baseUrlOverride) {
            return this.connection.baseUrlOverride;
        }
        return interpolate(this.connection.provider.proxy.base_url, this.connection.connectionConfig).replace(/\/+$/, '');
    }

    async request<T = unknown>(config: ProxyConfiguration): Promise<ProxyResponse<T>> {
        const method = (config.method ?? 'GET').toUpperCase();
        const url = this.url(config);
        assertEgressAllowed(url, this.allowedOrigins);
        const retries = Math.max(0, Number(config.retries ?? 0));
        for (let attempt = 0; ; attempt++) {
            const token = this.auth && !hasHeader(config.headers, 'authorization') ? await this.auth.accessToken() : undefined;
            const outcome = await this.once(method, url, config, token);
            if (outcome.response && outcome.response.status < 400) {
                return outcome.response as ProxyResponse<T>;
            }
            const failure =
                outcome.error ??
                new ProxyError(
                    `Request failed with status code ${outcome.response?.status}`,
                    `ERR_BAD_${(outcome.response?.status ?? 500) < 500 ? 'REQUEST' : 'RESPONSE'}`,
                    outcome.response
                );
            // Nango asks whether to retry only while retries are left.
            if (attempt >= retries) {
                throw failure;
            }
            const decision = await this.retryDecision(config, outcome, attempt, token);
            if (!decision.retry) {
                this.logger.log('debug', `${method} ${config.endpoint}: not retried (${decision.reason})`);
                throw failure;
            }
            this.stats.retries += 1;
            this.stats.waitedMs += decision.waitMs;
            this.logger.log('debug', `${method} ${config.endpoint}: retry ${attempt + 1}/${retries} (${decision.reason}) in ${decision.waitMs} ms`);
            await this.sleep(decision.waitMs);
        }
    }

    /** Nango's getProxyRetryFromErr and its 401 handling, for one failed attempt. */
    private async retryDecision(
        config: ProxyConfiguration,
        outcome: { response?: ProxyResponse; error?: ProxyError },
        attempt: number,
        tokenUsed: string | undefined
    ): Promise<{ retry: boolean; reason: string; waitMs: number }> {
        const backoff = Math.min(this.maxWaitMs, this.backoffBaseMs * 2 ** attempt);
        if (!outcome.response) {
            const code = outcome.error?.code ?? '';
            return RETRIED_NETWORK_CODES.has(code)
                ? { retry: true, reason: 'network_error', waitMs: backoff }
                : { retry: false, reason: `network error ${code} is not in Nango's list`, waitMs: 0 };
        }
        const { status, headers } = outcome.response;
        if (status === 401) {
            // Nango re-reads the connection; it retries only if the stored credentials changed meanwhile.
            this.stats.reauthentications += 1;
            const current = this.auth && tokenUsed !== undefined ? await this.auth.accessToken() : tokenUsed;
            return current !== tokenUsed
                ? { retry: true, reason: 'credentials_changed', waitMs: 0 }
                : { retry: false, reason: 'invalid_credentials', waitMs: 0 };
        }
        if (!(status >= 500 || status === 429 || (config.retryOn ?? []).includes(status))) {
            return { retry: false, reason: 'not_retryable', waitMs: 0 };
        }
        const perCall = config.retryHeader?.at
            ? { type: 'at' as const, name: config.retryHeader.at }
            : config.retryHeader?.after
              ? { type: 'after' as const, name: config.retryHeader.after }
              : undefined;
        const providerRetry = this.connection.provider.proxy.retry;
        const fromProvider = providerRetry?.at?.[0]
            ? { type: 'at' as const, name: providerRetry.at[0] }
            : providerRetry?.after?.[0]
              ? { type: 'after' as const, name: providerRetry.after[0] }
              : undefined;
        for (const header of [perCall, fromProvider]) {
            const name = Array.isArray(header?.name) ? header.name[0] : header?.name;
            const waitMs = header && name ? headerWait(headers, header.type, name) : undefined;
            if (waitMs !== undefined) {
                return { retry: true, reason: `header_${header!.type}`, waitMs };
            }
        }
        return { retry: true, reason: `status_code_${status}`, waitMs: backoff };
    }

    private url(config: ProxyConfiguration): string {
        const base = config.baseUrlOverride ? config.baseUrlOverride.replace(/\/+$/, '') : this.baseUrl();
        const endpoint = config.endpoint.startsWith('/') ? config.endpoint : `/${config.endpoint}`;
        const url = new URL(`${base}${endpoint}`);
        const params = typeof config.params === 'string' ? new URLSearchParams(config.params) : new URLSearchParams(stringRecord(config.params));
        params.forEach((value, key) => url.searchParams.append(key, value));
        return url.toString();
    }

    private async once(
        method: string,
        url: string,
        config: ProxyConfiguration,
        token: string | undefined
    ): Promise<{ response?: ProxyResponse; error?: ProxyError }> {
        const headers: Record<string, string> = { accept: 'application/json' };
        for (const [key, value] of Object.entries(this.connection.provider.proxy.headers ?? {})) {
            headers[key] = interpolate(value, this.connection.connectionConfig);
        }
        if (token !== undefined) {
            headers['authorization'] = `Bearer ${token}`;
        }
        // Headers set by the function override the provider's (API 1.0 signing relies on this).
        for (const [key, value] of Object.entries(config.headers ?? {})) {
            headers[key.toLowerCase()] = String(value);
        }
        let body: string | undefined;
        if (config.data !== undefined && method !== 'GET') {
            body = typeof config.data === 'string' ? config.data : JSON.stringify(config.data);
            headers['content-type'] ??= 'application/json';
        }
        this.stats.requests += 1;
        let reply: HttpReply;
        try {
            reply = await send(url, { method, headers, ...(body !== undefined ? { body } : {}), timeoutMs: this.timeoutMs });
        } catch (err) {
            const code = err instanceof HttpError ? err.code : 'ECONNRESET';
            return { error: new ProxyError(err instanceof Error ? err.message : String(err), code, undefined) };
        }
        // Like axios: JSON when it parses, the raw text otherwise (a malformed page stays visible).
        let data: unknown = reply.text;
        if (reply.text !== '') {
            try {
                data = JSON.parse(reply.text);
            } catch {
                data = reply.text;
            }
        }
        return { response: { status: reply.status, statusText: reply.statusText, headers: reply.headers, data, config: { method, url } } };
    }
}

/** Nango's getRetryFromHeader: `at` is an epoch in seconds, `after` a number of seconds. */
function headerWait(headers: Record<string, string>, type: 'at' | 'after', name: string): number | undefined {
    const raw = headers[name.toLowerCase()];
    if (!raw) {
        return undefined;
    }
    if (type === 'at') {
        const now = Math.floor(Date.now() / 1000);
        const at = Number(raw);
        return at > now ? Math.ceil(at - now) * 1000 : undefined;
    }
    const after = Number(raw);
    return Number.isFinite(after) ? after * 1000 : undefined;
}

function hasHeader(headers: Record<string, unknown> | undefined, name: string): boolean {
    return Object.keys(headers ?? {}).some((key) => key.toLowerCase() === name);
}

function stringRecord(params: unknown): Record<string, string> {
    const out: Record<string, string> = {};
    if (params && typeof params === 'object') {
        for (const [key, value] of Object.entries(params)) {
            if (value !== undefined && value !== null) {
                out[key] = String(value);
            }
        }
    }
    return out;
}

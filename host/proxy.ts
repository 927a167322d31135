// The proxy a function's `nango.proxy/get/post` reaches, doing what Nango's proxy does: base URL from
// the provider definition, `Authorization: Bearer`, function headers override provider headers,
// retries only when the call asks for them (network errors, 5xx, 429 and `retryOn` codes), and one
// re-authentication on a 401. Unlike Nango, a 429 waits as Mimecast's X-RateLimit-Reset says
// (milliseconds, read defensively by the functions' own resetToMs).
import type { ProxyConfiguration } from '@nangohq/runner-sdk';

import type { ClientCredentials } from './auth.js';
import { networkReason } from './auth.js';
import type { Connection } from './connection.js';
import type { Logger } from './log.js';
import { interpolate } from './providers.js';
// The same reading of Mimecast's reset header as the functions use: one definition.
import { resetToMs } from '../integrations/mimecast/helpers/api.js';

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
    /** First backoff step when a response gives no wait (Nango: 3 s, doubling, capped). */
    backoffBaseMs?: number;
    maxWaitMs?: number;
    timeoutMs?: number;
    sleep?: (ms: number) => Promise<void>;
}

const NETWORK_CODES = new Set(['ECONNRESET', 'ETIMEDOUT', 'ECONNABORTED', 'ECONNREFUSED', 'EPIPE', 'UND_ERR_SOCKET', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'ABORT_ERR']);

export class HostProxy {
    readonly stats: ProxyStats = { requests: 0, retries: 0, reauthentications: 0, waitedMs: 0 };
    private readonly backoffBaseMs: number;
    private readonly maxWaitMs: number;
    private readonly timeoutMs: number;
    private readonly sleep: (ms: number) => Promise<void>;

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
        const retries = Math.max(0, Number(config.retries ?? 0));
        let reauthenticated = false;
        for (let attempt = 0; ; attempt++) {
            const outcome = await this.once(method, url, config);
            if (outcome.response && outcome.response.status < 400) {
                return outcome.response as ProxyResponse<T>;
            }
            const status = outcome.response?.status;
            // Nango re-reads the connection once on a 401; here that is one forced token refresh.
            if (status === 401 && this.auth && !reauthenticated && !hasHeader(config.headers, 'authorization')) {
                reauthenticated = true;
                this.stats.reauthentications += 1;
                await this.auth.accessToken({ forceRefresh: true });
                continue;
            }
            const retryable = status === undefined || status >= 500 || status === 429 || (config.retryOn ?? []).includes(status);
            if (!retryable || attempt >= retries) {
                throw outcome.error ?? new ProxyError(`Request failed with status code ${status}`, `ERR_BAD_${status && status < 500 ? 'REQUEST' : 'RESPONSE'}`, outcome.response);
            }
            const waitMs = this.waitFor(outcome.response, attempt);
            this.stats.retries += 1;
            this.stats.waitedMs += waitMs;
            this.logger.log('debug', `${method} ${config.endpoint}: ${status ?? outcome.error?.code ?? 'network error'}, retry ${attempt + 1}/${retries} in ${waitMs} ms`);
            await this.sleep(waitMs);
        }
    }

    private url(config: ProxyConfiguration): string {
        const base = config.baseUrlOverride ? config.baseUrlOverride.replace(/\/+$/, '') : this.baseUrl();
        const endpoint = config.endpoint.startsWith('/') ? config.endpoint : `/${config.endpoint}`;
        const url = new URL(`${base}${endpoint}`);
        const params = typeof config.params === 'string' ? new URLSearchParams(config.params) : new URLSearchParams(stringRecord(config.params));
        params.forEach((value, key) => url.searchParams.append(key, value));
        return url.toString();
    }

    private async once(method: string, url: string, config: ProxyConfiguration): Promise<{ response?: ProxyResponse; error?: ProxyError }> {
        const headers: Record<string, string> = { accept: 'application/json' };
        for (const [key, value] of Object.entries(this.connection.provider.proxy.headers ?? {})) {
            headers[key] = interpolate(value, this.connection.connectionConfig);
        }
        if (this.auth) {
            headers['authorization'] = `Bearer ${await this.auth.accessToken()}`;
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
        let res: Response;
        let text: string;
        try {
            res = await fetch(url, { method, headers, ...(body !== undefined ? { body } : {}), signal: AbortSignal.timeout(this.timeoutMs) });
            text = await res.text();
        } catch (err) {
            const reason = networkReason(err);
            const code = [...NETWORK_CODES].find((c) => reason.includes(c)) ?? 'ECONNRESET';
            return { error: new ProxyError(`${method} ${new URL(url).pathname} failed: ${reason}`, code, undefined) };
        }
        const responseHeaders: Record<string, string> = {};
        res.headers.forEach((value, key) => {
            responseHeaders[key] = value;
        });
        // Like axios: JSON when it parses, the raw text otherwise (a malformed page stays visible).
        let data: unknown = text;
        if (text !== '') {
            try {
                data = JSON.parse(text);
            } catch {
                data = text;
            }
        }
        return { response: { status: res.status, statusText: res.statusText, headers: responseHeaders, data, config: { method, url } } };
    }

    /** How long to wait before retry `attempt`: Mimecast's reset header on 429, else exponential backoff. */
    private waitFor(response: ProxyResponse | undefined, attempt: number): number {
        const backoff = Math.min(this.maxWaitMs, this.backoffBaseMs * 2 ** attempt);
        if (response?.status !== 429) {
            return backoff;
        }
        const reset = resetToMs(response.headers['x-ratelimit-reset']);
        if (reset !== undefined) {
            return reset;
        }
        const retryAfter = Number(response.headers['retry-after']);
        return Number.isFinite(retryAfter) ? Math.min(this.maxWaitMs, retryAfter * 1000) : backoff;
    }
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

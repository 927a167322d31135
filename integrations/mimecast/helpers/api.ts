// Everything every Mimecast function needs to call API 2.0 correctly, written once:
// the request envelope, fail[] inside HTTP 200, Mimecast errors, rate-limit pacing and paging.
// Facts: https://developer.services.mimecast.com/api-overview (envelope, errors, rate limiting).
import type { NangoAction, ProxyConfiguration } from 'nango';

import { requestSignerFor } from './signing.js';

/** The part of Nango's function context these helpers use; both syncs and actions provide it. */
export type MimecastNango = Pick<NangoAction, 'proxy' | 'log' | 'getConnection'> & { provider?: string | undefined };

/** Retries Nango's proxy itself performs for network errors, 5xx and 429. */
const PROXY_RETRIES = 3;
/** 429s this helper waits out itself, pacing by Mimecast's X-RateLimit-Reset. */
const MAX_RATE_LIMIT_WAITS = 6;
/** A single wait is never longer than this, whatever a header claims. */
const MAX_WAIT_MS = 60_000;
/** err_developer_key is a known intermittent application-id error: Mimecast asks clients to retry it. */
const TRANSIENT_FAIL_CODES = new Set(['err_developer_key']);
const TRANSIENT_FAIL_RETRIES = 2;

export interface MimecastErrorDetails {
    code: string;
    message: string;
    status?: number;
    field?: string;
    retryable?: boolean;
}

/** A Mimecast failure (fail[], 4xx, 5xx, malformed page) with Mimecast's own code and message. */
export class MimecastError extends Error {
    readonly code: string;
    readonly status: number | undefined;
    readonly field: string | undefined;
    readonly retryable: boolean;

    constructor(details: MimecastErrorDetails) {
        super(`Mimecast ${details.code}: ${details.message}${details.field ? ` (field: ${details.field})` : ''}`);
        this.name = 'MimecastError';
        this.code = details.code;
        this.status = details.status;
        this.field = details.field;
        this.retryable = details.retryable ?? false;
    }

    toJSON(): MimecastErrorDetails {
        return {
            code: this.code,
            message: this.message,
            retryable: this.retryable,
            ...(this.status !== undefined ? { status: this.status } : {}),
            ...(this.field !== undefined ? { field: this.field } : {})
        };
    }
}

export interface MimecastRequest {
    /** e.g. `/api/audit/get-audit-events` */
    path: string;
    /** The request item(s); most endpoints take exactly one object, some take none (`data: []`). */
    data?: Record<string, unknown> | Record<string, unknown>[];
    pageSize?: number;
    pageToken?: string;
}

export interface MimecastPage {
    /** The envelope's `data[]` as Mimecast returned it. */
    data: unknown[];
    /** `meta.pagination.next`, absent on the last page. */
    next: string | undefined;
    totalCount: number | undefined;
    headers: Record<string, string>;
}

/** Drops undefined, null and blank strings: Mimecast rejects blank values (err_validation_blank). */
export function compact<T>(value: T): T {
    if (Array.isArray(value)) {
        return value.map((v) => compact(v)) as T;
    }
    if (value && typeof value === 'object') {
        const out: Record<string, unknown> = {};
        for (const [key, v] of Object.entries(value)) {
            if (v === undefined || v === null || (typeof v === 'string' && v.trim() === '')) {
                continue;
            }
            out[key] = compact(v);
        }
        return out as T;
    }
    return value;
}

/** Calls one POST `/api/...` endpoint and returns the page, or throws a MimecastError. */
export async function callMimecast(nango: MimecastNango, request: MimecastRequest): Promise<MimecastPage> {
    const items = request.data === undefined ? [] : Array.isArray(request.data) ? request.data : [request.data];
    const pagination = compact({ pageSize: request.pageSize, pageToken: request.pageToken });
    const body = { ...(Object.keys(pagination).length > 0 ? { meta: { pagination } } : {}), data: compact(items) };
    return exchange(nango, { method: 'POST', endpoint: request.path, data: body }, (response) => readEnvelope(request.path, response));
}

export interface MimecastJson {
    /** The parsed JSON body (a JSON object). */
    body: Record<string, unknown>;
    headers: Record<string, string>;
}

/**
 * Calls one GET endpoint outside the `/api` envelope (the SIEM `/siem/v1/...` routes): query
 * parameters in, the JSON object out. Same pacing, 429 waits and error handling as callMimecast;
 * errors come back as `{"error":{"code","message"}}` (or a fail[]), in any HTTP status.
 */
export async function callMimecastGet(nango: MimecastNango, path: string, params: Record<string, string | number | undefined> = {}): Promise<MimecastJson> {
    const query: Record<string, string | number> = {};
    for (const [key, value] of Object.entries(params)) {
        if (value !== undefined && value !== '') {
            query[key] = value;
        }
    }
    return exchange(nango, { method: 'GET', endpoint: path, params: query }, (response) => readJsonObject(path, response));
}

/**
 * The shared transport loop of every call: pace by the last rate-limit headers, send, wait out a
 * 429 by X-RateLimit-Reset, read the response, retry Mimecast's known transient failure codes.
 */
async function exchange<T>(nango: MimecastNango, config: ProxyConfiguration, read: (response: RawResponse) => T | MimecastError): Promise<T> {
    let rateLimitWaits = 0;
    let transientRetries = 0;
    for (;;) {
        await paceBeforeCall(nango, config.endpoint);
        const response = await transmit(nango, config);
        if (response.status === 429 && rateLimitWaits < MAX_RATE_LIMIT_WAITS) {
            rateLimitWaits += 1;
            await sleep(rateLimitWaitMs(response.headers, rateLimitWaits));
            continue;
        }
        const result = read(response);
        if (result instanceof MimecastError) {
            if (TRANSIENT_FAIL_CODES.has(result.code) && transientRetries < TRANSIENT_FAIL_RETRIES) {
                transientRetries += 1;
                continue;
            }
            throw result;
        }
        return result;
    }
}

/**
 * Every page of one query, following `meta.pagination.next` with the same filters (the one pager,
 * `pages`, with the envelope's cursor). `recordsIn` names where the records sit, so that an empty
 * wrapped list (`data[0].folders = []`) ends the listing like an empty `data[]`.
 */
export async function* mimecastPages(nango: MimecastNango, request: MimecastRequest, recordsIn?: string): AsyncGenerator<MimecastPage> {
    for await (const { page } of pages(mimecastPager(nango, request, recordsIn), request.pageToken ?? '')) {
        yield page;
    }
}

/**
 * The records of a page. Mimecast puts them flat in `data[]` for some endpoints and in
 * `data[0].<key>[]` for others (clickLogs, attachmentLogs, folders, ...): each caller says which.
 */
export function recordsOf(page: Pick<MimecastPage, 'data'>, wrappedIn?: string): unknown[] {
    if (!wrappedIn) {
        return page.data;
    }
    const first = page.data[0];
    if (first === undefined) {
        return [];
    }
    const inner = isObject(first) ? first[wrappedIn] : undefined;
    if (inner === undefined) {
        return [];
    }
    if (!Array.isArray(inner)) {
        throw new MimecastError({ code: 'malformed_response', message: `expected data[0].${wrappedIn} to be an array` });
    }
    return inner;
}

/** The first item of `data[]`, for endpoints that answer with one object. */
export function firstItem(page: Pick<MimecastPage, 'data'>, path: string): Record<string, unknown> {
    const first = page.data[0];
    if (!isObject(first)) {
        throw new MimecastError({ code: 'malformed_response', message: `${path} returned no data item` });
    }
    return first;
}

// ---------------------------------------------------------------------------------------------
// Transport: one proxy call, with HTTP errors turned into responses we can inspect.

interface RawResponse {
    status: number;
    data: unknown;
    headers: Record<string, string>;
}

/**
 * One request as the connection's provider needs it. API 2.0: the proxy adds the bearer token and
 * retries. API 1.0 (signing.ts): each attempt is signed afresh, because Mimecast rejects a replayed
 * x-mc-req-id and a stale x-mc-date, so the proxy must not resend the same headers; retries happen here.
 */
async function transmit(nango: MimecastNango, config: ProxyConfiguration): Promise<RawResponse> {
    let sign: Awaited<ReturnType<typeof requestSignerFor>>;
    try {
        sign = await requestSignerFor(nango);
    } catch (err) {
        throw new MimecastError({ code: 'invalid_connection', message: err instanceof Error ? err.message : String(err) });
    }
    let response: RawResponse;
    if (!sign) {
        response = await send(nango, config);
    } else {
        for (let attempt = 0; ; attempt++) {
            try {
                response = await send(nango, { ...config, headers: { ...(config.headers ?? {}), ...sign(config.endpoint) } }, 0);
            } catch (err) {
                if (err instanceof MimecastError && err.code === 'network_error' && attempt < PROXY_RETRIES) {
                    await sleep(1000 * 2 ** attempt);
                    continue;
                }
                throw err;
            }
            if (response.status >= 500 && attempt < PROXY_RETRIES) {
                await sleep(1000 * 2 ** attempt);
                continue;
            }
            break;
        }
    }
    if (response.status === 418) {
        // API 1.0 only: the Access Key / Secret Key binding lapsed with the Authentication Profile's TTL.
        const failure = firstFailure(typeof response.data === 'string' ? tryParse(response.data) : response.data);
        throw new MimecastError({
            code: 'key_binding_expired',
            message:
                `${config.endpoint} answered HTTP 418${failure ? ` (${failure.code})` : ''}: the API 1.0 key binding expired. ` +
                "Set the service user's Authentication Profile TTL to Never Expires, generate new keys with `npm run v1:keys` and update the connection's Access Key and Secret Key",
            status: 418,
            retryable: false
        });
    }
    return response;
}

async function send(nango: MimecastNango, config: ProxyConfiguration, retries = PROXY_RETRIES): Promise<RawResponse> {
    try {
        // The proxy retries network errors, 5xx and 429. A 429 that outlives those retries comes back
        // here and is waited out by Mimecast's reset header, which Nango's backoff does not read.
        const response = await nango.proxy({ ...config, retries });
        const headers = lowerCaseHeaders(response.headers);
        notePacing(nango, config.endpoint, headers);
        return { status: response.status, data: response.data, headers };
    } catch (err) {
        const response = isObject(err) && isObject(err['response']) ? err['response'] : undefined;
        if (!response || typeof response['status'] !== 'number') {
            const message = err instanceof Error || (isObject(err) && typeof err['message'] === 'string') ? String((err as { message: unknown }).message) : 'no response';
            throw new MimecastError({ code: 'network_error', message: `${config.endpoint}: ${message}`, retryable: true });
        }
        const headers = lowerCaseHeaders(response['headers']);
        notePacing(nango, config.endpoint, headers);
        return { status: response['status'], data: response['data'], headers };
    }
}

/** Validates the envelope: HTTP status, meta.status, fail[], shape of data[]. */
function readEnvelope(path: string, response: RawResponse): MimecastPage | MimecastError {
    const body = typeof response.data === 'string' ? tryParse(response.data) : response.data;
    const failure = firstFailure(body);
    if (response.status >= 400) {
        return httpFailure(path, response.status, failure);
    }
    if (!isObject(body) || !Array.isArray(body['data'])) {
        return new MimecastError({ code: 'malformed_response', message: `${path} returned a body that is not a Mimecast envelope`, status: response.status, retryable: true });
    }
    if (failure) {
        return new MimecastError({ ...failure, status: response.status });
    }
    const meta = isObject(body['meta']) ? body['meta'] : {};
    if (typeof meta['status'] === 'number' && meta['status'] !== 200) {
        return new MimecastError({ code: httpCode(meta['status']), message: `${path} answered meta.status ${meta['status']} inside HTTP 200`, status: meta['status'] });
    }
    const pagination = isObject(meta['pagination']) ? meta['pagination'] : {};
    const next = typeof pagination['next'] === 'string' && pagination['next'] !== '' ? pagination['next'] : undefined;
    const totalCount = typeof pagination['totalCount'] === 'number' ? pagination['totalCount'] : undefined;
    return { data: body['data'], next, totalCount, headers: response.headers };
}

/** Validates a plain JSON response (GET routes): HTTP status, `{"error":{code,message}}`, fail[]. */
function readJsonObject(path: string, response: RawResponse): MimecastJson | MimecastError {
    const body = typeof response.data === 'string' ? tryParse(response.data) : response.data;
    const error = isObject(body) && isObject(body['error']) ? body['error'] : undefined;
    const failure = error
        ? { code: typeof error['code'] === 'string' ? error['code'] : httpCode(response.status), message: typeof error['message'] === 'string' ? error['message'] : 'no message' }
        : firstFailure(body);
    if (response.status >= 400) {
        return httpFailure(path, response.status, failure);
    }
    if (!isObject(body)) {
        return new MimecastError({ code: 'malformed_response', message: `${path} returned a body that is not a JSON object`, status: response.status, retryable: true });
    }
    if (failure) {
        return new MimecastError({ ...failure, status: response.status });
    }
    return { body, headers: response.headers };
}

/** The first error of `fail[]` (`fail[i].errors[j]`, or `fail[i]` itself on token errors). */
export function firstFailure(body: unknown): MimecastErrorDetails | undefined {
    if (!isObject(body) || !Array.isArray(body['fail']) || body['fail'].length === 0) {
        return undefined;
    }
    const fail: unknown = body['fail'][0];
    const error: unknown = isObject(fail) && Array.isArray(fail['errors']) && fail['errors'].length > 0 ? fail['errors'][0] : fail;
    if (!isObject(error)) {
        return { code: 'unknown_failure', message: 'Mimecast returned fail[] without details' };
    }
    return {
        code: typeof error['code'] === 'string' ? error['code'] : 'unknown_failure',
        message: typeof error['message'] === 'string' ? error['message'] : 'no message',
        ...(typeof error['field'] === 'string' ? { field: error['field'] } : {}),
        retryable: error['retryable'] === true
    };
}

/** An HTTP 4xx/5xx as a MimecastError: Mimecast's own code and message when the body carries them. */
function httpFailure(path: string, status: number, failure: MimecastErrorDetails | undefined): MimecastError {
    return new MimecastError({
        code: failure?.code ?? httpCode(status),
        message: failure?.message ?? `${path} answered HTTP ${status}${describeStatus(status)}`,
        status,
        retryable: status === 429 || status >= 500,
        ...(failure?.field ? { field: failure.field } : {})
    });
}

function httpCode(status: number): string {
    return `http_${status}`;
}

function describeStatus(status: number): string {
    switch (status) {
        case 401:
            return ' (credentials rejected or token expired)';
        case 403:
            return ' (the API application lacks the product or permission for this endpoint)';
        case 404:
            return ' (not found)';
        case 429:
            return ' (rate limit still exceeded after waiting)';
        default:
            return status >= 500 ? ' (Mimecast server error)' : '';
    }
}

// ---------------------------------------------------------------------------------------------
// Rate-limit pacing. Mimecast sends X-RateLimit-Remaining and X-RateLimit-Reset (milliseconds until
// one more request is allowed) per application and endpoint family. When the bucket is empty we wait
// before the next call instead of collecting a 429.

const pacing = new WeakMap<object, Map<string, number>>();

function family(path: string): string {
    return path.split('/').slice(0, 3).join('/');
}

function notePacing(nango: object, path: string, headers: Record<string, string>): void {
    const remaining = Number(headers['x-ratelimit-remaining']);
    const waitMs = resetToMs(headers['x-ratelimit-reset']);
    if (!Number.isFinite(remaining) || remaining > 0 || waitMs === undefined) {
        return;
    }
    let families = pacing.get(nango);
    if (!families) {
        families = new Map();
        pacing.set(nango, families);
    }
    families.set(family(path), Date.now() + waitMs);
}

async function paceBeforeCall(nango: object, path: string): Promise<void> {
    const notBefore = pacing.get(nango)?.get(family(path));
    if (notBefore !== undefined && notBefore > Date.now()) {
        await sleep(notBefore - Date.now());
    }
}

function rateLimitWaitMs(headers: Record<string, string>, attempt: number): number {
    // Without a usable header, back off 1 s, 2 s, 4 s, ...
    return resetToMs(headers['x-ratelimit-reset']) ?? Math.min(MAX_WAIT_MS, 1000 * 2 ** (attempt - 1));
}

/**
 * X-RateLimit-Reset is documented as milliseconds; some clients read it as epoch seconds. Read it
 * defensively: an epoch (seconds or ms) becomes the time left, a duration is capped at MAX_WAIT_MS.
 */
export function resetToMs(raw: string | undefined, now = Date.now()): number | undefined {
    if (raw === undefined || raw.trim() === '') {
        return undefined;
    }
    const value = Number(raw);
    if (!Number.isFinite(value) || value < 0) {
        return undefined;
    }
    if (value > 1e12) {
        return clampWait(value - now);
    }
    if (value > 1e9) {
        return clampWait(value * 1000 - now);
    }
    return clampWait(value);
}

function clampWait(ms: number): number {
    return Math.max(0, Math.min(MAX_WAIT_MS, Math.ceil(ms)));
}

// ---------------------------------------------------------------------------------------------

export function isObject(value: unknown): value is Record<string, unknown> {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function lowerCaseHeaders(headers: unknown): Record<string, string> {
    const out: Record<string, string> = {};
    if (isObject(headers)) {
        for (const [key, value] of Object.entries(headers)) {
            if (value !== undefined && value !== null) {
                out[key.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
            }
        }
    }
    return out;
}

function tryParse(text: string): unknown {
    try {
        return JSON.parse(text);
    } catch {
        return text;
    }
}

export function sleep(ms: number): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, ms));
}

// ---------------------------------------------------------------------------------------------
// Paging: the one pager behind every paged listing (full refreshes, log windows, the SIEM stream).

/** How one paged listing is requested and where its cursor is read. */
export interface Pager<P> {
    /** Requests the page at `token` ('' for the first page). */
    request(token: string): Promise<P>;
    /** The cursor a page carries for the page after it (body `meta.pagination.next`, SIEM `@nextPage`), if any. */
    cursor(page: P): string | undefined;
    /** Whether this page ends the listing (given its cursor). */
    isLast(page: P, cursor: string | undefined): boolean;
    /**
     * Where to continue when Mimecast rejects a saved token (isRejectedPageToken): the token to
     * restart from ('' = the first page). Without it a rejected token fails the run.
     */
    restart?(err: MimecastError): Promise<string>;
}

export interface PageOf<P> {
    page: P;
    /** The token this page was requested with ('' for a first page). */
    token: string;
    /** The page's own cursor (undefined when it carries none). */
    cursor: string | undefined;
    last: boolean;
}

/**
 * Every page of a listing from `token` on. The caller checkpoints between pages (the next request is
 * only sent when it asks for the next page) and may stop early. A rejected saved token restarts the
 * listing once, where `restart` says; a second rejection fails the run.
 */
export async function* pages<P>(pager: Pager<P>, token = ''): AsyncGenerator<PageOf<P>> {
    let restarted = false;
    for (;;) {
        let page: P;
        try {
            page = await pager.request(token);
        } catch (err) {
            if (token !== '' && !restarted && pager.restart && isRejectedPageToken(err)) {
                restarted = true;
                token = await pager.restart(err);
                continue;
            }
            throw err;
        }
        const cursor = pager.cursor(page);
        const last = pager.isLast(page, cursor);
        yield { page, token, cursor, last };
        if (last || cursor === undefined) {
            return;
        }
        token = cursor;
    }
}

/**
 * The one rule for a page token Mimecast no longer accepts (expired, unknown, from an earlier run):
 * an error naming the token (code or field), or a 400/404/410 answer to a request that carried one.
 */
export function isRejectedPageToken(err: unknown): err is MimecastError {
    return (
        err instanceof MimecastError &&
        (/page.?token|pagination|next.?page/i.test(err.code) || err.field === 'pageToken' || err.field === 'nextPage' || err.status === 400 || err.status === 404 || err.status === 410)
    );
}

/** The pager of a POST `/api/...` listing: same filters on every page, cursor in `meta.pagination.next`. */
export function mimecastPager(nango: MimecastNango, request: MimecastRequest, recordsIn?: string, restart?: Pager<MimecastPage>['restart']): Pager<MimecastPage> {
    return {
        request: (token) => {
            const { pageToken: _saved, ...query } = request;
            return callMimecast(nango, token ? { ...query, pageToken: token } : query);
        },
        cursor: (page) => page.next,
        // A last page can be empty and still carry `next`: stop on either signal.
        isLast: (page, cursor) => cursor === undefined || recordsOf(page, recordsIn).length === 0,
        ...(restart ? { restart } : {})
    };
}

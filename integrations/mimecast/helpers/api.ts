// Everything every Mimecast function needs to call API 2.0 correctly, written once:
// the request envelope, fail[] inside HTTP 200, Mimecast errors, rate-limit pacing and paging.
// Facts: https://developer.services.mimecast.com/api-overview (envelope, errors, rate limiting).
import type { NangoAction, ProxyConfiguration } from 'nango';

import { isArray, isObject } from './builtins.js';

/** Re-exported: the functions read Mimecast's bodies through it. */
export { isObject };
import { requestSignerFor } from './signing.js';

/** The part of Nango's function context these helpers use; both syncs and actions provide it. */
export type MimecastNango = Pick<NangoAction, 'proxy' | 'log' | 'getConnection'> & { provider?: string | undefined };

// ---------------------------------------------------------------------------------------------
// The retry budget of one Mimecast call, stated once. Every kind of retry spends from the same
// budget: a network error, a 5xx, a 429 and a transient fail[] code. The helpers call Nango's proxy
// with `retries: 0` and retry here, so a call makes at most MAX_ATTEMPTS requests on Nango as on the
// local host (Nango's own backoff is 3 s, 6 s, 12 s and does not read Mimecast's reset header).

/** Requests one call may make in all (the first try included), whatever mix of failures it meets. */
export const MAX_ATTEMPTS = 4;
/** Backoff when there is no reset header to read: 1 s, 2 s, 4 s, ..., each scaled by a 50-100% jitter. */
const BACKOFF_BASE_MS = 1000;
/** A single wait is never longer than this, whatever a header claims. */
const MAX_WAIT_MS = 60_000;
/** err_developer_key is a known intermittent application-id error: Mimecast asks clients to retry it. */
const TRANSIENT_FAIL_CODES = new Set(['err_developer_key']);

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

/** Drops undefined, null and blank strings at every depth: Mimecast rejects blank values (err_validation_blank). */
export function compact(value: unknown): unknown {
    if (isArray(value)) {
        return value.map(compact);
    }
    return isObject(value) ? compactObject(value) : value;
}

/** `compact` of an object. */
export function compactObject(value: Record<string, unknown>): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) {
        if (v === undefined || v === null || (typeof v === 'string' && v.trim() === '')) {
            continue;
        }
        out[key] = compact(v);
    }
    return out;
}

/** Calls one POST `/api/...` endpoint and returns the page, or throws a MimecastError. */
export async function callMimecast(nango: MimecastNango, request: MimecastRequest): Promise<MimecastPage> {
    return exchange(nango, { method: 'POST', endpoint: request.path, data: requestEnvelope(request) }, (response) => readEnvelope(request.path, response));
}

/** The `/api` request body: `{meta:{pagination}, data:[items]}`, blank values left out. */
function requestEnvelope(request: MimecastRequest): Record<string, unknown> {
    const items = request.data === undefined ? [] : Array.isArray(request.data) ? request.data : [request.data];
    const pagination = compactObject({ pageSize: request.pageSize, pageToken: request.pageToken });
    const body = { ...(Object.keys(pagination).length > 0 ? { meta: { pagination } } : {}), data: compact(items) };
    return body;
}

export interface MimecastJson {
    /** The parsed JSON body (a JSON object). */
    body: Record<string, unknown>;
    headers: Record<string, string>;
}

/**
 * Calls one GET endpoint outside the `/api` envelope (the SIEM `/siem/v1/...` routes): query
 * parameters in, the JSON object out. Same retries, 429 waits and error handling as callMimecast;
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
 * What one attempt of a call came to: its result (`done`), or a failure worth another attempt
 * (`retry`, the reason logged), with the wait Mimecast asked for (`waitMs`, from X-RateLimit-Reset)
 * or none (the jittered backoff), and what the call ends with if the budget is spent (`giveUp`).
 */
export type Attempt<T> = { done: T } | { retry: string; waitMs?: number | undefined; giveUp: () => T };

/**
 * The one retry budget (MAX_ATTEMPTS requests in all), spent by every call the helpers and functions
 * make: `attempt` runs once per try, and what it asks to retry waits first, logged.
 */
export async function withRetries<T>(nango: Pick<MimecastNango, 'log'>, endpoint: string, attempt: (n: number) => Promise<Attempt<T>>): Promise<T> {
    for (let n = 1; ; n++) {
        const outcome = await attempt(n);
        if ('done' in outcome) {
            return outcome.done;
        }
        if (n >= MAX_ATTEMPTS) {
            return outcome.giveUp();
        }
        await retryLater(nango, endpoint, outcome.retry, n, outcome.waitMs ?? backoffMs(n));
    }
}

/**
 * The transport of every API call, within the one budget: a 429 waits what X-RateLimit-Reset says, a
 * network error, a 5xx or a transient fail[] code backs off with jitter. Once the budget is spent, the
 * last answer is read for Mimecast's own code and message, and thrown.
 */
export async function exchange<T>(nango: MimecastNango, config: ProxyConfiguration, read: (response: RawResponse) => T | MimecastError): Promise<T> {
    return withRetries<T>(nango, config.endpoint, async (): Promise<Attempt<T>> => {
        let response: RawResponse;
        // @allowTryCatch: a network error is retried within the call's one budget; anything else is rethrown
        try {
            response = await transmit(nango, config);
        } catch (err) {
            if (err instanceof MimecastError && err.code === 'network_error') {
                return { retry: 'network error', giveUp: () => fail(err) };
            }
            throw err;
        }
        if (response.status === 429 || response.status >= 500) {
            const waitMs = response.status === 429 ? resetToMs(response.headers['x-ratelimit-reset']) : undefined;
            return { retry: `HTTP ${response.status}`, waitMs, giveUp: () => orThrow(read(response)) };
        }
        const result = read(response);
        if (result instanceof MimecastError && TRANSIENT_FAIL_CODES.has(result.code)) {
            return { retry: result.code, giveUp: () => fail(result) };
        }
        return { done: orThrow(result) };
    });
}

function orThrow<T>(result: T | MimecastError): T {
    if (result instanceof MimecastError) {
        throw result;
    }
    return result;
}

function fail(err: unknown): never {
    throw err;
}

/** Exponential backoff with jitter for retry `attempt` (1-based): 0.5-1 s, 1-2 s, 2-4 s, ... */
function backoffMs(attempt: number): number {
    const ceiling = Math.min(MAX_WAIT_MS, BACKOFF_BASE_MS * 2 ** (attempt - 1));
    return Math.round(ceiling * (0.5 + Math.random() * 0.5));
}

/** Logs why and how long, then waits: what Nango's logs show for each retry of this call. */
async function retryLater(nango: Pick<MimecastNango, 'log'>, endpoint: string, reason: string, attempt: number, waitMs: number): Promise<void> {
    await nango.log(`${endpoint}: ${reason}, attempt ${attempt} of ${MAX_ATTEMPTS}, retrying in ${waitMs} ms`, { level: 'warn' });
    await sleep(waitMs);
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

export interface RawResponse {
    status: number;
    data: unknown;
    headers: Record<string, string>;
}

/**
 * One request as the connection's provider needs it. API 2.0: the proxy adds the bearer token.
 * API 1.0 (signing.ts): each attempt is signed afresh (exchange calls this once per attempt), because
 * Mimecast rejects a replayed x-mc-req-id and a stale x-mc-date.
 */
async function transmit(nango: MimecastNango, config: ProxyConfiguration): Promise<RawResponse> {
    let sign: Awaited<ReturnType<typeof requestSignerFor>>;
    // @allowTryCatch: an unusable API 1.0 key setup becomes Mimecast's invalid_connection error, named
    try {
        sign = await requestSignerFor(nango);
    } catch (err) {
        throw new MimecastError({ code: 'invalid_connection', message: err instanceof Error ? err.message : String(err) });
    }
    const response = await send(nango, sign ? { ...config, headers: { ...(config.headers ?? {}), ...sign(config.endpoint) } } : config);
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

/** One proxy call with no proxy retries (`retries: 0`): the budget above is the only one. */
async function send(nango: MimecastNango, config: ProxyConfiguration): Promise<RawResponse> {
    // @allowTryCatch: the proxy throws on HTTP errors: the status and body are read here for Mimecast's code and message
    try {
        // retries: 0 on purpose: the helpers own the one retry budget (top of this file), so a call retries
        // the same way on Nango's proxy and on the local host. `unknown`: each reader checks the body's shape.
        // eslint-disable-next-line @nangohq/custom-integrations-linting/proxy-call-retries, @nangohq/custom-integrations-linting/type-external-api-responses
        const response = await nango.proxy<unknown>({ ...config, retries: 0 });
        return { status: response.status, data: response.data, headers: lowerCaseHeaders(response.headers) };
    } catch (err) {
        const response = isObject(err) && isObject(err['response']) ? err['response'] : undefined;
        if (!response || typeof response['status'] !== 'number') {
            const message = err instanceof Error ? err.message : isObject(err) && typeof err['message'] === 'string' ? err['message'] : 'no response';
            throw new MimecastError({ code: 'network_error', message: `${config.endpoint}: ${message}`, retryable: true });
        }
        return { status: response['status'], data: response['data'], headers: lowerCaseHeaders(response['headers']) };
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
        return new MimecastError({
            code: 'malformed_response',
            message: `${path} returned a body that is not a Mimecast envelope`,
            status: response.status,
            retryable: true
        });
    }
    if (failure) {
        return new MimecastError({ ...failure, status: response.status });
    }
    const meta = isObject(body['meta']) ? body['meta'] : {};
    if (typeof meta['status'] === 'number' && meta['status'] !== 200) {
        return new MimecastError({
            code: httpCode(meta['status']),
            message: `${path} answered meta.status ${meta['status']} inside HTTP 200`,
            status: meta['status']
        });
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
        ? {
              code: typeof error['code'] === 'string' ? error['code'] : httpCode(response.status),
              message: typeof error['message'] === 'string' ? error['message'] : 'no message'
          }
        : firstFailure(body);
    if (response.status >= 400) {
        return httpFailure(path, response.status, failure);
    }
    if (!isObject(body)) {
        return new MimecastError({
            code: 'malformed_response',
            message: `${path} returned a body that is not a JSON object`,
            status: response.status,
            retryable: true
        });
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
// one more request is allowed) per application and endpoint family. When a page says the bucket is
// empty, the pager waits that long before it asks for the next page instead of collecting a 429. The
// wait travels with the page (its headers); any other call that meets a 429 waits its reset header.

/** When the next request to the same endpoint may go, if this response's headers say the bucket is empty. */
export function notBeforeOf(headers: Record<string, string>, now = Date.now()): number | undefined {
    const raw = headers['x-ratelimit-remaining'];
    const remaining = raw === undefined || raw.trim() === '' ? NaN : Number(raw);
    const waitMs = resetToMs(headers['x-ratelimit-reset'], now);
    if (!Number.isFinite(remaining) || remaining > 0 || waitMs === undefined) {
        return undefined;
    }
    return now + waitMs;
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
    // @allowTryCatch: a body that is not JSON is kept as text, to be reported as it came
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
// REST calls outside the `/api` envelope: the API 2.0 families addressed by path and method, e.g.
// `DELETE /policy-management/cloud-gateway/v1/blocked-senders/policies/{id}` (204 or 200, often no
// body). Their errors come as `{"error":[{code, message}]}` (or one object), or a bare
// `{"message":"Forbidden"}` on a 403. Same 429 waits and retries as every other call.
// https://developer.services.mimecast.com/docs/policymanagement/1/overview

export interface MimecastRestRequest {
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
    path: string;
    /** A JSON body; omitted = no body. */
    body?: Record<string, unknown>;
    /** Query parameters (list paging: `pageSize`, `pageToken`). */
    params?: Record<string, string | number>;
}

export interface MimecastRestResponse {
    status: number;
    /** The JSON object Mimecast answered, or undefined for an empty answer (204). */
    body: Record<string, unknown> | undefined;
    headers: Record<string, string>;
}

/** Calls one non-envelope REST endpoint; a 4xx/5xx or an error body becomes a MimecastError. */
export async function callMimecastRest(nango: MimecastNango, request: MimecastRestRequest): Promise<MimecastRestResponse> {
    const config: ProxyConfiguration = {
        method: request.method,
        // The caller's path; each caller links its Mimecast page, e.g. https://developer.services.mimecast.com/docs/policymanagement/1/overview
        endpoint: request.path,
        ...(request.body !== undefined ? { data: compact(request.body) } : {}),
        ...(request.params !== undefined ? { params: request.params } : {})
    };
    return exchange(nango, config, (response) => readRest(request.path, response));
}

function readRest(path: string, response: RawResponse): MimecastRestResponse | MimecastError {
    const raw = typeof response.data === 'string' ? (response.data.trim() === '' ? undefined : tryParse(response.data)) : response.data;
    const failure = restFailure(raw, response.status);
    if (response.status >= 400) {
        return httpFailure(path, response.status, failure);
    }
    if (failure) {
        return new MimecastError({ ...failure, status: response.status });
    }
    if (raw !== undefined && raw !== null && !isObject(raw)) {
        return new MimecastError({
            code: 'malformed_response',
            message: `${path} returned a body that is not a JSON object`,
            status: response.status,
            retryable: true
        });
    }
    return { status: response.status, body: isObject(raw) ? raw : undefined, headers: response.headers };
}

/** `{"error":[{code,message}]}`, `{"error":{code,message}}`, a fail[], or (on an HTTP error) a bare `{"message"}`. */
function restFailure(body: unknown, status: number): MimecastErrorDetails | undefined {
    if (!isObject(body)) {
        return undefined;
    }
    const error: unknown = Array.isArray(body['error']) ? body['error'][0] : body['error'];
    if (isObject(error)) {
        return {
            code: typeof error['code'] === 'string' && error['code'] !== '' ? error['code'] : httpCode(status),
            message: typeof error['message'] === 'string' ? error['message'] : 'no message',
            ...(typeof error['field'] === 'string' ? { field: error['field'] } : {})
        };
    }
    const failure = firstFailure(body);
    if (failure) {
        return failure;
    }
    return status >= 400 && typeof body['message'] === 'string' ? { code: httpCode(status), message: body['message'] } : undefined;
}

// Calls whose answers are not the `/api` data[] envelope but a JSON object of their own (the threat-intel
// feed answers a STIX bundle, its next token in a header). Same transport loop as every other call.

export interface MimecastJsonPage extends MimecastJson {
    /** True when Mimecast answered one of the `emptyOn` codes: "nothing here", not a failure. */
    empty: boolean;
}

/**
 * POSTs the `/api` request envelope to an endpoint that answers with another JSON object (the
 * threat-intel feed answers a STIX bundle, its next token in a header). fail[] codes listed in
 * `emptyOn` (in an HTTP 2xx) mean "no data" and come back as an empty page instead of an error.
 */
export async function callMimecastJson(
    nango: MimecastNango,
    request: MimecastRequest,
    options: { emptyOn?: readonly string[] } = {}
): Promise<MimecastJsonPage> {
    return exchange(nango, { method: 'POST', endpoint: request.path, data: requestEnvelope(request) }, (response) => {
        const result = readJsonObject(request.path, response);
        if (result instanceof MimecastError) {
            return response.status < 400 && options.emptyOn?.includes(result.code) ? { body: {}, headers: response.headers, empty: true } : result;
        }
        return { ...result, empty: false };
    });
}

// Paging: the one pager behind every paged listing (full refreshes, log windows, the SIEM stream).

/** What every page carries: its response headers, where the rate-limit pacing is read. */
export interface PagedResponse {
    headers: Record<string, string>;
}

/** How one paged listing is requested and where its cursor is read. */
export interface Pager<P extends PagedResponse> {
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

export interface PagesOptions {
    /**
     * Request the next page as soon as a page arrives, so Mimecast's answer is on its way while the caller
     * maps and saves this one (the log and SIEM streams, which read every page). Still one request at a time,
     * in order; a caller that stops early leaves one page read and unused, so listings an action stops at a
     * result count leave it off.
     */
    readAhead?: boolean;
    /** Stop after this many pages (a run's page budget); nothing is read ahead past it. */
    maxPages?: number;
}

/**
 * Every page of a listing from `token` on. The caller checkpoints between pages and may stop early. A
 * page whose headers say the rate-limit bucket is empty makes the next request wait for the reset. A
 * rejected saved token restarts the listing once, where `restart` says; a second rejection fails the run.
 */
export async function* pages<P extends PagedResponse>(pager: Pager<P>, token = '', options: PagesOptions = {}): AsyncGenerator<PageOf<P>> {
    let restarted = false;
    let notBefore: number | undefined;
    const requestAt = async (at: string): Promise<P> => {
        if (notBefore !== undefined && notBefore > Date.now()) {
            await sleep(notBefore - Date.now());
        }
        return pager.request(at);
    };
    let ahead: { token: string; page: Promise<P> } | undefined;
    const maxPages = options.maxPages ?? Infinity;
    let count = 0;
    while (count < maxPages) {
        let page: P;
        // @allowTryCatch: a rejected page token restarts the listing once; anything else is rethrown
        try {
            page = await (ahead?.token === token ? ahead.page : requestAt(token));
        } catch (err) {
            if (token !== '' && !restarted && pager.restart && isRejectedPageToken(err)) {
                restarted = true;
                token = await pager.restart(err);
                continue;
            }
            throw err;
        } finally {
            ahead = undefined;
        }
        count += 1;
        notBefore = notBeforeOf(page.headers);
        const cursor = pager.cursor(page);
        const last = pager.isLast(page, cursor);
        if (options.readAhead && !last && cursor !== undefined && count < maxPages) {
            const next = requestAt(cursor);
            // Its failure is the caller's when it asks for that page; until then it must not go unhandled.
            next.catch(() => undefined);
            ahead = { token: cursor, page: next };
            // One timer tick, so the request is on the wire before the caller works on this page: an HTTP
            // client writes a request when the event loop turns, and the caller's work would hold it back.
            await sleep(0);
        }
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
        (/page.?token|pagination|next.?page/i.test(err.code) ||
            err.field === 'pageToken' ||
            err.field === 'nextPage' ||
            err.status === 400 ||
            err.status === 404 ||
            err.status === 410)
    );
}

/** The pager of a POST `/api/...` listing: same filters on every page, cursor in `meta.pagination.next`. */
export function mimecastPager(
    nango: MimecastNango,
    request: MimecastRequest,
    recordsIn?: string,
    restart?: Pager<MimecastPage>['restart']
): Pager<MimecastPage> {
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

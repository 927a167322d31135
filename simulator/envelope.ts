import { createHash } from 'node:crypto';

/** One entry of a Mimecast `errors[]`. */
export interface FailError {
    code: string;
    message: string;
    field?: string;
    retryable: boolean;
}

/** What a handler returns; the server serialises `body` as JSON. */
export interface Reply {
    status: number;
    body: unknown;
    headers?: Record<string, string>;
}

export interface Pagination {
    pageSize: number;
    totalCount: number;
    next?: string;
    previous?: string;
}

export type Item = Record<string, unknown>;

/** The parsed request envelope `{meta:{pagination:{pageSize,pageToken}}, data:[...]}`. */
export interface ApiRequest {
    pageSize?: unknown;
    pageToken?: unknown;
    data: Item[];
}

const isObject = (v: unknown): v is Item => typeof v === 'object' && v !== null && !Array.isArray(v);

/** HTTP-level error in the Mimecast shape (401, 404, 429, 500, ...). */
export function errorReply(status: number, code: string, message: string, retryable = false): Reply {
    return { status, body: { meta: { status }, data: [], fail: [{ errors: [{ code, message, retryable }] }] } };
}

/** Success envelope. `pagination` only for list endpoints. */
export function ok(data: unknown[], pagination?: Pagination): Reply {
    return { status: 200, body: { meta: pagination ? { status: 200, pagination } : { status: 200 }, data, fail: [] } };
}

/** Function-level failure: HTTP 200 with a non-empty fail[] (the trap clients must handle). */
export function fail(key: Item | undefined, errors: FailError[]): Reply {
    return { status: 200, body: { meta: { status: 200 }, data: [], fail: [{ key: key ?? {}, errors }] } };
}

/** Parses a POST /api body. Empty body = empty envelope; anything not an envelope is a 400. */
export function parseApiRequest(raw: string): ApiRequest | Reply {
    if (raw.trim() === '') return { data: [] };
    let json: unknown;
    try {
        json = JSON.parse(raw);
    } catch {
        return errorReply(400, 'err_request_malformed', 'The request body is not valid JSON');
    }
    if (!isObject(json)) return errorReply(400, 'err_request_malformed', 'The request body must be a JSON object');
    const data = json['data'] ?? [];
    if (!Array.isArray(data) || !data.every(isObject)) {
        return errorReply(400, 'err_request_malformed', '"data" must be an array of objects');
    }
    const meta = isObject(json['meta']) ? json['meta'] : {};
    const pagination = isObject(meta['pagination']) ? meta['pagination'] : {};
    return { pageSize: pagination['pageSize'], pageToken: pagination['pageToken'], data };
}

export function isReply(v: unknown): v is Reply {
    return isObject(v) && typeof v['status'] === 'number' && 'body' in v;
}

// ---------------------------------------------------------------- dates

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(Z|[+-]\d{2}:?\d{2})$/;

/** Accepts Mimecast's `2024-11-17T20:16:00+0000` and ISO 8601 (`...Z`, `+00:00`). Returns epoch ms. */
export function parseDate(value: string): number | undefined {
    const m = DATE_RE.exec(value);
    if (!m) return undefined;
    const zone = m[8] === 'Z' ? 'Z' : `${m[8]!.slice(0, 3)}:${m[8]!.slice(-2)}`;
    const ms = Date.parse(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6] ?? '00'}.${(m[7] ?? '0').padEnd(3, '0')}${zone}`);
    if (Number.isNaN(ms)) return undefined;
    // Date.parse rolls 2024-02-31 over to March: reject dates whose calendar day does not exist.
    const day = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
    return day.getUTCDate() === Number(m[3]) ? ms : undefined;
}

/** The form Mimecast responds with: `2024-11-17T20:16:00+0000` (seconds, offset without colon). */
export function formatDate(ms: number): string {
    return new Date(ms).toISOString().slice(0, 19) + '+0000';
}

// ---------------------------------------------------------------- validation

/** Collects Mimecast-style validation errors for one request item (blank strings are checked by the server). */
export class Validator {
    readonly errors: FailError[] = [];
    private readonly reported = new Set<string>();

    constructor(readonly item: Item) {}

    get ok(): boolean {
        return this.errors.length === 0;
    }

    /** The fail reply for this item (HTTP 200). */
    fail(): Reply {
        return fail(this.item, this.errors);
    }

    add(field: string, code: string, message: string): void {
        if (this.reported.has(field)) return; // one error per field is enough
        this.reported.add(field);
        this.errors.push({ code, message, field, retryable: false });
    }

    string(field: string, opts: { required?: boolean; oneOf?: readonly string[] } = {}): string | undefined {
        const v = this.present(field, opts.required);
        if (v === undefined) return undefined;
        if (typeof v !== 'string') return this.invalid(field, 'must be a string');
        if (opts.oneOf && !opts.oneOf.includes(v)) return this.invalid(field, `must be one of ${opts.oneOf.join(', ')}`);
        return v;
    }

    strings(field: string, opts: { required?: boolean; oneOf?: readonly string[] } = {}): string[] | undefined {
        const v = this.present(field, opts.required);
        if (v === undefined) return undefined;
        if (!Array.isArray(v) || !v.every((s) => typeof s === 'string')) return this.invalid(field, 'must be an array of strings');
        const bad = opts.oneOf ? v.find((s) => !opts.oneOf!.includes(s)) : undefined;
        if (bad !== undefined) return this.invalid(field, `contains an unknown value "${bad}"`);
        return v;
    }

    boolean(field: string, opts: { required?: boolean } = {}): boolean | undefined {
        const v = this.present(field, opts.required);
        if (v === undefined) return undefined;
        return typeof v === 'boolean' ? v : this.invalid(field, 'must be true or false');
    }

    /** A date in Mimecast or ISO form, as epoch ms. */
    date(field: string, opts: { required?: boolean } = {}): number | undefined {
        const v = this.present(field, opts.required);
        if (v === undefined) return undefined;
        const ms = typeof v === 'string' ? parseDate(v) : undefined;
        if (ms === undefined) {
            this.add(field, 'err_validation_invalid_date', `${field} must be a date like 2024-11-17T20:16:00+0000`);
        }
        return ms;
    }

    /** Reports `endField` when the range runs backwards. */
    dateOrder(startField: string, start: number | undefined, endField: string, end: number | undefined): void {
        if (start !== undefined && end !== undefined && end < start) {
            this.add(endField, 'err_validation_invalid_date_range', `${endField} must not be before ${startField}`);
        }
    }

    private present(field: string, required = false): unknown {
        if (this.reported.has(field)) return undefined;
        const v = this.item[field];
        if (v === undefined) {
            if (required) this.add(field, 'err_validation_missing', `${field} is required`);
            return undefined;
        }
        return v;
    }

    private invalid(field: string, why: string): undefined {
        this.add(field, 'err_validation_invalid_value', `${field} ${why}`);
        return undefined;
    }
}

/**
 * Mimecast rejects blank strings (and nulls) anywhere in a request item with err_validation_blank.
 * The server runs this on every item of every POST /api request before the handler.
 */
export function blankErrors(value: unknown, path = ''): FailError[] {
    const blank = (why: string): FailError[] => [{ code: 'err_validation_blank', message: `${path} ${why}`, field: path, retryable: false }];
    if (typeof value === 'string') return value.trim() === '' ? blank('must not be blank') : [];
    if (value === null) return path ? blank('must not be null') : [];
    if (Array.isArray(value)) return value.flatMap((v, i) => blankErrors(v, `${path}[${i}]`));
    if (isObject(value)) return Object.entries(value).flatMap(([k, v]) => blankErrors(v, path ? `${path}.${k}` : k));
    return [];
}

// ---------------------------------------------------------------- pagination

/** Where a list request starts, decoded from its page token. */
export interface Page {
    offset: number;
    pageSize: number;
    /** Opaque to the endpoint: pass it to TimeSeries.page (keeps offsets stable while new records arrive). */
    snapshot: number | undefined;
    /** Binds tokens to the endpoint and filters they were issued for. */
    filterHash: string;
}

interface TokenBody {
    o: number;
    s?: number;
    h: string;
}

/** Stable JSON (sorted keys) so the same filters always hash the same. */
function canonical(v: unknown): string {
    if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
    if (isObject(v)) {
        return `{${Object.keys(v)
            .sort()
            .map((k) => `${JSON.stringify(k)}:${canonical(v[k])}`)
            .join(',')}}`;
    }
    return JSON.stringify(v) ?? 'null';
}

const invalidToken = (message: string): FailError => ({ code: 'err_invalid_page_token', message, field: 'pageToken', retryable: false });

/**
 * Reads pageSize/pageToken. `scope` (the path) and `filters` (the request item) are hashed into
 * every token, so a token replayed with other filters is rejected like Mimecast does.
 * pageSize above `maxPageSize` is clamped, missing means min(100, maxPageSize).
 */
export function openPage(req: ApiRequest, scope: string, filters: unknown, maxPageSize = 100): Page | FailError {
    const filterHash = createHash('sha256').update(scope).update(canonical(filters)).digest('base64url').slice(0, 16);
    let pageSize = Math.min(100, maxPageSize);
    if (req.pageSize !== undefined) {
        if (typeof req.pageSize !== 'number' || !Number.isInteger(req.pageSize) || req.pageSize < 1) {
            return { code: 'err_validation_invalid_value', message: 'pageSize must be a positive integer', field: 'pageSize', retryable: false };
        }
        pageSize = Math.min(req.pageSize, maxPageSize);
    }
    if (req.pageToken === undefined) return { offset: 0, pageSize, snapshot: undefined, filterHash };
    if (typeof req.pageToken !== 'string' || req.pageToken.trim() === '') {
        return { code: 'err_validation_blank', message: 'pageToken must not be blank', field: 'pageToken', retryable: false };
    }
    let body: TokenBody;
    try {
        body = JSON.parse(Buffer.from(req.pageToken, 'base64url').toString('utf8')) as TokenBody;
    } catch {
        return invalidToken('The page token is not valid');
    }
    if (!isObject(body) || !Number.isInteger(body.o) || body.o < 0) return invalidToken('The page token is not valid');
    if (body.h !== filterHash) return invalidToken('The page token was issued for a different request; send the same filters');
    return { offset: body.o, pageSize, snapshot: typeof body.s === 'number' ? body.s : undefined, filterHash };
}

function token(page: Page, offset: number, snapshot: number | undefined): string {
    const body: TokenBody = snapshot === undefined ? { o: offset, h: page.filterHash } : { o: offset, s: snapshot, h: page.filterHash };
    return Buffer.from(JSON.stringify(body)).toString('base64url');
}

/** meta.pagination for a page of `total` records; `next` is omitted on the last page. */
export function pageMeta(page: Page, total: number, snapshot?: number): Pagination {
    const meta: Pagination = { pageSize: page.pageSize, totalCount: total };
    if (page.offset + page.pageSize < total) meta.next = token(page, page.offset + page.pageSize, snapshot);
    if (page.offset > 0) meta.previous = token(page, Math.max(0, page.offset - page.pageSize), snapshot);
    return meta;
}

import { createHmac, randomBytes } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';

import { DAY_MS, type SeriesSpec, type TimeSeries } from '../data.js';
import { defineEndpoint, type HandlerContext } from '../router.js';
import { badSiemDates, readSiemToken, SIEM_TYPES, siemError, siemEvents } from './siem-events.js';

/**
 * Cloud Gateway SIEM events, batch flavour: `GET /siem/v1/batch/events/cg?type=...` lists presigned-style
 * links to gzip NDJSON files, one per event type and 15-minute window, 7 days retained. Files are served
 * by the same server under /siem-batch-files/ without a bearer token (they stand in for the storage host),
 * checked against their signature and expiry like a presigned link: 403 once expired, 404 when unknown.
 */
export const SIEM_BATCH_RETENTION_MS = 7 * DAY_MS;
export const SIEM_BATCH_FILE_MS = 15 * 60 * 1000;
export const SIEM_BATCH_MAX_PAGE_SIZE = 100;
export const SIEM_BATCH_FILES_PREFIX = '/siem-batch-files/';

/** Fault and timing knobs (SimulatorOptions.siemBatch); all off by default. */
export interface SiemBatchOptions {
    /** Lifetime of a listed link, default 15 minutes. */
    linkTtlMs?: number;
    /** The first n links listed are already expired (their download answers 403). */
    expiredLinks?: number;
    /** The first n non-empty pages list their first link twice. */
    repeatedUrls?: number;
    /** The first n files downloaded carry one extra corrupt line (cut-off JSON) in the middle. */
    corruptLines?: number;
}

type BatchEvent = Record<string, string | number | boolean> & { timestamp: number; type: string };

/** The same events as the stream's data set, 7 days of them, with the batch files' `type`/`subtype` names. */
export const siemBatchEvents: SeriesSpec<BatchEvent> = {
    name: 'siemBatchEvents',
    defaultSize: 20_000,
    retentionMs: SIEM_BATCH_RETENTION_MS,
    make(ctx) {
        const event = { ...(siemEvents.make(ctx) as Record<string, string | number | boolean>) };
        // Batch files write type/subtype (published samples); the stream may use eventType/subType.
        if (event['eventType'] !== undefined) {
            event['type'] = event['eventType']!;
            delete event['eventType'];
        }
        if (event['subType'] !== undefined) {
            event['subtype'] = event['subType']!;
            delete event['subType'];
        }
        return event as BatchEvent;
    }
};

interface BatchToken {
    /** Event type the token pages. */
    t: string;
    /** Next 15-minute window (epoch ms / SIEM_BATCH_FILE_MS). */
    b: number;
    /** Exclusive end window when the request had dateRangeEndsAt. */
    e?: number;
}

interface BatchState {
    secret: string;
    /** Windows made recently: window -> type -> gzip file. */
    cache: Map<number, Map<string, Buffer>>;
    linksListed: number;
    pagesWithFiles: number;
    filesServed: number;
}

const CACHE_WINDOWS = 256;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const error = siemError;

function batchState(ctx: Pick<HandlerContext, 'state'>): BatchState {
    return ctx.state<BatchState>('siemBatch', () => ({
        secret: randomBytes(16).toString('hex'),
        cache: new Map(),
        linksListed: 0,
        pagesWithFiles: 0,
        filesServed: 0
    }));
}

/** The events of one 15-minute window, one gzip NDJSON file per type present. */
export function windowFiles(series: TimeSeries<BatchEvent>, window: number, now: number): Map<string, Buffer> {
    const { lo, hi } = series.range(window * SIEM_BATCH_FILE_MS, (window + 1) * SIEM_BATCH_FILE_MS, now);
    const lines = new Map<string, string[]>();
    for (let k = lo; k < hi; k++) {
        const event = series.record(k);
        let list = lines.get(event.type);
        if (!list) lines.set(event.type, (list = []));
        list.push(JSON.stringify(event));
    }
    const files = new Map<string, Buffer>();
    for (const [type, list] of lines) files.set(type, gzipSync(`${list.join('\n')}\n`));
    return files;
}

function cachedWindow(ctx: Pick<HandlerContext, 'state' | 'series' | 'now'>, window: number): Map<string, Buffer> {
    const state = batchState(ctx);
    let files = state.cache.get(window);
    if (!files) {
        files = windowFiles(ctx.series(siemBatchEvents), window, ctx.now);
        state.cache.set(window, files);
        if (state.cache.size > CACHE_WINDOWS) state.cache.delete(state.cache.keys().next().value!);
    }
    return files;
}

/** Windows whose files are published: the oldest one still (partly) retained up to the last one that has ended. */
function liveWindows(now: number): { first: number; head: number } {
    return { first: Math.floor((now - SIEM_BATCH_RETENTION_MS) / SIEM_BATCH_FILE_MS), head: Math.floor(now / SIEM_BATCH_FILE_MS) };
}

function sign(secret: string, type: string, window: number, expires: number): string {
    return createHmac('sha256', secret).update(`${type}/${window}/${expires}`).digest('hex');
}

/** Per type, how many non-empty files the retained windows hold (for benchmarks' minimum request count). */
export function siemBatchFileCounts(series: TimeSeries<BatchEvent>, now: number): Record<string, number> {
    const counts: Record<string, number> = {};
    const { first, head } = liveWindows(now);
    for (let w = first; w < head; w++) {
        const { lo, hi } = series.range(w * SIEM_BATCH_FILE_MS, (w + 1) * SIEM_BATCH_FILE_MS, now);
        const types = new Set<string>();
        for (let k = lo; k < hi; k++) types.add(series.record(k).type);
        for (const type of types) counts[type] = (counts[type] ?? 0) + 1;
    }
    return counts;
}

export default defineEndpoint({
    method: 'GET',
    path: '/siem/v1/batch/events/cg',
    dataSets: [siemBatchEvents],
    handle(ctx) {
        const q = ctx.query;
        const type = q.get('type');
        if (type === null || type === '') return error(400, 'missing_parameter', 'type is required (one event type per request)');
        if (!(SIEM_TYPES as readonly string[]).includes(type)) return error(400, 'invalid_type', `Unknown event type "${type}"`);
        const sizeRaw = q.get('pageSize');
        const pageSize = sizeRaw === null ? SIEM_BATCH_MAX_PAGE_SIZE : Number(sizeRaw);
        if (!Number.isInteger(pageSize) || pageSize < 1) return error(400, 'invalid_page_size', 'pageSize must be a positive integer');

        const live = liveWindows(ctx.now);
        let start: number;
        let end: number | undefined;
        const nextPage = q.get('nextPage');
        if (nextPage !== null) {
            const token = readSiemToken<BatchToken>(nextPage);
            if (token === undefined) return error(400, 'invalid_next_page', 'nextPage is not a valid token');
            if (!Number.isInteger(token.b) || token.t !== type) {
                return error(400, 'invalid_next_page', 'nextPage is not valid for this request; send the same type');
            }
            // Dates sent beside a token are ignored: the token is the position. Past the retention it
            // continues at the oldest window left.
            start = Math.max(token.b, live.first);
            end = token.e;
        } else {
            const from = q.get('dateRangeStartsAt');
            const to = q.get('dateRangeEndsAt');
            if (from === null) return error(400, 'missing_parameter', 'dateRangeStartsAt or nextPage is required');
            const badDates = badSiemDates(q, DAY, '2026-01-01');
            if (badDates) return badDates;
            const fromMs = Date.parse(`${from}T00:00:00Z`);
            const oldestDay = Date.parse(`${new Date(ctx.now - SIEM_BATCH_RETENTION_MS).toISOString().slice(0, 10)}T00:00:00Z`);
            if (fromMs < oldestDay) return error(400, 'invalid_date_range', 'dateRangeStartsAt must be within the last 7 days');
            const toMs = to === null ? undefined : Date.parse(`${to}T00:00:00Z`) + DAY_MS; // the end day is inclusive
            if (toMs !== undefined && toMs <= fromMs) return error(400, 'invalid_date_range', 'dateRangeEndsAt must not be before dateRangeStartsAt');
            start = Math.max(Math.floor(fromMs / SIEM_BATCH_FILE_MS), live.first);
            end = toMs === undefined ? undefined : Math.floor(toMs / SIEM_BATCH_FILE_MS);
        }
        const head = end === undefined ? live.head : Math.min(end, live.head);
        const size = Math.min(pageSize, SIEM_BATCH_MAX_PAGE_SIZE);
        const state = batchState(ctx);
        const knobs = ctx.siemBatch;
        const ttl = knobs.linkTtlMs ?? 15 * 60 * 1000;
        const value: { url: string; expiry: string; size: number }[] = [];
        let w = start;
        for (; w < head && value.length < size; w++) {
            const file = cachedWindow(ctx, w).get(type);
            if (!file) continue;
            const expired = state.linksListed < (knobs.expiredLinks ?? 0);
            state.linksListed += 1;
            const expires = expired ? ctx.now - 1000 : ctx.now + ttl;
            const url = `${ctx.origin}${SIEM_BATCH_FILES_PREFIX}${encodeURIComponent(type)}/${w}.json.gz?expires=${expires}&signature=${sign(state.secret, type, w, expires)}`;
            value.push({ url, expiry: new Date(expires).toISOString(), size: file.length });
        }
        if (value.length > 0 && state.pagesWithFiles++ < (knobs.repeatedUrls ?? 0)) {
            value.push({ ...value[0]! });
        }
        const next: BatchToken = { t: type, b: w, ...(end !== undefined ? { e: end } : {}) };
        return { status: 200, body: { value, '@nextPage': Buffer.from(JSON.stringify(next)).toString('base64url'), isCaughtUp: w >= head } };
    }
});

/** Raw file reply (not JSON): the storage host's answer to a presigned link. */
export interface FileReply {
    status: number;
    headers: Record<string, string>;
    body: Buffer | string;
}

const s3Error = (status: number, code: string, message: string): FileReply => ({
    status,
    headers: { 'content-type': 'application/xml' },
    body: `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message></Error>`
});

/** GET /siem-batch-files/<type>/<window>.json.gz?expires=&signature= (no bearer token: the link is the credential). */
export function serveSiemBatchFile(ctx: Pick<HandlerContext, 'path' | 'query' | 'now' | 'state' | 'series' | 'siemBatch'>): FileReply {
    const m = /^\/siem-batch-files\/([^/]+)\/(-?\d+)\.json\.gz$/.exec(ctx.path);
    if (!m) return s3Error(404, 'NoSuchKey', 'The specified key does not exist.');
    const type = decodeURIComponent(m[1]!);
    const window = Number(m[2]);
    const expires = Number(ctx.query.get('expires'));
    const state = batchState(ctx);
    if (!Number.isInteger(expires) || ctx.query.get('signature') !== sign(state.secret, type, window, expires)) {
        return s3Error(403, 'AccessDenied', 'The request signature we calculated does not match the signature you provided.');
    }
    if (expires < ctx.now) return s3Error(403, 'AccessDenied', 'Request has expired');
    const live = liveWindows(ctx.now);
    const file = window >= live.first && window < live.head ? cachedWindow(ctx, window).get(type) : undefined;
    if (!file) return s3Error(404, 'NoSuchKey', 'The specified key does not exist.');
    let body = file;
    if (state.filesServed++ < (ctx.siemBatch.corruptLines ?? 0)) {
        // One extra line, cut off mid-JSON, in the middle of the file: the events themselves stay intact.
        const lines = gunzipSync(file).toString('utf8').split('\n');
        lines.splice(Math.floor(lines.length / 2), 0, '{"type":"receipt","timestamp":17');
        body = gzipSync(lines.join('\n'));
    }
    return { status: 200, headers: { 'content-type': 'application/octet-stream', 'content-length': String(body.length) }, body };
}

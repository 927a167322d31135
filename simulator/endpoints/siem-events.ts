import { DAY_MS, type SeriesSpec, type TimeSeries } from '../data.js';
import type { Reply } from '../envelope.js';
import { defineEndpoint } from '../router.js';
import { messageFlow } from '../message-flows.js';
import type { MessageFlow } from '../message-flows.js';

/**
 * Cloud Gateway SIEM events, stream flavour: `GET /siem/v1/events/cg`, events inline in `value[]`,
 * oldest first, `@nextPage` on every answer (also an empty one), `isCaughtUp` once the head is
 * reached, 24 hours retained. Events carry an epoch-millisecond `timestamp` and no unique id, and
 * name their kind `eventType` / `subType`, as the published stream responses do. Events come from coherent
 * message flows (simulator/message-flows.ts: receipt, process, verdicts, delivery of one aggregateId) (the batch files use
 * `type` / `subtype`; the batch route is not served). Receipt events carry the fields the published
 * receipts carry (string counts). Errors are `{"error":{"code","message"}}`.
 */
export type SiemEvent = Record<string, string | number | boolean | null> & { timestamp: number; eventType: string };

export const SIEM_RETENTION_MS = DAY_MS;
export const SIEM_MAX_PAGE_SIZE = 500;
export const SIEM_TYPES = [
    'receipt',
    'process',
    'delivery',
    'av',
    'spam',
    'internal email protect',
    'impersonation protect',
    'url protect',
    'attachment protect',
    'journal'
] as const;

/**
 * Where lattice index k sits in the message flows (simulator/message-flows.ts): a cycle of FLOW_CYCLE
 * messages is laid out once, each message's events on consecutive indices, and repeated along the
 * lattice (lattice indices are absolute, so they can be large) with the cycle number in the
 * aggregateId and processingId; every event of one message shares its aggregateId and arrives in order.
 */
const FLOW_CYCLE = 1_024;
let cycle: { starts: number[]; flows: MessageFlow[]; length: number } | undefined;

function locate(k: number): { flow: MessageFlow; j: number; c: number } {
    if (cycle === undefined) {
        const flows = Array.from({ length: FLOW_CYCLE }, (_, m) => messageFlow(m));
        const starts: number[] = [];
        let length = 0;
        for (const flow of flows) {
            starts.push(length);
            length += flow.events.length;
        }
        cycle = { starts, flows, length };
    }
    const c = Math.floor(k / cycle.length);
    const r = k - c * cycle.length;
    let lo = 0;
    let hi = cycle.starts.length;
    // The last message whose first index is <= r.
    while (hi - lo > 1) {
        const mid = (lo + hi) >> 1;
        if (cycle.starts[mid]! <= r) lo = mid;
        else hi = mid;
    }
    return { flow: cycle.flows[lo]!, j: r - cycle.starts[lo]!, c };
}

export const siemEvents: SeriesSpec<SiemEvent> = {
    name: 'siemEvents',
    defaultSize: 20_000,
    retentionMs: SIEM_RETENTION_MS,
    make({ k, time }) {
        const { flow, j, c } = locate(k);
        const event: SiemEvent = flow.events[j]!;
        // Published receipts always carry these keys (null spam fields on rejections): the flows leave them out when unset.
        const receipt =
            event.eventType === 'receipt'
                ? {
                      rejectionType: '',
                      messageId: `<${event.aggregateId}@${String(event['senderEnvelope'] ?? 'unknown.example').split('@')[1]}>`,
                      senderHeader: event['senderEnvelope'] ?? null,
                      subject: '',
                      spamInfo: null,
                      spamScore: null,
                      spamDetectionLevel: null,
                      receiptErrors: null,
                      virusFound: String(event['rejectionInfo'] ?? '')
                  }
                : ({} as Record<string, never>);
        return {
            ...receipt,
            ...event,
            aggregateId: `${event.aggregateId}${c.toString(36)}`,
            processingId: `${String(event['processingId'])}${c.toString(36)}`,
            timestamp: time,
            _offset: k
        };
    }
};

const STREAM_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.000Z$/;

interface StreamToken {
    /** The next lattice index to serve. */
    k: number;
    /** Exclusive upper lattice index when the request had dateRangeEndsAt. */
    e?: number;
    /** The types filter the token was issued for. */
    t: string;
}

/** How the SIEM routes answer an error: `{"error":{code,message}}`. */
export const siemError = (status: number, code: string, message: string): Reply => ({ status, body: { error: { code, message } } });
const error = siemError;

/** A `nextPage` token of this simulator's (base64url JSON; the caller checks its fields), or undefined when it is not one. */
export function readSiemToken<T extends object>(nextPage: string): T | undefined {
    try {
        const token: unknown = JSON.parse(Buffer.from(nextPage, 'base64url').toString('utf8'));
        return typeof token === 'object' && token !== null ? (token as T) : undefined;
    } catch {
        return undefined;
    }
}

/** The 400 for the first of dateRangeStartsAt / dateRangeEndsAt not written like `example` (`pattern`). */
export function badSiemDates(q: URLSearchParams, pattern: RegExp, example: string): Reply | undefined {
    for (const name of ['dateRangeStartsAt', 'dateRangeEndsAt']) {
        const value = q.get(name);
        if (value !== null && !pattern.test(value)) return error(400, 'invalid_date_format', `${name} must look like ${example}`);
    }
    return undefined;
}

/** The @nextPage token for a stream position; exported so benchmarks can start exactly N events behind the head. */
export function siemStreamToken(k: number, types = ''): string {
    return Buffer.from(JSON.stringify({ k, t: types } satisfies StreamToken)).toString('base64url');
}

/** The lattice index of the oldest and one past the newest live event. */
export function siemHead(series: TimeSeries<unknown>, now: number): { lo: number; hi: number } {
    return series.range(now - SIEM_RETENTION_MS, Number.POSITIVE_INFINITY, now);
}

/** A SIEM event stream endpoint (CG, CI): the same paging, tokens, retention and errors over any event series. */
export function siemStreamEndpoint<T extends { timestamp: number }>(o: {
    path: string;
    spec: SeriesSpec<T>;
    types: readonly string[];
    kind: (event: T) => string;
}) {
    return defineEndpoint({
        method: 'GET',
        path: o.path,
        dataSets: [o.spec],
        handle(ctx) {
            const q = ctx.query;
            const sizeRaw = q.get('pageSize');
            const pageSize = sizeRaw === null ? 100 : Number(sizeRaw);
            if (!Number.isInteger(pageSize) || pageSize < 1) return error(400, 'invalid_page_size', 'pageSize must be a positive integer');
            const typesRaw = q.get('types') ?? '';
            const types = typesRaw === '' ? undefined : typesRaw.split(',').map((t) => t.trim());
            const unknownType = types?.find((t) => !o.types.includes(t));
            if (unknownType !== undefined) return error(400, 'invalid_type', `Unknown event type "${unknownType}"`);

            const series = ctx.series(o.spec);
            const live = siemHead(series, ctx.now);
            let start: number;
            let end: number | undefined;
            const nextPage = q.get('nextPage');
            if (nextPage !== null) {
                const token = readSiemToken<StreamToken>(nextPage);
                if (token === undefined) return error(400, 'invalid_next_page', 'nextPage is not a valid token');
                if (!Number.isInteger(token.k) || token.t !== typesRaw) {
                    return error(400, 'invalid_next_page', 'nextPage is not valid for this request; send the same types');
                }
                // A token older than the retention silently continues at the oldest retained event, as a
                // stream does: the events in between are gone. Clients must notice that themselves.
                start = Math.max(token.k, live.lo);
                end = token.e;
            } else {
                const from = q.get('dateRangeStartsAt');
                const to = q.get('dateRangeEndsAt');
                if (from === null) return error(400, 'missing_parameter', 'dateRangeStartsAt or nextPage is required');
                const badDates = badSiemDates(q, STREAM_DATE, '2026-01-01T00:00:00.000Z');
                if (badDates) return badDates;
                const fromMs = Date.parse(from);
                const toMs = to === null ? undefined : Date.parse(to);
                if (fromMs < ctx.now - SIEM_RETENTION_MS) return error(400, 'invalid_date_range', 'dateRangeStartsAt must be within the last 24 hours');
                if (toMs !== undefined && toMs < fromMs) return error(400, 'invalid_date_range', 'dateRangeEndsAt must not be before dateRangeStartsAt');
                const r = series.range(fromMs, toMs ?? Number.POSITIVE_INFINITY, ctx.now);
                start = r.lo;
                end = toMs === undefined ? undefined : r.hi;
            }
            const head = end === undefined ? live.hi : Math.min(end, live.hi);
            const size = Math.min(pageSize, SIEM_MAX_PAGE_SIZE);
            const value: T[] = [];
            let k = start;
            // A types filter scans; the scan per page is bounded so one call stays cheap.
            for (let scanned = 0; k < head && value.length < size && scanned < size * 50; k++, scanned++) {
                const event = series.record(k);
                if (types === undefined || types.includes(o.kind(event))) value.push(event);
            }
            const next: StreamToken = { k, t: typesRaw, ...(end !== undefined ? { e: end } : {}) };
            const nextPageToken = Buffer.from(JSON.stringify(next)).toString('base64url');
            // @nextLink: the next page's request (its exact form in Mimecast is not published; @nextPage is what clients use).
            const nextLink = `${ctx.path}?${new URLSearchParams({ nextPage: nextPageToken, pageSize: String(pageSize), ...(typesRaw ? { types: typesRaw } : {}) }).toString()}`;
            return {
                status: 200,
                body: { '@nextLink': nextLink, '@nextPage': nextPageToken, pageSize: value.length, isCaughtUp: k >= head, value }
            };
        }
    });
}

export default siemStreamEndpoint({ path: '/siem/v1/events/cg', spec: siemEvents, types: SIEM_TYPES, kind: (event) => event.eventType });

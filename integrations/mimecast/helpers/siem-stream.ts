// The one engine of Mimecast's SIEM event streams (GET /siem/v1/events/cg, /siem/v1/events/ci): events
// inline, a @nextPage stream token, the last 24 hours only. A SIEM sync describes its stream (path,
// the event's record description of stream.ts, the time field, its gap model); this file owns the token,
// the 24-hour retention and the gap record.
//
// Falling behind: Mimecast keeps 24 hours on these endpoints, and a stream token that points further back
// continues at the oldest event left without saying so. The engine therefore tracks `syncedThrough` (the
// time up to which it has every event) and, when that is older than 24 hours, logs a warning and saves a
// gap record naming the lost stretch, then carries on with what is still there. It does not fail the
// run: failing would not bring the events back and would stop collection of the ones still available.
// The token is checkpointed after every page, also an empty one: it is the stream position.
import * as z from 'zod';

import { callMimecastGet, MimecastError, pages } from './api.js';
import type { MimecastJson, MimecastNango } from './api.js';
import { isArray, max, NativeMap, parseDate, toText } from './builtins.js';
import { floorToSecond } from './dates.js';
import { saveMessageTraces } from './message-trace.js';
import { OcsfEventSchema } from './ocsf.js';
import { isSiemEventRecord } from './siem-view.js';
import type { SiemEventRecord } from './siem-view.js';
import { describeSkipped, mapRecords } from './records.js';
import { connectionMetadata, recordReader, saveRecords } from './stream.js';
import type { ConnectionMetadata, ModelMap, RecordOf, RecordSaver, RecordSpec } from './stream.js';

/**
 * One Cloud Gateway SIEM event, whichever endpoint delivered it (the stream's `siem-events` or the batch
 * files' `siem-batch-events`). Nango forbids one model name in two syncs, so each sync names it itself.
 */
export const SiemEventFields = z.object({
    /** Events carry no id: the SHA-256 of the event's content (helpers/records.ts contentId). */
    id: z.string(),
    /** Mimecast's `eventType` (stream) or `type` (batch files): receipt, process, delivery, av, spam, internal email protect, impersonation protect, url protect, attachment protect, journal. */
    type: z.string(),
    /** Mimecast's `subType` (stream) or `subtype` (batch files), e.g. Allow, Rej, Hold. */
    subtype: z.string().optional(),
    /** The event's epoch-millisecond `timestamp`, as ISO 8601 UTC. */
    timestamp: z.string(),
    /** Shared by the events of one message (receipt, process, delivery, ...). */
    aggregateId: z.string().optional(),
    processingId: z.string().optional(),
    accountId: z.string().optional(),
    messageId: z.string().optional(),
    direction: z.string().optional(),
    senderEnvelope: z.string().optional(),
    senderHeader: z.string().optional(),
    recipients: z.string().optional(),
    subject: z.string().optional(),
    senderIp: z.string().optional(),
    action: z.string().optional(),
    /** Every other field of the event, as Mimecast sent it (they differ by type: url, fileName, sha256, spamScore, ...); none of the fields above, under any spelling, and no empty value. */
    details: z.record(z.string(), z.unknown()).optional(),
    /** The record as an OCSF 1.8.0 event (helpers/ocsf.ts), when the connection's metadata says {"ocsf": true}. */
    ocsf: OcsfEventSchema.optional()
});

export const SiemGap = z.object({
    id: z.string(),
    /** The last moment up to which every event had been fetched. */
    from: z.string(),
    /** Where fetching resumed: events between `from` and `to` are no longer available from Mimecast. */
    to: z.string(),
    detectedAt: z.string(),
    message: z.string()
});
export type SiemGap = z.infer<typeof SiemGap>;

export const SiemCheckpoint = z.object({
    /** The stream position (@nextPage) after the last page saved; '' before the first page. */
    nextPage: z.string(),
    /** ISO time up to which every event is known to be fetched; '' before the first page. */
    syncedThrough: z.string(),
    /** The last gap reported (ISO), '' when none. */
    gapFrom: z.string(),
    gapTo: z.string()
});
export type SiemCheckpoint = z.infer<typeof SiemCheckpoint>;

// Loose: a connection has one metadata object for all syncs, so keys other syncs read must pass here.
export const SiemMetadata = z.looseObject({
    /** How far back the first run reaches, in hours (1-24, default 24: all Mimecast keeps). */
    backfillHours: z.number().int().min(1).max(24).optional(),
    /** Pages of 500 fetched per run at most (default 100); the next run continues from the token. */
    maxPagesPerRun: z.number().int().min(1).max(10_000).optional(),
    /** Each event also carries its OCSF 1.8.0 event as `ocsf` (stream.ts finish). */
    ocsf: z.boolean().optional()
});

const PAGE_SIZE = 500;
const DEFAULT_MAX_PAGES = 100;
const RETENTION_MS = 24 * 60 * 60 * 1000;
/** A first (or restarted) request starts this far inside the 24 hours, so it is still valid on arrival. */
const RETENTION_MARGIN_MS = 5 * 60 * 1000;
const EMPTY: SiemCheckpoint = { nextPage: '', syncedThrough: '', gapFrom: '', gapTo: '' };

/** One SIEM stream: its endpoint, the event description, the event's time field, the model of its gaps. */
export interface SiemStream<M extends ModelMap, K extends keyof M & string, Rest extends string = never> extends RecordSpec<M, K, Rest> {
    /** e.g. `/siem/v1/events/cg`. */
    path: string;
    /** The model field holding the event's time (ISO 8601 UTC). */
    time: keyof RecordOf<M, K> & string;
    /** The model gaps are saved as (a SiemGap schema under the sync's own name). */
    gapModel: keyof M & string;
    /** How log lines name the stream, e.g. `SIEM`. */
    label: string;
    /**
     * The model (a MessageTrace schema) that gathers the events of one message (one aggregateId) into
     * a trace, updated after each page; absent for a stream whose events are not gateway message events.
     */
    traceModel?: keyof M & string;
}

/** Declares a SIEM stream (an identity: TypeScript checks model names and fields against `models`). */
export function siemStream<M extends ModelMap, K extends keyof M & string, Rest extends string = never>(
    stream: SiemStream<M, K, Rest>
): SiemStream<M, K, Rest> {
    return stream;
}

/** What the engine needs from a sync's `nango`. */
export interface SiemStreamNango<M extends ModelMap> extends MimecastNango, RecordSaver<keyof M & string> {
    getCheckpoint(): Promise<SiemCheckpoint | null | undefined>;
    saveCheckpoint(checkpoint: SiemCheckpoint): Promise<void>;
    getMetadata(): Promise<unknown>;
    getRecordsByIds(ids: string[], model: keyof M & string): Promise<Map<string, unknown>> | Map<string, unknown>;
}

export async function runSiemStream<M extends ModelMap, K extends keyof M & string, Rest extends string = never>(
    nango: SiemStreamNango<M>,
    stream: SiemStream<M, K, Rest>
): Promise<void> {
    const toRecord = recordReader(stream);
    const metadata = await connectionMetadata(nango);
    const parsed = SiemMetadata.safeParse(metadata);
    const settings = parsed.success ? parsed.data : {};
    const maxPages = settings.maxPagesPerRun ?? DEFAULT_MAX_PAGES;
    let checkpoint: SiemCheckpoint = { ...EMPTY, ...((await nango.getCheckpoint()) ?? {}) };

    // A token older than the retention still "works" on a stream: it continues at the oldest event
    // left, silently. So the gap is checked against our own clock, before the first call.
    checkpoint = await reportGapIfBehind(nango, stream, checkpoint, Date.now() - RETENTION_MS, metadata);

    let requestedAt = 0;
    const listing = pages<MimecastJson>(
        {
            request: (token) => {
                requestedAt = Date.now();
                const params = token
                    ? { nextPage: token, pageSize: PAGE_SIZE }
                    : { dateRangeStartsAt: streamDate(startOf(checkpoint, requestedAt, settings.backfillHours)), pageSize: PAGE_SIZE };
                return callMimecastGet(nango, stream.path, params);
            },
            cursor: ({ body }) => (typeof body['@nextPage'] === 'string' && body['@nextPage'] !== '' ? body['@nextPage'] : undefined),
            isLast: ({ body }, cursor) => body['isCaughtUp'] === true || cursor === undefined,
            // A rejected (expired, unknown) token: continue by date from where we know we are complete.
            restart: async (err) => {
                await nango.log(
                    `${stream.label}: Mimecast rejected the saved @nextPage token (${err.code}); resuming by date from ${checkpoint.syncedThrough || 'the backfill start'}`,
                    { level: 'warn' }
                );
                checkpoint = await reportGapIfBehind(nango, stream, { ...checkpoint, nextPage: '' }, Date.now() - RETENTION_MS + RETENTION_MARGIN_MS, metadata);
                return '';
            }
        },
        checkpoint.nextPage,
        { readAhead: true, maxPages }
    );

    let pageCount = 0;
    let skippedTotal = 0;
    for await (const { page, cursor, last } of listing) {
        pageCount += 1;
        const value = page.body['value'];
        if (!isArray(value)) {
            throw new MimecastError({ code: 'malformed_response', message: `${stream.path} returned no value[] array` });
        }
        const mapped = mapRecords(stream.model, value, toRecord);
        if (mapped.skipped.length > 0) {
            skippedTotal += mapped.skipped.length;
            await nango.log(describeSkipped(stream.model, mapped.skipped), { level: 'warn' });
        }
        const records = byId(mapped.records);
        const newest = newestTime(records.values(), stream.time);
        await saveRecords(nango, stream.model, records.values(), metadata);
        if (stream.traceModel !== undefined) {
            // After the events, before the token: a run that dies in between merges the page again (merging is idempotent).
            await saveMessageTraces(nango, stream.traceModel, siemEvents(records.values()));
        }

        // The token is saved after every page, also an empty one: it is the stream position. An
        // answer without @nextPage keeps the last token rather than losing the position.
        const caughtUp = page.body['isCaughtUp'] === true;
        const through = Math.max(checkpoint.syncedThrough ? Date.parse(checkpoint.syncedThrough) : 0, caughtUp ? requestedAt : newest);
        checkpoint = { ...checkpoint, nextPage: cursor ?? checkpoint.nextPage, ...(through > 0 ? { syncedThrough: new Date(through).toISOString() } : {}) };
        await nango.saveCheckpoint(checkpoint);
        if (last || pageCount >= maxPages) {
            await logSkipped(nango, stream.model, skippedTotal);
            if (!caughtUp) {
                await nango.log(`${stream.label}: not caught up after ${pageCount} pages; the next run continues from the saved token`);
            }
            return;
        }
    }
}

// The per-event loops of a page live in small functions of their own, not in runSiemStream: V8 would
// otherwise optimize the whole engine (with everything it inlines) in every run, a run being a fresh
// sandbox, for a loop it enters once a page.

/** A page's events by id, the last of a repeated id kept. */
function byId<R extends { id: string }>(events: R[]): Map<string, R> {
    const unique = new NativeMap<string, R>();
    for (const event of events) {
        unique.set(event.id, event);
    }
    return unique;
}

/** The records that read as SiemEvents (every one a SIEM stream saves: an id and a timestamp). */
function siemEvents(records: Iterable<object>): SiemEventRecord[] {
    const events: SiemEventRecord[] = [];
    for (const record of records) {
        if (isSiemEventRecord(record)) {
            events.push(record);
        }
    }
    return events;
}

/** The latest of the events' `field` times (epoch ms), 0 for none. */
function newestTime<R>(events: Iterable<R>, field: keyof R): number {
    let newest = 0;
    for (const event of events) {
        newest = max(newest, parseDate(toText(event[field])));
    }
    return newest;
}

async function logSkipped(nango: MimecastNango, model: string, skipped: number): Promise<void> {
    if (skipped > 0) {
        await nango.log(`${model}: ${skipped} records skipped (unreadable; each named above by its content hash)`, { level: 'warn' });
    }
}

/** Where a stream without a token starts: where we are complete, else the back-fill; always inside the 24 hours. */
function startOf(checkpoint: SiemCheckpoint, now: number, backfillHours: number | undefined): number {
    const earliest = now - RETENTION_MS + RETENTION_MARGIN_MS;
    const wanted = checkpoint.syncedThrough ? Date.parse(checkpoint.syncedThrough) : now - (backfillHours ?? 24) * 60 * 60 * 1000;
    return floorToSecond(Math.max(earliest, wanted));
}

/** Records a SiemGap (and warns) when the last complete point is older than `oldest`; moves the cursor past it. */
async function reportGapIfBehind<M extends ModelMap>(
    nango: SiemStreamNango<M>,
    stream: { label: string; gapModel: keyof M & string },
    checkpoint: SiemCheckpoint,
    oldest: number,
    metadata: ConnectionMetadata
): Promise<SiemCheckpoint> {
    if (!checkpoint.syncedThrough || Date.parse(checkpoint.syncedThrough) >= oldest) {
        return checkpoint;
    }
    const from = checkpoint.syncedThrough;
    const to = new Date(oldest).toISOString();
    const message = `${stream.label} events between ${from} and ${to} were not fetched and are no longer available: the connection fell more than 24 hours behind (Mimecast keeps 24 hours on the stream endpoint)`;
    await nango.log(message, { level: 'warn' });
    const gap: SiemGap = { id: `${from}/${to}`, from, to, detectedAt: new Date().toISOString(), message };
    await saveRecords(nango, stream.gapModel, [gap], metadata);
    return { ...checkpoint, syncedThrough: to, gapFrom: from, gapTo: to };
}

/** The stream's date form: `YYYY-MM-DDTHH:MM:SS.000Z`. */
function streamDate(ms: number): string {
    return new Date(floorToSecond(ms)).toISOString();
}

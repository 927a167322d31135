// The one incremental engine behind every Mimecast log sync. A log sync only describes its stream
// (endpoint, where records sit, the names of the time filters, how a record maps); this file owns
// the cursor, the window, the page token and boundary de-duplication, so a fix here fixes them all.
//
// Why it is shaped like this (failures seen in other Mimecast collectors):
// - the window and the page token are checkpointed after every page, and the cursor only moves
//   after a window's last page: a run that dies mid-window resumes at the page it lost;
// - a page token from an earlier run may be stale: when Mimecast rejects it the window restarts
//   from its first page (records are upserts by id, so nothing is duplicated);
// - windows end a little in the past, so events Mimecast is still indexing are not skipped;
// - events at the boundary second can come back in the next window: their ids are remembered;
// - one record that cannot be read is skipped (named by its content hash, counted), never the page;
// - a first run never asks for more than the endpoint keeps (`lookbackDays`): audit events, for one,
//   are only searchable for 60 days.
import * as z from 'zod';

import { callMimecast, MimecastError, recordsOf } from './api.js';
import type { MimecastNango } from './api.js';
import { floorToSecond, toMimecastDate } from './dates.js';
import { describeSkipped, mapRecords } from './records.js';

export const LogStreamCheckpoint = z.object({
    /** ISO end of the last fully fetched window; '' before the first run. */
    cursor: z.string(),
    /** The window being fetched; '' when none is open. */
    windowStart: z.string(),
    windowEnd: z.string(),
    /** The next page of that window; '' for its first page. */
    pageToken: z.string(),
    /** Ids saved by the previous window at its end second, comma-separated: skipped if seen again. */
    skipIds: z.string(),
    /** Ids this window saved at its end second, handed to the next window. */
    boundaryIds: z.string()
});
export type LogStreamCheckpoint = z.infer<typeof LogStreamCheckpoint>;

// Loose: a connection has one metadata object for all syncs, so keys other syncs read must pass here.
export const LogStreamMetadata = z.looseObject({
    /** How far back the first run reaches, in days (default 7; clamped to what each endpoint keeps). */
    backfillDays: z.number().int().min(1).max(90).optional()
});

export interface LogStream<R extends { id: string }> {
    /** The model records are saved as. */
    model: string;
    /** The POST endpoint, e.g. `/api/audit/get-audit-events`. */
    path: string;
    /** Where the records sit: absent for flat `data[]`, else the key under `data[0]` (e.g. `clickLogs`). */
    recordsIn?: string;
    /** Request field names of the time window, e.g. `startDateTime`/`endDateTime` or `from`/`to`. */
    from: string;
    to: string;
    /** Filters sent with every page besides the window. */
    filters?: Record<string, unknown>;
    /** Default 500, which Mimecast accepts for its log endpoints. */
    pageSize?: number;
    /** How many days back the endpoint can be searched, where a source states it; a longer back-fill is clamped. */
    lookbackDays?: number;
    /** Maps one raw record; a missing required field (requiredString) skips that record, not the page. */
    toRecord: (raw: Record<string, unknown>) => R;
    /** The record's time, ISO 8601 UTC; undefined when the record carries none (it is then never a boundary record). */
    timeOf: (record: R) => string | undefined;
}

/** What the engine needs from a sync's `nango`. */
export interface LogStreamNango extends MimecastNango {
    getCheckpoint(): Promise<LogStreamCheckpoint | null>;
    saveCheckpoint(checkpoint: LogStreamCheckpoint): Promise<void>;
    getMetadata(): Promise<unknown>;
    batchSave(records: { id: string }[], model: string): unknown;
}

export interface LogStreamResult {
    pages: number;
    saved: number;
    windows: number;
    /** Records that could not be read and were skipped (each logged by its content hash). */
    skipped: number;
}

const DEFAULT_BACKFILL_DAYS = 7;
const DAY_MS = 86_400_000;
/** A back-fill clamped to an endpoint's lookback starts this far inside it. */
const LOOKBACK_MARGIN_MS = 5 * 60 * 1000;
const DEFAULT_PAGE_SIZE = 500;
/** Windows are at most a week long, so a rejected page token replays at most a week of one stream. */
const MAX_WINDOW_MS = 7 * 24 * 60 * 60 * 1000;
/** Events younger than this are left for the next run: Mimecast may still be indexing them. */
export const INDEXING_LAG_MS = 60 * 1000;
const EMPTY: LogStreamCheckpoint = { cursor: '', windowStart: '', windowEnd: '', pageToken: '', skipIds: '', boundaryIds: '' };

export async function syncLogStream<R extends { id: string }>(nango: LogStreamNango, stream: LogStream<R>): Promise<LogStreamResult> {
    const result: LogStreamResult = { pages: 0, saved: 0, windows: 0, skipped: 0 };
    const until = floorToSecond(Date.now() - INDEXING_LAG_MS);
    let checkpoint: LogStreamCheckpoint = { ...EMPTY, ...((await nango.getCheckpoint()) ?? {}) };
    if (!checkpoint.cursor && !checkpoint.windowStart) {
        checkpoint.cursor = new Date(await backfillStart(nango, stream, until)).toISOString();
    }

    for (;;) {
        if (!checkpoint.windowStart) {
            const start = Date.parse(checkpoint.cursor);
            if (start >= until) {
                return result;
            }
            const end = Math.min(until, start + MAX_WINDOW_MS);
            checkpoint = { ...checkpoint, windowStart: new Date(start).toISOString(), windowEnd: new Date(end).toISOString(), pageToken: '', boundaryIds: '' };
            await nango.saveCheckpoint(checkpoint);
        }
        checkpoint = await fetchWindow(nango, stream, checkpoint, result);
        result.windows += 1;
    }
}

/** Runs a stream and logs the run's skipped records as one warn line; returns the engine's result. */
export async function runLogStream<R extends { id: string }>(nango: LogStreamNango, stream: LogStream<R>): Promise<LogStreamResult> {
    const result = await syncLogStream(nango, stream);
    if (result.skipped > 0) {
        await nango.log(`${stream.model}: ${result.skipped} records skipped (unreadable; each named above by its content hash)`, { level: 'warn' });
    }
    return result;
}

/** Fetches the open window to its last page, checkpointing after each; returns the closed checkpoint. */
async function fetchWindow<R extends { id: string }>(
    nango: LogStreamNango,
    stream: LogStream<R>,
    opened: LogStreamCheckpoint,
    result: LogStreamResult
): Promise<LogStreamCheckpoint> {
    let checkpoint = opened;
    const skip = new Set(split(checkpoint.skipIds));
    const boundary = new Set(split(checkpoint.boundaryIds));
    const endSecond = floorToSecond(Date.parse(checkpoint.windowEnd));
    let restarted = false;

    for (;;) {
        let page;
        try {
            page = await callMimecast(nango, {
                path: stream.path,
                data: { ...stream.filters, [stream.from]: toMimecastDate(checkpoint.windowStart), [stream.to]: toMimecastDate(checkpoint.windowEnd) },
                pageSize: stream.pageSize ?? DEFAULT_PAGE_SIZE,
                ...(checkpoint.pageToken ? { pageToken: checkpoint.pageToken } : {})
            });
        } catch (err) {
            if (checkpoint.pageToken && !restarted && isRejectedPageToken(err)) {
                await nango.log(`${stream.model}: Mimecast rejected the saved page token; fetching the window again from its first page`, { level: 'warn' });
                restarted = true;
                checkpoint = { ...checkpoint, pageToken: '' };
                continue;
            }
            throw err;
        }
        result.pages += 1;

        // recordsOf throws when the page is not the documented envelope: only that fails the run.
        const raws = recordsOf(page, stream.recordsIn);
        const mapped = mapRecords(stream.model, raws, stream.toRecord);
        if (mapped.skipped.length > 0) {
            result.skipped += mapped.skipped.length;
            await nango.log(describeSkipped(stream.model, mapped.skipped), { level: 'warn' });
        }
        const records = new Map<string, R>();
        for (const record of mapped.records) {
            if (skip.has(record.id)) {
                continue;
            }
            records.set(record.id, record);
            const time = stream.timeOf(record);
            if (time !== undefined && floorToSecond(Date.parse(time)) >= endSecond) {
                boundary.add(record.id);
            }
        }
        if (records.size > 0) {
            await nango.batchSave([...records.values()], stream.model);
            result.saved += records.size;
        }

        // A last page can be empty and still carry `next`: stop on either signal.
        if (page.next !== undefined && raws.length > 0) {
            checkpoint = { ...checkpoint, pageToken: page.next ?? '', boundaryIds: [...boundary].join(',') };
            await nango.saveCheckpoint(checkpoint);
            continue;
        }
        // The window is complete: only now does the cursor move.
        checkpoint = { cursor: checkpoint.windowEnd, windowStart: '', windowEnd: '', pageToken: '', skipIds: [...boundary].join(','), boundaryIds: '' };
        await nango.saveCheckpoint(checkpoint);
        return checkpoint;
    }
}

/**
 * Where the first run starts: the metadata's backfillDays (default 7) before `until`, but never
 * further back than the endpoint keeps; a clamped start sits a few minutes inside the limit so the
 * request is still valid when it arrives.
 */
async function backfillStart(nango: LogStreamNango, stream: { model: string; path: string; lookbackDays?: number }, until: number): Promise<number> {
    const parsed = LogStreamMetadata.safeParse((await nango.getMetadata()) ?? {});
    const days = (parsed.success ? parsed.data.backfillDays : undefined) ?? DEFAULT_BACKFILL_DAYS;
    const wanted = until - days * DAY_MS;
    if (stream.lookbackDays === undefined) {
        return wanted;
    }
    const earliest = floorToSecond(Date.now() - stream.lookbackDays * DAY_MS + LOOKBACK_MARGIN_MS);
    if (wanted >= earliest) {
        return wanted;
    }
    await nango.log(`${stream.model}: backfillDays ${days} asks for more than ${stream.path} keeps (${stream.lookbackDays} days); the first run back-fills ${stream.lookbackDays} days`, {
        level: 'warn'
    });
    return earliest;
}

function isRejectedPageToken(err: unknown): boolean {
    return err instanceof MimecastError && (/page.?token|pagination/i.test(err.code) || err.field === 'pageToken');
}

function split(ids: string): string[] {
    return ids ? ids.split(',') : [];
}

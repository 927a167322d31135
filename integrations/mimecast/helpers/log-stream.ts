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
// - events at the boundary second can come back in the next window: their ids are remembered.
import * as z from 'zod';

import { callMimecast, MimecastError, recordsOf } from './api.js';
import type { MimecastNango } from './api.js';
import { floorToSecond, toMimecastDate } from './dates.js';

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
    /** How far back the first run reaches, in days (default 7). */
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
    toRecord: (raw: Record<string, unknown>) => R;
    /** The record's time, ISO 8601 UTC. */
    timeOf: (record: R) => string;
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
}

const DEFAULT_BACKFILL_DAYS = 7;
const DEFAULT_PAGE_SIZE = 500;
/** Windows are at most a week long, so a rejected page token replays at most a week of one stream. */
const MAX_WINDOW_MS = 7 * 24 * 60 * 60 * 1000;
/** Events younger than this are left for the next run: Mimecast may still be indexing them. */
export const INDEXING_LAG_MS = 60 * 1000;
const EMPTY: LogStreamCheckpoint = { cursor: '', windowStart: '', windowEnd: '', pageToken: '', skipIds: '', boundaryIds: '' };

export async function syncLogStream<R extends { id: string }>(nango: LogStreamNango, stream: LogStream<R>): Promise<LogStreamResult> {
    const result: LogStreamResult = { pages: 0, saved: 0, windows: 0 };
    const until = floorToSecond(Date.now() - INDEXING_LAG_MS);
    let checkpoint: LogStreamCheckpoint = { ...EMPTY, ...((await nango.getCheckpoint()) ?? {}) };
    if (!checkpoint.cursor && !checkpoint.windowStart) {
        checkpoint.cursor = new Date(until - (await backfillDays(nango)) * 86_400_000).toISOString();
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

        const raws = recordsOf(page, stream.recordsIn);
        const records = new Map<string, R>();
        for (const raw of raws) {
            if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
                throw new MimecastError({ code: 'malformed_response', message: `${stream.path} returned a record that is not an object` });
            }
            const record = stream.toRecord(raw as Record<string, unknown>);
            if (skip.has(record.id)) {
                continue;
            }
            records.set(record.id, record);
            if (floorToSecond(Date.parse(stream.timeOf(record))) >= endSecond) {
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

async function backfillDays(nango: LogStreamNango): Promise<number> {
    const parsed = LogStreamMetadata.safeParse((await nango.getMetadata()) ?? {});
    return (parsed.success ? parsed.data.backfillDays : undefined) ?? DEFAULT_BACKFILL_DAYS;
}

function isRejectedPageToken(err: unknown): boolean {
    return err instanceof MimecastError && (/page.?token|pagination/i.test(err.code) || err.field === 'pageToken');
}

function split(ids: string): string[] {
    return ids ? ids.split(',') : [];
}

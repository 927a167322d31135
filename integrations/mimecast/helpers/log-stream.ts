// The one incremental engine behind every Mimecast log sync. A log sync only describes its stream
// (endpoint, where records sit, the names of the time filters, the record description of stream.ts); this file owns
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

import { mimecastPager, pages, recordsOf } from './api.js';
import type { MimecastNango } from './api.js';
import { parseDate } from './builtins.js';
import { floorToSecond, toMimecastDate } from './dates.js';
import { describeSkipped, mapRecords } from './records.js';
import { connectionMetadata, recordReader, saveRecords } from './stream.js';
import type { ConnectionMetadata, ModelMap, RecordOf, RecordSaver, RecordSpec } from './stream.js';

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
    backfillDays: z.number().int().min(1).max(90).optional(),
    /** Each record also carries its OCSF 1.8.0 event as `ocsf` (stream.ts finish). */
    ocsf: z.boolean().optional()
});

/**
 * One log stream: the record description (stream.ts: model, id, the fields the model's names and
 * types do not describe) plus the endpoint and its time filters.
 */
export interface LogStream<M extends ModelMap, K extends keyof M & string> extends RecordSpec<M, K> {
    /** The POST endpoint, e.g. `/api/audit/get-audit-events`. */
    path: string;
    /** Where the records sit: absent for flat `data[]`, else the key under `data[0]` (e.g. `clickLogs`). */
    recordsIn?: string;
    /** Request field names of the time window, e.g. `['startDateTime', 'endDateTime']` or `['from', 'to']`. */
    window: readonly [from: string, to: string];
    /** Filters sent with every page besides the window. */
    filters?: Record<string, unknown>;
    /** Default 500, which Mimecast accepts for its log endpoints. */
    pageSize?: number;
    /** How many days back the endpoint can be searched, where a source states it; a longer back-fill is clamped. */
    lookbackDays?: number;
    /** The model field holding the record's time (ISO 8601 UTC); a record without it is never a boundary record. */
    time: keyof RecordOf<M, K> & string;
}

/** Declares a log stream (an identity: it lets TypeScript check the model name and fields against `models`). */
export function logStream<M extends ModelMap, K extends keyof M & string>(stream: LogStream<M, K>): LogStream<M, K> {
    return stream;
}

/** What the engine needs from a sync's `nango`. */
export interface LogStreamNango<M extends ModelMap> extends MimecastNango, RecordSaver<keyof M & string> {
    getCheckpoint(): Promise<LogStreamCheckpoint | null | undefined>;
    saveCheckpoint(checkpoint: LogStreamCheckpoint): Promise<void>;
    getMetadata(): Promise<unknown>;
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

/** Everything one run of a stream needs besides the checkpoint, built once. */
interface Run<M extends ModelMap, K extends keyof M & string> {
    nango: LogStreamNango<M>;
    stream: LogStream<M, K>;
    toRecord: (raw: Record<string, unknown>) => RecordOf<M, K>;
    metadata: ConnectionMetadata;
    result: LogStreamResult;
}

export async function syncLogStream<M extends ModelMap, K extends keyof M & string>(
    nango: LogStreamNango<M>,
    stream: LogStream<M, K>
): Promise<LogStreamResult> {
    const run: Run<M, K> = {
        nango,
        stream,
        toRecord: recordReader(stream),
        metadata: await connectionMetadata(nango),
        result: { pages: 0, saved: 0, windows: 0, skipped: 0 }
    };
    const until = floorToSecond(Date.now() - INDEXING_LAG_MS);
    let checkpoint: LogStreamCheckpoint = { ...EMPTY, ...((await nango.getCheckpoint()) ?? {}) };
    if (!checkpoint.cursor && !checkpoint.windowStart) {
        checkpoint.cursor = new Date(await backfillStart(nango, stream, run.metadata, until)).toISOString();
    }

    for (;;) {
        if (!checkpoint.windowStart) {
            const start = Date.parse(checkpoint.cursor);
            if (start >= until) {
                return run.result;
            }
            const end = Math.min(until, start + MAX_WINDOW_MS);
            checkpoint = { ...checkpoint, windowStart: new Date(start).toISOString(), windowEnd: new Date(end).toISOString(), pageToken: '', boundaryIds: '' };
            await nango.saveCheckpoint(checkpoint);
        }
        checkpoint = await fetchWindow(run, checkpoint);
        run.result.windows += 1;
    }
}

/** Runs a stream and logs the run's skipped records as one warn line; returns the engine's result. */
export async function runLogStream<M extends ModelMap, K extends keyof M & string>(
    nango: LogStreamNango<M>,
    stream: LogStream<M, K>
): Promise<LogStreamResult> {
    const result = await syncLogStream(nango, stream);
    if (result.skipped > 0) {
        await nango.log(`${stream.model}: ${result.skipped} records skipped (unreadable; each named above by its content hash)`, { level: 'warn' });
    }
    return result;
}

/** Fetches the open window to its last page, checkpointing after each; returns the closed checkpoint. */
async function fetchWindow<M extends ModelMap, K extends keyof M & string>(run: Run<M, K>, opened: LogStreamCheckpoint): Promise<LogStreamCheckpoint> {
    const { nango, stream, result } = run;
    let checkpoint = opened;
    const skip = new Set(split(checkpoint.skipIds));
    const boundary = new Set(split(checkpoint.boundaryIds));
    const endSecond = floorToSecond(Date.parse(checkpoint.windowEnd));
    const [from, to] = stream.window;
    const request = {
        path: stream.path,
        data: { ...stream.filters, [from]: toMimecastDate(checkpoint.windowStart), [to]: toMimecastDate(checkpoint.windowEnd) },
        pageSize: stream.pageSize ?? DEFAULT_PAGE_SIZE
    };
    const pager = mimecastPager(nango, request, stream.recordsIn, async () => {
        // Records are upserts by id: replaying the window from its first page duplicates nothing.
        await nango.log(`${stream.model}: Mimecast rejected the saved page token; fetching the window again from its first page`, { level: 'warn' });
        return '';
    });

    for await (const { page, cursor, last } of pages(pager, checkpoint.pageToken, { readAhead: true })) {
        result.pages += 1;
        // recordsOf throws when the page is not the documented envelope: only that fails the run.
        const mapped = mapRecords(stream.model, recordsOf(page, stream.recordsIn), run.toRecord);
        if (mapped.skipped.length > 0) {
            result.skipped += mapped.skipped.length;
            await nango.log(describeSkipped(stream.model, mapped.skipped), { level: 'warn' });
        }
        const records = new Map<string, RecordOf<M, K>>();
        for (const record of mapped.records) {
            if (skip.has(record.id)) {
                continue;
            }
            records.set(record.id, record);
            const time = record[stream.time];
            if (typeof time === 'string' && floorToSecond(parseDate(time)) >= endSecond) {
                boundary.add(record.id);
            }
        }
        result.saved += await saveRecords(nango, stream.model, records.values(), run.metadata);

        if (!last && cursor !== undefined) {
            checkpoint = { ...checkpoint, pageToken: cursor, boundaryIds: [...boundary].join(',') };
            await nango.saveCheckpoint(checkpoint);
        }
    }
    // The window is complete: only now does the cursor move.
    checkpoint = { cursor: checkpoint.windowEnd, windowStart: '', windowEnd: '', pageToken: '', skipIds: [...boundary].join(','), boundaryIds: '' };
    await nango.saveCheckpoint(checkpoint);
    return checkpoint;
}

/**
 * Where the first run starts: the metadata's backfillDays (default 7) before `until`, but never
 * further back than the endpoint keeps; a clamped start sits a few minutes inside the limit so the
 * request is still valid when it arrives.
 */
async function backfillStart(
    nango: MimecastNango,
    stream: { model: string; path: string; lookbackDays?: number },
    metadata: ConnectionMetadata,
    until: number
): Promise<number> {
    const parsed = LogStreamMetadata.safeParse(metadata);
    const days = (parsed.success ? parsed.data.backfillDays : undefined) ?? DEFAULT_BACKFILL_DAYS;
    const wanted = until - days * DAY_MS;
    if (stream.lookbackDays === undefined) {
        return wanted;
    }
    const earliest = floorToSecond(Date.now() - stream.lookbackDays * DAY_MS + LOOKBACK_MARGIN_MS);
    if (wanted >= earliest) {
        return wanted;
    }
    await nango.log(
        `${stream.model}: backfillDays ${days} asks for more than ${stream.path} keeps (${stream.lookbackDays} days); the first run back-fills ${stream.lookbackDays} days`,
        {
            level: 'warn'
        }
    );
    return earliest;
}

function split(ids: string): string[] {
    return ids ? ids.split(',') : [];
}

// Cloud Gateway SIEM events (receipt, process, delivery, spam, av, url/attachment/impersonation protect,
// internal email protect, journal) from the stream endpoint: events inline, a @nextPage stream token,
// the last 24 hours only.
// https://developer.services.mimecast.com/docs/threatsandsecurityeventsdata/1/routes/siem/v1/events/cg/get
//
// Why the stream endpoint: the batch endpoint (GET /siem/v1/batch/events/cg) hands out presigned links to
// gzip files, and Nango's function sandbox cannot gunzip. For very large tenants a batch sync would plug in
// beside this one with the same checkpoint shape (one @nextPage per event type, kept even when empty), the
// files fetched without the bearer token through nango.uncontrolledFetch, a bounded number per run, and
// decompression done outside the sandbox. It is deliberately not built here.
//
// Falling behind: Mimecast keeps 24 hours on this endpoint, and a stream token that points further back
// continues at the oldest event left without saying so. The sync therefore tracks `syncedThrough` (the
// time up to which it has every event) and, when that is older than 24 hours, logs a warning and saves a
// SiemGap record naming the lost stretch, then carries on with what is still there. It does not fail the
// run: failing would not bring the events back and would stop collection of the ones still available.
//
// Field names: published stream responses name an event's kind `eventType` / `subType`; the batch files
// (and some clients' test data) use `type` / `subtype`. Both are read; the model keeps `type`/`subtype`.
// An event that cannot be read (no kind, no timestamp) is skipped and logged by its content hash.
import { createSync } from 'nango';
import * as z from 'zod';

import { callMimecastGet, MimecastError, pages } from '../helpers/api.js';
import type { MimecastJson } from '../helpers/api.js';
import { floorToSecond } from '../helpers/dates.js';
import { describeSkipped, mapRecords } from '../helpers/records.js';
import { connectionMetadata, recordReader, saveRecords } from '../helpers/stream.js';
import type { ConnectionMetadata } from '../helpers/stream.js';

const SiemEvent = z.object({
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
    details: z.record(z.string(), z.unknown()).optional()
});

/** A stretch of time whose events were lost because the connection fell more than 24 hours behind. */
const SiemGap = z.object({
    id: z.string(),
    /** The last moment up to which every event had been fetched. */
    from: z.string(),
    /** Where fetching resumed: events between `from` and `to` are no longer available from Mimecast. */
    to: z.string(),
    detectedAt: z.string(),
    message: z.string()
});
type SiemGap = z.infer<typeof SiemGap>;

const SiemCheckpoint = z.object({
    /** The stream position (@nextPage) after the last page saved; '' before the first page. */
    nextPage: z.string(),
    /** ISO time up to which every event is known to be fetched; '' before the first page. */
    syncedThrough: z.string(),
    /** The last gap reported (ISO), '' when none. */
    gapFrom: z.string(),
    gapTo: z.string()
});
type SiemCheckpoint = z.infer<typeof SiemCheckpoint>;

// Loose: a connection has one metadata object for all syncs, so keys other syncs read must pass here.
const SiemMetadata = z.looseObject({
    /** How far back the first run reaches, in hours (1-24, default 24: all Mimecast keeps). */
    backfillHours: z.number().int().min(1).max(24).optional(),
    /** Pages of 500 fetched per run at most (default 100); the next run continues from the token. */
    maxPagesPerRun: z.number().int().min(1).max(10_000).optional()
});

const PATH = '/siem/v1/events/cg';
const PAGE_SIZE = 500;
const DEFAULT_MAX_PAGES = 100;
const RETENTION_MS = 24 * 60 * 60 * 1000;
/** A first (or restarted) request starts this far inside the 24 hours, so it is still valid on arrival. */
const RETENTION_MARGIN_MS = 5 * 60 * 1000;
const EMPTY: SiemCheckpoint = { nextPage: '', syncedThrough: '', gapFrom: '', gapTo: '' };

const models = { SiemEvent, SiemGap };

/** The event's description (helpers/stream.ts): every field read by its own name but these. */
const siemEvent = recordReader({
    models,
    model: 'SiemEvent',
    id: 'content',
    fields: { type: { from: ['eventType', 'type'] }, subtype: { from: ['subType', 'subtype'] }, timestamp: 'date' },
    rest: 'details'
});

const sync = createSync({
    description: 'Cloud Gateway SIEM events (receipt, process, delivery, spam, AV, URL/attachment/impersonation protect, journal) from the event stream, resumed by its @nextPage token; a connection more than 24 hours behind records a SiemGap.',
    version: '1.1.0',
    frequency: 'every 15 minutes',
    autoStart: true,
    syncType: 'incremental',
    scopes: ['Threats, Security Events and Data for CG | Security Events and Data Retrieval | Threat and Security Events (SIEM) | Read'],
    models,
    metadata: SiemMetadata,
    checkpoint: SiemCheckpoint,
    endpoints: [
        { method: 'GET', path: '/siem-events', group: 'SIEM' },
        { method: 'GET', path: '/siem-gaps', group: 'SIEM' }
    ],

    exec: async (nango) => {
        const metadata = await connectionMetadata(nango);
        const parsed = SiemMetadata.safeParse(metadata);
        const settings = parsed.success ? parsed.data : {};
        const maxPages = settings.maxPagesPerRun ?? DEFAULT_MAX_PAGES;
        let checkpoint: SiemCheckpoint = { ...EMPTY, ...((await nango.getCheckpoint()) ?? {}) };

        // A token older than the retention still "works" on a stream: it continues at the oldest event
        // left, silently. So the gap is checked against our own clock, before the first call.
        checkpoint = await reportGapIfBehind(nango, checkpoint, Date.now() - RETENTION_MS, metadata);

        let requestedAt = 0;
        const stream = pages<MimecastJson>(
            {
                request: (token) => {
                    requestedAt = Date.now();
                    const params = token ? { nextPage: token, pageSize: PAGE_SIZE } : { dateRangeStartsAt: streamDate(startOf(checkpoint, requestedAt, settings.backfillHours)), pageSize: PAGE_SIZE };
                    return callMimecastGet(nango, PATH, params);
                },
                cursor: ({ body }) => (typeof body['@nextPage'] === 'string' && body['@nextPage'] !== '' ? body['@nextPage'] : undefined),
                isLast: ({ body }, cursor) => body['isCaughtUp'] === true || cursor === undefined,
                // A rejected (expired, unknown) token: continue by date from where we know we are complete.
                restart: async (err) => {
                    await nango.log(`SIEM: Mimecast rejected the saved @nextPage token (${err.code}); resuming by date from ${checkpoint.syncedThrough || 'the backfill start'}`, { level: 'warn' });
                    checkpoint = await reportGapIfBehind(nango, { ...checkpoint, nextPage: '' }, Date.now() - RETENTION_MS + RETENTION_MARGIN_MS, metadata);
                    return '';
                }
            },
            checkpoint.nextPage
        );

        let pageCount = 0;
        let skippedTotal = 0;
        for await (const { page, cursor, last } of stream) {
            pageCount += 1;
            const value = page.body['value'];
            if (!Array.isArray(value)) {
                throw new MimecastError({ code: 'malformed_response', message: `${PATH} returned no value[] array` });
            }
            const mapped = mapRecords('SiemEvent', value, siemEvent);
            if (mapped.skipped.length > 0) {
                skippedTotal += mapped.skipped.length;
                await nango.log(describeSkipped('SiemEvent', mapped.skipped), { level: 'warn' });
            }
            const records = new Map(mapped.records.map((event) => [event.id, event]));
            const newest = Math.max(0, ...[...records.values()].map((event) => Date.parse(event.timestamp)));
            await saveRecords(nango, 'SiemEvent', records.values(), metadata);

            // The token is saved after every page, also an empty one: it is the stream position. An
            // answer without @nextPage keeps the last token rather than losing the position.
            const caughtUp = page.body['isCaughtUp'] === true;
            const through = Math.max(checkpoint.syncedThrough ? Date.parse(checkpoint.syncedThrough) : 0, caughtUp ? requestedAt : newest);
            checkpoint = { ...checkpoint, nextPage: cursor ?? checkpoint.nextPage, ...(through > 0 ? { syncedThrough: new Date(through).toISOString() } : {}) };
            await nango.saveCheckpoint(checkpoint);
            if (last || pageCount >= maxPages) {
                await logSkipped(nango, skippedTotal);
                if (!caughtUp) {
                    await nango.log(`SIEM: not caught up after ${pageCount} pages; the next run continues from the saved token`);
                }
                return;
            }
        }
    }
});

async function logSkipped(nango: NangoSyncLocal, skipped: number): Promise<void> {
    if (skipped > 0) {
        await nango.log(`SiemEvent: ${skipped} records skipped (unreadable; each named above by its content hash)`, { level: 'warn' });
    }
}

/** Where a stream without a token starts: where we are complete, else the back-fill; always inside the 24 hours. */
function startOf(checkpoint: SiemCheckpoint, now: number, backfillHours: number | undefined): number {
    const earliest = now - RETENTION_MS + RETENTION_MARGIN_MS;
    const wanted = checkpoint.syncedThrough ? Date.parse(checkpoint.syncedThrough) : now - (backfillHours ?? 24) * 60 * 60 * 1000;
    return floorToSecond(Math.max(earliest, wanted));
}

/** Records a SiemGap (and warns) when the last complete point is older than `oldest`; moves the cursor past it. */
async function reportGapIfBehind(nango: NangoSyncLocal, checkpoint: SiemCheckpoint, oldest: number, metadata: ConnectionMetadata): Promise<SiemCheckpoint> {
    if (!checkpoint.syncedThrough || Date.parse(checkpoint.syncedThrough) >= oldest) {
        return checkpoint;
    }
    const from = checkpoint.syncedThrough;
    const to = new Date(oldest).toISOString();
    const message = `SIEM events between ${from} and ${to} were not fetched and are no longer available: the connection fell more than 24 hours behind (Mimecast keeps 24 hours on the stream endpoint)`;
    await nango.log(message, { level: 'warn' });
    const gap: SiemGap = { id: `${from}/${to}`, from, to, detectedAt: new Date().toISOString(), message };
    await saveRecords(nango, 'SiemGap', [gap], metadata);
    return { ...checkpoint, syncedThrough: to, gapFrom: from, gapTo: to };
}

/** The stream's date form: `YYYY-MM-DDTHH:MM:SS.000Z`. */
function streamDate(ms: number): string {
    return new Date(floorToSecond(ms)).toISOString();
}

export type NangoSyncLocal = Parameters<(typeof sync)['exec']>[0];
export default sync;

// Cloud Gateway SIEM events from the batch endpoint, for large tenants: the list answers presigned
// links to gzip NDJSON files (about one per event type and 15 minutes, kept about 7 days), paged per
// event type by @nextPage. The files are fetched without the bearer token and gunzipped in the sandbox.
// https://developer.services.mimecast.com/docs/threatssecurityeventsanddataforcg/1/routes/siem/v1/batch/events/cg/get
//
// A connection uses this sync or the stream (`siem-events`), not both: hence autoStart false.
//
// What makes it safe to run unattended:
// - One @nextPage per event type in the checkpoint, saved after every list page, an empty last page
//   too: a call with neither a token nor dates would hand back all 7 days again.
// - A bounded number of files per run (`maxFilesPerRun`), shared fairly between the types, one file in
//   memory at a time (compressed bytes, a 64 KiB window, the current line) and at most 500 records.
// - A page's token is saved only once all its files are saved, so a run that dies mid-page redoes that
//   page; records carry a content id (events have none), so redone files upsert, never duplicate.
// - Expired links (403/404 from the storage host), URLs listed twice, corrupt lines and unreadable files
//   are skipped and counted, never fatal; the counts are logged at the end of every run.
import { createSync } from 'nango';
import * as z from 'zod';

import { callMimecastGet, isObject, MimecastError, pages, withRetries } from '../helpers/api.js';
import type { Attempt, MimecastJson } from '../helpers/api.js';
import { toIsoUtc } from '../helpers/dates.js';
import { GunzipError, gunzipLines, LINE_TOO_LONG } from '../helpers/gunzip.js';
import { mapRecords, optionalString } from '../helpers/records.js';
import { SiemEventFields } from '../helpers/siem-stream.js';
import { recordReader, saveRecords } from '../helpers/stream.js';
import type { ConnectionMetadata } from '../helpers/stream.js';

// One event, whichever endpoint delivered it: siem-events' fields (helpers/siem-stream.ts), under a model
// name of its own because Nango forbids one model in two syncs of an integration.
const SiemBatchEvent = SiemEventFields;
type SiemBatchEvent = z.infer<typeof SiemBatchEvent>;
const models = { SiemBatchEvent };

// Batch files write `type`/`subtype`, the stream `eventType`/`subType`: both are read, the batch's first.
// Every other model field is read from the key of its name; what no field reads goes to `details`.
const toRecord = recordReader({
    models,
    model: 'SiemBatchEvent',
    id: 'content',
    fields: { type: { from: ['type', 'eventType'] }, subtype: { from: ['subtype', 'subType'] }, timestamp: { read: readTimestamp } },
    rest: 'details'
});

/** The event types the batch endpoint serves, one list per type. */
const EventType = z.enum([
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
]);
type EventType = z.infer<typeof EventType>;
const EVENT_TYPES = EventType.options;

/** Checkpoint key of a type: `next_receipt`, `next_url_protect`, ... */
const tokenKey = (type: EventType) => `next_${type.replace(/ /g, '_')}`;

// Flat, as Nango requires: the @nextPage of each type ('' before its first page), and the type the
// next run starts with (when a run's file budget ran out before every type had its turn).
const SiemBatchCheckpoint = z.object({
    ...Object.fromEntries(EVENT_TYPES.map((type): [string, z.ZodString] => [tokenKey(type), z.string()])),
    firstType: z.string()
});
type SiemBatchCheckpoint = Record<string, string> & { firstType: string };

// Loose: a connection has one metadata object for all syncs, so keys other syncs read must pass here.
const SiemBatchMetadata = z.looseObject({
    /** First run: how many days back to start (1-7, default 7: all Mimecast keeps); larger values, meant for other syncs, count as 7. */
    backfillDays: z.number().int().min(1).max(90).optional(),
    /** Files downloaded per run at most (default 20, at most 10,000); the next run continues from the saved tokens. */
    maxFilesPerRun: z.number().int().min(1).max(10_000).optional(),
    /** Each event also carries its OCSF 1.8.0 event as `ocsf` (stream.ts finish). */
    ocsf: z.boolean().optional()
});

const PATH = '/siem/v1/batch/events/cg';
const RETENTION_DAYS = 7;
const DEFAULT_MAX_FILES = 20;
/** Links asked for per list page at most (public clients use 100). */
const MAX_PAGE_SIZE = 100;
/** Records per batchSave: bounds what a file holds in memory at once. */
const SAVE_BATCH = 500;
/** A line longer than this is counted corrupt and not kept. */
const MAX_LINE_BYTES = 1_048_576;

/** What a run read, saved and skipped, counted as it goes (by whichever step meets it) and logged at its end. */
class RunCounts {
    pages = 0;
    files = 0;
    events = 0;
    expired = 0;
    repeated = 0;
    corruptLines = 0;
    unreadableFiles = 0;

    add(kind: 'pages' | 'files' | 'events' | 'expired' | 'repeated' | 'corruptLines' | 'unreadableFiles', n = 1): void {
        this[kind] += n;
    }
}

const sync = createSync({
    description:
        'Cloud Gateway SIEM events from the batch endpoint (gzip files of 15 minutes, 7 days kept), for large tenants: a bounded number of files per run, resumed per event type by @nextPage. Use it instead of siem-events, not beside it.',
    version: '1.1.3',
    frequency: 'every 15 minutes',
    autoStart: false,
    syncType: 'incremental',
    scopes: ['Threats, Security Events and Data for CG | Security Events and Data Retrieval | Threat and Security Events (SIEM) | Read'],
    models,
    metadata: SiemBatchMetadata,
    checkpoint: SiemBatchCheckpoint,
    endpoints: [{ method: 'GET', path: '/siem-batch-events', group: 'SIEM' }],

    exec: async (nango) => {
        const parsed = SiemBatchMetadata.safeParse((await nango.getMetadata()) ?? {});
        const metadata = parsed.success ? parsed.data : {};
        const backfillDays = Math.min(metadata.backfillDays ?? RETENTION_DAYS, RETENTION_DAYS);
        let remaining = metadata.maxFilesPerRun ?? DEFAULT_MAX_FILES;
        const saved: unknown = await nango.getCheckpoint();
        const savedText = (key: string): string => (isObject(saved) && typeof saved[key] === 'string' ? saved[key] : '');
        const checkpoint: SiemBatchCheckpoint = {
            ...Object.fromEntries(EVENT_TYPES.map((type) => [tokenKey(type), savedText(tokenKey(type))])),
            firstType: savedText('firstType')
        };
        const counts = new RunCounts();
        const seenUrls = new Set<string>();
        const batch = new RecordBatch(nango, counts, metadata);
        // One listing per type through the one pager: its page size is set per round, its saved token
        // restarts the type by date when Mimecast rejects it (content ids make the re-read upsert).
        const pageSizes = new Map<EventType, number>();
        const listings = new Map(
            EVENT_TYPES.map((type) => [
                type,
                pages<MimecastJson>(
                    {
                        // Never a call with neither a token nor dates: that answers all 7 days again.
                        request: (token) =>
                            callMimecastGet(
                                nango,
                                PATH,
                                token
                                    ? { type, nextPage: token, pageSize: pageSizes.get(type) }
                                    : { type, dateRangeStartsAt: batchDate(Date.now() - backfillDays * 86_400_000), pageSize: pageSizes.get(type) }
                            ),
                        cursor: ({ body }) => (typeof body['@nextPage'] === 'string' && body['@nextPage'] !== '' ? body['@nextPage'] : undefined),
                        // Caught up, or an empty page: the type leaves this run's rotation.
                        isLast: ({ body }) => body['isCaughtUp'] === true || !Array.isArray(body['value']) || body['value'].length === 0,
                        restart: async (err) => {
                            await nango.log(
                                `SIEM batch: Mimecast rejected the saved @nextPage of "${type}" (${err.code}); starting it again ${backfillDays} days back`,
                                {
                                    level: 'warn'
                                }
                            );
                            checkpoint[tokenKey(type)] = '';
                            return '';
                        }
                    },
                    checkpoint[tokenKey(type)] ?? ''
                )
            ])
        );

        // Round robin, one page per type per round, so one busy type cannot starve the others; a type
        // leaves the rotation when it is caught up (or its page is empty) for this run. A run whose
        // budget ran out mid-round makes the next run start with the first type left without a turn.
        const firstType = EventType.safeParse(checkpoint['firstType']);
        const first = firstType.success ? EVENT_TYPES.indexOf(firstType.data) : 0;
        let active: EventType[] = [...EVENT_TYPES.slice(first), ...EVENT_TYPES.slice(0, first)];
        // @allowTryCatch: no catch: the finally block saves the events already read and logs the run's counts
        try {
            while (active.length > 0 && remaining > 0) {
                const nextRound: EventType[] = [];
                const share = Math.max(1, Math.min(MAX_PAGE_SIZE, Math.floor(remaining / active.length)));
                for (const [index, type] of active.entries()) {
                    if (remaining <= 0) {
                        nextRound.push(...active.slice(index));
                        if (checkpoint['firstType'] !== type) {
                            checkpoint['firstType'] = type;
                            await nango.saveCheckpoint(checkpoint);
                        }
                        break;
                    }
                    pageSizes.set(type, Math.min(share, remaining));
                    const next = await listings.get(type)!.next();
                    if (next.done) {
                        continue;
                    }
                    const { page, cursor, last } = next.value;
                    counts.add('pages');
                    const links = readLinks(page.body, counts);
                    for (const link of links) {
                        remaining -= 1;
                        await saveFile(nango, link, seenUrls, batch, counts);
                    }
                    await batch.flush();
                    // Saved after the page's files, also for an empty page: it is this type's position. An
                    // answer without @nextPage keeps the last token rather than losing the position.
                    if (cursor !== undefined && cursor !== checkpoint[tokenKey(type)]) {
                        checkpoint[tokenKey(type)] = cursor;
                        await nango.saveCheckpoint(checkpoint);
                    }
                    if (!last) {
                        nextRound.push(type);
                    }
                }
                active = nextRound;
            }
        } finally {
            // A run that fails mid-page keeps the events it already read (the page is redone next run and upserts them).
            await batch.flush().catch(() => undefined);
            const behind =
                remaining <= 0 && active.length > 0
                    ? `; maxFilesPerRun reached, the next run continues (${EVENT_TYPES.filter((type) => active.includes(type)).join(', ')})`
                    : '';
            const summary = `SIEM batch: ${counts.events} events from ${counts.files} files in ${counts.pages} list pages; skipped ${counts.expired} expired links, ${counts.repeated} repeated links, ${counts.corruptLines} corrupt lines, ${counts.unreadableFiles} unreadable files${behind}`;
            if (counts.expired + counts.unreadableFiles > 0) {
                await nango.log(summary, { level: 'warn' });
            } else {
                await nango.log(summary);
            }
        }
    }
});

interface FileLink {
    url: string;
    expiry: string | undefined;
    size: number | undefined;
}

/** `value[]` of a list page: `{url, expiry, size}` links. A page without `value[]` is malformed; an entry without a usable url is skipped, counted unreadable. */
function readLinks(body: Record<string, unknown>, counts: RunCounts): FileLink[] {
    const value = body['value'];
    if (!Array.isArray(value)) {
        throw new MimecastError({ code: 'malformed_response', message: `${PATH} returned no value[] array` });
    }
    const links: FileLink[] = [];
    for (const item of value) {
        const url = isObject(item) ? item['url'] : item;
        if (typeof url !== 'string' || !/^https?:\/\//.test(url)) {
            counts.add('unreadableFiles');
            continue;
        }
        links.push({
            url,
            expiry: isObject(item) ? optionalString(item, 'expiry') : undefined,
            size: isObject(item) && typeof item['size'] === 'number' ? item['size'] : undefined
        });
    }
    return links;
}

/** Downloads one file (no bearer token: it is a presigned storage link), saves its events in batches. */
async function saveFile(nango: NangoSyncLocal, link: FileLink, seenUrls: Set<string>, batch: RecordBatch, counts: RunCounts): Promise<void> {
    // The same object listed twice, with or without a fresh signature, is one file.
    const key = link.url.split('?')[0] ?? link.url;
    if (seenUrls.has(key)) {
        counts.add('repeated');
        return;
    }
    seenUrls.add(key);
    // The one retry budget of the helpers (api.ts) covers the storage host too: network errors, 5xx
    // and a cut-off download (unreadable gzip). Logged without the link: it carries a signature.
    const outcome = await withRetries<FileOutcome>(nango, 'SIEM batch file', async (): Promise<Attempt<FileOutcome>> => {
        let response: Response;
        // @allowTryCatch: a failed download is retried within the file's one budget
        try {
            // Nango's uncontrolledFetch wants a URL object (it reads `.href`) and adds no credentials.
            response = await nango.uncontrolledFetch({ url: new URL(link.url), method: 'GET' });
        } catch (err) {
            const failure = new MimecastError({
                code: 'file_download_failed',
                message: `a SIEM batch file could not be downloaded: ${err instanceof Error ? err.message : String(err)}`,
                retryable: true
            });
            return {
                retry: 'network error',
                giveUp: () => {
                    throw failure;
                }
            };
        }
        if (response.status === 403 || response.status === 404) {
            // Presigned links expire; the storage host answers 403 (or 404 once the object is gone).
            await response.arrayBuffer().catch(() => undefined);
            return { done: { expired: response.status } };
        }
        if (response.status !== 200) {
            await response.arrayBuffer().catch(() => undefined);
            // Not saved and not skipped: the run stops before this page's token, so the next run redoes it.
            const failure = new MimecastError({
                code: `http_${response.status}`,
                message: `the storage host answered HTTP ${response.status} for a SIEM batch file`,
                status: response.status,
                retryable: response.status >= 500
            });
            if (response.status < 500) {
                throw failure;
            }
            return {
                retry: `HTTP ${response.status}`,
                giveUp: () => {
                    throw failure;
                }
            };
        }
        const bytes = new Uint8Array(await response.arrayBuffer());
        // @allowTryCatch: a cut-off download (unreadable gzip) is fetched again, then skipped and counted; anything else is rethrown
        try {
            await saveLines(bytes, batch, counts);
            return { done: 'saved' };
        } catch (err) {
            if (!(err instanceof GunzipError)) {
                throw err;
            }
            // A cut-off download looks like a truncated file: fetch it again, then skip it counted.
            // Lines before the damage are kept; another pass upserts the same ids.
            return { retry: 'unreadable gzip', giveUp: () => ({ unreadable: err.message }) };
        }
    });
    if (outcome === 'saved') {
        counts.add('files');
    } else if ('expired' in outcome) {
        counts.add('expired');
        await nango.log(
            `SIEM batch: skipped an expired file link (HTTP ${outcome.expired}${link.expiry ? `, expiry ${link.expiry}` : ''}); its events are not fetched`,
            { level: 'warn' }
        );
    } else {
        counts.add('unreadableFiles');
        await nango.log(`SIEM batch: skipped the rest of an unreadable file (${outcome.unreadable})`, { level: 'warn' });
    }
}

/** What became of one file: saved, skipped as an expired link (the storage host's status), or skipped unreadable (why). */
type FileOutcome = 'saved' | { expired: number } | { unreadable: string };

/**
 * Collects records across files and saves them 500 at a time (small files would otherwise cost one
 * store write each); `flush` runs before a page's token is saved, so a saved token never runs ahead.
 */
class RecordBatch {
    private records = new Map<string, SiemBatchEvent>();

    constructor(
        private readonly nango: NangoSyncLocal,
        private readonly counts: RunCounts,
        private readonly metadata: ConnectionMetadata
    ) {}

    async add(record: SiemBatchEvent): Promise<void> {
        this.records.set(record.id, record);
        if (this.records.size >= SAVE_BATCH) {
            await this.flush();
        }
    }

    async flush(): Promise<void> {
        if (this.records.size > 0) {
            const records = [...this.records.values()];
            this.records = new Map();
            await saveRecords(this.nango, 'SiemBatchEvent', records, this.metadata);
            this.counts.add('events', records.length);
        }
    }
}

/** Lines mapped at once: the record guard's unit (a file holds thousands). */
const LINES_PER_MAPPING = 500;

async function saveLines(bytes: Uint8Array, batch: RecordBatch, counts: RunCounts): Promise<void> {
    let raws: unknown[] = [];
    for (const line of gunzipLines(bytes, { maxLineBytes: MAX_LINE_BYTES })) {
        const raw = line === LINE_TOO_LONG ? undefined : parseLine(line);
        if (raw === undefined) {
            counts.add('corruptLines');
            continue;
        }
        raws.push(raw);
        if (raws.length >= LINES_PER_MAPPING) {
            await saveMapped(raws, batch, counts);
            raws = [];
        }
    }
    await saveMapped(raws, batch, counts);
}

/**
 * The events of parsed lines, through the one record guard (records.ts mapRecords): a line that is not
 * an object, or has no type or no usable timestamp, is counted corrupt and the rest are kept.
 */
async function saveMapped(raws: unknown[], batch: RecordBatch, counts: RunCounts): Promise<void> {
    const mapped = mapRecords('SiemBatchEvent', raws, toRecord);
    counts.add('corruptLines', mapped.skipped.length);
    for (const record of mapped.records) {
        await batch.add(record);
    }
}

function parseLine(line: string): unknown {
    // @allowTryCatch: a corrupt line is skipped and counted, not the file
    try {
        return JSON.parse(line);
    } catch {
        return undefined;
    }
}

/**
 * Epoch milliseconds as Mimecast documents them; a number below 1e11 can only be seconds (1e11 ms is
 * 1973), as one published sample has it. A date string is read too. Undefined when unusable.
 */
function readTimestamp(value: unknown): string | undefined {
    // @allowTryCatch: an unusable timestamp makes the event unreadable (skipped and counted), not the file
    try {
        if (typeof value === 'number' && Number.isFinite(value) && value > 0) {
            return toIsoUtc(value < 1e11 ? value * 1000 : value);
        }
        if (typeof value === 'string' && value.trim() !== '') {
            return toIsoUtc(/^\d+$/.test(value) ? Number(value) : value);
        }
    } catch {
        return undefined;
    }
    return undefined;
}

/** The batch endpoint's date form: `YYYY-MM-DD` (UTC). */
function batchDate(ms: number): string {
    return new Date(ms).toISOString().slice(0, 10);
}

export type NangoSyncLocal = Parameters<(typeof sync)['exec']>[0];
export default sync;

// Threat-intel feed: the malware indicators (file hashes, URLs) Mimecast saw in this account's mail
// (malware_customer) and across its grid (malware_grid), as STIX 2.0 bundles. One record per
// indicator, with the names of the malware it indicates. The feed pages with a token that only
// travels in the X-Mc-Threat-Feed-Next-Token response header; the token is checkpointed after every
// page, so a run that dies resumes at the page it lost; a token Mimecast rejects walks again from the start. An indicator set can span two pages (a
// relationship on page 2 naming page-1 objects): relationships are resolved across the pages of a
// run and, for an indicator saved by an earlier run, against the stored record.
// https://developer.services.mimecast.com/docs/threatsandsecurityeventsdata/1/routes/api/ttp/threat-intel/get-feed/post
import { createSync } from 'nango';
import * as z from 'zod';

import { callMimecastJson, MimecastError, pages } from '../helpers/api.js';
import type { MimecastJsonPage, MimecastNango } from '../helpers/api.js';
import { floorToSecond, toMimecastDate } from '../helpers/dates.js';
import { describeSkipped, mapRecords } from '../helpers/records.js';
import {
    NEXT_TOKEN_HEADER,
    NO_RESULT_CODE,
    readBundle,
    THREAT_FEED_TYPES,
    ThreatFeedType,
    ThreatIndicator,
    toRelationship,
    toThreatIndicator
} from '../helpers/threat-intel.js';

const PATH = '/api/ttp/threat-intel/get-feed';
const MODEL = 'ThreatIndicator';
/** Pages per feed type and run; the token carries the rest over to the next run. */
const MAX_PAGES_PER_RUN = 50;
const DEFAULT_BACKFILL_DAYS = 7;
const DAY_MS = 86_400_000;

const ThreatFeedCheckpoint = z.object({
    /** Per feed type: the next page's token ('' between walks), the start of the next walk, the end of the open walk. */
    customerToken: z.string(),
    customerSince: z.string(),
    customerEnd: z.string(),
    gridToken: z.string(),
    gridSince: z.string(),
    gridEnd: z.string()
});
type ThreatFeedCheckpoint = z.infer<typeof ThreatFeedCheckpoint>;
const EMPTY: ThreatFeedCheckpoint = { customerToken: '', customerSince: '', customerEnd: '', gridToken: '', gridSince: '', gridEnd: '' };
/** Each feed type's three checkpoint fields. */
const KEYS: Record<ThreatFeedType, { token: keyof ThreatFeedCheckpoint; since: keyof ThreatFeedCheckpoint; end: keyof ThreatFeedCheckpoint }> = {
    malware_customer: { token: 'customerToken', since: 'customerSince', end: 'customerEnd' },
    malware_grid: { token: 'gridToken', since: 'gridSince', end: 'gridEnd' }
};

// Loose: one metadata object serves every sync of a connection.
const ThreatFeedMetadata = z.looseObject({
    /** Which feeds to sync (default both). */
    threatFeedTypes: z.array(ThreatFeedType).min(1).max(2).optional(),
    /** How far back the first walk of a feed starts, in days (default 7). */
    backfillDays: z.number().int().min(1).max(90).optional()
});

const sync = createSync({
    description:
        'Malware indicators (file hashes, URLs) of the threat-intel feed, malware_customer and malware_grid (connection metadata threatFeedTypes), one record per STIX indicator with the malware it indicates; incremental by the feed token. Needs the Threat Intel product: not started automatically, because a tenant without it answers 403.',
    version: '1.0.1',
    frequency: 'every hour',
    autoStart: false,
    syncType: 'incremental',
    scopes: ['Threat Intelligence | Threat Intel Feed | Read'],
    models: { ThreatIndicator },
    metadata: ThreatFeedMetadata,
    checkpoint: ThreatFeedCheckpoint,
    endpoints: [{ method: 'GET', path: '/threat-indicators', group: 'Threat Intel' }],

    exec: async (nango) => {
        const parsed = ThreatFeedMetadata.safeParse((await nango.getMetadata()) ?? {});
        if (!parsed.success) {
            const issue = parsed.error.issues[0];
            throw new MimecastError({
                code: 'invalid_metadata',
                message: `connection metadata ${issue?.path.join('.') || 'threatFeedTypes'}: expected threatFeedTypes to be a non-empty list of ${THREAT_FEED_TYPES.join(', ')} and backfillDays an integer 1-90 (${issue?.message ?? 'invalid'})`,
                field: issue?.path.join('.') || 'threatFeedTypes'
            });
        }
        const feedTypes = [...new Set(parsed.data.threatFeedTypes ?? THREAT_FEED_TYPES)];
        const backfillMs = (parsed.data.backfillDays ?? DEFAULT_BACKFILL_DAYS) * DAY_MS;
        let checkpoint: ThreatFeedCheckpoint = { ...EMPTY, ...((await nango.getCheckpoint()) ?? {}) };
        for (const feedType of feedTypes) {
            checkpoint = await syncFeed(nango, feedType, checkpoint, backfillMs);
        }
    }
});

type FeedNango = MimecastNango & {
    saveCheckpoint(checkpoint: ThreatFeedCheckpoint): Promise<void>;
    batchSave(records: ThreatIndicator[], model: string): unknown;
    // Nango types it MaybePromise<Map>: awaited either way.
    getRecordsByIds(ids: string[], model: typeof MODEL): Promise<Map<string, unknown>> | Map<string, unknown>;
};

/** What one run knows of a feed: indicators and malware seen so far, and links still waiting for their indicator. */
interface RunState {
    indicators: Map<string, ThreatIndicator>;
    malwareNames: Map<string, string | undefined>;
    byMalware: Map<string, Set<string>>;
    pending: Map<string, Set<string>>;
}

async function syncFeed(nango: FeedNango, feedType: ThreatFeedType, opened: ThreatFeedCheckpoint, backfillMs: number): Promise<ThreatFeedCheckpoint> {
    const keys = KEYS[feedType];
    let checkpoint = opened;
    if (!checkpoint[keys.end]) {
        // Open a walk: from the end of the last one (or the back-fill) up to now.
        const end = floorToSecond(Date.now());
        checkpoint = {
            ...checkpoint,
            [keys.since]: checkpoint[keys.since] || new Date(end - backfillMs).toISOString(),
            [keys.end]: new Date(end).toISOString(),
            [keys.token]: ''
        };
        await nango.saveCheckpoint(checkpoint);
    }
    const run: RunState = { indicators: new Map(), malwareNames: new Map(), byMalware: new Map(), pending: new Map() };
    let skipped = 0;
    let saved = 0;
    // Every page repeats the walk's filters; the token (in a response header) says where to continue.
    const walk = { feedType, fileType: 'stix', start: toMimecastDate(checkpoint[keys.since]), end: toMimecastDate(checkpoint[keys.end]) };
    const listing = pages<MimecastJsonPage & { token: string }>(
        {
            request: async (token) => ({ ...(await callMimecastJson(nango, { path: PATH, data: { ...walk, token } }, { emptyOn: [NO_RESULT_CODE] })), token }),
            // No header, the same token again, or the no-result answer: the walk is complete.
            cursor: (page) => {
                const next = page.empty ? undefined : page.headers[NEXT_TOKEN_HEADER];
                return next && next !== page.token ? next : undefined;
            },
            isLast: (_page, cursor) => cursor === undefined,
            // Indicators are upserts by id: walking again from the walk's first page duplicates nothing.
            restart: async (err) => {
                await nango.log(`${MODEL} (${feedType}): Mimecast rejected the saved feed token (${err.code}); walking again from ${checkpoint[keys.since]}`, {
                    level: 'warn'
                });
                return '';
            }
        },
        checkpoint[keys.token],
        { maxPages: MAX_PAGES_PER_RUN }
    );
    for await (const { page, cursor } of listing) {
        const { changed, unreadable } = page.empty ? { changed: [], unreadable: 0 } : await applyBundle(nango, feedType, page.body, run);
        skipped += unreadable;
        if (changed.length > 0) {
            await nango.batchSave(changed, MODEL);
            saved += changed.length;
        }
        checkpoint =
            cursor !== undefined
                ? { ...checkpoint, [keys.token]: cursor }
                : // The walk is complete; the next one starts where it ended.
                  { ...checkpoint, [keys.token]: '', [keys.since]: checkpoint[keys.end], [keys.end]: '' };
        await nango.saveCheckpoint(checkpoint);
    }
    const unresolved = [...run.pending.values()].reduce((n, targets) => n + targets.size, 0);
    if (unresolved > 0) {
        await nango.log(`${MODEL} (${feedType}): ${unresolved} relationships name an indicator this feed never sent; they are ignored`, { level: 'warn' });
    }
    if (skipped > 0) {
        await nango.log(`${MODEL} (${feedType}): ${skipped} records skipped (unreadable; each named above by its content hash)`, { level: 'warn' });
    }
    await nango.log(`${MODEL} (${feedType}): ${saved} indicator saves`);
    return checkpoint;
}

/** Folds one bundle into the run; returns the indicators that are new or gained malware, and how many indicators it skipped as unreadable. */
async function applyBundle(
    nango: FeedNango,
    feedType: ThreatFeedType,
    body: Record<string, unknown>,
    run: RunState
): Promise<{ changed: ThreatIndicator[]; unreadable: number }> {
    const bundle = readBundle(body, PATH);
    const changed = new Set<string>();
    for (const malware of bundle.malware) {
        if (typeof malware['id'] !== 'string') continue;
        // A malware object can come without a name (or with ''): the link is kept, the name is not invented.
        const name = typeof malware['name'] === 'string' && malware['name'].trim() !== '' ? malware['name'] : undefined;
        run.malwareNames.set(malware['id'], name);
        for (const indicatorId of run.byMalware.get(malware['id']) ?? []) changed.add(indicatorId);
    }
    const mapped = mapRecords(MODEL, bundle.indicators, (raw) => toThreatIndicator(raw, feedType));
    if (mapped.skipped.length > 0) {
        await nango.log(describeSkipped(MODEL, mapped.skipped), { level: 'warn' });
    }
    for (const indicator of mapped.records) {
        const known = run.indicators.get(indicator.id);
        run.indicators.set(indicator.id, { ...indicator, malwareIds: known?.malwareIds ?? [] });
        changed.add(indicator.id);
        for (const target of run.pending.get(indicator.id) ?? []) link(run, indicator.id, target);
        run.pending.delete(indicator.id);
    }
    for (const raw of bundle.relationships) {
        const relationship = toRelationship(raw);
        if (!relationship) continue;
        if (run.indicators.has(relationship.source)) {
            if (link(run, relationship.source, relationship.target)) changed.add(relationship.source);
        } else {
            const targets = run.pending.get(relationship.source) ?? new Set<string>();
            targets.add(relationship.target);
            run.pending.set(relationship.source, targets);
        }
    }
    // Links to indicators an earlier run saved (a set split by a failed run or the page budget).
    if (run.pending.size > 0) {
        const stored = await nango.getRecordsByIds([...run.pending.keys()], MODEL);
        for (const [id, saved] of stored) {
            // A saved record that no longer reads as an indicator links nothing: its relationships stay unresolved.
            const parsed = ThreatIndicator.safeParse(saved);
            if (!parsed.success) continue;
            const record = parsed.data;
            run.indicators.set(id, { ...record, malwareIds: record.malwareIds ?? [] });
            for (const target of run.pending.get(id) ?? []) link(run, id, target);
            run.pending.delete(id);
            changed.add(id);
        }
    }
    return {
        changed: [...changed].flatMap((id) => {
            const indicator = run.indicators.get(id);
            return indicator ? [withNames(run, indicator)] : [];
        }),
        unreadable: mapped.skipped.length
    };
}

/** Links an indicator to a malware id; false when the link was already known. */
function link(run: RunState, indicatorId: string, malwareId: string): boolean {
    const indicator = run.indicators.get(indicatorId);
    if (!indicator || indicator.malwareIds.includes(malwareId)) return false;
    run.indicators.set(indicatorId, { ...indicator, malwareIds: [...indicator.malwareIds, malwareId] });
    const indicators = run.byMalware.get(malwareId) ?? new Set<string>();
    indicators.add(indicatorId);
    run.byMalware.set(malwareId, indicators);
    return true;
}

function withNames(run: RunState, indicator: ThreatIndicator): ThreatIndicator {
    const names = indicator.malwareIds.flatMap((id) => {
        const name = run.malwareNames.get(id);
        return name ? [name] : [];
    });
    // A stored record may already carry names of malware this run has not seen.
    return { ...indicator, malwareNames: [...new Set([...(indicator.malwareNames ?? []), ...names])] };
}

export type NangoSyncLocal = Parameters<(typeof sync)['exec']>[0];
export default sync;

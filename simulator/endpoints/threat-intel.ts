// Threat-intel feed: POST /api/ttp/threat-intel/get-feed with feedType (malware_customer, malware_grid),
// fileType "stix", start/end and an optional token. The answer is a STIX 2.0 bundle (not the /api
// envelope), the next token only in the X-Mc-Threat-Feed-Next-Token header, like Mimecast's. Each
// indicator set is a malware, an indicator (a SHA-256 file hash) and an `indicates` relationship,
// written in that order; pages are cut by object count, so a set can span two pages (its
// relationship on the next page), as the real feed does. Every 10th malware has an empty name.
// An empty window answers HTTP 200 with fail[] err_threat_intel_feed_no_result_found and no header.
import { createHash } from 'node:crypto';

import { DAY_MS, type SeriesSpec } from '../data.js';
import { Validator, fail, type Reply } from '../envelope.js';
import { defineEndpoint } from '../router.js';

export const NEXT_TOKEN_HEADER = 'X-Mc-Threat-Feed-Next-Token';
/** Objects per page: not a multiple of 3, so sets straddle pages. */
export const THREAT_FEED_PAGE_OBJECTS = 50;
const FEED_TYPES = ['malware_customer', 'malware_grid'] as const;
const SUBJECTS = [
    'Transaction notice',
    'Invoice overdue',
    'Business Proposal_Final',
    'Urgent info! - TwoToEight',
    'VM: Caller 908-999-4562',
    'Application pack'
];

interface IndicatorSet {
    k: number;
    time: number;
    id: string;
    name: string;
}

const set = (name: string): SeriesSpec<IndicatorSet> => ({
    name,
    defaultSize: name === 'threatFeedCustomer' ? 300 : 1_000,
    retentionMs: 30 * DAY_MS,
    make: ({ k, time, id, rng }) => ({ k, time, id, name: k % 10 === 0 ? '' : rng.pick(SUBJECTS) })
});
export const threatFeedCustomer = set('threatFeedCustomer');
export const threatFeedGrid = set('threatFeedGrid');

/** A STIX-style UUID from a stable seed string. */
function uuid(seed: string): string {
    const h = createHash('sha256').update(seed).digest('hex');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

function objectsOf(s: IndicatorSet, feedType: string): Record<string, unknown>[] {
    const stamp = new Date(s.time).toISOString();
    const malware = `malware--${uuid(`${feedType}:m:${s.id}`)}`;
    const indicator = `indicator--${uuid(`${feedType}:i:${s.id}`)}`;
    const hash = createHash('sha256').update(`${feedType}:file:${s.id}`).digest('hex');
    return [
        { type: 'malware', id: malware, created: stamp, modified: stamp, name: s.name, labels: ['virus'] },
        {
            type: 'indicator',
            id: indicator,
            created: stamp,
            modified: stamp,
            labels: ['malicious-activity'],
            pattern: `[file:hashes.'SHA-256' = '${hash}']`,
            valid_from: stamp
        },
        {
            type: 'relationship',
            id: `relationship--${uuid(`${feedType}:r:${s.id}`)}`,
            created: stamp,
            modified: stamp,
            relationship_type: 'indicates',
            source_ref: indicator,
            target_ref: malware
        }
    ];
}

interface FeedToken {
    o: number;
    f: string;
    top: number;
}

function noResult(item: Record<string, unknown>): Reply {
    return fail(item, [{ code: 'err_threat_intel_feed_no_result_found', message: 'No results found for the threat intel feed', retryable: false }]);
}

export default defineEndpoint({
    path: '/api/ttp/threat-intel/get-feed',
    dataSets: [threatFeedCustomer, threatFeedGrid],
    handle(ctx) {
        const v = new Validator(ctx.item);
        const feedType = v.string('feedType', { required: true, oneOf: FEED_TYPES });
        v.string('fileType', { required: true, oneOf: ['stix'] });
        const start = v.date('start');
        const end = v.date('end');
        v.dateOrder('start', start, 'end', end);
        const rawToken = v.string('token');
        if (!v.ok || feedType === undefined) return v.fail();

        const series = ctx.series(feedType === 'malware_customer' ? threatFeedCustomer : threatFeedGrid);
        const from = start ?? ctx.now - 7 * DAY_MS;
        const to = end ?? ctx.now;
        const { lo, hi } = series.range(from, to);
        let offset = 0;
        let top = hi;
        if (rawToken !== undefined) {
            let token: FeedToken | undefined;
            try {
                token = JSON.parse(Buffer.from(rawToken, 'base64url').toString('utf8')) as FeedToken;
            } catch {
                token = undefined;
            }
            if (!token || token.f !== feedType || !Number.isInteger(token.o) || !Number.isInteger(token.top)) {
                return fail(ctx.item, [
                    { code: 'err_validation_invalid_value', message: 'The token is not valid for this feed', field: 'token', retryable: false }
                ]);
            }
            offset = token.o;
            top = Math.min(token.top, hi);
        }
        // Oldest first; objects of the sets in [lo, top), flattened, cut at `offset`.
        const total = Math.max(0, top - lo) * 3;
        if (total === 0 || offset >= total) return noResult(ctx.item);
        const objects: Record<string, unknown>[] = [];
        for (let i = offset; i < Math.min(total, offset + THREAT_FEED_PAGE_OBJECTS); i++) {
            const k = lo + Math.floor(i / 3);
            objects.push(objectsOf(series.record(k), feedType)[i % 3]!);
        }
        const nextOffset = offset + objects.length;
        const headers: Record<string, string> = {};
        if (nextOffset < total)
            headers[NEXT_TOKEN_HEADER] = Buffer.from(JSON.stringify({ o: nextOffset, f: feedType, top } satisfies FeedToken)).toString('base64url');
        const bundleId = `bundle--${uuid(`${feedType}:${lo}:${top}:${offset}`)}`;
        return { status: 200, body: { type: 'bundle', id: bundleId, spec_version: '2.0', objects }, headers };
    }
});

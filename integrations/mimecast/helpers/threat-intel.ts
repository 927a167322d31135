// The threat-intel feed's STIX 2.0 bundles: reading indicators, malware and relationships, and the
// pattern of an indicator (`[file:hashes.'SHA-256' = '…']`, `[url:value = '…']`).
// https://developer.services.mimecast.com/docs/threatsandsecurityeventsdata/1/routes/api/ttp/threat-intel/get-feed/post
import * as z from 'zod';

import { isObject, MimecastError } from './api.js';
import { toIsoUtc } from './dates.js';
import { optionalStrings, requiredString } from './records.js';

export const ThreatFeedType = z.enum(['malware_customer', 'malware_grid']);
export type ThreatFeedType = z.infer<typeof ThreatFeedType>;
export const THREAT_FEED_TYPES = ThreatFeedType.options;

/** The answer's header carrying the next page's token; absent on the last page. */
export const NEXT_TOKEN_HEADER = 'x-mc-threat-feed-next-token';
/** HTTP 200 with this fail[] code = the feed has nothing (more) for the request: an empty page. */
export const NO_RESULT_CODE = 'err_threat_intel_feed_no_result_found';

export const ThreatIndicator = z.object({
    /** The STIX id, e.g. `indicator--456ac916-…`. */
    id: z.string(),
    feedType: ThreatFeedType,
    /** The STIX pattern as Mimecast sent it. */
    pattern: z.string(),
    /** The value the pattern matches (a file hash, a URL, …); absent when the pattern is not a single comparison. */
    value: z.string().optional(),
    /** What the value is: the hash algorithm (`SHA-256`, `MD5`, …) or the STIX object type (`url`, `domain-name`, …). */
    type: z.string().optional(),
    labels: z.array(z.string()).optional(),
    created: z.string(),
    modified: z.string(),
    validFrom: z.string().optional(),
    /** STIX ids of the malware this indicator indicates (from relationships, across pages). */
    malwareIds: z.array(z.string()),
    /** Their names, where the malware object was seen and has one (Mimecast sends some without a name). */
    malwareNames: z.array(z.string())
});
export type ThreatIndicator = z.infer<typeof ThreatIndicator>;

export interface StixRelationship {
    id: string;
    source: string;
    target: string;
}

/** The objects of one bundle, sorted by kind; objects that are none of the three are ignored. */
export function readBundle(
    body: Record<string, unknown>,
    path: string
): { indicators: unknown[]; malware: Record<string, unknown>[]; relationships: Record<string, unknown>[] } {
    const objects = body['objects'];
    if (objects === undefined) {
        return { indicators: [], malware: [], relationships: [] };
    }
    if (!Array.isArray(objects)) {
        throw new MimecastError({ code: 'malformed_response', message: `${path} returned a bundle whose objects is not an array` });
    }
    const out: { indicators: unknown[]; malware: Record<string, unknown>[]; relationships: Record<string, unknown>[] } = {
        indicators: [],
        malware: [],
        relationships: []
    };
    for (const object of objects) {
        // Not an object at all: handed on with the indicators, so the record guard counts it as unreadable.
        if (!isObject(object)) out.indicators.push(object);
        else if (object['type'] === 'indicator') out.indicators.push(object);
        else if (object['type'] === 'malware') out.malware.push(object);
        else if (object['type'] === 'relationship') out.relationships.push(object);
    }
    return out;
}

/** An indicator record without its malware (filled in from relationships by the sync). */
export function toThreatIndicator(raw: Record<string, unknown>, feedType: ThreatFeedType): ThreatIndicator {
    const pattern = requiredString(raw, 'pattern');
    const parsed = parsePattern(pattern);
    const validFrom = raw['valid_from'];
    return {
        id: requiredString(raw, 'id'),
        feedType,
        pattern,
        value: parsed?.value,
        type: parsed?.type,
        labels: optionalStrings(raw, 'labels'),
        created: toIsoUtc(requiredString(raw, 'created')),
        modified: toIsoUtc(requiredString(raw, 'modified')),
        validFrom: typeof validFrom === 'string' && validFrom !== '' ? toIsoUtc(validFrom) : undefined,
        malwareIds: [],
        malwareNames: []
    };
}

/** An `indicates` relationship (indicator → malware); other kinds and unreadable ones are ignored. */
export function toRelationship(raw: Record<string, unknown>): StixRelationship | undefined {
    const source = raw['source_ref'];
    const target = raw['target_ref'];
    const kind = raw['relationship_type'];
    if (typeof source !== 'string' || typeof target !== 'string' || (kind !== undefined && kind !== 'indicates')) {
        return undefined;
    }
    return { id: typeof raw['id'] === 'string' ? raw['id'] : `${source}->${target}`, source, target };
}

const COMPARISON = /^\[\s*([a-z0-9-]+):([^\s=]+)\s*=\s*'((?:[^'\\]|\\.)*)'\s*\]$/i;

/** `[file:hashes.'SHA-256' = 'ab…']` → `{type: 'SHA-256', value: 'ab…'}`; `[url:value = 'http://…']` → `{type: 'url', value}`. */
export function parsePattern(pattern: string): { type: string; value: string } | undefined {
    const match = COMPARISON.exec(pattern.trim());
    if (!match) {
        return undefined;
    }
    const [, objectType = '', property = '', quoted = ''] = match;
    const value = quoted.replace(/\\(.)/g, '$1');
    const hash = /^hashes\.(?:'([^']+)'|"([^"]+)"|([A-Za-z0-9-]+))$/.exec(property);
    const type = objectType.toLowerCase() === 'file' && hash ? (hash[1] ?? hash[2] ?? hash[3] ?? 'hash') : objectType.toLowerCase();
    return { type, value };
}

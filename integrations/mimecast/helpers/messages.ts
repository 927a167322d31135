// Shared by the held-message, message-finder and remediation functions: request dates in the form
// Mimecast accepts (the inputs themselves are checked by helpers/inputs.ts), address flattening, and
// the one mapping of a remediation incident used by create-remediation-incident and get-remediation-incident.
// https://developer.services.mimecast.com/docs/threatsandsecurityeventsdata/1/routes/api/ttp/remediation/create/post
import * as z from 'zod';

import { isObject } from './api.js';
import { lenientIsoUtc, toIsoUtc, toMimecastDate } from './dates.js';
import { optionalNumber, optionalString, requiredString } from './records.js';

/** The request form of an input date (`YYYY-MM-DDTHH:MM:SS+0000`). */
export function toRequestDate(value: string): string {
    return toMimecastDate(toIsoUtc(value));
}

/** For a zod refine: true when both dates are given and `end` is before `start`. */
export function endBeforeStart(start: string | undefined, end: string | undefined): boolean {
    return start !== undefined && end !== undefined && Date.parse(toIsoUtc(end)) < Date.parse(toIsoUtc(start));
}

/** `{emailAddress, displayableName}` (or a bare string) as an address and a name. */
export function addressOf(value: unknown): { email: string | undefined; name: string | undefined } {
    if (typeof value === 'string') {
        return { email: value === '' ? undefined : value, name: undefined };
    }
    if (!isObject(value)) {
        return { email: undefined, name: undefined };
    }
    return { email: optionalString(value, 'emailAddress'), name: optionalString(value, 'displayableName') };
}

/**
 * The addresses of a list of `{emailAddress}` objects or strings, blanks dropped. A single object or
 * string is read as a list of one: message-finder `to` is an array in Mimecast's published answers,
 * while clients' test data also shows one object there.
 */
export function addressesOf(value: unknown): string[] {
    const list = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
    return list.map((v) => addressOf(v).email).filter((e): e is string => e !== undefined);
}

// ---------------------------------------------------------------------------------------------
// Remediation incidents

export const RemediationIncident = z.object({
    id: z.string(),
    code: z.string().optional(),
    /** e.g. manual, automatic, notification */
    type: z.string().optional(),
    reason: z.string().optional(),
    /** Messages found by the search criteria. */
    identified: z.number().optional(),
    /** Messages removed from mailboxes. */
    successful: z.number().optional(),
    failed: z.number().optional(),
    restored: z.number().optional(),
    created: z.string().optional(),
    modified: z.string().optional(),
    searchFileHash: z.string().optional(),
    searchMessageId: z.string().optional(),
    searchFrom: z.string().optional(),
    searchTo: z.string().optional(),
    searchStart: z.string().optional(),
    searchEnd: z.string().optional()
});
export type RemediationIncident = z.infer<typeof RemediationIncident>;

export function toRemediationIncident(raw: Record<string, unknown>): RemediationIncident {
    const criteria = isObject(raw['searchCriteria']) ? raw['searchCriteria'] : {};
    return {
        id: requiredString(raw, 'id'),
        code: optionalString(raw, 'code'),
        type: optionalString(raw, 'type'),
        reason: optionalString(raw, 'reason'),
        identified: optionalNumber(raw, 'identified'),
        successful: optionalNumber(raw, 'successful'),
        failed: optionalNumber(raw, 'failed'),
        restored: optionalNumber(raw, 'restored'),
        created: lenientIsoUtc(raw['create'] ?? raw['created']),
        modified: lenientIsoUtc(raw['modified']),
        searchFileHash: optionalString(criteria, 'fileHash'),
        searchMessageId: optionalString(criteria, 'messageId'),
        searchFrom: optionalString(criteria, 'from'),
        searchTo: optionalString(criteria, 'to'),
        searchStart: lenientIsoUtc(criteria['start']),
        searchEnd: lenientIsoUtc(criteria['end'])
    };
}

// API 2.0's policy-management REST family (`/policy-management/cloud-gateway/v1/...`): the paths, and the
// "policy target" (who a policy applies to on the sender or recipient side) in the shape this family takes:
// `{type, emailAddress | domain | groupId}`. Legacy `/api/policy/...` endpoints spell the domain `emailDomain`.
// https://developer.services.mimecast.com/docs/policymanagement/1
import * as z from 'zod';

import { callMimecastRest, isObject, pages } from './api.js';
import { isArray } from './builtins.js';
import type { MimecastNango } from './api.js';

import { toMimecastDate } from './dates.js';
import { dateTimeMs, domainName, emailAddress, freeText, groupId, isoDateTime } from './inputs.js';

const BASE = '/policy-management/cloud-gateway/v1';

export const BLOCKED_SENDER_POLICIES_PATH = `${BASE}/blocked-senders/policies`;
export const ANTI_SPOOFING_BYPASS_POLICIES_PATH = `${BASE}/anti-spoofing-bypass/policies`;

/** `{collection}/{id}` with the id encoded as one path segment. */
export function policyPath(collection: string, id: string): string {
    return `${collection}/${encodeURIComponent(id)}`;
}

export const POLICY_PAGE_SIZE = 100;
/** Keys a list's records sit under, in the order tried (public clients of this family read both). */
const LIST_KEYS = ['policies', 'definitions'];

export interface PolicyPage {
    records: unknown[];
    next: string | undefined;
    headers: Record<string, string>;
}

/**
 * Every page of one policy-management list, through the one pager: GET with `pageSize`/`pageToken` in the
 * query, the records under `policies` (or `definitions`), the next token in `meta.pagination.next`. A token
 * seen twice ends the walk, so a server that repeats itself cannot loop a sync forever.
 */
export async function* policyManagementPages(nango: MimecastNango, path: string): AsyncGenerator<PolicyPage> {
    const seen = new Set<string>();
    const listing = pages<PolicyPage>({
        request: async (pageToken) => {
            const { body, headers } = await callMimecastRest(nango, {
                method: 'GET',
                path,
                params: { pageSize: POLICY_PAGE_SIZE, ...(pageToken ? { pageToken } : {}) }
            });
            const records = LIST_KEYS.map((k) => body?.[k]).find(isArray) ?? [];
            const meta = body && isObject(body['meta']) ? body['meta'] : {};
            const pagination = isObject(meta['pagination']) ? meta['pagination'] : {};
            const next = typeof pagination['next'] === 'string' && pagination['next'] !== '' ? pagination['next'] : undefined;
            return { records, next, headers };
        },
        cursor: (page) => page.next,
        isLast: (page, cursor) => {
            const repeated = cursor !== undefined && seen.has(cursor);
            if (cursor !== undefined) {
                seen.add(cursor);
            }
            return cursor === undefined || page.records.length === 0 || repeated;
        }
    });
    for await (const { page } of listing) {
        yield page;
    }
}

/** The most SPF domains one anti-spoofing bypass policy takes here (bounds the request). */
export const MAX_SPF_DOMAINS = 50;

/** Who a policy targets; the value kinds that need a fromValue / toValue. */
export const TargetType = z.enum(['everyone', 'internal_addresses', 'external_addresses', 'email_domain', 'profile_group', 'individual_email_address']);
export type TargetType = z.infer<typeof TargetType>;
const VALUE_KEY: Partial<Record<TargetType, 'domain' | 'emailAddress' | 'groupId'>> = {
    email_domain: 'domain',
    individual_email_address: 'emailAddress',
    profile_group: 'groupId'
};

/** What a value of each kind must be: the shared blocks, so a policy's domain is checked like any other. */
const VALUE_SCHEMA = { domain: domainName, emailAddress, groupId };

/** A fromValue / toValue before its type is known: bounded one-line text; checkTargetValue then checks its kind. */
export const policyTargetValue = freeText(1024).describe(
    'the domain (email_domain), address (individual_email_address) or group id (profile_group) the side matches; at most 1024 characters'
);

/** The REST target object for a type and its value. */
export function policyTarget(type: TargetType, value: string | undefined): Record<string, string> {
    const key = VALUE_KEY[type];
    return key && value !== undefined ? { type, [key]: value } : { type };
}

/** For a zod superRefine: a value exactly when the type needs one, of the right kind. */
export function checkTargetValue(ctx: z.RefinementCtx, field: string, type: TargetType | undefined, value: string | undefined): void {
    if (type === undefined) {
        if (value !== undefined) {
            ctx.addIssue({ code: 'custom', path: [field], message: `needs ${field.replace('Value', 'Type')} as well` });
        }
        return;
    }
    const key = VALUE_KEY[type];
    if (!key) {
        if (value !== undefined) {
            ctx.addIssue({ code: 'custom', path: [field], message: `must be omitted when the type is ${type}` });
        }
        return;
    }
    if (value === undefined) {
        ctx.addIssue({ code: 'custom', path: [field], message: `is required when the type is ${type}` });
        return;
    }
    const parsed = VALUE_SCHEMA[key].safeParse(value);
    if (!parsed.success) {
        ctx.addIssue({ code: 'custom', path: [field], message: `${parsed.error.issues[0]?.message ?? 'is not valid'} (the type is ${type})` });
    }
}

// The fields the Cloud Gateway policies of this family share, as action inputs, and the one way to check
// them and to build the REST body of a create or a change (blocked senders, anti-spoofing bypass).

/** Which sender address a policy examines. */
export const FromPart = z.enum(['envelope_from', 'header_from', 'both']);

/** Every shared field, optional: what a change (PATCH) may carry besides its id and option. */
export const policyChangeFields = {
    description: freeText(200).optional(),
    fromPart: FromPart.optional(),
    fromType: TargetType.optional(),
    fromValue: policyTargetValue.optional(),
    toType: TargetType.optional(),
    toValue: policyTargetValue.optional(),
    bidirectional: z.boolean().optional(),
    enabled: z.boolean().optional(),
    enforced: z.boolean().optional(),
    override: z.boolean().optional(),
    comment: freeText(1000).optional(),
    /** Start of the policy (ISO 8601); a create without it has no start date, in force always (fromEternal). */
    fromDate: isoDateTime.optional(),
    /** End of the policy (ISO 8601); a create without it never expires (toEternal). */
    toDate: isoDateTime.optional()
};

/** The shared fields of a create: a description and both sides required, the rest optional. */
export const policyCreateFields = {
    ...policyChangeFields,
    description: freeText(200),
    fromType: TargetType,
    toType: TargetType
};

/** A create or change as parsed (the shared fields, the option, and the fields of one policy kind). */
export interface PolicyFields {
    id?: string | undefined;
    description?: string | undefined;
    option?: string | undefined;
    fromPart?: z.infer<typeof FromPart> | undefined;
    fromType?: TargetType | undefined;
    fromValue?: string | undefined;
    toType?: TargetType | undefined;
    toValue?: string | undefined;
    spfDomains?: string[] | undefined;
    bidirectional?: boolean | undefined;
    enabled?: boolean | undefined;
    enforced?: boolean | undefined;
    override?: boolean | undefined;
    comment?: string | undefined;
    fromDate?: string | undefined;
    toDate?: string | undefined;
}

/**
 * For a zod superRefine: each side's value fits its type and toDate is after fromDate; a change (`change`
 * true) must name something to change besides its id.
 */
export function checkPolicy(ctx: z.RefinementCtx, input: PolicyFields, change: boolean): void {
    if (change) {
        const { id: _id, ...changes } = input;
        if (Object.values(changes).every((v) => v === undefined)) {
            ctx.addIssue({ code: 'custom', path: ['input'], message: 'give at least one field to change besides id' });
        }
    }
    checkTargetValue(ctx, 'fromValue', input.fromType, input.fromValue);
    checkTargetValue(ctx, 'toValue', input.toType, input.toValue);
    if (input.fromDate && input.toDate && dateTimeMs(input.toDate) <= dateTimeMs(input.fromDate)) {
        ctx.addIssue({ code: 'custom', path: ['toDate'], message: 'must be after fromDate' });
    }
}

/**
 * The REST body: the fields given, sides as policy targets, dates in Mimecast's form. A create says an
 * open end is eternal (`fromEternal`/`toEternal`); a change only says so for a date it sets.
 */
export function policyBody(input: PolicyFields, change: boolean): Record<string, unknown> {
    const body: Record<string, unknown> = {
        description: input.description,
        option: input.option,
        fromPart: input.fromPart,
        from: input.fromType ? policyTarget(input.fromType, input.fromValue) : undefined,
        to: input.toType ? policyTarget(input.toType, input.toValue) : undefined,
        spfDomains: input.spfDomains,
        bidirectional: input.bidirectional,
        enabled: input.enabled,
        enforced: input.enforced,
        override: input.override,
        comment: input.comment,
        fromDate: input.fromDate ? toMimecastDate(input.fromDate) : undefined,
        fromEternal: change ? (input.fromDate ? false : undefined) : input.fromDate === undefined,
        toDate: input.toDate ? toMimecastDate(input.toDate) : undefined,
        toEternal: change ? (input.toDate ? false : undefined) : input.toDate === undefined
    };
    return Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined));
}

/** What both update actions answer. */
export const PolicyChangeOutput = z.object({
    id: z.string(),
    updated: z.boolean(),
    /** The fields sent to Mimecast. */
    changed: z.array(z.string())
});

/** PATCHes one policy of `collection` with `body`; Mimecast answers 204 with no body. */
export async function changePolicy(
    nango: MimecastNango,
    collection: string,
    id: string,
    body: Record<string, unknown>
): Promise<z.infer<typeof PolicyChangeOutput>> {
    await callMimecastRest(nango, { method: 'PATCH', path: policyPath(collection, id), body });
    return { id, updated: true, changed: Object.keys(body) };
}

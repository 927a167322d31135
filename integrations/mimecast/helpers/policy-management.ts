// API 2.0's policy-management REST family (`/policy-management/cloud-gateway/v1/...`): the paths, and the
// "policy target" (who a policy applies to on the sender or recipient side) in the shape this family takes:
// `{type, emailAddress | domain | groupId}`. Legacy `/api/policy/...` endpoints spell the domain `emailDomain`.
// https://developer.services.mimecast.com/docs/policymanagement/1
import * as z from 'zod';

import { callMimecastRest, isObject } from './api.js';
import type { MimecastNango } from './api.js';

import { domainName, emailAddress, freeText, groupId } from './inputs.js';

const BASE = '/policy-management/cloud-gateway/v1';

export const BLOCKED_SENDER_POLICIES_PATH = `${BASE}/blocked-senders/policies`;
export const ANTI_SPOOFING_BYPASS_POLICIES_PATH = `${BASE}/anti-spoofing-bypass/policies`;

/** `{collection}/{id}` with the id encoded as one path segment. */
export function policyPath(collection: string, id: string): string {
    return `${collection}/${encodeURIComponent(id)}`;
}

export const POLICY_PAGE_SIZE = 100;
/** Keys a list's records sit under, in the order tried (public clients of this family read both). */
const LIST_KEYS = ['policies', 'definitions'] as const;

export interface PolicyPage {
    records: unknown[];
    next: string | undefined;
}

/**
 * Every page of one policy-management list: GET with `pageSize`/`pageToken` in the query, the records
 * under `policies` (or `definitions`), the next token in `meta.pagination.next`. A token seen twice ends
 * the walk, so a server that repeats itself cannot loop a sync forever.
 */
export async function* policyManagementPages(nango: MimecastNango, path: string): AsyncGenerator<PolicyPage> {
    let pageToken: string | undefined;
    const seen = new Set<string>();
    for (;;) {
        const { body } = await callMimecastRest(nango, { method: 'GET', path, params: { pageSize: POLICY_PAGE_SIZE, ...(pageToken ? { pageToken } : {}) } });
        const key = body ? LIST_KEYS.find((k) => Array.isArray(body[k])) : undefined;
        const meta = body && isObject(body['meta']) ? body['meta'] : {};
        const pagination = isObject(meta['pagination']) ? meta['pagination'] : {};
        const next = typeof pagination['next'] === 'string' && pagination['next'] !== '' ? pagination['next'] : undefined;
        const page: PolicyPage = { records: body && key ? (body[key] as unknown[]) : [], next };
        yield page;
        if (!page.next || page.records.length === 0 || seen.has(page.next)) {
            return;
        }
        seen.add(page.next);
        pageToken = page.next;
    }
}

/** The most SPF domains one anti-spoofing bypass policy takes here (bounds the request). */
export const MAX_SPF_DOMAINS = 50;

/** Who a policy targets; the value kinds that need a fromValue / toValue. */
export const TARGET_TYPES = ['everyone', 'internal_addresses', 'external_addresses', 'email_domain', 'profile_group', 'individual_email_address'] as const;
export type TargetType = (typeof TARGET_TYPES)[number];
const VALUE_KEY: Partial<Record<TargetType, 'domain' | 'emailAddress' | 'groupId'>> = {
    email_domain: 'domain',
    individual_email_address: 'emailAddress',
    profile_group: 'groupId'
};

/** What a value of each kind must be: the shared blocks, so a policy's domain is checked like any other. */
const VALUE_SCHEMA = { domain: domainName, emailAddress, groupId } as const;

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

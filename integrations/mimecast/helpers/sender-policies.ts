// Blocked-sender policies: Mimecast's vocabulary (enums) and one mapping shared by the
// `blocked-sender-policies` sync and the `create-blocked-sender-policy` action.
// https://developer.services.mimecast.com/docs/policymanagement/1/routes/api/policy/blockedsenders/get-policy/post
import * as z from 'zod';

import { callMimecast, callMimecastRest, isObject, MimecastError } from './api.js';
import type { MimecastNango } from './api.js';
import { lenientIsoUtc } from './dates.js';
import { optionalBoolean, optionalString, requiredString } from './records.js';
import { requestSignerFor } from './signing.js';

/** What the policy does to matching mail. */
export const PolicyOption = z.enum(['no_action', 'block_sender']);
/** Who the policy applies to, on the sender side. */
export const FromType = z.enum([
    'everyone',
    'internal_addresses',
    'external_addresses',
    'email_domain',
    'profile_group',
    'address_attribute_value',
    'individual_email_address',
    'free_mail_domains',
    'header_display_name'
]);
/** Who the policy applies to, on the recipient side. */
export const ToType = z.enum([
    'everyone',
    'internal_addresses',
    'external_addresses',
    'email_domain',
    'profile_group',
    'address_attribute_value',
    'individual_email_address'
]);

/** Types that need a value (fromValue / toValue), and what that value is. */
export const VALUE_KIND: Partial<Record<z.infer<typeof FromType>, 'email' | 'domain' | 'text'>> = {
    email_domain: 'domain',
    individual_email_address: 'email',
    profile_group: 'text',
    address_attribute_value: 'text',
    header_display_name: 'text'
};

/** A blocked-sender policy flattened for an analyst, as the sync saves it and the create action returns it. */
export const BlockedSenderPolicy = z.object({
    id: z.string(),
    description: z.string().optional(),
    /** block_sender or no_action. */
    option: z.string().optional(),
    /** envelope_from, header_from or both. */
    fromPart: z.string().optional(),
    /** everyone, internal_addresses, external_addresses, email_domain, individual_email_address, ... */
    fromType: z.string().optional(),
    /** The address, domain or group id the sender side matches (absent for everyone, internal_addresses, ...). */
    fromValue: z.string().optional(),
    toType: z.string().optional(),
    toValue: z.string().optional(),
    bidirectional: z.boolean().optional(),
    enabled: z.boolean().optional(),
    enforced: z.boolean().optional(),
    override: z.boolean().optional(),
    comment: z.string().optional(),
    /** Start of the policy; absent when it has always applied. */
    fromDate: z.string().optional(),
    /** End of the policy; absent when it never expires. */
    toDate: z.string().optional(),
    createTime: z.string().optional(),
    lastUpdated: z.string().optional()
});
export type BlockedSenderPolicy = z.infer<typeof BlockedSenderPolicy>;

/**
 * `{id, option, policy:{...}}` flattened for an analyst. The value of from/to sits either in
 * `fromValue`/`toValue` or in the `from`/`to` objects (`emailAddress`, `emailDomain`, `groupId`, ...).
 * Open-ended dates (1900-01-01 / 2100-01-01, or *Eternal: true) mean "none" and are omitted.
 * createTime/lastUpdated appear inside `policy` in Mimecast's answers; the top level is read too.
 */
export function toBlockedSenderPolicy(raw: Record<string, unknown>): BlockedSenderPolicy {
    const policy = isObject(raw['policy']) ? raw['policy'] : {};
    return {
        id: requiredString(raw, 'id'),
        description: optionalString(policy, 'description'),
        option: optionalString(raw, 'option'),
        fromPart: optionalString(policy, 'fromPart'),
        fromType: optionalString(policy, 'fromType') ?? targetType(policy['from']),
        fromValue: optionalString(policy, 'fromValue') ?? targetValue(policy['from']),
        toType: optionalString(policy, 'toType') ?? targetType(policy['to']),
        toValue: optionalString(policy, 'toValue') ?? targetValue(policy['to']),
        bidirectional: optionalBoolean(policy, 'bidirectional'),
        enabled: optionalBoolean(policy, 'enabled'),
        enforced: optionalBoolean(policy, 'enforced'),
        override: optionalBoolean(policy, 'override'),
        comment: optionalString(policy, 'comment'),
        fromDate: policy['fromEternal'] === true ? undefined : lenientIsoUtc(policy['fromDate']),
        toDate: policy['toEternal'] === true ? undefined : lenientIsoUtc(policy['toDate']),
        createTime: lenientIsoUtc(policy['createTime'] ?? raw['createTime']),
        lastUpdated: lenientIsoUtc(policy['lastUpdated'] ?? raw['lastUpdated'])
    };
}

function targetType(target: unknown): string | undefined {
    return isObject(target) ? optionalString(target, 'type') : undefined;
}

function targetValue(target: unknown): string | undefined {
    if (!isObject(target)) {
        return undefined;
    }
    for (const key of ['emailAddress', 'emailDomain', 'groupId', 'attribute', 'displayName', 'value']) {
        const value = optionalString(target, key);
        if (value !== undefined) {
            return value;
        }
    }
    return undefined;
}

// ---------------------------------------------------------------------------------------------
// Deleting a policy: API 2.0 and API 1.0 differ here. `delete-policy` is an API 1.0 endpoint, absent
// from the API 2.0 catalogue; API 2.0 deletes through the policy-management family by path.
// https://developer.services.mimecast.com/docs/policymanagement/1/routes/policy-management/cloud-gateway/v1/blocked-senders/policies/{id}/delete

/** API 1.0 only: `{"data":[{"id"}]}` → `data[0].id`. */
export const DELETE_POLICY_V1_PATH = '/api/policy/blockedsenders/delete-policy';

/** API 2.0: `DELETE` this path answers 204 (or 200), no body needed. */
export function blockedSenderPolicyPath(id: string): string {
    return `/policy-management/cloud-gateway/v1/blocked-senders/policies/${encodeURIComponent(id)}`;
}

/**
 * Deletes one policy with the endpoint the connection's API generation has: a signed (API 1.0,
 * `mimecast-api-v1`) connection posts to delete-policy, an API 2.0 connection sends the DELETE.
 * Resolves only when Mimecast confirmed the deletion; anything else throws a MimecastError.
 */
export async function deleteBlockedSenderPolicy(nango: MimecastNango, id: string): Promise<void> {
    let apiV1: boolean;
    // @allowTryCatch: an unusable API 1.0 key setup becomes Mimecast's invalid_connection error, named
    try {
        // The same decision the transport makes: a connection with API 1.0 keys is signed.
        apiV1 = (await requestSignerFor(nango)) !== undefined;
    } catch (err) {
        throw new MimecastError({ code: 'invalid_connection', message: err instanceof Error ? err.message : String(err) });
    }
    if (!apiV1) {
        await callMimecastRest(nango, { method: 'DELETE', path: blockedSenderPolicyPath(id) });
        return;
    }
    // API 1.0 answers data[0].id on success; an unknown id has been seen as meta.status 404 inside
    // HTTP 200 with an empty data[] (callMimecast raises it). An answer naming no id is not a success.
    const page = await callMimecast(nango, { path: DELETE_POLICY_V1_PATH, data: { id } });
    const first = page.data[0];
    if (!isObject(first) || first['id'] !== id) {
        throw new MimecastError({ code: 'err_policy_not_deleted', message: `Mimecast did not confirm the deletion of policy ${id}`, field: 'id' });
    }
}

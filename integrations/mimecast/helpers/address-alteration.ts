// Address-alteration policies (API 2.0 keeps them on the envelope endpoints `/api/policy/address-alteration/*`):
// a policy applies an address alteration set (a folder of rewrite definitions) to a sender/recipient scope.
// The legacy target shape spells the domain `emailDomain`. One request body and one mapping for the three actions.
// https://developer.services.mimecast.com/docs/policymanagement/1/routes/api/policy/address-alteration/get-policy/post
import * as z from 'zod';

import { callMimecast, firstItem, isObject } from './api.js';
import type { MimecastNango } from './api.js';
import { optionalIsoUtc } from './dates.js';
import { policyBody } from './policy-management.js';
import type { PolicyFields, TargetType } from './policy-management.js';
import { optionalBoolean, optionalString, requiredString } from './records.js';

export const ADDRESS_ALTERATION_PATHS = Object.freeze({
    create: '/api/policy/address-alteration/create-policy',
    update: '/api/policy/address-alteration/update-policy',
    delete: '/api/policy/address-alteration/delete-policy'
});

/** A policy's source-IP condition holds a handful of ranges; 100 bounds the request. */
export const MAX_SOURCE_RANGES = 100;

const LEGACY_KEY: Partial<Record<TargetType, string>> = { email_domain: 'emailDomain', individual_email_address: 'emailAddress', profile_group: 'groupId' };

/** The legacy target object for a type and its value. */
export function legacyTarget(type: TargetType, value: string | undefined): Record<string, string> {
    const key = LEGACY_KEY[type];
    return key && value !== undefined ? { type, [key]: value } : { type };
}

/** What a create or an update of an address-alteration policy carries: the shared policy fields and its source-IP condition. */
export interface AlterationPolicyFields extends PolicyFields {
    sourceIPs?: string[] | undefined;
}

/**
 * The `policy` object of a create-policy or update-policy request: the body every policy of the family
 * takes (policy-management.ts policyBody: an open end is eternal on a create, a date set on an update ends
 * eternity on its side), with the sides in the legacy target shape and the source-IP condition.
 */
export function alterationPolicyBody(input: AlterationPolicyFields, create: boolean): Record<string, unknown> {
    const body = policyBody(input, !create);
    if (input.fromType) body['from'] = legacyTarget(input.fromType, input.fromValue);
    if (input.toType) body['to'] = legacyTarget(input.toType, input.toValue);
    if (input.sourceIPs) body['conditions'] = { sourceIPs: input.sourceIPs };
    return body;
}

export const AddressAlterationPolicy = z.object({
    id: z.string(),
    addressAlterationSetId: z.string().optional(),
    description: z.string().optional(),
    fromPart: z.string().optional(),
    fromType: z.string().optional(),
    fromValue: z.string().optional(),
    toType: z.string().optional(),
    toValue: z.string().optional(),
    /** Only mail from these source IP ranges (CIDR). */
    sourceIPs: z.array(z.string()),
    enabled: z.boolean().optional(),
    enforced: z.boolean().optional(),
    override: z.boolean().optional(),
    bidirectional: z.boolean().optional(),
    comment: z.string().optional(),
    /** Absent when the policy has always applied. */
    fromDate: z.string().optional(),
    /** Absent when it never expires. */
    toDate: z.string().optional(),
    lastUpdated: z.string().optional()
});
export type AddressAlterationPolicy = z.infer<typeof AddressAlterationPolicy>;

/** `{id, addressAlterationSetId?, policy:{...}}` flattened; open-ended 1900/2100 dates are omitted. */
export function toAddressAlterationPolicy(raw: Record<string, unknown>): AddressAlterationPolicy {
    const policy = isObject(raw['policy']) ? raw['policy'] : {};
    const conditions = isObject(policy['conditions']) ? policy['conditions'] : {};
    const target = (side: unknown): { type?: string | undefined; value?: string | undefined } => {
        if (!isObject(side)) return {};
        const value = ['emailDomain', 'emailAddress', 'groupId', 'domain'].map((k) => optionalString(side, k)).find((v) => v !== undefined);
        return { type: optionalString(side, 'type'), value };
    };
    const from = target(policy['from']);
    const to = target(policy['to']);
    return {
        id: requiredString(raw, 'id'),
        addressAlterationSetId: optionalString(raw, 'addressAlterationSetId'),
        description: optionalString(policy, 'description'),
        fromPart: optionalString(policy, 'fromPart'),
        fromType: optionalString(policy, 'fromType') ?? from.type,
        fromValue: optionalString(policy, 'fromValue') ?? from.value,
        toType: optionalString(policy, 'toType') ?? to.type,
        toValue: optionalString(policy, 'toValue') ?? to.value,
        sourceIPs: Array.isArray(conditions['sourceIPs']) ? conditions['sourceIPs'].filter((s): s is string => typeof s === 'string') : [],
        enabled: optionalBoolean(policy, 'enabled'),
        enforced: optionalBoolean(policy, 'enforced'),
        override: optionalBoolean(policy, 'override'),
        bidirectional: optionalBoolean(policy, 'bidirectional'),
        comment: optionalString(policy, 'comment'),
        fromDate: policy['fromEternal'] === true ? undefined : optionalIsoUtc(policy['fromDate']),
        toDate: policy['toEternal'] === true ? undefined : optionalIsoUtc(policy['toDate']),
        lastUpdated: optionalIsoUtc(policy['lastUpdated'])
    };
}

/** Sends a create-policy or update-policy request and reads the policy Mimecast answers with (`data[0]`). */
export async function sendAlterationPolicy(
    nango: MimecastNango,
    path: (typeof ADDRESS_ALTERATION_PATHS)['create' | 'update'],
    data: Record<string, unknown>
): Promise<AddressAlterationPolicy> {
    const page = await callMimecast(nango, { path, data });
    return toAddressAlterationPolicy(firstItem(page, path));
}

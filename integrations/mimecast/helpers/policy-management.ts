// API 2.0's policy-management REST family (`/policy-management/cloud-gateway/v1/...`): the paths, and the
// "policy target" (who a policy applies to on the sender or recipient side) in the shape this family takes:
// `{type, emailAddress | domain | groupId}`. Legacy `/api/policy/...` endpoints spell the domain `emailDomain`.
// https://developer.services.mimecast.com/docs/policymanagement/1
import * as z from 'zod';

const BASE = '/policy-management/cloud-gateway/v1';

export const BLOCKED_SENDER_POLICIES_PATH = `${BASE}/blocked-senders/policies`;
export const ANTI_SPOOFING_BYPASS_POLICIES_PATH = `${BASE}/anti-spoofing-bypass/policies`;

/** `{collection}/{id}` with the id encoded as one path segment. */
export function policyPath(collection: string, id: string): string {
    return `${collection}/${encodeURIComponent(id)}`;
}

/** Who a policy targets; the value kinds that need a fromValue / toValue. */
export const TARGET_TYPES = ['everyone', 'internal_addresses', 'external_addresses', 'email_domain', 'profile_group', 'individual_email_address'] as const;
export type TargetType = (typeof TARGET_TYPES)[number];
const VALUE_KEY: Partial<Record<TargetType, 'domain' | 'emailAddress' | 'groupId'>> = {
    email_domain: 'domain',
    individual_email_address: 'emailAddress',
    profile_group: 'groupId'
};

const DOMAIN = /^(?=.{1,253}$)(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$/;
const GROUP_ID = /^[A-Za-z0-9_\-:.=+/]{1,1024}$/;

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
    } else if (key === 'emailAddress' && (!z.email().safeParse(value).success || value.length > 254 || (value.split('@')[0] ?? '').length > 64)) {
        ctx.addIssue({ code: 'custom', path: [field], message: 'must be an email address like user@example.com (at most 64 characters before the @, 254 in all)' });
    } else if (key === 'domain' && !DOMAIN.test(value)) {
        ctx.addIssue({ code: 'custom', path: [field], message: 'must be a domain name like example.com' });
    } else if (key === 'groupId' && !GROUP_ID.test(value)) {
        ctx.addIssue({ code: 'custom', path: [field], message: 'must be a Mimecast group id' });
    }
}

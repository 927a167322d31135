// Blocked-sender policies: get-policy lists them (flat data[] of {id, option, policy}), create-policy
// adds one; API 2.0 deletes with DELETE /policy-management/cloud-gateway/v1/blocked-senders/policies/{id}
// (204, no body), API 1.0 with delete-policy (signed calls only: it is not in the API 2.0 catalogue).
// State is per simulator instance.
// Open-ended policies carry Mimecast's placeholder dates 1900-01-01 / 2100-01-01, as the real API does.
import { mintId } from '../data.js';

import { Validator, fail, formatDate, ok, openPage, pageMeta, type FailError, type Item } from '../envelope.js';
import { defineEndpoint, type Endpoint, type HandlerContext } from '../router.js';

const OPTIONS = ['no_action', 'block_sender'] as const;
const FROM_PARTS = ['envelope_from', 'header_from', 'both'] as const;
const FROM_TYPES = [
    'everyone',
    'internal_addresses',
    'external_addresses',
    'email_domain',
    'profile_group',
    'address_attribute_value',
    'individual_email_address',
    'free_mail_domains',
    'header_display_name'
] as const;
const TO_TYPES = [
    'everyone',
    'internal_addresses',
    'external_addresses',
    'email_domain',
    'profile_group',
    'address_attribute_value',
    'individual_email_address'
] as const;
/** Where the value of each type sits in the `from`/`to` object. */
const VALUE_KEY: Record<string, string> = {
    email_domain: 'emailDomain',
    individual_email_address: 'emailAddress',
    profile_group: 'groupId',
    address_attribute_value: 'attribute',
    header_display_name: 'displayName'
};
const NO_START = '1900-01-01T00:00:00+0000';
const NO_END = '2100-01-01T23:59:59+0000';
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export interface BlockedSenderPolicy {
    id: string;
    option: string;
    policy: Record<string, unknown>;
}

interface Spec {
    description: string;
    option: string;
    fromPart?: string;
    fromType: string;
    fromValue?: string;
    toType: string;
    toValue?: string;
    bidirectional?: boolean;
    enabled?: boolean;
    enforced?: boolean;
    override?: boolean;
    comment?: string;
    fromDate?: number;
    toDate?: number;
}

const SEED: Spec[] = [
    {
        description: 'Block known invoice-fraud domain',
        option: 'block_sender',
        fromPart: 'both',
        fromType: 'email_domain',
        fromValue: 'invoice-fraud.example.net',
        toType: 'everyone'
    },
    {
        description: 'Block free mail to finance',
        option: 'block_sender',
        fromType: 'free_mail_domains',
        toType: 'email_domain',
        toValue: 'simulated-tenant.example',
        comment: 'Finance only accepts corporate senders'
    },
    {
        description: 'Exception for payroll provider',
        option: 'no_action',
        fromType: 'individual_email_address',
        fromValue: 'payroll@provider.example.com',
        toType: 'internal_addresses',
        fromDate: Date.UTC(2026, 0, 1),
        toDate: Date.UTC(2026, 11, 31, 23, 59, 59)
    }
];

function target(type: string, value: string | undefined): Record<string, unknown> {
    const key = VALUE_KEY[type];
    return key && value !== undefined ? { type, [key]: value } : { type };
}

function build(seed: number, spec: Spec, now: number): BlockedSenderPolicy {
    const id = mintId('eNo1', `${seed}|blockedSenderPolicy|${JSON.stringify(spec)}|${now}`, 60);
    const policy: Record<string, unknown> = {
        description: spec.description,
        fromPart: spec.fromPart ?? 'envelope_from',
        from: target(spec.fromType, spec.fromValue),
        to: target(spec.toType, spec.toValue),
        fromType: spec.fromType,
        ...(spec.fromValue !== undefined ? { fromValue: spec.fromValue } : {}),
        toType: spec.toType,
        ...(spec.toValue !== undefined ? { toValue: spec.toValue } : {}),
        fromEternal: spec.fromDate === undefined,
        toEternal: spec.toDate === undefined,
        fromDate: spec.fromDate === undefined ? NO_START : formatDate(spec.fromDate),
        toDate: spec.toDate === undefined ? NO_END : formatDate(spec.toDate),
        override: spec.override ?? false,
        bidirectional: spec.bidirectional ?? false,
        conditions: {},
        enabled: spec.enabled ?? true,
        enforced: spec.enforced ?? false,
        ...(spec.comment !== undefined ? { comment: spec.comment } : {}),
        createTime: formatDate(now),
        lastUpdated: formatDate(now)
    };
    return { id, option: spec.option, policy };
}

export function policies(ctx: HandlerContext): Map<string, BlockedSenderPolicy> {
    return ctx.state('blockedSenderPolicies', () => {
        const map = new Map<string, BlockedSenderPolicy>();
        // Seeded policies were created a while before the simulator started.
        SEED.forEach((spec, i) => {
            const p = build(ctx.seed, spec, Date.UTC(2025, 5, 1 + i, 9, 30));
            map.set(p.id, p);
        });
        return map;
    });
}

/** Validates `{option, policy:{...}}`; errors on the policy name `policy.<field>`. */
function readSpec(item: Item): Spec | FailError[] {
    const top = new Validator(item);
    const option = top.string('option', { required: true, oneOf: OPTIONS });
    const rawPolicy = item['policy'];
    if (typeof rawPolicy !== 'object' || rawPolicy === null || Array.isArray(rawPolicy)) {
        top.add('policy', 'err_validation_missing', 'policy is required');
        return top.errors;
    }
    const v = new Validator(rawPolicy as Item);
    const description = v.string('description', { required: true });
    const fromPart = v.string('fromPart', { oneOf: FROM_PARTS });
    const fromType = v.string('fromType', { required: true, oneOf: FROM_TYPES });
    const fromValue = v.string('fromValue');
    const toType = v.string('toType', { required: true, oneOf: TO_TYPES });
    const toValue = v.string('toValue');
    const bidirectional = v.boolean('bidirectional');
    const enabled = v.boolean('enabled');
    const enforced = v.boolean('enforced');
    const override = v.boolean('override');
    const comment = v.string('comment');
    const fromEternal = v.boolean('fromEternal');
    const toEternal = v.boolean('toEternal');
    const fromDate = v.date('fromDate');
    const toDate = v.date('toDate');
    v.dateOrder('fromDate', fromDate, 'toDate', toDate);
    for (const [field, type, value] of [
        ['fromValue', fromType, fromValue],
        ['toValue', toType, toValue]
    ] as const) {
        if (type === undefined) continue;
        if (VALUE_KEY[type] && value === undefined) v.add(field, 'err_validation_missing', `${field} is required when the type is ${type}`);
        if (type === 'individual_email_address' && value !== undefined && !EMAIL.test(value))
            v.add(field, 'err_validation_invalid_email_address', 'Email address is not valid');
    }
    const errors = [...top.errors, ...v.errors.map((e) => ({ ...e, field: `policy.${e.field}`, message: `policy.${e.message}` }))];
    if (errors.length > 0 || option === undefined || description === undefined || fromType === undefined || toType === undefined) return errors;
    return {
        description,
        option,
        fromType,
        toType,
        ...(fromPart !== undefined ? { fromPart } : {}),
        ...(fromValue !== undefined && VALUE_KEY[fromType] ? { fromValue } : {}),
        ...(toValue !== undefined && VALUE_KEY[toType] ? { toValue } : {}),
        ...(bidirectional !== undefined ? { bidirectional } : {}),
        ...(enabled !== undefined ? { enabled } : {}),
        ...(enforced !== undefined ? { enforced } : {}),
        ...(override !== undefined ? { override } : {}),
        ...(comment !== undefined ? { comment } : {}),
        ...(fromDate !== undefined && fromEternal !== true ? { fromDate } : {}),
        ...(toDate !== undefined && toEternal !== true ? { toDate } : {})
    };
}

const getPolicy = defineEndpoint({
    path: '/api/policy/blockedsenders/get-policy',
    handle(ctx) {
        const v = new Validator(ctx.item);
        const id = v.string('id');
        if (!v.ok) return v.fail();
        const page = openPage(ctx.request, ctx.path, ctx.item, 500);
        if ('code' in page) return fail(ctx.item, [page]);
        const all = [...policies(ctx).values()].filter((p) => id === undefined || p.id === id);
        return ok(all.slice(page.offset, page.offset + page.pageSize), pageMeta(page, all.length));
    }
});

const createPolicy = defineEndpoint({
    path: '/api/policy/blockedsenders/create-policy',
    handle(ctx) {
        const spec = readSpec(ctx.item);
        if (Array.isArray(spec)) return fail(ctx.item, spec);
        const created = build(ctx.seed, spec, ctx.now);
        const store = policies(ctx);
        // Same content created twice in the same second: keep ids unique.
        let id = created.id;
        for (let n = 1; store.has(id); n++) id = `${created.id}${n}`;
        const policy = { ...created, id };
        store.set(id, policy);
        return ok([policy]);
    }
});

/**
 * API 1.0 only. An unknown id answers like Mimecast was seen to: meta.status 404 inside HTTP 200, empty
 * data and fail. A bearer-token (API 2.0) call gets 404: the route is absent from the API 2.0 catalogue.
 */
const deletePolicy = defineEndpoint({
    path: '/api/policy/blockedsenders/delete-policy',
    apiV1Only: true,
    handle(ctx) {
        const v = new Validator(ctx.item);
        const id = v.string('id', { required: true });
        if (!v.ok || id === undefined) return v.fail();
        if (!policies(ctx).delete(id)) return { status: 200, body: { meta: { status: 404 }, data: [], fail: [] } };
        return ok([{ id }]);
    }
});

export const blockedSenderPolicyEndpoints: readonly Endpoint[] = [getPolicy, createPolicy, deletePolicy];
export default blockedSenderPolicyEndpoints;

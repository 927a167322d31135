// Address-alteration policies on the envelope endpoints: get-policy (flat data[] of {id,
// addressAlterationSetId, policy}), create-policy (needs addressAlterationSetId and a policy with a
// description and both sides; answers the new policy in get-policy's shape), update-policy (needs id,
// addressAlterationSetId and policy; answers the updated policy, like the published sample), delete-policy
// (data[0] = {id, deleted: true}). State `addressAlterationPolicies`, two seeded.
import { mintId } from '../data.js';

import { Validator, fail, formatDate, ok, type Item, type Reply } from '../envelope.js';
import { defineEndpoint, type HandlerContext } from '../router.js';

interface AlterationPolicy {
    id: string;
    addressAlterationSetId: string;
    policy: Record<string, unknown>;
}

const NO_START = '1900-01-01T00:00:00+0000';
const NO_END = '2100-01-01T23:59:59+0000';
const TYPES = ['everyone', 'internal_addresses', 'external_addresses', 'email_domain', 'profile_group', 'individual_email_address'];
const VALUE_KEY: Record<string, string> = { email_domain: 'emailDomain', individual_email_address: 'emailAddress', profile_group: 'groupId' };

/** A new policy before what its create gave: always on, for all time, from anywhere. */
function newPolicy(): Record<string, unknown> {
    return {
        fromPart: 'envelope_from',
        fromEternal: true,
        toEternal: true,
        fromDate: NO_START,
        toDate: NO_END,
        override: false,
        bidirectional: false,
        conditions: {},
        enabled: true,
        enforced: false
    };
}

function seeded(): Map<string, AlterationPolicy> {
    const base = (description: string, from: Record<string, string>, to: Record<string, string>): Record<string, unknown> => ({
        ...newPolicy(),
        description,
        from,
        to,
        fromType: from['type'],
        toType: to['type'],
        lastUpdated: formatDate(Date.UTC(2025, 5, 1, 9, 30))
    });
    return new Map([
        [
            'eNo1alteration-legacy-domain',
            {
                id: 'eNo1alteration-legacy-domain',
                addressAlterationSetId: 'eNo1set-legacy-domain',
                policy: base('Rewrite legacy domain', { type: 'internal_addresses' }, { type: 'everyone' })
            }
        ],
        [
            'eNo1alteration-support',
            {
                id: 'eNo1alteration-support',
                addressAlterationSetId: 'eNo1set-support',
                policy: base('Support alias', { type: 'everyone' }, { type: 'email_domain', emailDomain: 'simulated-tenant.example' })
            }
        ]
    ]);
}

export function addressAlterationPolicies(ctx: HandlerContext): Map<string, AlterationPolicy> {
    return ctx.state('addressAlterationPolicies', seeded);
}

const getPolicy = defineEndpoint({
    path: '/api/policy/address-alteration/get-policy',
    handle(ctx) {
        const v = new Validator(ctx.item);
        const id = v.string('id');
        if (!v.ok) return v.fail();
        return ok([...addressAlterationPolicies(ctx).values()].filter((p) => id === undefined || p.id === id));
    }
});

/** For the request's Validator: the `policy` object is there. */
function requirePolicy(v: Validator, item: Item): void {
    const raw = item['policy'];
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) v.add('policy', 'err_validation_missing', 'policy is required');
}

/** The request's `policy` object (requirePolicy passed) checked: sides' types, dates in order; or the failure to answer. */
function readPolicy(ctx: HandlerContext, create: boolean): { body: Item; fromDate?: number | undefined; toDate?: number | undefined } | Reply {
    const body = ctx.item['policy'] as Item;
    const p = new Validator(body);
    if (create) p.string('description', { required: true });
    for (const side of ['from', 'to']) {
        const target = body[side];
        if (target === undefined && !create) continue;
        const type = typeof target === 'object' && target !== null ? String((target as Item)['type']) : '';
        if (!TYPES.includes(type)) p.add(side, 'err_validation_invalid_value', `policy.${side}.type must be one of ${TYPES.join(', ')}`);
    }
    const fromDate = p.date('fromDate');
    const toDate = p.date('toDate');
    p.dateOrder('fromDate', fromDate, 'toDate', toDate);
    if (!p.ok)
        return fail(
            ctx.item,
            p.errors.map((e) => ({ ...e, field: `policy.${e.field}` }))
        );
    return { body, fromDate, toDate };
}

/** Writes what a create or update gave into a stored policy (sides in the legacy shape, with their flat aliases). */
function applyPolicy(policy: Record<string, unknown>, read: { body: Item; fromDate?: number | undefined; toDate?: number | undefined }, now: number): void {
    const { body, fromDate, toDate } = read;
    for (const key of ['description', 'fromPart', 'bidirectional', 'enabled', 'enforced', 'override', 'comment', 'conditions'])
        if (body[key] !== undefined) policy[key] = body[key];
    for (const side of ['from', 'to']) {
        const target = body[side] as Item | undefined;
        if (!target) continue;
        const type = String(target['type']);
        const key = VALUE_KEY[type];
        policy[side] = key && typeof target[key] === 'string' ? { type, [key]: target[key] } : { type };
        policy[`${side}Type`] = type;
        if (key && typeof target[key] === 'string') policy[`${side}Value`] = target[key];
        else delete policy[`${side}Value`];
    }
    if (fromDate !== undefined) Object.assign(policy, { fromDate: formatDate(fromDate), fromEternal: false });
    if (toDate !== undefined) Object.assign(policy, { toDate: formatDate(toDate), toEternal: false });
    policy['lastUpdated'] = formatDate(now);
}

const createPolicy = defineEndpoint({
    path: '/api/policy/address-alteration/create-policy',
    handle(ctx) {
        const v = new Validator(ctx.item);
        const setId = v.string('addressAlterationSetId', { required: true });
        requirePolicy(v, ctx.item);
        if (!v.ok || setId === undefined) return v.fail();
        const read = readPolicy(ctx, true);
        if ('status' in read) return read;
        const store = addressAlterationPolicies(ctx);
        const id = mintId('eNo1', `${ctx.seed}|address-alteration|${JSON.stringify(ctx.item)}|${ctx.now}|${store.size}`);
        const policy = newPolicy();
        applyPolicy(policy, read, ctx.now);
        const record = { id, addressAlterationSetId: setId, policy };
        store.set(id, record);
        return ok([record]);
    }
});

const updatePolicy = defineEndpoint({
    path: '/api/policy/address-alteration/update-policy',
    handle(ctx) {
        const v = new Validator(ctx.item);
        const id = v.string('id', { required: true });
        const setId = v.string('addressAlterationSetId', { required: true });
        requirePolicy(v, ctx.item);
        if (!v.ok || id === undefined || setId === undefined) return v.fail();
        const record = addressAlterationPolicies(ctx).get(id);
        if (!record)
            return fail(ctx.item, [{ code: 'err_policy_not_found', message: `No address alteration policy with id ${id}`, field: 'id', retryable: false }]);
        const read = readPolicy(ctx, false);
        if ('status' in read) return read;
        record.addressAlterationSetId = setId;
        applyPolicy(record.policy, read, ctx.now);
        return ok([{ id: record.id, policy: record.policy }]);
    }
});

const deletePolicy = defineEndpoint({
    path: '/api/policy/address-alteration/delete-policy',
    handle(ctx) {
        const v = new Validator(ctx.item);
        const id = v.string('id', { required: true });
        if (!v.ok || id === undefined) return v.fail();
        if (!addressAlterationPolicies(ctx).delete(id))
            return fail(ctx.item, [{ code: 'err_policy_not_found', message: `No address alteration policy with id ${id}`, field: 'id', retryable: false }]);
        return ok([{ id, deleted: true }]);
    }
});

export default [getPolicy, createPolicy, updatePolicy, deletePolicy];

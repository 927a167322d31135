// API 2.0's policy-management REST family: real GET/POST/PATCH/DELETE with bare JSON bodies.
// - blocked-senders/policies: GET the list, GET/PATCH/DELETE one. State `blockedSenderPolicies` is shared
//   with the legacy /api/policy/blockedsenders/* endpoints, so a PATCH shows in get-policy and the sync.
// - anti-spoofing-bypass/policies: POST creates, GET lists or reads one, PATCH changes, DELETE removes
//   (state `antiSpoofingBypassPolicies`, three seeded policies).
// Errors come as `{"error":[{code, message}]}` (HTTP 400/404); a PATCH answers 204 with no body. The
// request shape (`from`/`to` as {type, emailAddress|domain|groupId}, top-level spfDomains) follows a public
// client of this family; Mimecast's real validation messages are not published.
import { mintId } from '../data.js';

import { formatDate, parseDate, type Reply } from '../envelope.js';
import { defineEndpoint, type HandlerContext } from '../router.js';
import { policies as blockedSenderPolicies, type BlockedSenderPolicy } from './blocked-sender-policies.js';

const BASE = '/policy-management/cloud-gateway/v1';
const TARGET_TYPES = ['everyone', 'internal_addresses', 'external_addresses', 'email_domain', 'profile_group', 'individual_email_address'];
/** REST target key → where the legacy policy record keeps the value. */
const LEGACY_KEY: Record<string, string> = { domain: 'emailDomain', emailAddress: 'emailAddress', groupId: 'groupId' };
const NO_START = '1900-01-01T00:00:00+0000';
const NO_END = '2100-01-01T23:59:59+0000';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const error = (status: number, code: string, message: string): Reply => ({ status, body: { error: [{ code, message }] } });
const noContent: Reply = { status: 204, body: undefined };

/** `{collection}` or `{collection}/{id}` → the decoded id, or undefined for the collection itself. */
function itemId(ctx: HandlerContext, collection: string): string | undefined {
    return ctx.path === collection ? undefined : decodeURIComponent(ctx.path.slice(collection.length + 1));
}

/** Validates a REST policy body (partial for PATCH); returns the problem or the fields. */
function readBody(body: unknown, options: readonly string[], partial: boolean): Json | Reply {
    if (!isObject(body)) return error(400, 'invalid_request', 'The body must be a JSON object');
    const required = ['description', 'option', 'from', 'to'];
    if (!partial) for (const key of required) if (body[key] === undefined) return error(400, 'validation_missing', `${key} is required`);
    if (partial && Object.keys(body).length === 0) return error(400, 'validation_missing', 'Nothing to update');
    for (const [key, value] of Object.entries(body)) {
        if (typeof value === 'string' && value.trim() === '') return error(400, 'validation_blank', `${key} must not be blank`);
    }
    if (body['option'] !== undefined && !options.includes(String(body['option'])))
        return error(400, 'validation_invalid_value', `option must be one of ${options.join(', ')}`);
    for (const side of ['from', 'to']) {
        const target = body[side];
        if (target === undefined) continue;
        if (!isObject(target) || !TARGET_TYPES.includes(String(target['type'])))
            return error(400, 'validation_invalid_value', `${side}.type must be one of ${TARGET_TYPES.join(', ')}`);
    }
    for (const key of ['fromDate', 'toDate']) {
        if (body[key] !== undefined && (typeof body[key] !== 'string' || parseDate(body[key] as string) === undefined))
            return error(400, 'validation_invalid_date', `${key} must be a date like 2024-11-17T20:16:00+0000`);
    }
    if (body['spfDomains'] !== undefined && (!Array.isArray(body['spfDomains']) || !body['spfDomains'].every((d) => typeof d === 'string')))
        return error(400, 'validation_invalid_value', 'spfDomains must be a list of domains');
    return body;
}

/** Applies REST fields to a legacy-shaped policy record (`{option, policy:{...}}`). */
function apply(record: { option: string; policy: Json }, body: Json, now: number): void {
    if (typeof body['option'] === 'string') record.option = body['option'];
    const p = record.policy;
    for (const key of ['description', 'fromPart', 'bidirectional', 'enabled', 'enforced', 'override', 'comment'])
        if (body[key] !== undefined) p[key] = body[key];
    for (const side of ['from', 'to'] as const) {
        const target = body[side];
        if (!isObject(target)) continue;
        const type = String(target['type']);
        const valueKey = Object.keys(LEGACY_KEY).find((k) => typeof target[k] === 'string');
        const value = valueKey ? (target[valueKey] as string) : undefined;
        p[side] = valueKey && value !== undefined ? { type, [LEGACY_KEY[valueKey]!]: value } : { type };
        p[`${side}Type`] = type;
        if (value !== undefined) p[`${side}Value`] = value;
        else delete p[`${side}Value`];
    }
    if (typeof body['fromDate'] === 'string') Object.assign(p, { fromDate: formatDate(parseDate(body['fromDate'])!), fromEternal: false });
    if (typeof body['toDate'] === 'string') Object.assign(p, { toDate: formatDate(parseDate(body['toDate'])!), toEternal: false });
    if (body['fromEternal'] === true) Object.assign(p, { fromDate: NO_START, fromEternal: true });
    if (body['toEternal'] === true) Object.assign(p, { toDate: NO_END, toEternal: true });
    if (Array.isArray(body['spfDomains'])) p['conditions'] = { spfDomains: body['spfDomains'] };
    p['lastUpdated'] = formatDate(now);
}

const flat = (r: { id: string; option: string; policy: Json }): Json => ({ id: r.id, option: r.option, ...r.policy });

/**
 * A list page: `pageSize` (default 100, at most 500) and an opaque `pageToken` in the query; the answer is
 * `{meta:{pagination:{pageSize, totalCount, next?}}, policies:[...]}`.
 */
function listPage(ctx: HandlerContext, all: Json[]): Reply {
    const rawSize = ctx.query.get('pageSize');
    const pageSize = rawSize === null ? 100 : Number(rawSize);
    if (!Number.isInteger(pageSize) || pageSize < 1) return error(400, 'invalid_page_size', 'pageSize must be a positive integer');
    const size = Math.min(pageSize, 500);
    let offset = 0;
    const token = ctx.query.get('pageToken');
    if (token !== null) {
        const decoded = /^policies:(\d+)$/.exec(Buffer.from(token, 'base64url').toString('utf8'));
        if (!decoded) return error(400, 'invalid_page_token', 'The page token is not valid');
        offset = Number(decoded[1]);
    }
    const next = offset + size < all.length ? Buffer.from(`policies:${offset + size}`).toString('base64url') : undefined;
    return {
        status: 200,
        body: { meta: { pagination: { pageSize: size, totalCount: all.length, ...(next ? { next } : {}) } }, policies: all.slice(offset, offset + size) }
    };
}

const BLOCKED = `${BASE}/blocked-senders/policies`;
const blockedSenders = defineEndpoint({
    path: BLOCKED,
    rest: { methods: ['GET', 'PATCH', 'DELETE'] },
    handle(ctx) {
        const store = blockedSenderPolicies(ctx);
        const id = itemId(ctx, BLOCKED);
        if (id === undefined) {
            if (ctx.method !== 'GET') return error(405, 'method_not_allowed', `${ctx.method} needs a policy id`);
            return listPage(ctx, [...store.values()].map(flat));
        }
        const record: BlockedSenderPolicy | undefined = store.get(id);
        if (!record) return error(404, 'policy_not_found', `No blocked-sender policy with id ${id}`);
        if (ctx.method === 'GET') return { status: 200, body: flat(record) };
        if (ctx.method === 'DELETE') {
            store.delete(id);
            return noContent;
        }
        const body = readBody(ctx.body, ['no_action', 'block_sender'], true);
        if ('status' in body && 'body' in body) return body as Reply;
        apply(record, body, ctx.now);
        return noContent;
    }
});

interface BypassPolicy {
    id: string;
    option: string;
    policy: Json;
}

function bypassPolicies(ctx: HandlerContext): Map<string, BypassPolicy> {
    return ctx.state('antiSpoofingBypassPolicies', () => {
        const at = Date.UTC(2025, 5, 1, 9, 30);
        const seeds: [string, string, Json][] = [
            [
                'eNo1bypass-seeded-partner',
                'enable_bypass',
                {
                    description: 'Partner sends as our domain',
                    from: { type: 'email_domain', domain: 'partner.example.com' },
                    to: { type: 'internal_addresses' },
                    fromEternal: true,
                    toEternal: true,
                    enabled: true,
                    spfDomains: ['partner.example.com']
                }
            ],
            [
                'eNo1bypass-seeded-helpdesk',
                'enable_bypass',
                {
                    description: 'Ticketing system notifications',
                    from: { type: 'individual_email_address', emailAddress: 'support@helpdesk.example' },
                    to: { type: 'everyone' },
                    fromEternal: true,
                    toEternal: true,
                    enabled: true
                }
            ],
            [
                'eNo1bypass-seeded-payroll',
                'disable_bypass',
                {
                    description: 'Old payroll provider (retired)',
                    from: { type: 'email_domain', domain: 'payroll.example' },
                    to: { type: 'internal_addresses' },
                    fromDate: '2024-01-01T00:00:00+0000',
                    toDate: '2025-12-31T23:59:59+0000',
                    enabled: false,
                    comment: 'Kept for audit',
                    spfDomains: ['payroll.example']
                }
            ]
        ];
        return new Map(
            seeds.map(([id, option, fields]) => {
                const seeded: BypassPolicy = { id, option, policy: { createTime: formatDate(at) } };
                apply(seeded, fields, at);
                return [id, seeded];
            })
        );
    });
}

const BYPASS = `${BASE}/anti-spoofing-bypass/policies`;
const antiSpoofingBypass = defineEndpoint({
    path: BYPASS,
    rest: { methods: ['GET', 'POST', 'PATCH', 'DELETE'] },
    handle(ctx) {
        const store = bypassPolicies(ctx);
        const id = itemId(ctx, BYPASS);
        if (id === undefined) {
            if (ctx.method === 'GET') return listPage(ctx, [...store.values()].map(flat));
            if (ctx.method !== 'POST') return error(405, 'method_not_allowed', `${ctx.method} needs a policy id`);
            const body = readBody(ctx.body, ['enable_bypass', 'disable_bypass'], false);
            if ('status' in body && 'body' in body) return body as Reply;
            const newId = mintId('eNo1', `${ctx.seed}|bypass|${JSON.stringify(body)}|${ctx.now}|${store.size}`);
            const record: BypassPolicy = {
                id: newId,
                option: String(body['option']),
                policy: { fromPart: 'envelope_from', enabled: true, enforced: false, override: false, bidirectional: false, createTime: formatDate(ctx.now) }
            };
            apply(record, { fromEternal: body['fromDate'] === undefined, toEternal: body['toDate'] === undefined, ...body }, ctx.now);
            store.set(newId, record);
            return { status: 201, body: flat(record) };
        }
        if (ctx.method === 'POST') return error(405, 'method_not_allowed', 'POST the collection, not a policy');
        const record = store.get(id);
        if (!record) return error(404, 'policy_not_found', `No anti-spoofing bypass policy with id ${id}`);
        if (ctx.method === 'GET') return { status: 200, body: flat(record) };
        if (ctx.method === 'DELETE') {
            store.delete(id);
            return noContent;
        }
        const body = readBody(ctx.body, ['enable_bypass', 'disable_bypass'], true);
        if ('status' in body && 'body' in body) return body as Reply;
        apply(record, body, ctx.now);
        return noContent;
    }
});

export default [blockedSenders, antiSpoofingBypass];

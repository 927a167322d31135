// The SOC response actions end to end: actions through the local host against the simulator, and a later
// read (a sync, another action) that observes what they changed.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { openLocalHost, type LocalHost } from '../../host/local.js';
import { findFunction } from '../../host/runner.js';

let local: LocalHost;

beforeAll(async () => {
    local = await openLocalHost({ env: { NANGO_LOCAL_DIR: mkdtempSync(join(tmpdir(), 'response-actions-')) }, proxy: { backoffBaseMs: 1 } });
});
afterAll(async () => {
    await local.close();
});

const action = (name: string, input: unknown) => local.host.runAction(findFunction(name), input);
const sync = (name: string) => local.host.runSync(findFunction(name));
const records = (model: string) => local.store.listRecords(local.connection.connectionId, model).map((r) => r.data);
type Summary = { reasons: { policyInfo: string; numberOfItems: number }[]; totalHeld: number };

describe('held messages and queues against the simulator', () => {
    it('the hold summary counts the queue per policy, and a release lowers it', async () => {
        await sync('held-messages');
        const held = records('HeldMessage');
        const before = (await action('get-held-message-summary', {})) as Summary;
        expect(before.totalHeld).toBe(held.length);
        expect(before.reasons.length).toBeGreaterThan(1);

        const target = held[0]!;
        await expect(action('release-held-message', { id: target['id'] })).resolves.toMatchObject({ released: true });
        const after = (await action('get-held-message-summary', {})) as Summary;
        expect(after.totalHeld).toBe(before.totalHeld - 1);
    });

    it('email queues: one point per hour of the window, both directions', async () => {
        const out = (await action('list-email-queues', { start: '2026-11-30T00:00:00Z', end: '2026-11-30T05:00:00Z' })) as {
            inbound: { date: string }[];
            outbound: unknown[];
        };
        expect(out.inbound.map((p) => p.date)).toEqual([0, 1, 2, 3, 4, 5].map((h) => `2026-11-30T0${h}:00:00.000Z`));
        expect(out.outbound).toHaveLength(6);
    });

    it('processing messages: filters by route, attachments and sender', async () => {
        const all = (await action('search-processing-messages', {})) as { messages: Record<string, unknown>[] };
        expect(all.messages.length).toBeGreaterThan(0);
        const inbound = (await action('search-processing-messages', { route: 'inbound', attachments: true })) as { messages: Record<string, unknown>[] };
        expect(inbound.messages.length).toBeGreaterThan(0);
        expect(inbound.messages.every((m) => m['routing'] === 'inbound' && m['attachment'] === true)).toBe(true);
        const one = all.messages[0]!;
        const bySender = (await action('search-processing-messages', { searchBy: { fieldName: 'sender', value: one['fromEnvelope'] } })) as {
            messages: { id: string }[];
        };
        expect(bySender.messages.map((m) => m.id)).toContain(one['id']);
    });
});

describe('archive search against the simulator', () => {
    it('finds archived mail by subject text within the window, and nothing outside it', async () => {
        const end = new Date().toISOString();
        const start = new Date(Date.now() - 29 * 86_400_000).toISOString();
        const found = (await action('search-archive', { query: 'subject: invoice', start, end, limit: 5 })) as {
            messages: { subject: string; receivedDate: string }[];
        };
        expect(found.messages.length).toBeGreaterThan(0);
        expect(found.messages.length).toBeLessThanOrEqual(5);
        expect(found.messages.every((m) => /invoice/i.test(m.subject) && m.receivedDate >= start && m.receivedDate <= end)).toBe(true);
        const none = (await action('search-archive', { query: 'subject: invoice', start: '2020-01-01T00:00:00Z', end: '2020-01-02T00:00:00Z' })) as {
            count: number;
        };
        expect(none.count).toBe(0);
    });
});

describe('policies on API 2.0 policy-management against the simulator', () => {
    it('update-blocked-sender-policy (PATCH, 204) is observed by the blocked-sender-policies sync', async () => {
        await sync('blocked-sender-policies');
        const policy = records('BlockedSenderPolicy')[0]!;
        await expect(
            action('update-blocked-sender-policy', {
                id: policy['id'],
                description: 'Renamed by e2e',
                enabled: false,
                fromType: 'email_domain',
                fromValue: 'e2e-fraud.example.net'
            })
        ).resolves.toMatchObject({
            id: policy['id'],
            updated: true
        });
        const result = await sync('blocked-sender-policies');
        expect(result.models['BlockedSenderPolicy']).toMatchObject({ updated: 1 });
        expect(records('BlockedSenderPolicy').find((p) => p['id'] === policy['id'])).toMatchObject({
            description: 'Renamed by e2e',
            enabled: false,
            fromType: 'email_domain',
            fromValue: 'e2e-fraud.example.net'
        });
        await expect(action('update-blocked-sender-policy', { id: 'eNo1unknown', enabled: true })).rejects.toMatchObject({
            payload: { code: 'policy_not_found', status: 404 }
        });
    });

    it('anti-spoofing bypass: create, update, delete; each observed by reading the policy back', async () => {
        const sim = local.simulator!;
        const token = await (await import('../simulator/helpers.js')).getToken(sim);
        const read = async (id: string) =>
            fetch(`${sim.url}/policy-management/cloud-gateway/v1/anti-spoofing-bypass/policies/${encodeURIComponent(id)}`, {
                headers: { authorization: `Bearer ${token}` }
            });

        const created = (await action('create-anti-spoofing-bypass-policy', {
            description: 'e2e partner bypass',
            option: 'enable_bypass',
            fromType: 'email_domain',
            fromValue: 'partner-e2e.example.com',
            toType: 'internal_addresses',
            spfDomains: ['partner-e2e.example.com']
        })) as { id: string };
        expect(created.id).toMatch(/^eNo1/);
        expect(await (await read(created.id)).json()).toMatchObject({
            description: 'e2e partner bypass',
            option: 'enable_bypass',
            fromType: 'email_domain',
            fromValue: 'partner-e2e.example.com',
            conditions: { spfDomains: ['partner-e2e.example.com'] }
        });

        await expect(action('update-anti-spoofing-bypass-policy', { id: created.id, option: 'disable_bypass', enabled: false })).resolves.toMatchObject({
            updated: true
        });
        expect(await (await read(created.id)).json()).toMatchObject({ option: 'disable_bypass', enabled: false });

        await expect(action('delete-anti-spoofing-bypass-policy', { id: created.id })).resolves.toEqual({ id: created.id, deleted: true });
        expect((await read(created.id)).status).toBe(404);
        await expect(action('delete-anti-spoofing-bypass-policy', { id: created.id })).rejects.toMatchObject({
            payload: { code: 'policy_not_found', status: 404 }
        });
    });

    it('a 403 {"message":"Forbidden"} from the family reaches the caller with status 403', async () => {
        const sim = local.simulator!;
        sim.addFault({
            kind: 'status',
            status: 403,
            body: { message: 'Forbidden' },
            path: '/policy-management/cloud-gateway/v1/anti-spoofing-bypass/policies/eNo1x'
        });
        await expect(action('delete-anti-spoofing-bypass-policy', { id: 'eNo1x' })).rejects.toMatchObject({ payload: { code: 'http_403', status: 403 } });
    });
});

describe('directory groups against the simulator', () => {
    it('update-group renames and delete-group removes; the groups sync observes both', async () => {
        const created = (await action('create-group', { description: 'e2e group' })) as { id: string };
        await sync('groups');
        await expect(action('update-group', { id: created.id, description: 'e2e group renamed' })).resolves.toMatchObject({
            id: created.id,
            description: 'e2e group renamed'
        });
        await sync('groups');
        expect(records('Group').find((g) => g['id'] === created.id)).toMatchObject({ description: 'e2e group renamed' });
        await expect(action('delete-group', { id: created.id })).resolves.toEqual({ id: created.id, deleted: true });
        const after = await sync('groups');
        expect(after.models['Group']).toMatchObject({ deleted: 1 });
        expect(records('Group').map((g) => g['id'])).not.toContain(created.id);
        await expect(action('delete-group', { id: created.id })).rejects.toMatchObject({ payload: { code: 'err_folder_not_found' } });
    });
});

describe('check-permissions against the simulator', () => {
    it('every product granted; a 403 on one probe makes exactly its functions not runnable', async () => {
        type Out = { products: { product: string; granted: boolean | null }[]; summary: { notGranted: number; notRunnable: string[] } };
        const all = (await action('check-permissions', {})) as Out;
        expect(all.products.filter((p) => p.granted !== true)).toEqual([]);
        local.simulator!.addFault({ kind: 'status', status: 403, path: '/api/gateway/get-hold-summary-list' });
        const denied = (await action('check-permissions', {})) as Out;
        expect(denied.products.find((p) => p.product === 'Email Security Cloud Gateway')?.granted).toBe(false);
        expect(denied.summary.notGranted).toBe(1);
        expect(denied.summary.notRunnable).toEqual(expect.arrayContaining(['held-messages', 'get-held-message-summary', 'release-held-message']));
    });
});

describe('address-alteration policies against the simulator', () => {
    it('create, then get-policy lists the new policy; delete removes it', async () => {
        const sim = local.simulator!;
        const token = await (await import('../simulator/helpers.js')).getToken(sim);
        const get = async (id: string) =>
            (await (await import('../simulator/helpers.js')).call(sim, '/api/policy/address-alteration/get-policy', { data: [{ id }] }, token)).body.data;
        const created = (await action('create-address-alteration-policy', {
            addressAlterationSetId: 'eNo1set-support',
            description: 'Partner alias (e2e)',
            fromType: 'email_domain',
            fromValue: 'partner.example',
            toType: 'internal_addresses',
            sourceIPs: ['203.0.113.0/24']
        })) as { id: string };
        expect(created).toEqual({
            id: expect.stringMatching(/^eNo1/),
            addressAlterationSetId: 'eNo1set-support',
            description: 'Partner alias (e2e)',
            fromPart: 'envelope_from',
            fromType: 'email_domain',
            fromValue: 'partner.example',
            toType: 'internal_addresses',
            sourceIPs: ['203.0.113.0/24'],
            enabled: true,
            enforced: false,
            override: false,
            bidirectional: false,
            lastUpdated: expect.any(String)
        });
        expect(await get(created.id)).toEqual([
            expect.objectContaining({
                id: created.id,
                addressAlterationSetId: 'eNo1set-support',
                policy: expect.objectContaining({
                    description: 'Partner alias (e2e)',
                    from: { type: 'email_domain', emailDomain: 'partner.example' },
                    to: { type: 'internal_addresses' },
                    conditions: { sourceIPs: ['203.0.113.0/24'] },
                    fromEternal: true,
                    toEternal: true
                })
            })
        ]);
        await expect(action('delete-address-alteration-policy', { id: created.id })).resolves.toEqual({ id: created.id, deleted: true });
        expect(await get(created.id)).toEqual([]);
    });

    it('update then delete; get-policy observes both', async () => {
        const sim = local.simulator!;
        const token = await (await import('../simulator/helpers.js')).getToken(sim);
        const get = async (id: string) =>
            (await (await import('../simulator/helpers.js')).call(sim, '/api/policy/address-alteration/get-policy', { data: [{ id }] }, token)).body.data;
        const id = 'eNo1alteration-support';
        await expect(
            action('update-address-alteration-policy', {
                id,
                addressAlterationSetId: 'eNo1set-support',
                description: 'Support alias (e2e)',
                sourceIPs: ['198.51.100.0/24']
            })
        ).resolves.toMatchObject({
            id,
            description: 'Support alias (e2e)',
            sourceIPs: ['198.51.100.0/24']
        });
        expect(await get(id)).toEqual([
            expect.objectContaining({
                id,
                addressAlterationSetId: 'eNo1set-support',
                policy: expect.objectContaining({ description: 'Support alias (e2e)', conditions: { sourceIPs: ['198.51.100.0/24'] } })
            })
        ]);
        await expect(action('delete-address-alteration-policy', { id })).resolves.toEqual({ id, deleted: true });
        expect(await get(id)).toEqual([]);
        await expect(action('delete-address-alteration-policy', { id })).rejects.toMatchObject({ payload: { code: 'err_policy_not_found' } });
    });
});

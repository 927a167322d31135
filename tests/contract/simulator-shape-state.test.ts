// The simulator held to the published samples (directory, held messages, policies, URLs, message finder,
// remediation, account): for each endpoint with a fixture, the simulator's answer to the same kind of
// request has the same envelope, record keys and JSON types. The simulator may add keys; it may never lack
// one a sample has. Write endpoints are exercised for real (a group is created to add a member to, ...).
import { rewriteUrl } from '../../simulator/endpoints/managed-urls.js';
import { startSimulator, type Simulator } from '../../simulator/index.js';
import { call, getToken } from '../simulator/helpers.js';
import { fixture } from './fixtures.js';
import { shapeDifferences } from './shape.js';

describe('simulator answers have the shape of the published samples', () => {
    let sim: Simulator;
    let token: string;
    beforeAll(async () => {
        sim = await startSimulator({ sizes: { internalUsers: 30, directoryGroups: 8, trackedEmails: 200, heldMessages: 40 } });
        token = await getToken(sim);
    });
    afterAll(() => sim.close());

    async function post(path: string, item?: Record<string, unknown>, pagination?: Record<string, unknown>): Promise<Record<string, unknown>> {
        const res = await call(sim, path, { ...(pagination ? { meta: { pagination } } : {}), data: item ? [item] : [] }, token);
        expect({ path, status: res.status, fail: res.body.fail }).toEqual({ path, status: 200, fail: [] });
        return res.body as unknown as Record<string, unknown>;
    }

    /** The first folder the simulator lists in the cloud directory (writable). */
    async function cloudGroupId(): Promise<string> {
        const body = (await post('/api/directory/find-groups', { source: 'cloud' })) as { data: { folders: { id: string }[] }[] };
        return body.data[0]!.folders[0]!.id;
    }

    it.each([
        ['get-account.graph-mimecast', '/api/account/get-account', undefined, undefined],
        ['get-internal-domain.graph-mimecast', '/api/domain/get-internal-domain', undefined, undefined],
        ['get-internal-users.graph-mimecast', '/api/user/get-internal-users', { domain: 'simulated-tenant.example' }, undefined],
        ['get-internal-users-journal.graph-mimecast', '/api/user/get-internal-users', { domain: 'mail.simulated-tenant.example' }, undefined],
        ['find-groups.rapid7', '/api/directory/find-groups', { source: 'cloud' }, undefined],
        // The sample is a first page that carries `next`: ask for a page smaller than the seeded list.
        ['get-all-managed-urls.rapid7', '/api/ttp/url/get-all-managed-urls', undefined, { pageSize: 2 }]
    ] as const)('%s: %s', async (name, path, item, pagination) => {
        const body = await post(path, item, pagination);
        expect(shapeDifferences(fixture(name), body)).toEqual([]);
    });

    it('add-group-member and remove-group-member answer the member (rapid7 samples)', async () => {
        const id = await cloudGroupId();
        const added = await post('/api/directory/add-group-member', { id, emailAddress: 'shape.test@simulated-tenant.example' });
        expect(shapeDifferences(fixture('add-group-member.rapid7'), added)).toEqual([]);
        const removed = await post('/api/directory/remove-group-member', { id, emailAddress: 'shape.test@simulated-tenant.example' });
        expect(shapeDifferences(fixture('remove-group-member.rapid7'), removed)).toEqual([]);
    });

    it('permit-or-block-sender answers the stored entry (rapid7 samples)', async () => {
        const blocked = await post('/api/managedsender/permit-or-block-sender', {
            sender: 'bad@sender.example',
            to: 'user1@simulated-tenant.example',
            action: 'block'
        });
        expect(shapeDifferences(fixture('permit-or-block-sender-block.rapid7'), blocked)).toEqual([]);
        const permitted = await post('/api/managedsender/permit-or-block-sender', {
            sender: 'good@sender.example',
            to: 'user1@simulated-tenant.example',
            action: 'permit'
        });
        expect(shapeDifferences(fixture('permit-or-block-sender-permit.rapid7'), permitted)).toEqual([]);
    });

    it('create-managed-url, delete-managed-url and decode-url (rapid7 samples)', async () => {
        const created = (await post('/api/ttp/url/create-managed-url', {
            url: 'https://www.shape-test.example/',
            action: 'permit',
            matchType: 'explicit'
        })) as {
            data: { id: string }[];
        };
        expect(shapeDifferences(fixture('create-managed-url.rapid7'), created)).toEqual([]);
        const deleted = await post('/api/ttp/url/delete-managed-url', { id: created.data[0]!.id });
        expect(shapeDifferences(fixture('delete-managed-url.rapid7'), deleted)).toEqual([]);
        const decoded = await post('/api/ttp/url/decode-url', { url: rewriteUrl('https://www.shape-test.example/landing') });
        expect(shapeDifferences(fixture('decode-url.rapid7'), decoded)).toEqual([]);
    });

    it('create-policy answers the policy; get-policy lists records of that shape (rapid7 sample)', async () => {
        const policy = { description: 'shape test', fromType: 'everyone', toType: 'everyone', fromEternal: true, toEternal: true };
        const created = await post('/api/policy/blockedsenders/create-policy', { option: 'block_sender', policy });
        expect(shapeDifferences(fixture('create-policy.rapid7'), created)).toEqual([]);
        // The sample's record is what get-policy lists too (same record; no published get-policy answer).
        const listed = (await post('/api/policy/blockedsenders/get-policy')) as { data: unknown[] };
        expect(shapeDifferences((fixture('create-policy.rapid7') as { data: unknown[] }).data, listed.data)).toEqual([]);
        expect(shapeDifferences(fixture<unknown[]>('get-policy-data.demisto'), listed.data)).toEqual([]);
        const domainPolicy = { description: 'shape test 2', fromPart: 'both', fromType: 'email_domain', fromValue: 'google.com', toType: 'everyone' };
        const byDomain = (await post('/api/policy/blockedsenders/create-policy', { option: 'block_sender', policy: domainPolicy })) as { data: unknown[] };
        expect(shapeDifferences(fixture('create-policy-item.demisto'), byDomain.data[0])).toEqual([]);
    });

    it('get-account matches the Cortex XSOAR sample too', async () => {
        const [sample] = fixture<unknown[]>('get-account.demisto');
        expect(shapeDifferences(sample, await post('/api/account/get-account'))).toEqual([]);
    });

    it('the hold queue, release and reject answer like the published samples (demisto)', async () => {
        // The sample is a first page with next and previous: ask for a small page, then the second one.
        const first = (await post('/api/gateway/get-hold-message-list', { admin: true }, { pageSize: 3 })) as {
            meta: { pagination: { next: string } };
            data: { id: string }[];
        };
        const second = await post('/api/gateway/get-hold-message-list', { admin: true }, { pageSize: 3, pageToken: first.meta.pagination.next });
        expect(shapeDifferences(fixture('get-hold-message-list.demisto'), second)).toEqual([]);
        expect(first.data.length).toBeGreaterThan(1);
        const released = await post('/api/gateway/hold-release', { id: first.data[0]!.id });
        expect(shapeDifferences(fixture('hold-release.demisto'), released)).toEqual([]);
        const rejected = await post('/api/gateway/hold-reject', { ids: [first.data[1]!.id] });
        expect(shapeDifferences(fixture('hold-reject.demisto'), rejected)).toEqual([]);
    });

    it('message-finder search and get-message-info answer like the published samples (demisto)', async () => {
        const body = (await post('/api/message-finder/search', {
            advancedTrackAndTraceOptions: { route: 'inbound' },
            start: new Date(Date.now() - 30 * 86_400_000).toISOString()
        })) as {
            data: { trackedEmails: { id: string; status: string }[] }[];
        };
        expect(shapeDifferences(fixture('message-finder-search.demisto'), body)).toEqual([]);
        const delivered = body.data[0]!.trackedEmails.find((m) => m.status !== 'held') ?? body.data[0]!.trackedEmails[0]!;
        const info = await post('/api/message-finder/get-message-info', { id: delivered.id });
        // deliveredMessage is keyed by recipient address: compare its entries, not the addresses.
        expect(shapeDifferences(deliveriesAsList(fixture('get-message-info.demisto')), deliveriesAsList(info))).toEqual([]);
        expect(Object.keys((info as { data: { deliveredMessage: object }[] }).data[0]!.deliveredMessage).length).toBeGreaterThan(0);
    });

    it('remediation create and get-incident answer the incident of the published sample (demisto)', async () => {
        const created = (await post('/api/ttp/remediation/create', {
            reason: 'shape test',
            hashOrMessageId: '<shape@test.example>',
            searchBy: 'messageId'
        })) as { data: { id: string }[] };
        expect(shapeDifferences(fixture('remediation-incident.demisto'), created)).toEqual([]);
        const fetched = await post('/api/ttp/remediation/get-incident', { id: created.data[0]!.id });
        expect(shapeDifferences(fixture('remediation-incident.demisto'), fetched)).toEqual([]);
    });

    it('message-finder search answers trackedEmails of the sample shape (rapid7 sample)', async () => {
        const body = await post('/api/message-finder/search', {
            advancedTrackAndTraceOptions: { route: 'inbound' },
            start: new Date(Date.now() - 30 * 86_400_000).toISOString()
        });
        const tracked = (body as { data: { trackedEmails: unknown[] }[] }).data[0]!.trackedEmails;
        expect(tracked.length).toBeGreaterThan(0);
        expect(shapeDifferences(fixture('message-finder-search.rapid7'), body)).toEqual([]);
    });
});

describe('blocked-sender policies: API 2.0 DELETE and the API 1.0 delete-policy in the simulator', () => {
    let sim: Simulator;
    let token: string;
    beforeAll(async () => {
        sim = await startSimulator();
        token = await getToken(sim);
    });
    afterAll(() => sim.close());

    const listIds = async (): Promise<string[]> =>
        ((await call<{ id: string }>(sim, '/api/policy/blockedsenders/get-policy', { data: [] }, token)).body.data ?? []).map((p) => p.id);

    it('DELETE .../policies/{id} answers 204 with no body, and get-policy no longer lists the policy', async () => {
        const [first] = await listIds();
        const res = await fetch(`${sim.url}/policy-management/cloud-gateway/v1/blocked-senders/policies/${encodeURIComponent(first!)}`, {
            method: 'DELETE',
            headers: { authorization: `Bearer ${token}` }
        });
        expect({ status: res.status, text: await res.text() }).toEqual({ status: 204, text: '' });
        expect(await listIds()).not.toContain(first);
        // Again: the policy is gone, in the family's error shape.
        const again = await fetch(`${sim.url}/policy-management/cloud-gateway/v1/blocked-senders/policies/${encodeURIComponent(first!)}`, {
            method: 'DELETE',
            headers: { authorization: `Bearer ${token}` }
        });
        expect({ status: again.status, body: await again.json() }).toEqual({
            status: 404,
            body: { error: [{ code: expect.any(String), message: expect.any(String) }] }
        });
    });

    it('answers the DELETE without a token with 401, and other methods on the policy path with 405', async () => {
        const [first] = await listIds();
        const path = `${sim.url}/policy-management/cloud-gateway/v1/blocked-senders/policies/${encodeURIComponent(first!)}`;
        expect((await fetch(path, { method: 'DELETE' })).status).toBe(401);
        expect((await fetch(path, { method: 'PUT', headers: { authorization: `Bearer ${token}` } })).status).toBe(405);
        expect(await listIds()).toContain(first);
    });

    it('keeps delete-policy for API 1.0 signed calls only: a bearer call gets 404 (not in API 2.0)', async () => {
        const [first] = await listIds();
        const res = await call(sim, '/api/policy/blockedsenders/delete-policy', { data: [{ id: first }] }, token);
        expect(res.status).toBe(404);
        expect(await listIds()).toContain(first);
    });
});

/** `data[0].deliveredMessage` (a map keyed by recipient) as the list of its entries. */
function deliveriesAsList(body: Record<string, unknown>): Record<string, unknown> {
    const data = (body['data'] as Record<string, unknown>[]).map((item) => ({
        ...item,
        deliveredMessage: Object.values((item['deliveredMessage'] as object | undefined) ?? {})
    }));
    return { ...body, data };
}

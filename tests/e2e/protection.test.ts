// Senders, URLs and policies end to end: actions through the local host change the simulator's
// state, and the full-refresh syncs (or the simulator's managed-sender list) observe the change.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { openLocalHost } from '../../host/local.js';
import type { LocalHost } from '../../host/local.js';
import { findFunction } from '../../host/runner.js';
import { rewriteUrl } from '../../simulator/endpoints/managed-urls.js';
import { call, getToken } from '../simulator/helpers.js';

let local: LocalHost;

beforeAll(async () => {
    local = await openLocalHost({ env: { NANGO_LOCAL_DIR: mkdtempSync(join(tmpdir(), 'protection-')) }, proxy: { backoffBaseMs: 1 } });
});
afterAll(async () => {
    await local.close();
});

const action = (name: string, input: unknown) => local.host.runAction(findFunction(name), input);
const sync = (name: string) => local.host.runSync(findFunction(name));
const records = (model: string) => local.store.listRecords(local.connection.connectionId, model).map((r) => r.data);

describe('managed URLs against the simulator', () => {
    it('create-managed-url, then the managed-urls sync sees it; delete, then the sync deletes it', async () => {
        await sync('managed-urls');
        const seeded = records('ManagedUrl');
        expect(seeded.length).toBeGreaterThan(0);

        const created = (await action('create-managed-url', { url: 'https://e2e-phish.example.net/login?x=1', action: 'block', comment: 'e2e' })) as Record<
            string,
            unknown
        >;
        expect(created).toMatchObject({ url: 'https://e2e-phish.example.net/login?x=1', action: 'block', matchType: 'explicit', comment: 'e2e' });

        const afterCreate = await sync('managed-urls');
        expect(afterCreate.models['ManagedUrl']).toMatchObject({ added: 1, deleted: 0 });
        expect(records('ManagedUrl')).toContainEqual(
            expect.objectContaining({ id: created['id'], domain: 'e2e-phish.example.net', path: '/login', queryString: 'x=1' })
        );

        // Creating it twice is Mimecast's err_managed_url_exists_code, surfaced as an ActionError.
        await expect(action('create-managed-url', { url: 'https://e2e-phish.example.net/login?x=1', action: 'block' })).rejects.toMatchObject({
            payload: { code: 'err_managed_url_exists_code' }
        });

        await expect(action('delete-managed-url', { id: created['id'] })).resolves.toEqual({ id: created['id'], deleted: true });
        const afterDelete = await sync('managed-urls');
        expect(afterDelete.models['ManagedUrl']).toMatchObject({ deleted: 1 });
        expect(records('ManagedUrl').map((r) => r['id'])).not.toContain(created['id']);
        expect(records('ManagedUrl')).toHaveLength(seeded.length);

        await expect(action('delete-managed-url', { id: created['id'] })).rejects.toMatchObject({ payload: { code: 'err_managed_url_not_found' } });
    });

    it('decode-url decodes a simulated rewritten link', async () => {
        const original = 'https://www.example.com/invoice?id=42';
        await expect(action('decode-url', { url: rewriteUrl(original) })).resolves.toEqual({ encodedUrl: rewriteUrl(original), url: original });
        await expect(action('decode-url', { url: 'https://www.example.com/not-rewritten' })).rejects.toMatchObject({
            payload: { code: 'err_url_decode_failed', field: 'url' }
        });
    });

    it('the simulator validates like Mimecast: #fragment -> fail[] with field, blank -> err_validation_blank', async () => {
        const sim = local.simulator!;
        const token = await getToken(sim);
        const fragment = await call(sim, '/api/ttp/url/create-managed-url', { data: [{ url: 'https://x.example.net/#top', action: 'block' }] }, token);
        expect(fragment.status).toBe(200);
        expect(fragment.body.data).toEqual([]);
        expect(fragment.body.fail[0]?.errors?.[0]).toMatchObject({ field: 'url', code: 'err_validation_invalid_url' });
        const blank = await call(sim, '/api/ttp/url/create-managed-url', { data: [{ url: 'https://x.example.net/', action: 'block', comment: '' }] }, token);
        expect(blank.body.fail[0]?.errors?.[0]).toMatchObject({ field: 'comment', code: 'err_validation_blank' });
    });
});

describe('managed senders against the simulator', () => {
    it('block-sender is observable in the managed-sender list; permit-sender flips the same entry', async () => {
        const sim = local.simulator!;
        const token = await getToken(sim);
        const input = { sender: 'phish@bad.example.net', to: 'alice.archer@simulated-tenant.example' };

        const blocked = (await action('block-sender', input)) as Record<string, unknown>;
        expect(blocked).toMatchObject({ ...input, action: 'block', id: expect.stringMatching(/^MTOKEN:/) });

        const listed = await call(sim, '/api/managedsender/get-managed-senders', { data: [{ type: 'block' }] }, token);
        expect(listed.body.data).toContainEqual(expect.objectContaining({ id: blocked['id'], ...input, type: 'Block' }));

        const permitted = (await action('permit-sender', input)) as Record<string, unknown>;
        expect(permitted).toMatchObject({ id: blocked['id'], action: 'permit' });
        const after = await call(sim, '/api/managedsender/get-managed-senders', { data: [{ sender: input.sender }] }, token);
        expect(after.body.data).toEqual([expect.objectContaining({ id: blocked['id'], type: 'Permit' })]);
    });
});

describe('blocked-sender policies against the simulator', () => {
    it('a created policy appears in the sync; a deleted one is deleted by it', async () => {
        await sync('blocked-sender-policies');
        const before = records('BlockedSenderPolicy');
        expect(before.length).toBeGreaterThan(0);
        // Seeded open-ended policies carry no dates; the bounded one carries both.
        expect(before.filter((p) => p['fromDate'] !== undefined)).toHaveLength(1);

        const created = (await action('create-blocked-sender-policy', {
            description: 'e2e block',
            option: 'block_sender',
            fromType: 'email_domain',
            fromValue: 'e2e-fraud.example.net',
            toType: 'everyone',
            toDate: '2030-01-01T00:00:00Z'
        })) as Record<string, unknown>;
        expect(created).toMatchObject({
            option: 'block_sender',
            fromType: 'email_domain',
            fromValue: 'e2e-fraud.example.net',
            toType: 'everyone',
            toDate: '2030-01-01T00:00:00.000Z'
        });
        expect(created['fromDate']).toBeUndefined();

        await sync('blocked-sender-policies');
        expect(records('BlockedSenderPolicy')).toContainEqual(expect.objectContaining({ id: created['id'], description: 'e2e block' }));

        await expect(action('delete-blocked-sender-policy', { id: created['id'] })).resolves.toEqual({ id: created['id'], deleted: true });
        const afterDelete = await sync('blocked-sender-policies');
        expect(afterDelete.models['BlockedSenderPolicy']).toMatchObject({ deleted: 1 });
        expect(records('BlockedSenderPolicy').map((r) => r['id'])).not.toContain(created['id']);

        // API 2.0 DELETE of a policy that is gone: HTTP 404 in the policy-management error shape.
        await expect(action('delete-blocked-sender-policy', { id: created['id'] })).rejects.toMatchObject({
            payload: { code: 'policy_not_found', status: 404 }
        });
    });
});

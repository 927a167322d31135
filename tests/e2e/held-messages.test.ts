// Held messages, investigation and remediation end to end: actions through the local host change the
// simulator's hold queue, and the held-messages sync observes it (a released or rejected message is deleted).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { READ_ONLY_ACTIONS } from '../../host/demo-inputs.js';
import { openLocalHost } from '../../host/local.js';
import type { LocalHost } from '../../host/local.js';
import { findFunction } from '../../host/runner.js';
import { call, getToken } from '../simulator/helpers.js';

const QUEUE_SIZE = 40;
let local: LocalHost;

beforeAll(async () => {
    local = await openLocalHost({
        env: { NANGO_LOCAL_DIR: mkdtempSync(join(tmpdir(), 'held-messages-')) },
        simulator: { sizes: { heldMessages: QUEUE_SIZE, trackedEmails: 500 } },
        proxy: { backoffBaseMs: 1 }
    });
});
afterAll(async () => {
    await local.close();
});

const action = (name: string, input: unknown) => local.host.runAction(findFunction(name), input);
const sync = (name: string) => local.host.runSync(findFunction(name));
const records = (model: string) => local.store.listRecords(local.connection.connectionId, model).map((r) => r.data);
const ids = () => records('HeldMessage').map((r) => r['id'] as string);

describe('held messages against the simulator', () => {
    it('release-held-message, then the held-messages sync deletes that message', async () => {
        const first = await sync('held-messages');
        const before = ids();
        // The queue holds about QUEUE_SIZE messages of the last 14 days (the lattice may add one).
        expect(before.length).toBeGreaterThanOrEqual(QUEUE_SIZE - 1);
        expect(before.length).toBeLessThanOrEqual(QUEUE_SIZE + 1);
        expect(first.models['HeldMessage']).toMatchObject({ added: before.length, deleted: 0 });
        const target = before[0]!;

        await expect(action('release-held-message', { id: target })).resolves.toEqual({ id: target, released: true });

        const after = await sync('held-messages');
        expect(after.models['HeldMessage']).toMatchObject({ added: 0, deleted: 1 });
        expect(ids()).toEqual(before.filter((id) => id !== target));

        // Releasing it again: Mimecast answers release:false, the action fails instead of reporting success.
        await expect(action('release-held-message', { id: target })).rejects.toMatchObject({
            payload: { code: 'release_failed', id: target, released: false }
        });
    });

    it('reject-held-messages reports a partial result per id, and the sync deletes only the rejected ones', async () => {
        await sync('held-messages');
        const [a, b] = ids();
        const output = await action('reject-held-messages', {
            ids: [a, b, 'not-a-held-message'],
            reasonType: 'MESSAGE_GOES_AGAINST_EMAIL_POLICIES',
            message: 'Rejected by the SOC',
            notify: false
        });
        expect(output).toEqual({
            results: [
                { id: a, rejected: true },
                { id: b, rejected: true },
                { id: 'not-a-held-message', rejected: false }
            ],
            rejectedCount: 2,
            failedCount: 1,
            allSucceeded: false
        });
        const before = ids();
        const after = await sync('held-messages');
        expect(after.models['HeldMessage']).toMatchObject({ deleted: 2 });
        expect(ids()).toEqual(before.filter((id) => id !== a && id !== b));
    });

    it('message tracking shows a held message, and its status once released', async () => {
        await sync('held-messages');
        const held = records('HeldMessage')[0]!;
        const at = Date.parse(held['dateReceived'] as string);
        const window = { start: new Date(at - 60_000).toISOString(), end: new Date(at + 60_000).toISOString() };
        const search = (input: Record<string, unknown>) =>
            action('search-messages', { ...window, ...input }) as Promise<{ messages: Array<Record<string, unknown>> }>;

        const found = await search({ advancedTrackAndTraceOptions: { from: held['from'], subject: held['subject'] } });
        expect(found.messages).toContainEqual(expect.objectContaining({ id: held['id'], status: 'held', subject: held['subject'], to: [held['to']] }));
        await expect(action('get-message-info', { id: held['id'] })).resolves.toMatchObject({
            id: held['id'],
            status: 'held',
            subject: held['subject'],
            deliveries: []
        });

        await action('release-held-message', { id: held['id'] });
        const again = await search({ advancedTrackAndTraceOptions: { from: held['from'], subject: held['subject'] } });
        expect(again.messages).toContainEqual(expect.objectContaining({ id: held['id'], status: 'delivered' }));
        await expect(action('get-message-info', { id: held['id'] })).resolves.toMatchObject({
            status: 'delivered',
            deliveries: [expect.objectContaining({ recipient: held['to'] })]
        });

        // A whole sender domain finds it too.
        const byDomain = await search({ advancedTrackAndTraceOptions: { from: (held['from'] as string).split('@')[1] } });
        expect(byDomain.messages.map((m) => m['id'])).toContain(held['id']);

        await expect(action('get-message-info', { id: 'eNqUnknown.x' })).rejects.toMatchObject({ payload: { code: 'err_message_not_found' } });
    });

    it('the search-messages demo input of npm start returns tracked messages', async () => {
        const demo = READ_ONLY_ACTIONS['search-messages'];
        expect(demo).toBeDefined();
        const output = (await action('search-messages', demo)) as { messages: Array<Record<string, unknown>>; count: number };
        expect(output.count).toBeGreaterThan(0);
        expect(output.messages).toHaveLength(output.count);
        const first = output.messages[0]!;
        await expect(action('get-message-info', { id: first['id'] })).resolves.toMatchObject({ id: first['id'], subject: first['subject'] });
    });

    it('a remediation incident is stored and fetched back; search-file-hash answers per hash', async () => {
        const sha256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
        const created = (await action('create-remediation-incident', {
            reason: 'e2e phishing',
            hashOrMessageId: sha256,
            searchBy: 'hash',
            start: '2026-01-01T00:00:00Z'
        })) as Record<string, unknown>;
        expect(created).toMatchObject({ reason: 'e2e phishing', type: 'manual', searchFileHash: sha256, searchStart: '2026-01-01T00:00:00.000Z', restored: 0 });
        await expect(action('get-remediation-incident', { id: created['id'] })).resolves.toEqual(created);
        await expect(action('get-remediation-incident', { id: 'nope' })).rejects.toMatchObject({ payload: { code: 'err_incident_not_found' } });

        const hashes = (await action('search-file-hash', { hashes: [sha256, 'd41d8cd98f00b204e9800998ecf8427e'] })) as {
            results: Array<{ hash: string; status: string }>;
            allChecked: boolean;
        };
        expect(hashes.allChecked).toBe(true);
        expect(hashes.results.map((r) => r.hash)).toEqual([sha256, 'd41d8cd98f00b204e9800998ecf8427e']);
        expect(hashes.results.every((r) => r.status === 'detected' || r.status === 'not_detected')).toBe(true);
    });

    it('the attachment hash of a held message is detected and remediated', async () => {
        await sync('held-messages');
        const withAttachment = records('HeldMessage').find((r) => r['hasAttachments'] === true);
        expect(withAttachment).toBeDefined();
        const info = (await action('get-message-info', { id: withAttachment!['id'] })) as { components: Array<{ type?: string; hash?: string }> };
        const hash = info.components.find((c) => c.type === 'File')?.hash;
        expect(hash).toMatch(/^[0-9a-f]{64}$/);

        await expect(action('search-file-hash', { hashes: [hash] })).resolves.toMatchObject({
            results: [{ hash, status: 'detected' }],
            detectedCount: 1,
            allChecked: true
        });
        const incident = (await action('create-remediation-incident', { reason: 'Malicious attachment', hashOrMessageId: hash, searchBy: 'hash' })) as Record<
            string,
            unknown
        >;
        expect(incident['identified']).toBeGreaterThan(0);
        expect((incident['successful'] as number) + (incident['failed'] as number)).toBe(incident['identified']);
    });

    it('the simulator validates like Mimecast: reject without ids, unknown reasonType, search without criteria', async () => {
        const sim = local.simulator!;
        const token = await getToken(sim);
        const noIds = await call(sim, '/api/gateway/hold-reject', { data: [{ message: 'x' }] }, token);
        expect(noIds.body.fail[0]?.errors?.[0]).toMatchObject({ code: 'err_validation_missing', field: 'ids' });
        const badReason = await call(sim, '/api/gateway/hold-reject', { data: [{ ids: ['a'], reasonType: 'spam' }] }, token);
        expect(badReason.body.fail[0]?.errors?.[0]).toMatchObject({ code: 'err_validation_invalid_value', field: 'reasonType' });
        const noCriteria = await call(sim, '/api/message-finder/search', { data: [{ searchReason: 'x' }] }, token);
        expect(noCriteria.body.fail[0]?.errors?.[0]).toMatchObject({ code: 'err_validation_missing', field: 'messageId' });
        const badHash = await call(sim, '/api/ttp/remediation/create', { data: [{ reason: 'x', hashOrMessageId: 'abc', searchBy: 'hash' }] }, token);
        expect(badHash.body.fail[0]?.errors?.[0]).toMatchObject({ field: 'hashOrMessageId' });
        // Partial reject straight from the simulator: unknown ids answer reject:false, not a fail[].
        const partial = await call(sim, '/api/gateway/hold-reject', { data: [{ ids: ['unknown-1'] }] }, token);
        expect(partial.body).toMatchObject({ data: [{ id: 'unknown-1', reject: false }], fail: [] });
        // Non-admin listing: the API user has no held mail of its own.
        const own = await call(sim, '/api/gateway/get-hold-message-list', { data: [{ admin: false }] }, token);
        expect(own.body.data).toEqual([]);
    });
});

// Blocked-sender policies against published answers (Rapid7's plugin test data): create-policy's
// `{id, option, policy:{...}}` record, which get-policy lists too; the API 1.0 delete-policy answer.
// API 2.0 deletes with DELETE /policy-management/cloud-gateway/v1/blocked-senders/policies/{id} (204).
import nock from 'nock';

import { connectionFromEnv } from '../../host/connection.js';
import { createLogger } from '../../host/log.js';
import { findFunction, Host } from '../../host/runner.js';
import { Store } from '../../host/store.js';
import { createTestHost, envelope, mockToken, TEST_BASE, TEST_TOKEN } from '../harness.js';
import { fixture } from './fixtures.js';

type Policies = { data: { id: string }[] };
const REST = '/policy-management/cloud-gateway/v1/blocked-senders/policies/';

const flattened = (id: string) => ({
    id,
    description: 'some test policy',
    option: 'block_sender',
    fromPart: 'envelope_from',
    fromType: 'everyone',
    toType: 'everyone',
    bidirectional: false,
    enabled: true,
    enforced: false,
    override: false,
    // fromEternal/toEternal: the 1900/2100 placeholders are not dates an analyst should read.
    createTime: '2022-04-21T06:51:04.000Z',
    lastUpdated: '2022-04-21T06:51:04.000Z'
});

describe('contract: blocked-sender-policies sync (rapid7 policy record)', () => {
    it('saves the policy flattened, without the open-ended placeholder dates', async () => {
        const t = createTestHost();
        mockToken();
        const body = fixture<Policies>('create-policy.rapid7');
        nock(TEST_BASE).post('/api/policy/blockedsenders/get-policy', { data: [] }).reply(200, body);

        await t.runSync('blocked-sender-policies');

        expect(t.records('BlockedSenderPolicy')).toEqual([flattened(body.data[0]!.id)]);
    });
});

describe('contract: blocked-sender-policies sync (demisto get-policy data)', () => {
    it('saves an internal-to-external no_action policy', async () => {
        const t = createTestHost();
        mockToken();
        nock(TEST_BASE)
            .post('/api/policy/blockedsenders/get-policy')
            .reply(200, envelope(fixture<unknown[]>('get-policy-data.demisto')));

        await t.runSync('blocked-sender-policies');

        expect(t.records('BlockedSenderPolicy')).toEqual([
            {
                id: 'eNo1jr',
                description: 'test',
                option: 'no_action',
                fromPart: 'envelope_from',
                fromType: 'internal_addresses',
                toType: 'external_addresses',
                bidirectional: false,
                enabled: true,
                enforced: false,
                override: false,
                createTime: '2024-04-17T09:01:16.000Z',
                lastUpdated: '2024-04-17T09:01:16.000Z'
            }
        ]);
    });
});

describe('contract: create-blocked-sender-policy (demisto sample)', () => {
    it('returns the domain the policy blocks, from policy.fromValue', async () => {
        const t = createTestHost();
        mockToken();
        nock(TEST_BASE)
            .post('/api/policy/blockedsenders/create-policy')
            .reply(200, envelope([fixture('create-policy-item.demisto')]));

        await expect(
            t.runAction('create-blocked-sender-policy', {
                description: 'test',
                option: 'block_sender',
                fromPart: 'both',
                fromType: 'email_domain',
                fromValue: 'google.com',
                toType: 'everyone'
            })
        ).resolves.toMatchObject({
            description: 'test',
            option: 'block_sender',
            fromPart: 'both',
            fromType: 'email_domain',
            fromValue: 'google.com',
            toType: 'everyone',
            createTime: '2024-06-06T08:18:34.000Z'
        });
    });
});

describe('contract: create-blocked-sender-policy (rapid7 sample)', () => {
    it('returns the created policy flattened with its id and times', async () => {
        const t = createTestHost();
        mockToken();
        const body = fixture<Policies>('create-policy.rapid7');
        nock(TEST_BASE).post('/api/policy/blockedsenders/create-policy').reply(200, body);

        await expect(
            t.runAction('create-blocked-sender-policy', { description: 'some test policy', option: 'block_sender', fromType: 'everyone', toType: 'everyone' })
        ).resolves.toEqual(flattened(body.data[0]!.id));
    });
});

describe('contract: delete-blocked-sender-policy', () => {
    it('API 2.0: sends DELETE .../policies/{id} with the bearer token and accepts 204 with no body', async () => {
        const t = createTestHost();
        mockToken();
        const id = fixture<Policies>('create-policy.rapid7').data[0]!.id;
        const api = nock(TEST_BASE, { reqheaders: { authorization: `Bearer ${TEST_TOKEN}` } })
            .delete(`${REST}${id}`)
            .reply(204);

        await expect(t.runAction('delete-blocked-sender-policy', { id })).resolves.toEqual({ id, deleted: true });
        expect(api.isDone()).toBe(true);
    });

    it('API 2.0: accepts 200 too, and never calls the API 1.0 delete-policy', async () => {
        const t = createTestHost();
        mockToken();
        nock(TEST_BASE).delete(`${REST}pol-1`).reply(200, {});
        const v1 = nock(TEST_BASE).post('/api/policy/blockedsenders/delete-policy').reply(200, fixture('delete-policy.rapid7'));

        await expect(t.runAction('delete-blocked-sender-policy', { id: 'pol-1' })).resolves.toEqual({ id: 'pol-1', deleted: true });
        expect(v1.isDone()).toBe(false);
        nock.cleanAll();
    });

    it.each([
        [
            404,
            { error: [{ code: 'policy_not_found', message: 'Policy not found' }] },
            { code: 'policy_not_found', message: expect.stringContaining('Policy not found'), status: 404 }
        ],
        [403, { message: 'Forbidden' }, { code: 'http_403', message: expect.stringContaining('Forbidden'), status: 403 }],
        [400, { error: { code: 'invalid_policy_id', message: 'Bad id' } }, { code: 'invalid_policy_id', status: 400 }]
    ])('API 2.0: HTTP %i %j becomes an ActionError with Mimecast code, message and status', async (status, body, payload) => {
        const t = createTestHost();
        mockToken();
        nock(TEST_BASE).delete(`${REST}pol-1`).reply(status, body);

        await expect(t.runAction('delete-blocked-sender-policy', { id: 'pol-1' })).rejects.toMatchObject({ payload: { ...payload, retryable: false } });
    });

    it('API 2.0: escapes the id in the path, and refuses an id that would change the path', async () => {
        const t = createTestHost();
        mockToken();
        // ':' and '=' occur in Mimecast ids and are escaped in a path segment; '/' and '?' never reach Mimecast.
        const api = nock(TEST_BASE).delete(`${REST}eNo1%3Apol%3D`).reply(204);

        await expect(t.runAction('delete-blocked-sender-policy', { id: 'eNo1:pol=' })).resolves.toEqual({ id: 'eNo1:pol=', deleted: true });
        expect(api.isDone()).toBe(true);
        await expect(t.runAction('delete-blocked-sender-policy', { id: 'a/b?c' })).rejects.toMatchObject({ payload: { code: 'invalid_input', field: 'id' } });
        expect(nock.pendingMocks()).toEqual([]);
    });

    it('API 1.0 (mimecast-api-v1): posts delete-policy, signed, and reads the published answer', async () => {
        const connection = connectionFromEnv(
            {
                MIMECAST_PROVIDER: 'mimecast-api-v1',
                MIMECAST_V1_BASE_URL: TEST_BASE,
                MIMECAST_APP_ID: 'test-app-id-0001',
                MIMECAST_APP_KEY: 'test-app-key-value-0001',
                MIMECAST_ACCESS_KEY: 'test-access-key-value-0001',
                MIMECAST_SECRET_KEY: Buffer.from('test secret key bytes for HMAC').toString('base64')
            },
            { clientId: '', clientSecret: '', baseUrl: '' }
        );
        const host = new Host({
            connection,
            store: new Store(':memory:'),
            logger: createLogger({ level: 'error', write: () => undefined }),
            proxy: { backoffBaseMs: 1, maxWaitMs: 50 }
        });
        const body = fixture<Policies>('delete-policy.rapid7');
        const id = body.data[0]!.id;
        const api = nock(TEST_BASE, { reqheaders: { authorization: /^MC test-access-key-value-0001:/, 'x-mc-app-id': 'test-app-id-0001' } })
            .post('/api/policy/blockedsenders/delete-policy', { data: [{ id }] })
            .reply(200, body);
        const rest = nock(TEST_BASE).delete(`${REST}${id}`).reply(204);

        await expect(host.runAction(findFunction('delete-blocked-sender-policy'), { id })).resolves.toEqual({ id, deleted: true });
        expect(api.isDone()).toBe(true);
        expect(rest.isDone()).toBe(false);
        nock.cleanAll();
    });
});

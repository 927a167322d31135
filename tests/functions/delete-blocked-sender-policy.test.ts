import nock from 'nock';

import { createTestHost, envelope, mockToken, TEST_BASE } from '../harness.js';

// API 2.0 deletes through the policy-management family; delete-policy is API 1.0 only (its signed path is
// covered in tests/contract/blocked-sender-policies.test.ts and tests/e2e/v1.test.ts).
const REST = '/policy-management/cloud-gateway/v1/blocked-senders/policies';

describe('action delete-blocked-sender-policy', () => {
    it('sends DELETE .../policies/{id} with no body and reports the deletion on 204', async () => {
        const t = createTestHost();
        mockToken();
        const api = nock(TEST_BASE)
            .delete(`${REST}/eNo1-policy`, (body) => body === '' || body === undefined)
            .reply(204);
        await expect(t.runAction('delete-blocked-sender-policy', { id: 'eNo1-policy' })).resolves.toEqual({ id: 'eNo1-policy', deleted: true });
        expect(api.isDone()).toBe(true);
    });

    it('reports an unknown id (HTTP 404 {"error":[...]}) as an error, not a success', async () => {
        const t = createTestHost();
        mockToken();
        nock(TEST_BASE)
            .delete(`${REST}/missing`)
            .reply(404, { error: [{ code: 'not_found', message: 'Policy could not be found' }] });
        await expect(t.runAction('delete-blocked-sender-policy', { id: 'missing' })).rejects.toMatchObject({
            payload: { code: 'not_found', status: 404, retryable: false }
        });
    });

    it('reports a bare {"message":"Forbidden"} 403 with its status', async () => {
        const t = createTestHost();
        mockToken();
        nock(TEST_BASE).delete(`${REST}/x`).reply(403, { message: 'Forbidden' });
        await expect(t.runAction('delete-blocked-sender-policy', { id: 'x' })).rejects.toMatchObject({
            payload: { code: 'http_403', status: 403, message: expect.stringContaining('Forbidden') }
        });
    });

    it('turns an error body inside a 2xx into an ActionError', async () => {
        const t = createTestHost();
        mockToken();
        nock(TEST_BASE)
            .delete(`${REST}/x`)
            .reply(200, { error: [{ code: 'err_policy_locked', message: 'Policy is being edited' }] });
        await expect(t.runAction('delete-blocked-sender-policy', { id: 'x' })).rejects.toMatchObject({ payload: { code: 'err_policy_locked' } });
    });

    it('retries a 5xx and then succeeds', async () => {
        const t = createTestHost();
        mockToken();
        nock(TEST_BASE)
            .delete(`${REST}/x`)
            .reply(503, { error: [{ code: 'unavailable', message: 'try later' }] })
            .delete(`${REST}/x`)
            .reply(204);
        await expect(t.runAction('delete-blocked-sender-policy', { id: 'x' })).resolves.toEqual({ id: 'x', deleted: true });
    });

    it('does not call the API 1.0 delete-policy on an API 2.0 connection', async () => {
        const t = createTestHost();
        mockToken();
        nock(TEST_BASE).delete(`${REST}/x`).reply(204);
        const v1 = nock(TEST_BASE)
            .post('/api/policy/blockedsenders/delete-policy')
            .reply(200, envelope([{ id: 'x' }]));
        await t.runAction('delete-blocked-sender-policy', { id: 'x' });
        expect(v1.isDone()).toBe(false);
        nock.cleanAll();
    });

    it.each([[{}], [{ id: '' }], [{ id: 'x', option: 'block_sender' }]])('rejects %j before any request', async (input) => {
        const t = createTestHost();
        await expect(t.runAction('delete-blocked-sender-policy', input)).rejects.toMatchObject({ payload: { code: 'invalid_input' } });
        expect(nock.pendingMocks()).toEqual([]);
    });
});

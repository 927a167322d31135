import nock from 'nock';

import { createTestHost, envelope, mockToken, TEST_BASE } from '../harness.js';

const PATH = '/api/policy/blockedsenders/delete-policy';

describe('action delete-blocked-sender-policy', () => {
    it('posts the id and reports the deletion Mimecast confirmed', async () => {
        const t = createTestHost();
        mockToken();
        const api = nock(TEST_BASE).post(PATH, { data: [{ id: 'eNo1-policy' }] }).reply(200, envelope([{ id: 'eNo1-policy' }]));
        await expect(t.runAction('delete-blocked-sender-policy', { id: 'eNo1-policy' })).resolves.toEqual({ id: 'eNo1-policy', deleted: true });
        expect(api.isDone()).toBe(true);
    });

    it('reports an unknown id (meta.status 404 inside HTTP 200) as an error, not a success', async () => {
        const t = createTestHost();
        mockToken();
        nock(TEST_BASE).post(PATH).reply(200, { meta: { status: 404 }, data: [], fail: [] });
        await expect(t.runAction('delete-blocked-sender-policy', { id: 'missing' })).rejects.toMatchObject({ payload: { code: 'http_404', status: 404 } });
    });

    it('does not report success when Mimecast confirms no id', async () => {
        const t = createTestHost();
        mockToken();
        nock(TEST_BASE).post(PATH).reply(200, envelope([]));
        await expect(t.runAction('delete-blocked-sender-policy', { id: 'eNo1-policy' })).rejects.toMatchObject({ payload: { code: 'err_policy_not_deleted', field: 'id' } });
    });

    it('turns fail[] into an ActionError with retryable', async () => {
        const t = createTestHost();
        mockToken();
        nock(TEST_BASE)
            .post(PATH)
            .reply(200, { meta: { status: 200 }, data: [], fail: [{ key: { id: 'x' }, errors: [{ code: 'err_policy_locked', message: 'Policy is being edited', retryable: true }] }] });
        await expect(t.runAction('delete-blocked-sender-policy', { id: 'x' })).rejects.toMatchObject({ payload: { code: 'err_policy_locked', retryable: true } });
    });

    it.each([[{}], [{ id: '' }], [{ id: 'x', option: 'block_sender' }]])('rejects %j before any request', async (input) => {
        const t = createTestHost();
        await expect(t.runAction('delete-blocked-sender-policy', input)).rejects.toMatchObject({ payload: { code: 'invalid_input' } });
        expect(nock.pendingMocks()).toEqual([]);
    });
});

import nock from 'nock';

import { createTestHost, envelope, failEnvelope, mockToken, TEST_BASE } from '../harness.js';

const PATH = '/api/ttp/url/delete-managed-url';

describe('action delete-managed-url', () => {
    it('posts the id and reports the deletion', async () => {
        const t = createTestHost();
        mockToken();
        const api = nock(TEST_BASE)
            .post(PATH, { data: [{ id: 'mu-1' }] })
            .reply(200, envelope([]));
        await expect(t.runAction('delete-managed-url', { id: 'mu-1' })).resolves.toEqual({ id: 'mu-1', deleted: true });
        expect(api.isDone()).toBe(true);
    });

    it('turns fail[] (unknown id) into an ActionError', async () => {
        const t = createTestHost();
        mockToken();
        nock(TEST_BASE)
            .post(PATH)
            .reply(200, failEnvelope('err_managed_url_not_found', 'The managed URL could not be found', 'id'));
        await expect(t.runAction('delete-managed-url', { id: 'nope' })).rejects.toMatchObject({
            payload: { code: 'err_managed_url_not_found', field: 'id', retryable: false }
        });
    });

    it.each([[{}], [{ id: '' }], [{ id: '   ' }], [{ id: 42 }]])('rejects %j before any request', async (input) => {
        const t = createTestHost();
        await expect(t.runAction('delete-managed-url', input)).rejects.toMatchObject({ payload: { code: 'invalid_input', field: 'id' } });
        expect(nock.pendingMocks()).toEqual([]);
    });
});

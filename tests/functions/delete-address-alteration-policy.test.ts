import nock from 'nock';

import { createTestHost, envelope, failEnvelope, mockToken, TEST_BASE } from '../harness.js';

const PATH = '/api/policy/address-alteration/delete-policy';

describe('action delete-address-alteration-policy', () => {
    it('posts the id and reports the deletion Mimecast confirmed', async () => {
        const t = createTestHost();
        mockToken();
        const api = nock(TEST_BASE)
            .post(PATH, { data: [{ id: 'eNo1p' }] })
            .reply(200, envelope([{ id: 'eNo1p', deleted: true }]));
        await expect(t.runAction('delete-address-alteration-policy', { id: 'eNo1p' })).resolves.toEqual({ id: 'eNo1p', deleted: true });
        expect(api.isDone()).toBe(true);
    });

    it('deleted:false or no answer is not a success', async () => {
        const t = createTestHost();
        mockToken();
        nock(TEST_BASE)
            .post(PATH)
            .reply(200, envelope([{ id: 'eNo1p', deleted: false }]));
        await expect(t.runAction('delete-address-alteration-policy', { id: 'eNo1p' })).rejects.toMatchObject({
            payload: { code: 'err_policy_not_deleted', field: 'id' }
        });
    });

    it('fail[] becomes an ActionError with the code', async () => {
        const t = createTestHost();
        mockToken();
        nock(TEST_BASE)
            .post(PATH)
            .reply(200, failEnvelope('err_policy_not_found', 'No policy', 'id'));
        await expect(t.runAction('delete-address-alteration-policy', { id: 'eNo1p' })).rejects.toMatchObject({ payload: { code: 'err_policy_not_found' } });
    });

    it.each([[{}], [{ id: '' }], [{ id: 'a\u0001' }], [{ id: 'p', all: true }]])('rejects %j before any request', async (input) => {
        const t = createTestHost();
        const token = mockToken();
        await expect(t.runAction('delete-address-alteration-policy', input)).rejects.toMatchObject({ payload: { code: 'invalid_input' } });
        expect(token.isDone()).toBe(false);
        nock.cleanAll();
    });
});

import nock from 'nock';

import { createTestHost, mockToken, TEST_BASE } from '../harness.js';

const PATH = '/policy-management/cloud-gateway/v1/anti-spoofing-bypass/policies';

describe('action delete-anti-spoofing-bypass-policy', () => {
    it.each([204, 200])('sends DELETE on the policy and reports HTTP %i as deleted', async (status) => {
        const t = createTestHost();
        mockToken();
        const api = nock(TEST_BASE).delete(`${PATH}/eNo1x`).reply(status);
        await expect(t.runAction('delete-anti-spoofing-bypass-policy', { id: 'eNo1x' })).resolves.toEqual({ id: 'eNo1x', deleted: true });
        expect(api.isDone()).toBe(true);
    });

    it('an unknown id is an error, not a deletion', async () => {
        const t = createTestHost();
        mockToken();
        nock(TEST_BASE)
            .delete(`${PATH}/gone`)
            .reply(404, { error: [{ code: 'policy_not_found', message: 'not found' }] });
        await expect(t.runAction('delete-anti-spoofing-bypass-policy', { id: 'gone' })).rejects.toMatchObject({
            payload: { code: 'policy_not_found', status: 404 }
        });
    });

    it('a 403 {"message":"Forbidden"} is an error with status 403', async () => {
        const t = createTestHost();
        mockToken();
        nock(TEST_BASE).delete(`${PATH}/p`).reply(403, { message: 'Forbidden' });
        await expect(t.runAction('delete-anti-spoofing-bypass-policy', { id: 'p' })).rejects.toMatchObject({ payload: { code: 'http_403', status: 403 } });
    });

    it.each([
        [{}, 'id'],
        [{ id: '' }, 'id'],
        [{ id: '../x' + '\u0000' }, 'id'],
        [{ id: 'p', force: true }, 'input']
    ])('rejects %j before any request', async (input, field) => {
        const t = createTestHost();
        const token = mockToken();
        await expect(t.runAction('delete-anti-spoofing-bypass-policy', input)).rejects.toMatchObject({ payload: { code: 'invalid_input', field } });
        expect(token.isDone()).toBe(false);
        nock.cleanAll();
    });
});

import nock from 'nock';

import { createTestHost, envelope, failEnvelope, mockToken, TEST_BASE, TEST_TOKEN } from '../harness.js';

describe('action get-account', () => {
    it('posts an empty data[] with the bearer token and returns the account flat', async () => {
        const t = createTestHost();
        mockToken();
        const api = nock(TEST_BASE, { reqheaders: { authorization: `Bearer ${TEST_TOKEN}` } })
            .post('/api/account/get-account', { data: [] })
            .reply(
                200,
                envelope([{ accountCode: 'C0A1', accountName: 'Acme', region: 'uk', userCount: 42, packages: ['Audit Events [1052]'], archive: true }])
            );

        await expect(t.runAction('get-account')).resolves.toEqual({
            accountCode: 'C0A1',
            accountName: 'Acme',
            region: 'uk',
            userCount: 42,
            packages: ['Audit Events [1052]'],
            archive: true
        });
        expect(api.isDone()).toBe(true);
    });

    it('turns fail[] inside HTTP 200 into an ActionError with Mimecast code and message', async () => {
        const t = createTestHost();
        mockToken();
        nock(TEST_BASE).post('/api/account/get-account').reply(200, failEnvelope('err_account_not_found', 'Account could not be found'));

        await expect(t.runAction('get-account')).rejects.toMatchObject({
            type: 'action_script_runtime_error',
            payload: { code: 'err_account_not_found', message: expect.stringContaining('Account could not be found') }
        });
    });

    it('reports a 403 (product not licensed) with its HTTP status', async () => {
        const t = createTestHost();
        mockToken();
        nock(TEST_BASE)
            .post('/api/account/get-account')
            .reply(403, { meta: { status: 403 }, data: [], fail: [{ errors: [{ code: 'err_forbidden', message: 'Permission denied' }] }] });

        await expect(t.runAction('get-account')).rejects.toMatchObject({ payload: { code: 'err_forbidden', status: 403 } });
    });

    it('rejects unexpected input before any call to Mimecast', async () => {
        const t = createTestHost();
        await expect(t.runAction('get-account', { accountCode: 'x' })).rejects.toMatchObject({ payload: { code: 'invalid_input' } });
        expect(nock.pendingMocks()).toEqual([]);
    });
});

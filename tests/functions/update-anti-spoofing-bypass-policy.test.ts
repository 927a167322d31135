import nock from 'nock';

import { createTestHost, mockToken, TEST_BASE } from '../harness.js';

const PATH = '/policy-management/cloud-gateway/v1/anti-spoofing-bypass/policies';

describe('action update-anti-spoofing-bypass-policy', () => {
    it('PATCHes the given fields and reports the 204 as updated', async () => {
        const t = createTestHost();
        mockToken();
        const api = nock(TEST_BASE)
            .patch(`${PATH}/eNo1x`, { option: 'disable_bypass', spfDomains: ['a.example.com', 'b.example.com'] })
            .reply(204);
        await expect(
            t.runAction('update-anti-spoofing-bypass-policy', { id: 'eNo1x', option: 'disable_bypass', spfDomains: ['a.example.com', 'b.example.com'] })
        ).resolves.toEqual({
            id: 'eNo1x',
            updated: true,
            changed: ['option', 'spfDomains']
        });
        expect(api.isDone()).toBe(true);
    });

    it('an unknown id (404 with an error body) is an error carrying the code', async () => {
        const t = createTestHost();
        mockToken();
        nock(TEST_BASE)
            .patch(`${PATH}/gone`)
            .reply(404, { error: [{ code: 'policy_not_found', message: 'not found' }] });
        await expect(t.runAction('update-anti-spoofing-bypass-policy', { id: 'gone', enabled: false })).rejects.toMatchObject({
            payload: { code: 'policy_not_found', status: 404 }
        });
    });

    it('a 500 that outlives the retries is retryable', async () => {
        const t = createTestHost();
        mockToken();
        nock(TEST_BASE)
            .patch(`${PATH}/p`)
            .times(10)
            .reply(500, { error: [{ code: 'internal_error', message: 'boom' }] });
        await expect(t.runAction('update-anti-spoofing-bypass-policy', { id: 'p', enabled: false })).rejects.toMatchObject({
            payload: { code: 'internal_error', status: 500, retryable: true }
        });
    });

    it.each([
        ['only an id', { id: 'p' }, 'input'],
        ['a blank id', { id: '', enabled: true }, 'id'],
        ['an id with a quote', { id: 'p"1', enabled: true }, 'id'],
        ['a profile_group without a group id', { id: 'p', toType: 'profile_group' }, 'toValue']
    ])('rejects %s before any request', async (_label, input, field) => {
        const t = createTestHost();
        const token = mockToken();
        await expect(t.runAction('update-anti-spoofing-bypass-policy', input)).rejects.toMatchObject({ payload: { code: 'invalid_input', field } });
        expect(token.isDone()).toBe(false);
        nock.cleanAll();
    });
});

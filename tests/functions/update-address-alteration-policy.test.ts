import nock from 'nock';

import { createTestHost, envelope, failEnvelope, mockToken, TEST_BASE } from '../harness.js';

const PATH = '/api/policy/address-alteration/update-policy';

describe('action update-address-alteration-policy', () => {
    it('posts id, set id and only the given policy fields (legacy target shape); returns the policy flattened', async () => {
        const t = createTestHost();
        mockToken();
        const api = nock(TEST_BASE)
            .post(PATH, {
                data: [
                    {
                        id: 'eNo1p',
                        addressAlterationSetId: 'eNo1set',
                        policy: {
                            description: 'Rewrite',
                            to: { type: 'email_domain', emailDomain: 'tenant.example' },
                            conditions: { sourceIPs: ['192.0.2.0/24'] },
                            enabled: true
                        }
                    }
                ]
            })
            .reply(
                200,
                envelope([
                    {
                        id: 'eNo1p',
                        policy: {
                            description: 'Rewrite',
                            to: { type: 'email_domain', emailDomain: 'tenant.example' },
                            toType: 'email_domain',
                            fromType: 'everyone',
                            conditions: { sourceIPs: ['192.0.2.0/24'] },
                            enabled: true,
                            fromEternal: true,
                            fromDate: '1900-01-01T00:00:00+0000'
                        }
                    }
                ])
            );
        await expect(
            t.runAction('update-address-alteration-policy', {
                id: 'eNo1p',
                addressAlterationSetId: 'eNo1set',
                description: 'Rewrite',
                toType: 'email_domain',
                toValue: 'tenant.example',
                sourceIPs: ['192.0.2.0/24'],
                enabled: true
            })
        ).resolves.toEqual({
            id: 'eNo1p',
            description: 'Rewrite',
            fromType: 'everyone',
            toType: 'email_domain',
            toValue: 'tenant.example',
            sourceIPs: ['192.0.2.0/24'],
            enabled: true
        });
        expect(api.isDone()).toBe(true);
    });

    it('a date it sets ends eternity on that side (fromEternal false); the other side is left as it is', async () => {
        const t = createTestHost();
        mockToken();
        const api = nock(TEST_BASE)
            .post(PATH, {
                data: [{ id: 'eNo1p', addressAlterationSetId: 'eNo1set', policy: { fromDate: '2027-01-01T00:00:00+0000', fromEternal: false } }]
            })
            .reply(200, envelope([{ id: 'eNo1p', policy: { fromEternal: false, fromDate: '2027-01-01T00:00:00+0000', toEternal: true } }]));
        await expect(
            t.runAction('update-address-alteration-policy', { id: 'eNo1p', addressAlterationSetId: 'eNo1set', fromDate: '2027-01-01T00:00:00Z' })
        ).resolves.toMatchObject({ id: 'eNo1p', fromDate: '2027-01-01T00:00:00.000Z' });
        expect(api.isDone()).toBe(true);
    });

    it('fail[] becomes an ActionError with the code and field', async () => {
        const t = createTestHost();
        mockToken();
        nock(TEST_BASE)
            .post(PATH)
            .reply(200, failEnvelope('err_policy_not_found', 'No policy', 'id'));
        await expect(t.runAction('update-address-alteration-policy', { id: 'x', addressAlterationSetId: 's', enabled: false })).rejects.toMatchObject({
            payload: { code: 'err_policy_not_found', field: 'id' }
        });
    });

    it('a 403 carries status 403', async () => {
        const t = createTestHost();
        mockToken();
        nock(TEST_BASE)
            .post(PATH)
            .reply(403, { meta: { status: 403 }, data: [], fail: [{ errors: [{ code: 'err_forbidden', message: 'Forbidden', retryable: false }] }] });
        await expect(t.runAction('update-address-alteration-policy', { id: 'x', addressAlterationSetId: 's', enabled: false })).rejects.toMatchObject({
            payload: { status: 403 }
        });
    });

    it.each([
        ['no set id', { id: 'x', enabled: true }, 'addressAlterationSetId'],
        ['a bad source range', { id: 'x', addressAlterationSetId: 's', sourceIPs: ['8.8.8.8'] }, 'sourceIPs.0'],
        ['an email_domain without a value', { id: 'x', addressAlterationSetId: 's', fromType: 'email_domain' }, 'fromValue'],
        ['an id with a space', { id: 'x y', addressAlterationSetId: 's' }, 'id']
    ])('rejects %s before any request', async (_label, input, field) => {
        const t = createTestHost();
        const token = mockToken();
        await expect(t.runAction('update-address-alteration-policy', input)).rejects.toMatchObject({ payload: { code: 'invalid_input', field } });
        expect(token.isDone()).toBe(false);
        nock.cleanAll();
    });
});

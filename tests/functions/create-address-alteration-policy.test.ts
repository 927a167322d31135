import nock from 'nock';

import { createTestHost, envelope, failEnvelope, mockToken, TEST_BASE } from '../harness.js';

const PATH = '/api/policy/address-alteration/create-policy';

describe('action create-address-alteration-policy', () => {
    it('posts the set id and the policy (legacy target shape, open ends eternal); returns the new policy flattened', async () => {
        const t = createTestHost();
        mockToken();
        const api = nock(TEST_BASE)
            .post(PATH, {
                data: [
                    {
                        addressAlterationSetId: 'eNo1set',
                        policy: {
                            description: 'Rewrite partner alias',
                            fromPart: 'envelope_from',
                            from: { type: 'email_domain', emailDomain: 'partner.example' },
                            to: { type: 'everyone' },
                            conditions: { sourceIPs: ['192.0.2.0/24'] },
                            enabled: true,
                            fromEternal: true,
                            toDate: '2027-01-31T00:00:00+0000',
                            toEternal: false
                        }
                    }
                ]
            })
            .reply(
                200,
                envelope([
                    {
                        id: 'eNo1new',
                        addressAlterationSetId: 'eNo1set',
                        policy: {
                            description: 'Rewrite partner alias',
                            fromPart: 'envelope_from',
                            from: { type: 'email_domain', emailDomain: 'partner.example' },
                            to: { type: 'everyone' },
                            fromType: 'email_domain',
                            fromValue: 'partner.example',
                            toType: 'everyone',
                            conditions: { sourceIPs: ['192.0.2.0/24'] },
                            enabled: true,
                            fromEternal: true,
                            fromDate: '1900-01-01T00:00:00+0000',
                            toEternal: false,
                            toDate: '2027-01-31T00:00:00+0000'
                        }
                    }
                ])
            );
        await expect(
            t.runAction('create-address-alteration-policy', {
                addressAlterationSetId: 'eNo1set',
                description: 'Rewrite partner alias',
                fromPart: 'envelope_from',
                fromType: 'email_domain',
                fromValue: 'partner.example',
                toType: 'everyone',
                sourceIPs: ['192.0.2.0/24'],
                enabled: true,
                toDate: '2027-01-31T00:00:00Z'
            })
        ).resolves.toEqual({
            id: 'eNo1new',
            addressAlterationSetId: 'eNo1set',
            description: 'Rewrite partner alias',
            fromPart: 'envelope_from',
            fromType: 'email_domain',
            fromValue: 'partner.example',
            toType: 'everyone',
            sourceIPs: ['192.0.2.0/24'],
            enabled: true,
            toDate: '2027-01-31T00:00:00.000Z'
        });
        expect(api.isDone()).toBe(true);
    });

    it('fail[] becomes an ActionError with the code and field', async () => {
        const t = createTestHost();
        mockToken();
        nock(TEST_BASE)
            .post(PATH)
            .reply(200, failEnvelope('err_validation_invalid_value', 'No such address alteration set', 'addressAlterationSetId'));
        await expect(
            t.runAction('create-address-alteration-policy', { addressAlterationSetId: 's', description: 'd', fromType: 'everyone', toType: 'everyone' })
        ).rejects.toMatchObject({ payload: { code: 'err_validation_invalid_value', field: 'addressAlterationSetId' } });
    });

    it.each([
        ['no set id', { description: 'd', fromType: 'everyone', toType: 'everyone' }, 'addressAlterationSetId'],
        ['no description', { addressAlterationSetId: 's', fromType: 'everyone', toType: 'everyone' }, 'description'],
        ['no recipient side', { addressAlterationSetId: 's', description: 'd', fromType: 'everyone' }, 'toType'],
        ['an email_domain without a value', { addressAlterationSetId: 's', description: 'd', fromType: 'email_domain', toType: 'everyone' }, 'fromValue'],
        [
            'a value the type does not take',
            { addressAlterationSetId: 's', description: 'd', fromType: 'everyone', fromValue: 'x.example', toType: 'everyone' },
            'fromValue'
        ],
        ['an empty source list', { addressAlterationSetId: 's', description: 'd', fromType: 'everyone', toType: 'everyone', sourceIPs: [] }, 'sourceIPs'],
        [
            'an end before the start',
            {
                addressAlterationSetId: 's',
                description: 'd',
                fromType: 'everyone',
                toType: 'everyone',
                fromDate: '2027-02-01T00:00:00Z',
                toDate: '2027-01-01T00:00:00Z'
            },
            'toDate'
        ],
        ['an id of its own', { id: 'x', addressAlterationSetId: 's', description: 'd', fromType: 'everyone', toType: 'everyone' }, 'input']
    ])('rejects %s before any request', async (_label, input, field) => {
        const t = createTestHost();
        const token = mockToken();
        await expect(t.runAction('create-address-alteration-policy', input)).rejects.toMatchObject({ payload: { code: 'invalid_input', field } });
        expect(token.isDone()).toBe(false);
        nock.cleanAll();
    });
});

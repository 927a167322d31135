import nock from 'nock';

import { createTestHost, envelope, failEnvelope, mockToken, TEST_BASE } from '../harness.js';

const PATH = '/api/policy/blockedsenders/create-policy';

const answer = {
    option: 'block_sender',
    id: 'eNo1-policy',
    policy: {
        description: 'Block fraud domain',
        fromPart: 'both',
        from: { type: 'email_domain', emailDomain: 'fraud.example.net' },
        to: { type: 'everyone' },
        fromType: 'email_domain',
        fromValue: 'fraud.example.net',
        toType: 'everyone',
        fromEternal: true,
        toEternal: true,
        fromDate: '1900-01-01T00:00:00+0000',
        toDate: '2100-01-01T23:59:59+0000',
        override: false,
        bidirectional: false,
        conditions: {},
        enabled: true,
        enforced: false,
        createTime: '2026-11-23T08:18:34+0000',
        lastUpdated: '2026-11-23T08:18:34+0000'
    }
};

const base = { description: 'Block fraud domain', option: 'block_sender', fromType: 'email_domain', fromValue: 'fraud.example.net', toType: 'everyone' };

describe('action create-blocked-sender-policy', () => {
    it('posts {option, policy} with open-ended dates as eternal, and returns the policy flattened', async () => {
        const t = createTestHost();
        mockToken();
        const api = nock(TEST_BASE)
            .post(PATH, {
                data: [
                    {
                        option: 'block_sender',
                        policy: {
                            description: 'Block fraud domain',
                            fromPart: 'both',
                            fromType: 'email_domain',
                            fromValue: 'fraud.example.net',
                            toType: 'everyone',
                            fromEternal: true,
                            toEternal: true
                        }
                    }
                ]
            })
            .reply(200, envelope([answer]));

        await expect(t.runAction('create-blocked-sender-policy', { ...base, fromPart: 'both', toValue: '', comment: '' })).resolves.toEqual({
            id: 'eNo1-policy',
            description: 'Block fraud domain',
            option: 'block_sender',
            fromPart: 'both',
            fromType: 'email_domain',
            fromValue: 'fraud.example.net',
            toType: 'everyone',
            bidirectional: false,
            enabled: true,
            enforced: false,
            override: false,
            createTime: '2026-11-23T08:18:34.000Z',
            lastUpdated: '2026-11-23T08:18:34.000Z'
        });
        expect(api.isDone()).toBe(true);
    });

    it('sends validity dates in Mimecast form and the flags given', async () => {
        const t = createTestHost();
        mockToken();
        const api = nock(TEST_BASE)
            .post(PATH, {
                data: [
                    {
                        option: 'no_action',
                        policy: {
                            description: 'Payroll exception',
                            fromType: 'individual_email_address',
                            fromValue: 'payroll@provider.example.com',
                            toType: 'internal_addresses',
                            bidirectional: true,
                            enabled: false,
                            comment: 'until year end',
                            fromEternal: false,
                            toEternal: false,
                            fromDate: '2026-01-01T00:00:00+0000',
                            toDate: '2026-12-31T22:59:59+0000'
                        }
                    }
                ]
            })
            .reply(200, envelope([{ ...answer, option: 'no_action' }]));

        await t.runAction('create-blocked-sender-policy', {
            description: 'Payroll exception',
            option: 'no_action',
            fromType: 'individual_email_address',
            fromValue: 'payroll@provider.example.com',
            toType: 'internal_addresses',
            bidirectional: true,
            enabled: false,
            comment: 'until year end',
            fromDate: '2026-01-01T00:00:00Z',
            toDate: '2026-12-31T23:59:59+01:00'
        });
        expect(api.isDone()).toBe(true);
    });

    it('turns fail[] into an ActionError carrying the field', async () => {
        const t = createTestHost();
        mockToken();
        nock(TEST_BASE)
            .post(PATH)
            .reply(200, failEnvelope('err_validation_missing', 'policy.fromValue is required', 'policy.fromValue'));
        await expect(t.runAction('create-blocked-sender-policy', base)).rejects.toMatchObject({
            payload: { code: 'err_validation_missing', field: 'policy.fromValue', retryable: false }
        });
    });

    it.each([
        ['description', { ...base, description: '' }],
        ['option', { ...base, option: 'block' }],
        ['fromType', { ...base, fromType: 'domain' }],
        ['fromValue', { ...base, fromValue: undefined }],
        ['fromValue', { ...base, fromValue: 'not a domain' }],
        ['fromValue', { ...base, fromType: 'individual_email_address', fromValue: 'nobody' }],
        ['fromValue', { ...base, fromType: 'everyone' }],
        ['toType', { ...base, toType: 'free_mail_domains' }],
        ['toValue', { ...base, toType: 'email_domain' }],
        ['fromPart', { ...base, fromPart: 'header' }],
        ['fromDate', { ...base, fromDate: '2026-13-01' }],
        ['toDate', { ...base, fromDate: '2026-06-01T00:00:00Z', toDate: '2026-05-01T00:00:00Z' }],
        ['input', { ...base, policy: {} }]
    ])('rejects bad %s before any request', async (field, input) => {
        const t = createTestHost();
        await expect(t.runAction('create-blocked-sender-policy', input)).rejects.toMatchObject({ payload: { code: 'invalid_input', field } });
        expect(nock.pendingMocks()).toEqual([]);
    });
});

import nock from 'nock';

import { createTestHost, mockToken, TEST_BASE } from '../harness.js';

const PATH = '/policy-management/cloud-gateway/v1/anti-spoofing-bypass/policies';
const INPUT = {
    description: 'Partner sends as us',
    option: 'enable_bypass',
    fromType: 'email_domain',
    fromValue: 'partner.example.com',
    toType: 'internal_addresses',
    spfDomains: ['partner.example.com']
};

describe('action create-anti-spoofing-bypass-policy', () => {
    it('POSTs the policy as bare JSON (open-ended dates as eternal) and returns the new id', async () => {
        const t = createTestHost();
        mockToken();
        const api = nock(TEST_BASE)
            .post(PATH, {
                description: 'Partner sends as us',
                option: 'enable_bypass',
                from: { type: 'email_domain', domain: 'partner.example.com' },
                to: { type: 'internal_addresses' },
                spfDomains: ['partner.example.com'],
                fromEternal: true,
                toEternal: true
            })
            .reply(201, { id: 'eNo1new', option: 'enable_bypass', enabled: true });
        await expect(t.runAction('create-anti-spoofing-bypass-policy', INPUT)).resolves.toEqual({
            id: 'eNo1new',
            description: 'Partner sends as us',
            option: 'enable_bypass',
            fromType: 'email_domain',
            fromValue: 'partner.example.com',
            toType: 'internal_addresses',
            spfDomains: ['partner.example.com'],
            enabled: true
        });
        expect(api.isDone()).toBe(true);
    });

    it('reads policyId when the answer names it so', async () => {
        const t = createTestHost();
        mockToken();
        nock(TEST_BASE).post(PATH).reply(200, { policyId: 'eNo1other' });
        await expect(t.runAction('create-anti-spoofing-bypass-policy', INPUT)).resolves.toMatchObject({ id: 'eNo1other' });
    });

    it('an answer without an id is not a success', async () => {
        const t = createTestHost();
        mockToken();
        nock(TEST_BASE).post(PATH).reply(204);
        await expect(t.runAction('create-anti-spoofing-bypass-policy', INPUT)).rejects.toMatchObject({ payload: { code: 'malformed_response' } });
    });

    it('carries {"error":[{code,message}]} and a bare 403 with their status', async () => {
        const t = createTestHost();
        mockToken();
        nock(TEST_BASE)
            .post(PATH)
            .reply(400, { error: [{ code: 'validation_invalid_value', message: 'from.type is not valid' }] });
        await expect(t.runAction('create-anti-spoofing-bypass-policy', INPUT)).rejects.toMatchObject({
            payload: { code: 'validation_invalid_value', status: 400 }
        });
        nock(TEST_BASE).post(PATH).reply(403, { message: 'Forbidden' });
        await expect(t.runAction('create-anti-spoofing-bypass-policy', INPUT)).rejects.toMatchObject({ payload: { code: 'http_403', status: 403 } });
    });

    it.each([
        ['no description', { ...INPUT, description: undefined }, 'description'],
        ['an unknown option', { ...INPUT, option: 'bypass' }, 'option'],
        ['an email_domain without a value', { ...INPUT, fromValue: undefined }, 'fromValue'],
        ['a bad SPF domain', { ...INPUT, spfDomains: ['not a domain'] }, 'spfDomains.0'],
        ['51 SPF domains', { ...INPUT, spfDomains: Array.from({ length: 51 }, (_, i) => `d${i}.example.com`) }, 'spfDomains'],
        ['a description over 200 characters', { ...INPUT, description: 'x'.repeat(201) }, 'description'],
        ['an unknown field', { ...INPUT, conditions: {} }, 'input']
    ])('rejects %s before any request', async (_label, input, field) => {
        const t = createTestHost();
        const token = mockToken();
        await expect(t.runAction('create-anti-spoofing-bypass-policy', input)).rejects.toMatchObject({ payload: { code: 'invalid_input', field } });
        expect(token.isDone()).toBe(false);
        nock.cleanAll();
    });
});

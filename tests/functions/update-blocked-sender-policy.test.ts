import nock from 'nock';

import { createTestHost, mockToken, TEST_BASE } from '../harness.js';

const PATH = '/policy-management/cloud-gateway/v1/blocked-senders/policies';

describe('action update-blocked-sender-policy', () => {
    it('PATCHes only the given fields as bare JSON (REST target shape) and reports the 204 as updated', async () => {
        const t = createTestHost();
        mockToken();
        const api = nock(TEST_BASE)
            .patch(`${PATH}/eNo1abc%3Adef%3D`, {
                description: 'Block fraud domain',
                enabled: false,
                from: { type: 'email_domain', domain: 'fraud.example.net' },
                toDate: '2030-01-01T00:00:00+0000',
                toEternal: false
            })
            .reply(204);
        await expect(
            t.runAction('update-blocked-sender-policy', {
                id: 'eNo1abc:def=',
                description: 'Block fraud domain',
                enabled: false,
                fromType: 'email_domain',
                fromValue: 'fraud.example.net',
                toDate: '2030-01-01T00:00:00Z'
            })
        ).resolves.toEqual({ id: 'eNo1abc:def=', updated: true, changed: ['description', 'from', 'enabled', 'toDate', 'toEternal'] });
        expect(api.isDone()).toBe(true);
    });

    it('carries the 2.0 error body {"error":[{code,message}]} with its code', async () => {
        const t = createTestHost();
        mockToken();
        nock(TEST_BASE)
            .patch(`${PATH}/missing`)
            .reply(404, { error: [{ code: 'policy_not_found', message: 'No such policy' }] });
        await expect(t.runAction('update-blocked-sender-policy', { id: 'missing', enabled: true })).rejects.toMatchObject({
            payload: { code: 'policy_not_found', message: expect.stringContaining('No such policy'), status: 404, retryable: false }
        });
    });

    it('a bare {"message":"Forbidden"} 403 is an error with status 403', async () => {
        const t = createTestHost();
        mockToken();
        nock(TEST_BASE).patch(`${PATH}/p1`).reply(403, { message: 'Forbidden' });
        await expect(t.runAction('update-blocked-sender-policy', { id: 'p1', enabled: true })).rejects.toMatchObject({
            payload: { code: 'http_403', status: 403, message: expect.stringContaining('Forbidden') }
        });
    });

    it('a fail[] in a 200 is not a success', async () => {
        const t = createTestHost();
        mockToken();
        nock(TEST_BASE)
            .patch(`${PATH}/p1`)
            .reply(200, { fail: [{ errors: [{ code: 'err_policy_locked', message: 'locked', retryable: true }] }] });
        await expect(t.runAction('update-blocked-sender-policy', { id: 'p1', enabled: true })).rejects.toMatchObject({
            payload: { code: 'err_policy_locked', retryable: true }
        });
    });

    it.each([
        ['only an id', { id: 'p1' }, 'input'],
        ['an id with a slash-free but spaced value', { id: 'p 1', enabled: true }, 'id'],
        ['an id over 1024 characters', { id: 'a'.repeat(1025), enabled: true }, 'id'],
        ['fromValue without fromType', { id: 'p1', fromValue: 'x.example' }, 'fromValue'],
        ['an address too long before the @', { id: 'p1', fromType: 'individual_email_address', fromValue: `${'a'.repeat(65)}@x.example` }, 'fromValue'],
        ['a domain that is not one', { id: 'p1', fromType: 'email_domain', fromValue: 'not a domain' }, 'fromValue'],
        ['a value for everyone', { id: 'p1', toType: 'everyone', toValue: 'x.example' }, 'toValue'],
        ['a control character in the description', { id: 'p1', description: 'a\nb' }, 'description'],
        ['an unknown option', { id: 'p1', option: 'quarantine' }, 'option'],
        ['toDate before fromDate', { id: 'p1', fromDate: '2030-01-02T00:00:00Z', toDate: '2030-01-01T00:00:00Z' }, 'toDate']
    ])('rejects %s before any request', async (_label, input, field) => {
        const t = createTestHost();
        const token = mockToken();
        await expect(t.runAction('update-blocked-sender-policy', input)).rejects.toMatchObject({ payload: { code: 'invalid_input', field } });
        expect(token.isDone()).toBe(false);
        nock.cleanAll();
    });
});

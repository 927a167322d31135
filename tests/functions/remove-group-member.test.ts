import nock from 'nock';

import { createTestHost, envelope, failEnvelope, mockToken, TEST_BASE } from '../harness.js';

const PATH = '/api/directory/remove-group-member';

describe('action remove-group-member', () => {
    it('removes an email address', async () => {
        const t = createTestHost();
        mockToken();
        const api = nock(TEST_BASE)
            .post(PATH, { data: [{ id: 'g1', emailAddress: 'phish@bad.example.net' }] })
            .reply(200, envelope([]));
        await expect(t.runAction('remove-group-member', { id: 'g1', emailAddress: 'phish@bad.example.net' })).resolves.toEqual({
            groupId: 'g1',
            emailAddress: 'phish@bad.example.net',
            removed: true
        });
        expect(api.isDone()).toBe(true);
    });

    it('removes a domain', async () => {
        const t = createTestHost();
        mockToken();
        const api = nock(TEST_BASE)
            .post(PATH, { data: [{ id: 'g1', domain: 'bad.example.net' }] })
            .reply(200, envelope([]));
        await expect(t.runAction('remove-group-member', { id: 'g1', domain: 'bad.example.net' })).resolves.toEqual({
            groupId: 'g1',
            domain: 'bad.example.net',
            removed: true
        });
        expect(api.isDone()).toBe(true);
    });

    it('reports fail[] (not a member) as an ActionError, never as removed', async () => {
        const t = createTestHost();
        mockToken();
        nock(TEST_BASE)
            .post(PATH)
            .reply(200, failEnvelope('err_member_not_found', 'Member could not be found', 'emailAddress'));
        await expect(t.runAction('remove-group-member', { id: 'g1', emailAddress: 'x@corp.example.com' })).rejects.toMatchObject({
            payload: { code: 'err_member_not_found', message: expect.stringContaining('Member could not be found'), field: 'emailAddress' }
        });
    });

    it.each([
        ['id', { domain: 'bad.example.net' }],
        ['emailAddress', { id: 'g1' }],
        ['domain', { id: 'g1', emailAddress: 'a@b.example.com', domain: 'b.example.com' }],
        ['emailAddress', { id: 'g1', emailAddress: 'bob' }],
        ['domain', { id: 'g1', domain: 'bad example.net' }],
        ['input', { id: 'g1', domain: 'bad.example.net', notes: 'no notes on remove' }]
    ])('rejects bad %s before any request: %j', async (field, input) => {
        const t = createTestHost();
        const api = nock(TEST_BASE).post(PATH).reply(200, envelope([]));
        await expect(t.runAction('remove-group-member', input)).rejects.toMatchObject({
            payload: { code: 'invalid_input', ...(field === 'input' ? {} : { field }) }
        });
        expect(api.isDone()).toBe(false);
    });
});

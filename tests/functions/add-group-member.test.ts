import nock from 'nock';

import { createTestHost, envelope, failEnvelope, mockToken, TEST_BASE } from '../harness.js';

const PATH = '/api/directory/add-group-member';

describe('action add-group-member', () => {
    it('adds an email address with notes and returns the member', async () => {
        const t = createTestHost();
        mockToken();
        const api = nock(TEST_BASE)
            .post(PATH, { data: [{ id: 'g1', emailAddress: 'phish@bad.example.net', notes: 'ticket 42' }] })
            .reply(200, envelope([{ id: 'm1', folderId: 'g1', emailAddress: 'phish@bad.example.net', internal: false }]));

        await expect(t.runAction('add-group-member', { id: 'g1', emailAddress: 'phish@bad.example.net', notes: 'ticket 42' })).resolves.toEqual({
            groupId: 'g1',
            memberId: 'm1',
            emailAddress: 'phish@bad.example.net',
            internal: false,
            added: true
        });
        expect(api.isDone()).toBe(true);
    });

    it('adds a whole domain', async () => {
        const t = createTestHost();
        mockToken();
        const api = nock(TEST_BASE)
            .post(PATH, { data: [{ id: 'g1', domain: 'bad.example.net' }] })
            .reply(200, envelope([{ id: 'm2', folderId: 'g1', domain: 'bad.example.net' }]));
        await expect(t.runAction('add-group-member', { id: 'g1', domain: 'bad.example.net' })).resolves.toEqual({
            groupId: 'g1',
            memberId: 'm2',
            domain: 'bad.example.net',
            added: true
        });
        expect(api.isDone()).toBe(true);
    });

    it('turns fail[] into an ActionError with Mimecast code and message (never a success)', async () => {
        const t = createTestHost();
        mockToken();
        nock(TEST_BASE)
            .post(PATH)
            .reply(200, failEnvelope('err_folder_not_found', 'Group could not be found', 'id'));
        await expect(t.runAction('add-group-member', { id: 'g9', emailAddress: 'a@b.example.com' })).rejects.toMatchObject({
            type: 'action_script_runtime_error',
            payload: { code: 'err_folder_not_found', message: expect.stringContaining('Group could not be found'), field: 'id', retryable: false }
        });
    });

    it('reports a 500 as retryable', async () => {
        const t = createTestHost();
        mockToken();
        nock(TEST_BASE)
            .post(PATH)
            .times(10)
            .reply(500, { meta: { status: 500 }, data: [], fail: [{ errors: [{ code: 'err_server_error', message: 'Internal error' }] }] });
        await expect(t.runAction('add-group-member', { id: 'g1', domain: 'bad.example.net' })).rejects.toMatchObject({
            payload: { code: 'err_server_error', status: 500, retryable: true }
        });
    });

    it.each([
        ['id', { emailAddress: 'a@b.example.com' }],
        ['id', { id: '  ', emailAddress: 'a@b.example.com' }],
        ['emailAddress', { id: 'g1' }],
        ['domain', { id: 'g1', emailAddress: 'a@b.example.com', domain: 'b.example.com' }],
        ['emailAddress', { id: 'g1', emailAddress: 'not-an-address' }],
        ['emailAddress', { id: 'g1', emailAddress: '' }],
        ['domain', { id: 'g1', domain: 'https://bad.example.net/' }],
        ['domain', { id: 'g1', domain: 'a@bad.example.net' }],
        ['domain', { id: 'g1', domain: 'localhost' }],
        ['notes', { id: 'g1', domain: 'bad.example.net', notes: ' ' }],
        ['input', { id: 'g1', domain: 'bad.example.net', folderId: 'x' }]
    ])('rejects bad %s before any request: %j', async (field, input) => {
        const t = createTestHost();
        const api = nock(TEST_BASE)
            .post(PATH)
            .reply(200, envelope([{ id: 'm' }]));
        await expect(t.runAction('add-group-member', input)).rejects.toMatchObject({
            payload: { code: 'invalid_input', ...(field === 'input' ? {} : { field }) }
        });
        expect(api.isDone()).toBe(false);
    });
});

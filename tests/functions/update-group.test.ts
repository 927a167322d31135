import nock from 'nock';

import { createTestHost, envelope, failEnvelope, mockToken, TEST_BASE } from '../harness.js';

const PATH = '/api/directory/update-group';

describe('action update-group', () => {
    it('posts id, description and parentId and returns the group', async () => {
        const t = createTestHost();
        mockToken();
        const api = nock(TEST_BASE)
            .post(PATH, { data: [{ id: 'g1', description: 'Blocked Senders 2', parentId: 'g0' }] })
            .reply(200, envelope([{ id: 'g1', description: 'Blocked Senders 2', source: 'cloud', parentId: 'g0', userCount: 3, folderCount: 0 }]));
        await expect(t.runAction('update-group', { id: 'g1', description: 'Blocked Senders 2', parentId: 'g0' })).resolves.toMatchObject({
            id: 'g1',
            description: 'Blocked Senders 2',
            parentId: 'g0'
        });
        expect(api.isDone()).toBe(true);
    });

    it('fail[] (a read-only LDAP group) is an ActionError with the code', async () => {
        const t = createTestHost();
        mockToken();
        nock(TEST_BASE)
            .post(PATH)
            .reply(200, failEnvelope('err_folder_read_only', 'LDAP groups cannot be changed', 'id'));
        await expect(t.runAction('update-group', { id: 'g1', description: 'x' })).rejects.toMatchObject({
            payload: { code: 'err_folder_read_only', field: 'id' }
        });
    });

    it('a 403 carries status 403', async () => {
        const t = createTestHost();
        mockToken();
        nock(TEST_BASE)
            .post(PATH)
            .reply(403, { meta: { status: 403 }, data: [], fail: [{ errors: [{ code: 'err_forbidden', message: 'Forbidden', retryable: false }] }] });
        await expect(t.runAction('update-group', { id: 'g1', description: 'x' })).rejects.toMatchObject({ payload: { code: 'err_forbidden', status: 403 } });
    });

    it.each([
        ['only an id', { id: 'g1' }, 'description'],
        ['its own parent', { id: 'g1', parentId: 'g1' }, 'parentId'],
        ['a description over 255 characters', { id: 'g1', description: 'x'.repeat(256) }, 'description'],
        ['a control character', { id: 'g1', description: 'a\tb' }, 'description'],
        ['an id with spaces', { id: 'g 1', description: 'x' }, 'id']
    ])('rejects %s before any request', async (_label, input, field) => {
        const t = createTestHost();
        const token = mockToken();
        await expect(t.runAction('update-group', input)).rejects.toMatchObject({ payload: { code: 'invalid_input', field } });
        expect(token.isDone()).toBe(false);
        nock.cleanAll();
    });
});

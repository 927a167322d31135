import nock from 'nock';

import { createTestHost, envelope, failEnvelope, mockToken, TEST_BASE } from '../harness.js';

const PATH = '/api/directory/create-group';

describe('action create-group', () => {
    it('sends description and parentId and returns the new group', async () => {
        const t = createTestHost();
        mockToken();
        const api = nock(TEST_BASE)
            .post(PATH, { data: [{ description: 'Blocked Senders - Q4', parentId: 'root-1' }] })
            .reply(200, envelope([{ id: 'g-new', description: 'Blocked Senders - Q4', source: 'cloud', parentId: 'root-1', userCount: 0, folderCount: 0 }]));

        await expect(t.runAction('create-group', { description: '  Blocked Senders - Q4 ', parentId: 'root-1' })).resolves.toEqual({
            id: 'g-new',
            description: 'Blocked Senders - Q4',
            source: 'cloud',
            parentId: 'root-1',
            userCount: 0,
            folderCount: 0
        });
        expect(api.isDone()).toBe(true);
    });

    it('sends no parentId for a top-level group', async () => {
        const t = createTestHost();
        mockToken();
        const api = nock(TEST_BASE)
            .post(PATH, { data: [{ description: 'VIPs' }] })
            .reply(200, envelope([{ id: 'g2', description: 'VIPs', source: 'cloud' }]));
        await expect(t.runAction('create-group', { description: 'VIPs' })).resolves.toEqual({ id: 'g2', description: 'VIPs', source: 'cloud' });
        expect(api.isDone()).toBe(true);
    });

    it('turns fail[] into an ActionError with Mimecast code and message', async () => {
        const t = createTestHost();
        mockToken();
        nock(TEST_BASE)
            .post(PATH)
            .reply(200, failEnvelope('err_folder_not_found', 'Parent group could not be found', 'parentId'));
        await expect(t.runAction('create-group', { description: 'VIPs', parentId: 'nope' })).rejects.toMatchObject({
            payload: { code: 'err_folder_not_found', message: expect.stringContaining('Parent group could not be found'), field: 'parentId' }
        });
    });

    it('reports an answer without the created group as malformed', async () => {
        const t = createTestHost();
        mockToken();
        nock(TEST_BASE).post(PATH).reply(200, envelope([]));
        await expect(t.runAction('create-group', { description: 'VIPs' })).rejects.toMatchObject({ payload: { code: 'malformed_response' } });
    });

    it.each([
        ['description', {}],
        ['description', { description: '   ' }],
        ['description', { description: 'x'.repeat(256) }],
        ['parentId', { description: 'VIPs', parentId: '' }],
        ['parentId', { description: 'VIPs', parentId: 7 }]
    ])('rejects bad %s before any request: %j', async (field, input) => {
        const t = createTestHost();
        const api = nock(TEST_BASE)
            .post(PATH)
            .reply(200, envelope([{ id: 'x', description: 'x' }]));
        await expect(t.runAction('create-group', input)).rejects.toMatchObject({ payload: { code: 'invalid_input', field } });
        expect(api.isDone()).toBe(false);
    });
});

import nock from 'nock';

import { createTestHost, envelope, failEnvelope, mockToken, TEST_BASE } from '../harness.js';

const PATH = '/api/directory/delete-group';

describe('action delete-group', () => {
    it('posts the id and reports the deletion', async () => {
        const t = createTestHost();
        mockToken();
        const api = nock(TEST_BASE)
            .post(PATH, { data: [{ id: 'g1' }] })
            .reply(200, envelope([]));
        await expect(t.runAction('delete-group', { id: 'g1' })).resolves.toEqual({ id: 'g1', deleted: true });
        expect(api.isDone()).toBe(true);
    });

    it('fail[] (unknown group) is an error, not a deletion', async () => {
        const t = createTestHost();
        mockToken();
        nock(TEST_BASE)
            .post(PATH)
            .reply(200, failEnvelope('err_folder_not_found', 'No group', 'id'));
        await expect(t.runAction('delete-group', { id: 'g1' })).rejects.toMatchObject({ payload: { code: 'err_folder_not_found', field: 'id' } });
    });

    it('meta.status 404 inside HTTP 200 is an error', async () => {
        const t = createTestHost();
        mockToken();
        nock(TEST_BASE)
            .post(PATH)
            .reply(200, { meta: { status: 404 }, data: [], fail: [] });
        await expect(t.runAction('delete-group', { id: 'g1' })).rejects.toMatchObject({ payload: { code: 'http_404' } });
    });

    it.each([[{}], [{ id: ' ' }], [{ id: 'g1', recursive: true }], [{ id: 'x'.repeat(1025) }]])('rejects %j before any request', async (input) => {
        const t = createTestHost();
        const token = mockToken();
        await expect(t.runAction('delete-group', input)).rejects.toMatchObject({ payload: { code: 'invalid_input' } });
        expect(token.isDone()).toBe(false);
        nock.cleanAll();
    });
});

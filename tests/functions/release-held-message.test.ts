import nock from 'nock';

import { createTestHost, envelope, failEnvelope, mockToken, TEST_BASE, TEST_TOKEN } from '../harness.js';

const PATH = '/api/gateway/hold-release';

describe('action release-held-message', () => {
    it('posts the id and reports released: true when Mimecast released it', async () => {
        const t = createTestHost();
        mockToken();
        const api = nock(TEST_BASE, { reqheaders: { authorization: `Bearer ${TEST_TOKEN}` } })
            .post(PATH, { data: [{ id: 'held-1' }] })
            .reply(200, envelope([{ id: 'held-1', release: true }]));

        await expect(t.runAction('release-held-message', { id: 'held-1' })).resolves.toEqual({ id: 'held-1', released: true });
        expect(api.isDone()).toBe(true);
    });

    it('release: false inside HTTP 200 is an ActionError (release_failed), never a success', async () => {
        const t = createTestHost();
        mockToken();
        nock(TEST_BASE)
            .post(PATH)
            .reply(200, envelope([{ id: 'held-1', release: false }]));

        await expect(t.runAction('release-held-message', { id: 'held-1' })).rejects.toMatchObject({
            payload: { code: 'release_failed', id: 'held-1', released: false, retryable: false, message: expect.stringContaining('held-1') }
        });
    });

    it('a response that does not mention the id is not a release', async () => {
        const t = createTestHost();
        mockToken();
        nock(TEST_BASE)
            .post(PATH)
            .reply(200, envelope([{ id: 'other', release: true }]));
        await expect(t.runAction('release-held-message', { id: 'held-1' })).rejects.toMatchObject({ payload: { code: 'release_failed' } });

        mockToken();
        nock(TEST_BASE).post(PATH).reply(200, envelope([]));
        await expect(createTestHost().runAction('release-held-message', { id: 'held-1' })).rejects.toMatchObject({ payload: { code: 'release_failed' } });
    });

    it('fail[] becomes an ActionError carrying Mimecast code, message and retryable', async () => {
        const t = createTestHost();
        mockToken();
        nock(TEST_BASE)
            .post(PATH)
            .reply(200, {
                meta: { status: 200 },
                data: [],
                fail: [
                    {
                        key: { id: 'held-1' },
                        errors: [{ code: 'err_hold_release_unavailable', message: 'Release is temporarily unavailable', retryable: true }]
                    }
                ]
            });

        await expect(t.runAction('release-held-message', { id: 'held-1' })).rejects.toMatchObject({
            payload: { code: 'err_hold_release_unavailable', message: expect.stringContaining('Release is temporarily unavailable'), retryable: true }
        });
    });

    it('a 403 (permission missing) keeps its status and is not retryable', async () => {
        const t = createTestHost();
        mockToken();
        nock(TEST_BASE).post(PATH).reply(403, failEnvelope('err_forbidden', 'Permission denied'));
        await expect(t.runAction('release-held-message', { id: 'held-1' })).rejects.toMatchObject({
            payload: { code: 'err_forbidden', status: 403, retryable: false }
        });
    });

    it.each([
        ['a missing id', {}],
        ['a blank id', { id: '   ' }],
        ['a non-string id', { id: 42 }],
        ['an unknown field', { id: 'held-1', ids: ['x'] }]
    ])('rejects %s before any request', async (_label, input) => {
        const t = createTestHost();
        const token = mockToken();
        const api = nock(TEST_BASE)
            .post(PATH)
            .reply(200, envelope([{ id: 'held-1', release: true }]));

        await expect(t.runAction('release-held-message', input)).rejects.toMatchObject({
            payload: { code: 'invalid_input', field: expect.stringMatching(/^(id|input|ids)$/) }
        });
        expect(api.isDone()).toBe(false);
        expect(token.isDone()).toBe(false);
    });
});

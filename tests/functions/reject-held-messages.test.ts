import nock from 'nock';

import { createTestHost, envelope, failEnvelope, mockToken, TEST_BASE } from '../harness.js';

const PATH = '/api/gateway/hold-reject';

describe('action reject-held-messages', () => {
    it('posts ids, message, reasonType and notify in one item and reports every id rejected', async () => {
        const t = createTestHost();
        mockToken();
        const api = nock(TEST_BASE)
            .post(PATH, { data: [{ ids: ['h1', 'h2'], message: 'Blocked by the SOC', reasonType: 'MESSAGE_CONTAINS_UNDESIRABLE_CONTENT', notify: true }] })
            .reply(
                200,
                envelope([
                    { id: 'h1', reject: true },
                    { id: 'h2', reject: true }
                ])
            );

        await expect(
            t.runAction('reject-held-messages', {
                ids: ['h1', 'h2'],
                message: 'Blocked by the SOC',
                reasonType: 'MESSAGE_CONTAINS_UNDESIRABLE_CONTENT',
                notify: true
            })
        ).resolves.toEqual({
            results: [
                { id: 'h1', rejected: true },
                { id: 'h2', rejected: true }
            ],
            rejectedCount: 2,
            failedCount: 0,
            allSucceeded: true
        });
        expect(api.isDone()).toBe(true);
    });

    it('sends only the fields given (no blank message) and drops duplicate ids', async () => {
        const t = createTestHost();
        mockToken();
        const api = nock(TEST_BASE)
            .post(PATH, { data: [{ ids: ['h1'] }] })
            .reply(200, envelope([{ id: 'h1', reject: true }]));
        await expect(t.runAction('reject-held-messages', { ids: ['h1', 'h1'] })).resolves.toMatchObject({
            results: [{ id: 'h1', rejected: true }],
            allSucceeded: true
        });
        expect(api.isDone()).toBe(true);
    });

    it('reports a partial failure per id: reject:false and ids missing from the answer are not rejected', async () => {
        const t = createTestHost();
        mockToken();
        nock(TEST_BASE)
            .post(PATH)
            .reply(
                200,
                envelope([
                    { id: 'h1', reject: true },
                    { id: 'h2', reject: false }
                ])
            );

        await expect(t.runAction('reject-held-messages', { ids: ['h1', 'h2', 'h3'] })).resolves.toEqual({
            results: [
                { id: 'h1', rejected: true },
                { id: 'h2', rejected: false },
                { id: 'h3', rejected: false }
            ],
            rejectedCount: 1,
            failedCount: 2,
            allSucceeded: false
        });
    });

    it('fail[] becomes an ActionError with Mimecast code, message and retryable flag', async () => {
        const t = createTestHost();
        mockToken();
        nock(TEST_BASE)
            .post(PATH)
            .reply(200, failEnvelope('err_validation_invalid_value', 'reasonType is not valid', 'reasonType'));
        await expect(t.runAction('reject-held-messages', { ids: ['h1'] })).rejects.toMatchObject({
            payload: {
                code: 'err_validation_invalid_value',
                message: expect.stringContaining('reasonType is not valid'),
                retryable: false,
                field: 'reasonType'
            }
        });
    });

    it('a 500 that outlives the retries is a retryable ActionError', async () => {
        const t = createTestHost();
        mockToken();
        nock(TEST_BASE).post(PATH).times(10).reply(500, failEnvelope('err_server_error', 'Internal error'));
        await expect(t.runAction('reject-held-messages', { ids: ['h1'] })).rejects.toMatchObject({
            payload: { code: 'err_server_error', status: 500, retryable: true }
        });
    });

    it.each([
        ['no ids', {}, 'ids'],
        ['an empty ids array', { ids: [] }, 'ids'],
        ['a blank id', { ids: ['h1', ''] }, 'ids.1'],
        ['a reasonType not in Mimecast words', { ids: ['h1'], reasonType: 'spam' }, 'reasonType'],
        ['a blank message', { ids: ['h1'], message: ' ' }, 'message'],
        ['a non-boolean notify', { ids: ['h1'], notify: 'yes' }, 'notify'],
        ['an ids string instead of an array', { ids: 'h1' }, 'ids']
    ])('rejects %s before any request', async (_label, input, field) => {
        const t = createTestHost();
        const token = mockToken();
        const api = nock(TEST_BASE).post(PATH).reply(200, envelope([]));
        await expect(t.runAction('reject-held-messages', input)).rejects.toMatchObject({ payload: { code: 'invalid_input', field } });
        expect(api.isDone()).toBe(false);
        expect(token.isDone()).toBe(false);
    });
});

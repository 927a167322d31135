import nock from 'nock';

import { createTestHost, envelope, failEnvelope, mockToken, TEST_BASE } from '../harness.js';

const PATH = '/api/gateway/get-hold-summary-list';

describe('action get-held-message-summary', () => {
    it('posts an empty data[] and returns the count per hold reason with the total', async () => {
        const t = createTestHost();
        mockToken();
        const api = nock(TEST_BASE)
            .post(PATH, { data: [] })
            .reply(
                200,
                envelope([
                    { policyInfo: 'Relaxed Spam Detection', numberOfItems: 1473 },
                    { policyInfo: 'Default Attachment Management Definition', numberOfItems: 79 }
                ])
            );
        await expect(t.runAction('get-held-message-summary', {})).resolves.toEqual({
            reasons: [
                { policyInfo: 'Relaxed Spam Detection', numberOfItems: 1473 },
                { policyInfo: 'Default Attachment Management Definition', numberOfItems: 79 }
            ],
            totalHeld: 1552
        });
        expect(api.isDone()).toBe(true);
    });

    it('an empty queue is zero reasons, zero held', async () => {
        const t = createTestHost();
        mockToken();
        nock(TEST_BASE).post(PATH).reply(200, envelope([]));
        await expect(t.runAction('get-held-message-summary', {})).resolves.toEqual({ reasons: [], totalHeld: 0 });
    });

    it('fail[] becomes an ActionError with Mimecast code; a 403 carries status 403', async () => {
        const t = createTestHost();
        mockToken();
        nock(TEST_BASE).post(PATH).reply(200, failEnvelope('err_xdk_operation_forbidden', 'Operation forbidden'));
        await expect(t.runAction('get-held-message-summary', {})).rejects.toMatchObject({ payload: { code: 'err_xdk_operation_forbidden', retryable: false } });
        nock(TEST_BASE)
            .post(PATH)
            .reply(403, { meta: { status: 403 }, data: [], fail: [{ errors: [{ code: 'err_forbidden', message: 'Forbidden', retryable: false }] }] });
        await expect(t.runAction('get-held-message-summary', {})).rejects.toMatchObject({ payload: { code: 'err_forbidden', status: 403 } });
    });

    it('an entry without numberOfItems is a malformed answer, not a zero', async () => {
        const t = createTestHost();
        mockToken();
        nock(TEST_BASE)
            .post(PATH)
            .reply(200, envelope([{ policyInfo: 'x' }]));
        await expect(t.runAction('get-held-message-summary', {})).rejects.toMatchObject({ payload: { code: 'malformed_response' } });
    });

    it('rejects unknown input fields before any request', async () => {
        const t = createTestHost();
        const token = mockToken();
        await expect(t.runAction('get-held-message-summary', { reason: 'spam' })).rejects.toMatchObject({ payload: { code: 'invalid_input', field: 'input' } });
        expect(token.isDone()).toBe(false);
        nock.cleanAll();
    });
});

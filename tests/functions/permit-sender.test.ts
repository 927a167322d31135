import nock from 'nock';

import { createTestHost, envelope, failEnvelope, mockToken, TEST_BASE } from '../harness.js';

const PATH = '/api/managedsender/permit-or-block-sender';

describe('action permit-sender', () => {
    it('posts action permit through the same request as block-sender', async () => {
        const t = createTestHost();
        mockToken();
        const api = nock(TEST_BASE)
            .post(PATH, { data: [{ sender: 'billing@partner.example.com', to: 'bob@corp.example.com', action: 'permit' }] })
            .reply(200, envelope([{ id: 'MTOKEN:xyz', sender: 'billing@partner.example.com', to: 'bob@corp.example.com', type: 'Permit' }]));

        await expect(t.runAction('permit-sender', { sender: 'billing@partner.example.com', to: 'bob@corp.example.com' })).resolves.toEqual({
            id: 'MTOKEN:xyz',
            sender: 'billing@partner.example.com',
            to: 'bob@corp.example.com',
            action: 'permit'
        });
        expect(api.isDone()).toBe(true);
    });

    it('fails on an answer without an entry instead of reporting success', async () => {
        const t = createTestHost();
        mockToken();
        nock(TEST_BASE).post(PATH).reply(200, envelope([]));
        await expect(t.runAction('permit-sender', { sender: 'billing@partner.example.com', to: 'bob@corp.example.com' })).rejects.toMatchObject({
            payload: { code: 'malformed_response' }
        });
    });

    it('turns fail[] into an ActionError', async () => {
        const t = createTestHost();
        mockToken();
        nock(TEST_BASE)
            .post(PATH)
            .reply(200, failEnvelope('err_validation_blank', 'to must not be blank', 'to'));
        await expect(t.runAction('permit-sender', { sender: 'billing@partner.example.com', to: 'bob@corp.example.com' })).rejects.toMatchObject({
            payload: { code: 'err_validation_blank', field: 'to', retryable: false }
        });
    });

    it('rejects a recipient that is not an address before any request', async () => {
        const t = createTestHost();
        await expect(t.runAction('permit-sender', { sender: 'billing@partner.example.com', to: 'bob' })).rejects.toMatchObject({
            payload: { code: 'invalid_input', field: 'to', message: expect.stringContaining('to: must be an email address') }
        });
        expect(nock.pendingMocks()).toEqual([]);
    });
});

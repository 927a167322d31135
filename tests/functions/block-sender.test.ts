import nock from 'nock';

import { createTestHost, envelope, failEnvelope, mockToken, TEST_BASE } from '../harness.js';

const PATH = '/api/managedsender/permit-or-block-sender';

describe('action block-sender', () => {
    it('posts sender, to and action block, and returns the managed-sender entry', async () => {
        const t = createTestHost();
        mockToken();
        const api = nock(TEST_BASE)
            .post(PATH, { data: [{ sender: 'phish@bad.example.net', to: 'alice@corp.example.com', action: 'block' }] })
            .reply(200, envelope([{ id: 'MTOKEN:abc', sender: 'phish@bad.example.net', to: 'alice@corp.example.com', type: 'Block' }]));

        await expect(t.runAction('block-sender', { sender: 'phish@bad.example.net', to: 'alice@corp.example.com' })).resolves.toEqual({
            id: 'MTOKEN:abc',
            sender: 'phish@bad.example.net',
            to: 'alice@corp.example.com',
            action: 'block'
        });
        expect(api.isDone()).toBe(true);
    });

    it('turns fail[] into an ActionError with Mimecast code, message, field and retryable', async () => {
        const t = createTestHost();
        mockToken();
        nock(TEST_BASE)
            .post(PATH)
            .reply(200, failEnvelope('err_validation_invalid_email_address', 'Email address is not valid', 'sender'));

        await expect(t.runAction('block-sender', { sender: 'phish@bad.example.net', to: 'alice@corp.example.com' })).rejects.toMatchObject({
            type: 'action_script_runtime_error',
            payload: {
                code: 'err_validation_invalid_email_address',
                message: expect.stringContaining('Email address is not valid'),
                field: 'sender',
                retryable: false
            }
        });
    });

    it('reports a 5xx that outlives the retries as retryable', async () => {
        const t = createTestHost();
        mockToken();
        nock(TEST_BASE)
            .post(PATH)
            .times(4)
            .reply(503, {
                meta: { status: 503 },
                data: [],
                fail: [{ errors: [{ code: 'err_server_error', message: 'Service unavailable', retryable: true }] }]
            });

        await expect(t.runAction('block-sender', { sender: 'phish@bad.example.net', to: 'alice@corp.example.com' })).rejects.toMatchObject({
            payload: { code: 'err_server_error', status: 503, retryable: true }
        });
    });

    it.each([
        ['sender', { to: 'alice@corp.example.com' }],
        ['sender', { sender: 'not-an-address', to: 'alice@corp.example.com' }],
        ['to', { sender: 'phish@bad.example.net', to: '' }],
        ['to', { sender: 'phish@bad.example.net' }],
        ['input', { sender: 'phish@bad.example.net', to: 'alice@corp.example.com', action: 'permit' }]
    ])('rejects bad %s before any request: %j', async (field, input) => {
        const t = createTestHost();
        const token = mockToken();
        await expect(t.runAction('block-sender', input)).rejects.toMatchObject({ payload: { code: 'invalid_input', field } });
        expect(token.isDone()).toBe(false);
        expect(nock.pendingMocks()).toHaveLength(1); // only the unused token mock
    });
});

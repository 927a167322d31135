import nock from 'nock';

import { createTestHost, envelope, failEnvelope, mockToken, TEST_BASE } from '../harness.js';

const PATH = '/api/domain/get-internal-domain';

describe('action list-internal-domains', () => {
    it('returns every domain across pages, flat', async () => {
        const t = createTestHost();
        mockToken();
        const api = nock(TEST_BASE)
            .post(PATH, { meta: { pagination: { pageSize: 100 } }, data: [] })
            .reply(200, envelope([{ id: 'd1', domain: 'Corp.Example.com', inboundType: 'known', local: true, sendOnly: false }], 'p2'))
            .post(PATH, { meta: { pagination: { pageSize: 100, pageToken: 'p2' } }, data: [] })
            .reply(200, envelope([{ domain: 'mail.example.com', inboundType: '' }]));

        await expect(t.runAction('list-internal-domains')).resolves.toEqual({
            domains: [
                { id: 'd1', domain: 'corp.example.com', inboundType: 'known', local: true, sendOnly: false },
                { id: 'mail.example.com', domain: 'mail.example.com' }
            ],
            count: 2
        });
        expect(api.isDone()).toBe(true);
    });

    it('turns fail[] into an ActionError with Mimecast code and message', async () => {
        const t = createTestHost();
        mockToken();
        nock(TEST_BASE).post(PATH).reply(200, failEnvelope('err_forbidden', 'Application lacks permission'));
        await expect(t.runAction('list-internal-domains')).rejects.toMatchObject({
            type: 'action_script_runtime_error',
            payload: { code: 'err_forbidden', message: expect.stringContaining('Application lacks permission') }
        });
    });

    it('rejects unexpected input before any request', async () => {
        const t = createTestHost();
        const api = nock(TEST_BASE).post(PATH).reply(200, envelope([]));
        await expect(t.runAction('list-internal-domains', { domain: 'x' })).rejects.toMatchObject({ payload: { code: 'invalid_input' } });
        expect(api.isDone()).toBe(false);
    });
});

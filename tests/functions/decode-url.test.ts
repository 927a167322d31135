import nock from 'nock';

import { createTestHost, envelope, failEnvelope, mockToken, TEST_BASE } from '../harness.js';

const PATH = '/api/ttp/url/decode-url';
const REWRITTEN = 'https://protect-eu.mimecast.com/s/AbCdEfGhIjK?domain=www.example.com';

describe('action decode-url', () => {
    it('posts the url and returns data[0].url', async () => {
        const t = createTestHost();
        mockToken();
        const api = nock(TEST_BASE)
            .post(PATH, { data: [{ url: REWRITTEN }] })
            .reply(200, envelope([{ url: 'https://www.example.com/invoice?id=42', success: true }]));
        await expect(t.runAction('decode-url', { url: REWRITTEN })).resolves.toEqual({ encodedUrl: REWRITTEN, url: 'https://www.example.com/invoice?id=42' });
        expect(api.isDone()).toBe(true);
    });

    it('sends the url exactly as written, not the form the URL parser would normalize it to', async () => {
        // Nango's runner's zod (4.0.5) rewrote a z.url() value to new URL(value).href: HTTPS://PROTECT-EU... became lowercase with a slash.
        const asWritten = 'HTTPS://Protect-EU.mimecast.com:443?domain=www.example.com';
        const t = createTestHost();
        mockToken();
        const api = nock(TEST_BASE)
            .post(PATH, { data: [{ url: asWritten }] })
            .reply(200, envelope([{ url: 'https://www.example.com/', success: true }]));
        await expect(t.runAction('decode-url', { url: asWritten })).resolves.toEqual({ encodedUrl: asWritten, url: 'https://www.example.com/' });
        expect(api.isDone()).toBe(true);
    });

    it('does not report success when Mimecast says success: false', async () => {
        const t = createTestHost();
        mockToken();
        nock(TEST_BASE)
            .post(PATH)
            .reply(200, envelope([{ url: REWRITTEN, success: false }]));
        await expect(t.runAction('decode-url', { url: REWRITTEN })).rejects.toMatchObject({ payload: { code: 'err_url_not_decoded', field: 'url' } });
    });

    it('turns fail[] into an ActionError', async () => {
        const t = createTestHost();
        mockToken();
        nock(TEST_BASE)
            .post(PATH)
            .reply(200, failEnvelope('err_url_decode_failed', 'The URL is not a Mimecast rewritten URL', 'url'));
        await expect(t.runAction('decode-url', { url: REWRITTEN })).rejects.toMatchObject({
            payload: { code: 'err_url_decode_failed', message: expect.stringContaining('not a Mimecast rewritten URL') }
        });
    });

    it.each([[{}], [{ url: '' }], [{ url: 'protect-eu.mimecast.com/s/abc' }], [{ url: 'javascript:alert(1)' }]])(
        'rejects %j before any request',
        async (input) => {
            const t = createTestHost();
            await expect(t.runAction('decode-url', input)).rejects.toMatchObject({ payload: { code: 'invalid_input', field: 'url' } });
            expect(nock.pendingMocks()).toEqual([]);
        }
    );
});

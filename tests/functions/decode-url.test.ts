import nock from 'nock';

import { createTestHost, envelope, failEnvelope, mockToken, TEST_BASE } from '../harness.js';

const PATH = '/api/ttp/url/decode-url';
const REWRITTEN = 'https://protect-eu.mimecast.com/s/AbCdEfGhIjK?domain=www.example.com';

describe('action decode-url', () => {
    // The second url is sent exactly as written, not as the URL parser would normalize it: the zod of Nango's
    // runner (4.0.5) rewrote a z.url() value to new URL(value).href (lowercase host, the port dropped, a slash added).
    it.each([
        ['a rewritten link', REWRITTEN, 'https://www.example.com/invoice?id=42'],
        ['a link the URL parser would normalize', 'HTTPS://Protect-EU.mimecast.com:443?domain=www.example.com', 'https://www.example.com/']
    ])('posts the url as written and returns data[0].url: %s', async (_case, url, decoded) => {
        const t = createTestHost();
        mockToken();
        const api = nock(TEST_BASE)
            .post(PATH, { data: [{ url }] })
            .reply(200, envelope([{ url: decoded, success: true }]));
        await expect(t.runAction('decode-url', { url })).resolves.toEqual({ encodedUrl: url, url: decoded });
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

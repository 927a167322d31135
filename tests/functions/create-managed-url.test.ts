import nock from 'nock';

import { createTestHost, envelope, failEnvelope, mockToken, TEST_BASE } from '../harness.js';

const PATH = '/api/ttp/url/create-managed-url';

const created = {
    id: 'mu-1',
    scheme: 'https',
    domain: 'www.bad.example.net',
    port: -1,
    path: '/login',
    queryString: '',
    matchType: 'explicit',
    action: 'block',
    comment: '',
    disableUserAwareness: false,
    disableRewrite: false,
    disableLogClick: false
};

describe('action create-managed-url', () => {
    it('sends only the fields given (explicit by default, no empty comment) and returns the entry flat', async () => {
        const t = createTestHost();
        mockToken();
        const api = nock(TEST_BASE)
            .post(PATH, { data: [{ url: 'https://www.bad.example.net/login', action: 'block', matchType: 'explicit' }] })
            .reply(200, envelope([created]));

        await expect(t.runAction('create-managed-url', { url: 'https://www.bad.example.net/login', action: 'block', comment: '  ' })).resolves.toEqual({
            id: 'mu-1',
            url: 'https://www.bad.example.net/login',
            scheme: 'https',
            domain: 'www.bad.example.net',
            path: '/login',
            matchType: 'explicit',
            action: 'block',
            disableRewrite: false,
            disableUserAwareness: false,
            disableLogClick: false
        });
        expect(api.isDone()).toBe(true);
    });

    it('sends the permit flags and comment', async () => {
        const t = createTestHost();
        mockToken();
        const api = nock(TEST_BASE)
            .post(PATH, {
                data: [
                    {
                        url: 'https://partner.example.com/',
                        action: 'permit',
                        matchType: 'domain',
                        comment: 'partner',
                        disableRewrite: true,
                        disableUserAwareness: true,
                        disableLogClick: false
                    }
                ]
            })
            .reply(
                200,
                envelope([
                    {
                        ...created,
                        domain: 'partner.example.com',
                        path: '',
                        action: 'permit',
                        matchType: 'domain',
                        comment: 'partner',
                        disableRewrite: true,
                        disableUserAwareness: true
                    }
                ])
            );

        const out = await t.runAction('create-managed-url', {
            url: 'https://partner.example.com/',
            action: 'permit',
            matchType: 'domain',
            comment: 'partner',
            disableRewrite: true,
            disableUserAwareness: true,
            disableLogClick: false
        });
        expect(out).toMatchObject({ url: 'https://partner.example.com', action: 'permit', matchType: 'domain', comment: 'partner', disableRewrite: true });
        expect(api.isDone()).toBe(true);
    });

    it('turns fail[] (already exists) into an ActionError with Mimecast code and message', async () => {
        const t = createTestHost();
        mockToken();
        nock(TEST_BASE).post(PATH).reply(200, failEnvelope('err_managed_url_exists_code', 'The managed URL already exists; to update it, delete and recreate'));
        await expect(t.runAction('create-managed-url', { url: 'https://www.bad.example.net/login', action: 'block' })).rejects.toMatchObject({
            payload: { code: 'err_managed_url_exists_code', message: expect.stringContaining('already exists'), retryable: false }
        });
    });

    it.each([
        ['url', { url: 'https://www.bad.example.net/login#top', action: 'block' }, /#fragment/],
        ['url', { url: 'not a url', action: 'block' }, /http or https URL/],
        ['url', { url: 'ftp://files.example.net/x', action: 'block' }, /http or https URL/],
        ['url', { action: 'block' }, /url/],
        ['action', { url: 'https://x.example.net/', action: 'allow' }, /action/],
        ['matchType', { url: 'https://x.example.net/', action: 'block', matchType: 'regex' }, /matchType/],
        ['disableRewrite', { url: 'https://x.example.net/', action: 'block', disableRewrite: true }, /only when action is permit/],
        ['disableLogClick', { url: 'https://x.example.net/', action: 'block', disableLogClick: 'yes' }, /disableLogClick/],
        ['input', { url: 'https://x.example.net/', action: 'block', overrideUrl: true }, /overrideUrl/]
    ])('rejects bad %s before any request: %j', async (field, input, message) => {
        const t = createTestHost();
        await expect(t.runAction('create-managed-url', input)).rejects.toMatchObject({
            payload: { code: 'invalid_input', field, message: expect.stringMatching(message) }
        });
        expect(nock.pendingMocks()).toEqual([]);
    });
});

// Managed URLs against Rapid7's published answers: get-all-managed-urls (a first page of 10 of 31, with
// `next`), create-managed-url, delete-managed-url (empty data[]) and decode-url.
import nock from 'nock';

import { createTestHost, envelope, mockToken, TEST_BASE } from '../harness.js';
import { fixture } from './fixtures.js';

type Urls = { meta: { pagination: { next: string } }; data: { id: string }[] };

describe('contract: managed-urls sync (rapid7 sample)', () => {
    it('follows next, and saves entries with the URL rebuilt, no -1 port and no blank comment', async () => {
        const t = createTestHost();
        mockToken();
        const body = fixture<Urls>('get-all-managed-urls.rapid7');
        const api = nock(TEST_BASE)
            .post('/api/ttp/url/get-all-managed-urls', { data: [] })
            .reply(200, body)
            .post('/api/ttp/url/get-all-managed-urls', { meta: { pagination: { pageToken: body.meta.pagination.next } }, data: [] })
            .reply(200, envelope([]));

        const result = await t.runSync('managed-urls');

        expect(api.isDone()).toBe(true);
        expect(result.models['ManagedUrl']).toMatchObject({ added: 10 });
        const urls = t.records('ManagedUrl');
        expect(urls[0]).toEqual({
            id: body.data[0]!.id,
            url: 'https://www.testset3444412312.net/',
            scheme: 'https',
            domain: 'www.testset3444412312.net',
            path: '/',
            matchType: 'explicit',
            action: 'block',
            disableRewrite: false,
            disableUserAwareness: false,
            disableLogClick: false
        });
        // The last entry has an empty path and a comment.
        expect(urls[9]).toMatchObject({ url: 'http://aadroid.net', comment: 'Blocked by @jmontero from Slack!', action: 'block' });
        expect(urls[9]).not.toHaveProperty('path');
    });
});

describe('contract: create-managed-url (rapid7 sample)', () => {
    it('returns the entry Mimecast stored, with its id', async () => {
        const t = createTestHost();
        mockToken();
        const body = fixture<Urls>('create-managed-url.rapid7');
        nock(TEST_BASE)
            .post('/api/ttp/url/create-managed-url', { data: [{ url: 'https://www.test.net/', action: 'permit', matchType: 'explicit' }] })
            .reply(200, body);

        await expect(t.runAction('create-managed-url', { url: 'https://www.test.net/', action: 'permit' })).resolves.toEqual({
            id: body.data[0]!.id,
            url: 'https://www.test.net/',
            scheme: 'https',
            domain: 'www.test.net',
            path: '/',
            matchType: 'explicit',
            action: 'permit',
            disableRewrite: false,
            disableUserAwareness: false,
            disableLogClick: false
        });
    });
});

describe('contract: delete-managed-url (rapid7 sample)', () => {
    it('reports the deletion on the empty data[] Mimecast answers', async () => {
        const t = createTestHost();
        mockToken();
        nock(TEST_BASE)
            .post('/api/ttp/url/delete-managed-url', { data: [{ id: 'url-1' }] })
            .reply(200, fixture('delete-managed-url.rapid7'));

        await expect(t.runAction('delete-managed-url', { id: 'url-1' })).resolves.toEqual({ id: 'url-1', deleted: true });
    });
});

describe('contract: decode-url (rapid7 sample)', () => {
    it('returns the decoded URL beside the rewritten one', async () => {
        const t = createTestHost();
        mockToken();
        const encodedUrl = 'https://protect-xx.mimecast.com/s/abcDEF?domain=example.com';
        nock(TEST_BASE)
            .post('/api/ttp/url/decode-url', { data: [{ url: encodedUrl }] })
            .reply(200, fixture('decode-url.rapid7'));

        await expect(t.runAction('decode-url', { url: encodedUrl })).resolves.toEqual({ encodedUrl, url: 'https://protect-xx.mimecast.com/' });
    });
});

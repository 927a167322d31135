import nock from 'nock';

import { createTestHost, envelope, failEnvelope, mockToken, TEST_BASE } from '../harness.js';

const PATH = '/api/ttp/url/get-all-managed-urls';

function managedUrl(id: string, extra: Record<string, unknown> = {}) {
    return {
        id,
        scheme: 'https',
        domain: `${id}.example.net`,
        port: -1,
        path: '/login',
        queryString: '',
        matchType: 'explicit',
        action: 'block',
        comment: '',
        disableUserAwareness: false,
        disableRewrite: false,
        disableLogClick: false,
        ...extra
    };
}

describe('sync managed-urls', () => {
    it('posts data: [] with no filter, follows next, and saves flat records without blank fields', async () => {
        const t = createTestHost();
        mockToken();
        const api = nock(TEST_BASE)
            .post(PATH, { data: [] })
            .reply(
                200,
                envelope(
                    [
                        managedUrl('u1'),
                        managedUrl('u2', { port: 8443, queryString: 'a=1', comment: 'SOC', action: 'permit', matchType: 'domain', disableRewrite: true })
                    ],
                    'page-2'
                )
            )
            .post(PATH, { meta: { pagination: { pageToken: 'page-2' } }, data: [] })
            .reply(200, envelope([managedUrl('u3', { scheme: 'http', path: '' })]));

        const result = await t.runSync('managed-urls');

        expect(api.isDone()).toBe(true);
        expect(result.models['ManagedUrl']).toMatchObject({ added: 3, deleted: 0 });
        expect(t.records('ManagedUrl')).toEqual([
            {
                id: 'u1',
                url: 'https://u1.example.net/login',
                scheme: 'https',
                domain: 'u1.example.net',
                path: '/login',
                matchType: 'explicit',
                action: 'block',
                disableRewrite: false,
                disableUserAwareness: false,
                disableLogClick: false
            },
            {
                id: 'u2',
                url: 'https://u2.example.net:8443/login?a=1',
                scheme: 'https',
                domain: 'u2.example.net',
                port: 8443,
                path: '/login',
                queryString: 'a=1',
                matchType: 'domain',
                action: 'permit',
                comment: 'SOC',
                disableRewrite: true,
                disableUserAwareness: false,
                disableLogClick: false
            },
            {
                id: 'u3',
                url: 'http://u3.example.net',
                scheme: 'http',
                domain: 'u3.example.net',
                matchType: 'explicit',
                action: 'block',
                disableRewrite: false,
                disableUserAwareness: false,
                disableLogClick: false
            }
        ]);
    });

    it('deletes the entries missing from the next full refresh', async () => {
        const t = createTestHost();
        mockToken();
        nock(TEST_BASE)
            .post(PATH)
            .reply(200, envelope([managedUrl('u1'), managedUrl('u2')]));
        await t.runSync('managed-urls');
        expect(t.records('ManagedUrl').map((r) => r['id'])).toEqual(['u1', 'u2']);

        nock(TEST_BASE)
            .post(PATH)
            .reply(200, envelope([managedUrl('u2', { comment: 'kept' })]));
        const second = await t.runSync('managed-urls');

        expect(second.models['ManagedUrl']).toMatchObject({ deleted: 1 });
        expect(t.records('ManagedUrl')).toEqual([expect.objectContaining({ id: 'u2', comment: 'kept' })]);
    });

    it('fails on fail[] and deletes nothing', async () => {
        const t = createTestHost();
        mockToken();
        nock(TEST_BASE)
            .post(PATH)
            .reply(200, envelope([managedUrl('u1')]));
        await t.runSync('managed-urls');

        nock(TEST_BASE).post(PATH).reply(200, failEnvelope('err_forbidden', 'The application lacks URL Protect'));
        await expect(t.runSync('managed-urls')).rejects.toThrow(/err_forbidden/);
        expect(t.records('ManagedUrl').map((r) => r['id'])).toEqual(['u1']);
    });

    it('skips a record without an id and saves the rest of the page (one odd record never stops a sync)', async () => {
        const t = createTestHost();
        mockToken();
        const { id: _id, ...noId } = managedUrl('u1');
        nock(TEST_BASE)
            .post(PATH)
            .reply(200, envelope([noId, managedUrl('u2')]));
        await t.runSync('managed-urls');
        expect(t.records('ManagedUrl').map((r) => r['id'])).toEqual(['u2']);
        expect(t.logs.join('\n')).toContain('(no id)');
    });
});

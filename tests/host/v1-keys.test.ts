// The key CLI's two requests as Mimecast receives them (nock), and the refusals that happen before
// the password is sent anywhere it should not go.
import nock from 'nock';

import { generateKeys } from '../../host/cli/v1-keys.js';

const DISCOVER = 'https://api.mimecast.com';
const REGION = 'https://eu-api.mimecast.com';
const EMAIL = 'svc@example.com';
const PASSWORD = 'test-password-value';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function discoverReply(region: string, authenticate?: string[]): nock.Scope {
    return nock(DISCOVER, { reqheaders: { 'x-mc-app-id': 'app-1', 'x-mc-req-id': (v) => UUID.test(v) } })
        .post('/api/login/discover-authentication', { data: [{ emailAddress: EMAIL }] })
        .reply(200, { meta: { status: 200 }, data: [{ emailAddress: EMAIL, ...(authenticate ? { authenticate } : {}), region: { api: region } }], fail: [] });
}

describe('generateKeys', () => {
    it('discovers the region, then logs in there with Basic-Cloud and the username', async () => {
        const discover = discoverReply(REGION, ['cloud']);
        const login = nock(REGION, {
            reqheaders: {
                authorization: `Basic-Cloud ${Buffer.from(`${EMAIL}:${PASSWORD}`).toString('base64')}`,
                'x-mc-app-id': 'app-1',
                'x-mc-req-id': (v) => UUID.test(v)
            }
        })
            .post('/api/login/login', { data: [{ username: EMAIL }] })
            .reply(200, { meta: { status: 200 }, data: [{ accessKey: 'ak-1', secretKey: 'c2VjcmV0' }], fail: [] });

        await expect(generateKeys({ discoverUrl: DISCOVER, appId: 'app-1', email: EMAIL, password: PASSWORD })).resolves.toEqual({
            region: REGION,
            accessKey: 'ak-1',
            secretKey: 'c2VjcmV0'
        });
        expect(discover.isDone() && login.isDone()).toBe(true);
    });

    it('explains a login refused because the user is not a cloud-password user', async () => {
        discoverReply(REGION);
        nock(REGION)
            .post('/api/login/login')
            .reply(401, {
                meta: { status: 401 },
                data: [],
                fail: [{ errors: [{ code: 'err_authentication_type_not_supported', message: 'domain authentication' }] }]
            });
        await expect(generateKeys({ discoverUrl: DISCOVER, appId: 'app-1', email: EMAIL, password: PASSWORD })).rejects.toMatchObject({
            code: 'not_cloud_user',
            message: expect.stringContaining('does not sign in with a Mimecast cloud password')
        });
    });

    it('does not send the password to a user whose only authentication is not cloud', async () => {
        discoverReply(REGION, ['domain']);
        await expect(generateKeys({ discoverUrl: DISCOVER, appId: 'app-1', email: EMAIL, password: PASSWORD })).rejects.toMatchObject({
            code: 'not_cloud_user'
        });
        expect(nock.pendingMocks()).toEqual([]);
    });

    it('refuses to send the password to a region that is not https', async () => {
        discoverReply('http://eu-api.mimecast.com');
        await expect(generateKeys({ discoverUrl: DISCOVER, appId: 'app-1', email: EMAIL, password: PASSWORD })).rejects.toMatchObject({
            code: 'insecure_region'
        });
    });

    it('never puts the password in an error message', async () => {
        discoverReply(REGION, ['cloud']);
        nock(REGION)
            .post('/api/login/login')
            .reply(401, { meta: { status: 401 }, data: [], fail: [{ errors: [{ code: 'err_authentication_failed', message: 'Authentication failed' }] }] });
        const error = await generateKeys({ discoverUrl: DISCOVER, appId: 'app-1', email: EMAIL, password: PASSWORD }).catch((e: Error) => e);
        expect(error).toMatchObject({ code: 'wrong_password' });
        expect(String((error as Error).message)).not.toContain(PASSWORD);
    });
});

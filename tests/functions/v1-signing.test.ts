// API 1.0 signing in the shared helpers: the signature against a vector computed here with node:crypto,
// the headers a compiled function sends on a `mimecast-api-v1` connection (and no bearer token), and
// HTTP 418 as a clear "key binding expired" error. Mimecast's HTTP layer is nock.
import { createHmac } from 'node:crypto';

import nock from 'nock';

import { connectionFromEnv } from '../../host/connection.js';
import { createLogger } from '../../host/log.js';
import { findFunction, Host } from '../../host/runner.js';
import { Store } from '../../host/store.js';
import { mimecastDate, mimecastSignature, signedHeaders, v1KeysOf } from '../../integrations/mimecast/helpers/signing.js';
import { envelope, TEST_BASE } from '../harness.js';

// Test values (not real keys). The secret key is base64 like Mimecast's.
const KEYS = {
    appId: 'test-app-id-0001',
    appKey: 'test-app-key-value-0001',
    accessKey: 'test-access-key-value-0001',
    secretKey: Buffer.from('test secret key bytes for HMAC').toString('base64')
};

/** Independent reference: the documented recipe, written out with node:crypto. */
function reference(secretKeyB64: string, date: string, reqId: string, path: string, appKey: string): string {
    const hmac = createHmac('sha1', Buffer.from(secretKeyB64, 'base64'));
    hmac.update(date + ':' + reqId + ':' + path + ':' + appKey);
    return hmac.digest('base64');
}

function v1Host(): { host: Host; logs: string[] } {
    const logs: string[] = [];
    const logger = createLogger({ level: 'debug', write: (line) => logs.push(line) });
    const connection = connectionFromEnv(
        {
            MIMECAST_PROVIDER: 'mimecast-api-v1',
            MIMECAST_V1_BASE_URL: TEST_BASE,
            MIMECAST_APP_ID: KEYS.appId,
            MIMECAST_APP_KEY: KEYS.appKey,
            MIMECAST_ACCESS_KEY: KEYS.accessKey,
            MIMECAST_SECRET_KEY: KEYS.secretKey
        },
        { clientId: '', clientSecret: '', baseUrl: '' }
    );
    const host = new Host({ connection, store: new Store(':memory:'), logger, proxy: { backoffBaseMs: 1, maxWaitMs: 50 } });
    return { host, logs };
}

describe('API 1.0 signing', () => {
    it('formats x-mc-date as RFC 1123 in UTC', () => {
        expect(mimecastDate(new Date(Date.UTC(2026, 0, 5, 3, 4, 5)))).toBe('Mon, 05 Jan 2026 03:04:05 UTC');
        expect(mimecastDate(new Date(Date.UTC(2026, 10, 23, 22, 0, 0)))).toBe('Mon, 23 Nov 2026 22:00:00 UTC');
    });

    it('signs "{date}:{reqId}:{path}:{appKey}" with HMAC-SHA1 of the base64-decoded secret key', () => {
        const date = 'Mon, 23 Nov 2026 10:00:00 UTC';
        const reqId = '6f1c1f9e-8a7a-4c1e-9d2b-3f6d2f0c1a55';
        const path = '/api/audit/get-audit-events';
        const expected = reference(KEYS.secretKey, date, reqId, path, KEYS.appKey);
        expect(mimecastSignature(KEYS.secretKey, date, reqId, path, KEYS.appKey)).toBe(expected);
        // A different path, date or app key changes the signature.
        expect(mimecastSignature(KEYS.secretKey, date, reqId, '/api/account/get-account', KEYS.appKey)).not.toBe(expected);
        expect(mimecastSignature(KEYS.secretKey, date, reqId, path, 'other-app-key')).not.toBe(expected);

        const headers = signedHeaders(KEYS, `${path}?ignored=1`, new Date(Date.UTC(2026, 10, 23, 10, 0, 0)), reqId);
        expect(headers).toEqual({
            'x-mc-app-id': KEYS.appId,
            'x-mc-date': date,
            'x-mc-req-id': reqId,
            authorization: `MC ${KEYS.accessKey}:${expected}`
        });
    });

    it('uses a fresh request id for every request', () => {
        const a = signedHeaders(KEYS, '/api/x');
        const b = signedHeaders(KEYS, '/api/x');
        expect(a['x-mc-req-id']).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
        expect(a['x-mc-req-id']).not.toBe(b['x-mc-req-id']);
    });

    it('reads the keys of an API_KEY connection only, and names missing fields', () => {
        expect(v1KeysOf({ credentials: { type: 'OAUTH2_CC', token: 't' }, connection_config: { gateway: 'x' } })).toBeUndefined();
        expect(
            v1KeysOf({
                credentials: { type: 'API_KEY', apiKey: KEYS.secretKey },
                connection_config: { appId: KEYS.appId, appKey: KEYS.appKey, accessKey: KEYS.accessKey }
            })
        ).toEqual(KEYS);
        expect(() => v1KeysOf({ credentials: { type: 'API_KEY', apiKey: KEYS.secretKey }, connection_config: { appId: KEYS.appId } })).toThrow(
            'missing appKey, accessKey'
        );
    });
});

describe('a compiled function on a mimecast-api-v1 connection', () => {
    it('signs each request with the connection keys and sends no bearer token', async () => {
        const { host, logs } = v1Host();
        const seen: Record<string, string | string[] | undefined>[] = [];
        const api = nock(TEST_BASE)
            .post('/api/account/get-account', { data: [] })
            .reply(function () {
                seen.push({ ...this.req.headers });
                return [200, envelope([{ accountCode: 'C0A1', accountName: 'Acme' }])];
            });

        await expect(host.runAction(findFunction('get-account'), {})).resolves.toMatchObject({ accountCode: 'C0A1' });
        expect(api.isDone()).toBe(true);
        const headers = seen[0]!;
        const date = String(headers['x-mc-date']);
        const reqId = String(headers['x-mc-req-id']);
        expect(headers['x-mc-app-id']).toBe(KEYS.appId);
        expect(date).toMatch(/^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} UTC$/);
        expect(Math.abs(Date.parse(date.replace('UTC', 'GMT')) - Date.now())).toBeLessThan(60_000);
        expect(headers['authorization']).toBe(`MC ${KEYS.accessKey}:${reference(KEYS.secretKey, date, reqId, '/api/account/get-account', KEYS.appKey)}`);
        expect(host.auth).toBeUndefined();
        // The keys never reach the log.
        const text = logs.join('\n');
        for (const secret of [KEYS.secretKey, KEYS.appKey, KEYS.accessKey]) {
            expect(text).not.toContain(secret);
        }
    });

    it('re-signs a retried request (a replayed x-mc-req-id would be refused)', async () => {
        const { host } = v1Host();
        const ids: string[] = [];
        nock(TEST_BASE)
            .post('/api/account/get-account')
            .times(2)
            .reply(function () {
                ids.push(String(this.req.headers['x-mc-req-id']));
                return ids.length === 1
                    ? [503, { meta: { status: 503 }, data: [], fail: [] }]
                    : [200, envelope([{ accountCode: 'C0A1', accountName: 'Acme' }])];
            });
        await expect(host.runAction(findFunction('get-account'), {})).resolves.toMatchObject({ accountCode: 'C0A1' });
        expect(ids).toHaveLength(2);
        expect(ids[0]).not.toBe(ids[1]);
    });

    it('turns HTTP 418 into a clear key-binding-expired error', async () => {
        const { host, logs } = v1Host();
        nock(TEST_BASE)
            .post('/api/account/get-account')
            .reply(418, { meta: { status: 418 }, data: [], fail: [{ errors: [{ code: 'err_xdk_binding_expired', message: 'binding expired' }] }] });

        const error = await host.runAction(findFunction('get-account'), {}).then(
            () => undefined,
            (err: unknown) => err as { payload?: Record<string, unknown> }
        );
        expect(error?.payload).toMatchObject({ code: 'key_binding_expired', status: 418, retryable: false });
        expect(String(error?.payload?.['message'])).toMatch(/key binding expired.*Never Expires.*npm run v1:keys/);
        expect(logs.join('\n')).not.toContain(KEYS.secretKey);
    });
});

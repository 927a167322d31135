import nock from 'nock';

import { ClientCredentials } from '../../host/auth.js';
import { connectionFromEnv } from '../../host/connection.js';
import { createLogger } from '../../host/log.js';
import { HostProxy } from '../../host/proxy.js';
import { mockToken, networkError, TEST_BASE, TEST_CLIENT_ID, TEST_CLIENT_SECRET } from '../harness.js';

function setup(options: { now?: () => number } = {}) {
    const logs: string[] = [];
    const logger = createLogger({ level: 'debug', write: (line) => logs.push(line) });
    const connection = connectionFromEnv(
        { MIMECAST_CLIENT_ID: TEST_CLIENT_ID, MIMECAST_CLIENT_SECRET: TEST_CLIENT_SECRET, MIMECAST_BASE_URL: TEST_BASE },
        { clientId: '', clientSecret: '', baseUrl: '' }
    );
    const auth = new ClientCredentials(connection, logger, options.now);
    const waits: number[] = [];
    const proxy = new HostProxy(connection, auth, logger, {
        backoffBaseMs: 10,
        sleep: async (ms) => {
            waits.push(ms);
        }
    });
    return { auth, proxy, logs, waits };
}

const ok = { meta: { status: 200 }, data: [], fail: [] };

describe('client credentials', () => {
    it('sends the form body of providers.yaml and reuses one token for many calls', async () => {
        const { proxy, auth } = setup();
        const token = nock(TEST_BASE)
            .post('/oauth/token', { grant_type: 'client_credentials', client_id: TEST_CLIENT_ID, client_secret: TEST_CLIENT_SECRET })
            .matchHeader('content-type', 'application/x-www-form-urlencoded')
            .reply(200, { access_token: 'tok-A', token_type: 'Bearer', expires_in: 1799 });
        const api = nock(TEST_BASE, { reqheaders: { authorization: 'Bearer tok-A' } })
            .post('/api/account/get-account')
            .times(5)
            .reply(200, ok);

        for (let i = 0; i < 5; i++) {
            await proxy.request({ method: 'POST', endpoint: '/api/account/get-account', data: { data: [] } });
        }
        expect(token.isDone()).toBe(true);
        expect(api.isDone()).toBe(true);
        expect(auth.stats.tokensFetched).toBe(1);
    });

    it('refreshes a token within 300 s of expiry, not before', async () => {
        let now = 1_000_000;
        const { auth } = setup({ now: () => now });
        nock(TEST_BASE).post('/oauth/token').reply(200, { access_token: 'tok-1', expires_in: 1799 });
        nock(TEST_BASE).post('/oauth/token').reply(200, { access_token: 'tok-2', expires_in: 1799 });

        await expect(auth.accessToken()).resolves.toBe('tok-1');
        now += 1490 * 1000; // 309 s left: still outside the buffer
        await expect(auth.accessToken()).resolves.toBe('tok-1');
        now += 10 * 1000; // 299 s left: refresh
        await expect(auth.accessToken()).resolves.toBe('tok-2');
        expect(auth.stats.tokensFetched).toBe(2);
    });

    it('on a 401 re-reads the connection and stops with invalid_credentials when nothing changed (no forced refresh)', async () => {
        const { proxy, auth, logs } = setup();
        mockToken();
        const refused = nock(TEST_BASE)
            .post('/api/audit/get-audit-events')
            .reply(401, { meta: { status: 401 }, data: [], fail: [{ errors: [{ code: 'token_expired', message: 'expired' }] }] });
        await expect(proxy.request({ method: 'POST', endpoint: '/api/audit/get-audit-events', data: {}, retries: 3 })).rejects.toMatchObject({
            response: { status: 401 }
        });
        expect(refused.isDone()).toBe(true);
        expect(auth.stats.tokensFetched).toBe(1);
        expect(logs.join('\n')).toContain('invalid_credentials');
        expect(nock.pendingMocks()).toEqual([]);
    });

    it('on a 401 retries once the stored credentials changed meanwhile', async () => {
        let now = 1_000_000;
        const { proxy, auth } = setup({ now: () => now });
        nock(TEST_BASE).post('/oauth/token').reply(200, { access_token: 'old', expires_in: 1799 });
        nock(TEST_BASE).post('/oauth/token').reply(200, { access_token: 'new', expires_in: 1799 });
        nock(TEST_BASE, { reqheaders: { authorization: 'Bearer old' } })
            .post('/api/audit/get-audit-events')
            .reply(function () {
                now += 1600 * 1000; // meanwhile the token entered its refresh buffer: re-reading the connection refreshes it
                return [401, { fail: [{ errors: [{ code: 'token_expired', message: 'expired' }] }] }];
            });
        nock(TEST_BASE, { reqheaders: { authorization: 'Bearer new' } })
            .post('/api/audit/get-audit-events')
            .reply(200, ok);
        await expect(proxy.request({ method: 'POST', endpoint: '/api/audit/get-audit-events', data: {}, retries: 1 })).resolves.toMatchObject({ status: 200 });
        expect(auth.stats.tokensFetched).toBe(2);
    });

    it('does not retry a 401 at all when the call passes no retries', async () => {
        const { proxy } = setup();
        mockToken();
        nock(TEST_BASE).post('/api/x/y').reply(401, {});
        await expect(proxy.request({ method: 'POST', endpoint: '/api/x/y', data: {} })).rejects.toMatchObject({ response: { status: 401 } });
        expect(nock.pendingMocks()).toEqual([]);
    });

    it("reports refused credentials with the endpoint's answer kept uninterpreted, and never the secret", async () => {
        const { auth, logs } = setup();
        const answer = { fail: [{ code: 'invalid_client', message: 'Client authentication failed' }] };
        nock(TEST_BASE).post('/oauth/token').reply(401, answer);
        const error = await auth.accessToken().catch((e: unknown) => e as Error);
        // The host knows Nango, not Mimecast: the status, and the body for the function's helpers to read.
        expect(error).toMatchObject({ status: 401, code: 'http_401', response: { status: 401, data: answer } });
        expect((error as Error).message).toBe('the token endpoint refused the client credentials (HTTP 401)');
        expect(JSON.stringify([(error as Error).message, logs])).not.toContain(TEST_CLIENT_SECRET);
    });
});

describe('proxy retries', () => {
    it("backs off a 429 by 3 s x 2^n, not by Mimecast's X-RateLimit-Reset (as Nango does)", async () => {
        const logs: string[] = [];
        const connection = connectionFromEnv(
            { MIMECAST_CLIENT_ID: TEST_CLIENT_ID, MIMECAST_CLIENT_SECRET: TEST_CLIENT_SECRET, MIMECAST_BASE_URL: TEST_BASE },
            { clientId: '', clientSecret: '', baseUrl: '' }
        );
        const logger = createLogger({ level: 'debug', write: (line) => logs.push(line) });
        const waits: number[] = [];
        // Nango's defaults: no backoffBaseMs given.
        const proxy = new HostProxy(connection, new ClientCredentials(connection, logger), logger, { sleep: async (ms) => void waits.push(ms) });
        mockToken();
        nock(TEST_BASE)
            .post('/api/audit/get-audit-events')
            .times(2)
            .reply(429, { fail: [] }, { 'X-RateLimit-Limit': '50', 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': '300' });
        nock(TEST_BASE).post('/api/audit/get-audit-events').reply(200, ok);
        await expect(proxy.request({ method: 'POST', endpoint: '/api/audit/get-audit-events', data: {}, retries: 3 })).resolves.toMatchObject({ status: 200 });
        // Two 429s: 3 s + 6 s on Nango (the self-hosted run measured 9.3 s), where the header said 0.6 s.
        expect(waits).toEqual([3000, 6000]);
    });

    it('reads a per-call retryHeader (`after`, in seconds) like Nango', async () => {
        const { proxy, waits } = setup();
        mockToken();
        nock(TEST_BASE).post('/api/x/y').reply(429, {}, { 'Retry-After': '2' });
        nock(TEST_BASE).post('/api/x/y').reply(200, ok);
        await proxy.request({ method: 'POST', endpoint: '/api/x/y', data: {}, retries: 1, retryHeader: { after: 'retry-after' } });
        expect(waits).toEqual([2000]);
    });

    it('caps one backoff step at 10 minutes', async () => {
        const connection = connectionFromEnv(
            { MIMECAST_CLIENT_ID: TEST_CLIENT_ID, MIMECAST_CLIENT_SECRET: TEST_CLIENT_SECRET, MIMECAST_BASE_URL: TEST_BASE },
            { clientId: '', clientSecret: '', baseUrl: '' }
        );
        const logger = createLogger({ level: 'error', write: () => undefined });
        const waits: number[] = [];
        const proxy = new HostProxy(connection, new ClientCredentials(connection, logger), logger, { sleep: async (ms) => void waits.push(ms) });
        mockToken();
        nock(TEST_BASE).post('/api/x/y').times(10).reply(503, {});
        await expect(proxy.request({ method: 'POST', endpoint: '/api/x/y', data: {}, retries: 9 })).rejects.toMatchObject({ response: { status: 503 } });
        expect(waits).toEqual([3000, 6000, 12000, 24000, 48000, 96000, 192000, 384000, 600000]);
    });

    it('retries 5xx with growing backoff, bounded by `retries`', async () => {
        const { proxy, waits } = setup();
        mockToken();
        const failing = nock(TEST_BASE).post('/api/x/y').times(3).reply(502, 'bad gateway');
        await expect(proxy.request({ method: 'POST', endpoint: '/api/x/y', data: {}, retries: 2 })).rejects.toMatchObject({ response: { status: 502 } });
        expect(failing.isDone()).toBe(true);
        expect(waits).toEqual([10, 20]);
    });

    it('does not retry when the call asks for no retries, nor on 4xx', async () => {
        const { proxy } = setup();
        mockToken();
        nock(TEST_BASE).post('/api/x/y').reply(500, {});
        await expect(proxy.request({ method: 'POST', endpoint: '/api/x/y', data: {} })).rejects.toMatchObject({ response: { status: 500 } });
        nock(TEST_BASE).post('/api/x/y').reply(403, {});
        await expect(proxy.request({ method: 'POST', endpoint: '/api/x/y', data: {}, retries: 3 })).rejects.toMatchObject({ response: { status: 403 } });
        expect(nock.pendingMocks()).toEqual([]);
    });

    it('retries a dropped connection as a network error', async () => {
        const { proxy } = setup();
        mockToken();
        nock(TEST_BASE).post('/api/x/y').replyWithError(networkError('ECONNRESET', 'socket hang up'));
        nock(TEST_BASE).post('/api/x/y').reply(200, ok);
        await expect(proxy.request({ method: 'POST', endpoint: '/api/x/y', data: {}, retries: 1 })).resolves.toMatchObject({ status: 200 });
    });

    it("retries only Nango's network errors (ECONNRESET, ETIMEDOUT, ECONNABORTED), not a refused connection", async () => {
        const { proxy } = setup();
        mockToken();
        nock(TEST_BASE).post('/api/x/y').replyWithError(networkError('ECONNREFUSED', 'connect ECONNREFUSED'));
        nock(TEST_BASE).post('/api/x/y').reply(200, ok);
        await expect(proxy.request({ method: 'POST', endpoint: '/api/x/y', data: {}, retries: 3 })).rejects.toMatchObject({ code: 'ECONNREFUSED' });
        expect(nock.pendingMocks()).toHaveLength(1);
        nock.cleanAll();
    });

    it('lets a function-set Authorization header override the bearer token (API 1.0 signing)', async () => {
        const { proxy } = setup();
        mockToken();
        const signed = nock(TEST_BASE, { reqheaders: { authorization: 'MC key:signature' } })
            .post('/api/x/y')
            .reply(200, ok);
        await proxy.request({ method: 'POST', endpoint: '/api/x/y', data: {}, headers: { Authorization: 'MC key:signature' } });
        expect(signed.isDone()).toBe(true);
    });

    it('keeps tokens out of the debug log', async () => {
        const { proxy, logs } = setup();
        mockToken(1, 'secret-token-value-123');
        nock(TEST_BASE).post('/api/x/y').reply(503, 'echo Bearer secret-token-value-123');
        nock(TEST_BASE).post('/api/x/y').reply(200, ok);
        await proxy.request({ method: 'POST', endpoint: '/api/x/y', data: {}, retries: 1 });
        expect(logs.length).toBeGreaterThan(0);
        expect(logs.join('\n')).not.toContain('secret-token-value-123');
    });
});

describe('egress', () => {
    function proxyFor(baseUrl: string) {
        const logger = createLogger({ level: 'error', write: () => undefined });
        const connection = connectionFromEnv(
            { MIMECAST_CLIENT_ID: TEST_CLIENT_ID, MIMECAST_CLIENT_SECRET: TEST_CLIENT_SECRET, MIMECAST_BASE_URL: baseUrl },
            { clientId: '', clientSecret: '', baseUrl: '' }
        );
        return new HostProxy(connection, undefined, logger);
    }

    it('refuses loopback and private targets a call asks for, as Nango does', async () => {
        const proxy = proxyFor(TEST_BASE);
        for (const target of ['http://127.0.0.1:9', 'http://localhost:9', 'http://10.1.2.3', 'http://169.254.169.254', 'http://[::1]:9']) {
            await expect(proxy.request({ method: 'GET', endpoint: '/x', baseUrlOverride: target })).rejects.toMatchObject({ code: 'url_not_allowed' });
        }
    });

    it('allows the base URL the host was given explicitly (the simulator, MIMECAST_BASE_URL)', async () => {
        const proxy = proxyFor('http://127.0.0.1:4321');
        nock('http://127.0.0.1:4321').get('/x').reply(200, ok);
        await expect(proxy.request({ method: 'GET', endpoint: '/x' })).resolves.toMatchObject({ status: 200 });
        // Only that origin: another loopback port is still refused.
        await expect(proxy.request({ method: 'GET', endpoint: '/x', baseUrlOverride: 'http://127.0.0.1:4322' })).rejects.toMatchObject({
            code: 'url_not_allowed'
        });
    });
});

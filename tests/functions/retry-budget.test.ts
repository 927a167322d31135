// One retry budget per Mimecast call, owned by the helpers (integrations/mimecast/helpers/api.ts):
// network errors, 5xx, 429 and transient fail[] codes share MAX_ATTEMPTS, the helpers call the proxy
// with `retries: 0`, a 429 waits what X-RateLimit-Reset says, the rest back off with jitter. The
// harness runs the functions' timers at TEST_TIME_SCALE; the logged waits are the real ones.
import nock from 'nock';

import { MAX_ATTEMPTS } from '../../integrations/mimecast/helpers/api.js';
import { createTestHost, envelope, failEnvelope, mockToken, networkError, TEST_BASE } from '../harness.js';

const PATH = '/api/account/get-account';
const ACCOUNT = envelope([{ accountCode: 'C0A1', accountName: 'Acme', packages: [] }]);

/** The waits the helpers logged, in ms, in order. */
function loggedWaits(logs: string[]): number[] {
    return logs.flatMap((line) => [...line.matchAll(/retrying in (\d+) ms/g)].map((m) => Number(m[1])));
}

describe('one retry budget per Mimecast call', () => {
    it('states a small bound', () => {
        expect(MAX_ATTEMPTS).toBeGreaterThanOrEqual(2);
        expect(MAX_ATTEMPTS).toBeLessThanOrEqual(6);
    });

    it("makes at most MAX_ATTEMPTS requests under a 429 storm, each wait the reset header's milliseconds", async () => {
        const t = createTestHost();
        mockToken();
        let requests = 0;
        nock(TEST_BASE)
            .post(PATH)
            .times(20)
            .reply(() => {
                requests += 1;
                return [429, { fail: [] }, { 'X-RateLimit-Limit': '50', 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': '1500' }];
            });
        await expect(t.runAction('get-account')).rejects.toMatchObject({ payload: { code: 'http_429', status: 429, retryable: true } });
        // The proxy does not multiply it: one request per attempt (Nango's proxy would retry 3 more times per attempt if asked).
        expect(requests).toBe(MAX_ATTEMPTS);
        expect(loggedWaits(t.logs)).toEqual(Array(MAX_ATTEMPTS - 1).fill(1500));
        nock.cleanAll();
    });

    it('waits the reset header once, then succeeds', async () => {
        const t = createTestHost();
        mockToken();
        nock(TEST_BASE).post(PATH).reply(429, { fail: [] }, { 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': '640' });
        nock(TEST_BASE).post(PATH).reply(200, ACCOUNT);
        await expect(t.runAction('get-account')).resolves.toMatchObject({ accountCode: 'C0A1' });
        expect(loggedWaits(t.logs)).toEqual([640]);
    });

    it('backs a 5xx off exponentially with jitter (0.5-1 s, 1-2 s, 2-4 s)', async () => {
        const t = createTestHost();
        mockToken();
        nock(TEST_BASE).post(PATH).times(MAX_ATTEMPTS).reply(503, failEnvelope('err_server_error', 'Service unavailable'));
        await expect(t.runAction('get-account')).rejects.toMatchObject({ payload: { status: 503, retryable: true } });
        const waits = loggedWaits(t.logs);
        expect(waits).toHaveLength(MAX_ATTEMPTS - 1);
        waits.forEach((ms, i) => {
            expect(ms).toBeGreaterThanOrEqual(500 * 2 ** i);
            expect(ms).toBeLessThanOrEqual(1000 * 2 ** i);
        });
        expect(nock.pendingMocks()).toEqual([]);
    });

    it('shares the budget across kinds: network error, 5xx, 429 and err_developer_key together make MAX_ATTEMPTS requests', async () => {
        const t = createTestHost();
        mockToken();
        const kinds: (() => nock.Scope)[] = [
            () => nock(TEST_BASE).post(PATH).replyWithError(networkError('ECONNRESET', 'socket hang up')),
            () => nock(TEST_BASE).post(PATH).reply(502, 'bad gateway'),
            () => nock(TEST_BASE).post(PATH).reply(429, { fail: [] }, { 'X-RateLimit-Reset': '20' }),
            () => nock(TEST_BASE).post(PATH).reply(200, failEnvelope('err_developer_key', 'Developer key is invalid'))
        ];
        for (let i = 0; i < MAX_ATTEMPTS; i++) {
            kinds[i % kinds.length]!();
        }
        const spare = nock(TEST_BASE).post(PATH).reply(200, ACCOUNT);
        await expect(t.runAction('get-account')).rejects.toMatchObject({ payload: { code: expect.any(String) } });
        expect(spare.isDone()).toBe(false); // the budget ran out before the success that came next
        expect(loggedWaits(t.logs)).toHaveLength(MAX_ATTEMPTS - 1);
        nock.cleanAll();
    });

    it('recovers within the budget from a mix of failures', async () => {
        const t = createTestHost();
        mockToken();
        nock(TEST_BASE).post(PATH).replyWithError(networkError('ECONNRESET', 'socket hang up'));
        nock(TEST_BASE).post(PATH).reply(200, failEnvelope('err_developer_key', 'Developer key is invalid'));
        nock(TEST_BASE).post(PATH).reply(200, ACCOUNT);
        await expect(t.runAction('get-account')).resolves.toMatchObject({ accountCode: 'C0A1' });
        expect(t.logs.join('\n')).toMatch(/network error, attempt 1 of \d+/);
        expect(t.logs.join('\n')).toMatch(/err_developer_key, attempt 2 of \d+/);
    });

    it('does not retry a 4xx other than 429', async () => {
        const t = createTestHost();
        mockToken();
        nock(TEST_BASE).post(PATH).reply(403, failEnvelope('err_forbidden', 'Not licensed'));
        nock(TEST_BASE).post(PATH).reply(200, ACCOUNT);
        await expect(t.runAction('get-account')).rejects.toMatchObject({ payload: { status: 403 } });
        expect(nock.pendingMocks()).toHaveLength(1);
        nock.cleanAll();
    });
});

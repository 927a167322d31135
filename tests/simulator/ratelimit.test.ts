import { startSimulator } from '../../simulator/index.js';
import { call, fakeClock, getToken } from './helpers.js';

const ACCOUNT = '/api/account/get-account';
const AUDIT = '/api/audit/get-audit-events';
const headersOf = (h: Headers): [string | null, string | null, string | null] => [
    h.get('x-ratelimit-limit'),
    h.get('x-ratelimit-remaining'),
    h.get('x-ratelimit-reset')
];

describe('simulator: rate limit', () => {
    it('sends X-RateLimit-* on every /api response and 429s an empty bucket without executing it', async () => {
        const clock = fakeClock();
        const sim = await startSimulator({ now: clock.now, rateLimit: { limit: 3, refillPerSecond: 10 } });
        try {
            const token = await getToken(sim);
            const seen = [];
            for (let i = 0; i < 3; i++) {
                const res = await call(sim, ACCOUNT, { data: [] }, token);
                expect(res.status).toBe(200);
                seen.push(headersOf(res.headers));
            }
            expect(seen).toEqual([
                ['3', '2', '0'],
                ['3', '1', '0'],
                ['3', '0', '100'] // 100 ms until one more request at 10/s
            ]);
            const limited = await call(sim, ACCOUNT, { data: [] }, token);
            expect(limited.status).toBe(429);
            expect(headersOf(limited.headers)).toEqual(['3', '0', '100']);
            expect(limited.body).toEqual({
                meta: { status: 429 },
                data: [],
                fail: [{ errors: [{ code: 'err_rate_limit_exceeded', message: expect.any(String), retryable: true }] }]
            });
            expect(sim.stats.rateLimited).toBe(1);

            // Another family has its own bucket; the token endpoint is never limited.
            const other = await call(sim, AUDIT, { data: [] }, token);
            expect(other.status).toBe(200);
            expect(other.headers.get('x-ratelimit-remaining')).toBe('2');
            for (let i = 0; i < 5; i++) await getToken(sim);

            clock.advance(40);
            const partial = await call(sim, ACCOUNT, { data: [] }, token);
            expect(partial.status).toBe(429);
            expect(partial.headers.get('x-ratelimit-reset')).toBe('60');
            clock.advance(60);
            expect((await call(sim, ACCOUNT, { data: [] }, token)).status).toBe(200);
        } finally {
            await sim.close();
        }
    });

    it('recovers after waiting X-RateLimit-Reset milliseconds on the real clock', async () => {
        // One request per second: the second call comes well inside the refill even on a loaded machine.
        const sim = await startSimulator({ rateLimit: { limit: 1, refillPerSecond: 1 } });
        try {
            const token = await getToken(sim);
            expect((await call(sim, ACCOUNT, { data: [] }, token)).status).toBe(200);
            const limited = await call(sim, ACCOUNT, { data: [] }, token);
            expect(limited.status).toBe(429);
            const reset = Number(limited.headers.get('x-ratelimit-reset'));
            expect(reset).toBeGreaterThan(0);
            expect(reset).toBeLessThanOrEqual(1000);
            await new Promise((r) => setTimeout(r, reset + 5));
            expect((await call(sim, ACCOUNT, { data: [] }, token)).status).toBe(200);
        } finally {
            await sim.close();
        }
    });

    it('sends no rate-limit headers when the limit is off (default)', async () => {
        const sim = await startSimulator();
        try {
            const res = await call(sim, ACCOUNT, { data: [] }, await getToken(sim));
            expect(res.headers.get('x-ratelimit-limit')).toBeNull();
        } finally {
            await sim.close();
        }
    });
});

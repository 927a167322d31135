import { startSimulator, type Simulator } from '../../simulator/index.js';
import { call, getToken } from './helpers.js';

const ACCOUNT = '/api/account/get-account';
const AUDIT = '/api/audit/get-audit-events';

describe('simulator: faults', () => {
    let sim: Simulator;
    let token: string;
    beforeAll(async () => {
        sim = await startSimulator();
        token = await getToken(sim);
    });
    afterEach(() => sim.clearFaults());
    afterAll(() => sim.close());

    const account = () => call(sim, ACCOUNT, { data: [] }, token);

    it('status: returns the HTTP error with a Mimecast-like body, once by default', async () => {
        sim.addFault({ kind: 'status', status: 502 });
        const res = await account();
        expect(res.status).toBe(502);
        expect(res.body.fail[0]?.errors?.[0]).toMatchObject({ code: 'err_server_error', retryable: true });
        expect((await account()).status).toBe(200);

        sim.addFault({ kind: 'status', status: 403, path: ACCOUNT });
        expect((await account()).body.fail[0]?.errors?.[0]?.code).toBe('err_forbidden');

        sim.addFault({ kind: 'status', status: 500, body: { meta: { status: 500 }, data: [], fail: [{ errors: [{ code: 'custom' }] }] } });
        expect((await account()).body.fail[0]?.errors?.[0]?.code).toBe('custom');
    });

    it('respects path, times and after', async () => {
        sim.addFault({ kind: 'status', status: 500, path: AUDIT, times: 2, after: 1 });
        expect((await account()).status).toBe(200); // other path
        const statuses = [];
        for (let i = 0; i < 4; i++) statuses.push((await call(sim, AUDIT, { data: [] }, token)).status);
        expect(statuses).toEqual([200, 500, 500, 200]);

        sim.addFault({ kind: 'status', status: 503, times: Infinity });
        for (let i = 0; i < 3; i++) expect((await account()).status).toBe(503);
        sim.clearFaults();
        expect((await account()).status).toBe(200);
    });

    it('drop: destroys the socket without a response', async () => {
        sim.addFault({ kind: 'drop', path: ACCOUNT });
        await expect(account()).rejects.toThrow();
        expect((await account()).status).toBe(200);
    });

    it('malformed: 200 with a truncated JSON body', async () => {
        sim.addFault({ kind: 'malformed' });
        const res = await fetch(`${sim.url}${ACCOUNT}`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: '{}' });
        expect(res.status).toBe(200);
        expect(res.headers.get('content-type')).toMatch(/application\/json/);
        const text = await res.text();
        expect(() => JSON.parse(text)).toThrow();
    });

    it('slow: delays, then serves normally', async () => {
        sim.addFault({ kind: 'slow', delayMs: 300 });
        const started = Date.now();
        const res = await account();
        expect(Date.now() - started).toBeGreaterThanOrEqual(280);
        expect(res.status).toBe(200);
        expect(res.body.data.length).toBe(1);
    });

    it('fail: HTTP 200 with fail[] carrying code, message and the request item', async () => {
        sim.addFault({ kind: 'fail', code: 'err_developer_key', message: 'Developer key invalid', retryable: true });
        const item = { startDateTime: '2026-01-01T00:00:00+0000', endDateTime: '2026-01-02T00:00:00+0000' };
        const res = await call(sim, AUDIT, { data: [item] }, token);
        expect(res.status).toBe(200);
        expect(res.body).toEqual({
            meta: { status: 200 },
            data: [],
            fail: [{ key: item, errors: [{ code: 'err_developer_key', message: 'Developer key invalid', retryable: true }] }]
        });
    });

    it('can be driven out of process through /__sim, which is not counted', async () => {
        sim.resetStats();
        const add = await fetch(`${sim.url}/__sim/faults`, {
            method: 'POST',
            body: JSON.stringify({ kind: 'status', status: 504, times: 'Infinity', path: ACCOUNT })
        });
        expect(add.status).toBe(201);
        expect((await fetch(`${sim.url}/__sim/faults`, { method: 'POST', body: '{"kind":"nope"}' })).status).toBe(400);
        expect((await account()).status).toBe(504);
        expect((await account()).status).toBe(504);
        expect((await fetch(`${sim.url}/__sim/faults`, { method: 'DELETE' })).status).toBe(200);
        expect((await account()).status).toBe(200);
        const stats = (await (await fetch(`${sim.url}/__sim/stats`)).json()) as Record<string, unknown>;
        expect(stats).toEqual({ requests: 3, tokensIssued: 0, rateLimited: 0, byPath: { [ACCOUNT]: 3 } });
        expect(sim.stats.requests).toBe(3);
    });
});

describe('simulator: latency option', () => {
    it('adds latency to every response', async () => {
        const sim = await startSimulator({ latencyMs: 150 });
        try {
            const started = Date.now();
            await getToken(sim);
            expect(Date.now() - started).toBeGreaterThanOrEqual(140);
        } finally {
            await sim.close();
        }
    });
});

import { SIMULATOR_CLIENT_ID, SIMULATOR_CLIENT_SECRET, startSimulator, type Simulator } from '../../simulator/index.js';
import { call, fakeClock, getToken, tokenRequest } from './helpers.js';

const GOOD = { client_id: SIMULATOR_CLIENT_ID, client_secret: SIMULATOR_CLIENT_SECRET, grant_type: 'client_credentials' };
const ACCOUNT = '/api/account/get-account';

describe('simulator: OAuth token and bearer auth', () => {
    const clock = fakeClock();
    let sim: Simulator;
    beforeAll(async () => {
        sim = await startSimulator({ now: clock.now });
    });
    afterAll(() => sim.close());

    it('issues a bearer token for the right client pair', async () => {
        const before = sim.stats.tokensIssued;
        const { status, body } = await tokenRequest(sim, GOOD);
        expect(status).toBe(200);
        expect(body).toEqual({ access_token: expect.any(String), token_type: 'Bearer', expires_in: 1799, scope: '' });
        expect(sim.stats.tokensIssued).toBe(before + 1);
        expect(sim.stats.byPath['/oauth/token']).toBeGreaterThan(0);
    });

    it('rejects a wrong secret with 401 invalid_client', async () => {
        const { status, body } = await tokenRequest(sim, { ...GOOD, client_secret: 'nope' });
        expect(status).toBe(401);
        expect(body).toEqual({ fail: [{ code: 'invalid_client', message: 'Client authentication failed: unknown client id or wrong secret' }] });
    });

    it('rejects a JSON body, a missing field and a wrong grant with 400', async () => {
        const json = await fetch(`${sim.url}/oauth/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(GOOD) });
        expect(json.status).toBe(400);
        const missing = await tokenRequest(sim, { client_id: GOOD.client_id, grant_type: GOOD.grant_type });
        expect(missing.status).toBe(400);
        expect(missing.body['fail']).toEqual([expect.objectContaining({ field: 'client_secret' })]);
        const grant = await tokenRequest(sim, { ...GOOD, grant_type: 'password' });
        expect(grant.status).toBe(400);
        expect(grant.body['fail']).toEqual([expect.objectContaining({ code: 'unsupported_grant_type', field: 'grant_type' })]);
    });

    it('requires a bearer token on /api routes', async () => {
        for (const token of [undefined, 'not-a-token']) {
            const res = await call(sim, ACCOUNT, { data: [] }, token);
            expect(res.status).toBe(401);
            expect(res.body).toEqual({
                meta: { status: 401 },
                data: [],
                fail: [{ errors: [{ code: 'token_verification_failed', message: expect.any(String), retryable: false }] }]
            });
        }
    });

    it('expires tokens on the injected clock with token_expired', async () => {
        const token = await getToken(sim);
        clock.advance(1799_000);
        expect((await call(sim, ACCOUNT, { data: [] }, token)).status).toBe(200);
        clock.advance(1_000);
        const res = await call(sim, ACCOUNT, { data: [] }, token);
        expect(res.status).toBe(401);
        expect(res.body.fail[0]?.errors?.[0]?.code).toBe('token_expired');
        // A fresh token works again.
        expect((await call(sim, ACCOUNT, { data: [] }, await getToken(sim))).status).toBe(200);
    });

    it('answers 405 for non-POST /api calls, 404 for unknown paths, 400 for bad JSON', async () => {
        const token = await getToken(sim);
        expect((await call(sim, ACCOUNT, undefined, token, 'GET')).status).toBe(405);
        const unknown = await call(sim, '/api/nothing/here', { data: [] }, token);
        expect(unknown.status).toBe(404);
        expect(unknown.body.fail[0]?.errors?.[0]?.code).toBe('err_not_found');
        const bad = await call(sim, ACCOUNT, '{"data":[', token);
        expect(bad.status).toBe(400);
        expect(bad.body.fail.length).toBe(1);
    });

    it('returns the simulated account', async () => {
        const res = await call(sim, ACCOUNT, { data: [] }, await getToken(sim));
        expect(res.status).toBe(200);
        expect(res.body.fail).toEqual([]);
        expect(res.body.data[0]).toMatchObject({
            accountCode: 'CDE22A102',
            accountName: 'Simulated Tenant Ltd',
            region: 'eu',
            mimecastId: '01-0102-00245',
            userCount: 1250
        });
    });
});

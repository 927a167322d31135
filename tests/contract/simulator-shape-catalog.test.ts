// The simulator is held to the published samples for the catalog endpoints (#12). The threat-intel feed
// has one (Elastic's get-feed mock): the simulated bundle has its keys and, per STIX object type, the
// keys and JSON types of the published object. The other catalog endpoints have no published body
// (tests/contract/INDEX.md): for them this checks the shapes the connector relies on.
import { startSimulator, type Simulator } from '../../simulator/index.js';
import { NEXT_TOKEN_HEADER, THREAT_FEED_PAGE_OBJECTS } from '../../simulator/endpoints/threat-intel.js';
import { call, fakeClock, getToken, mc } from '../simulator/helpers.js';
import { fixture } from './fixtures.js';
import { shapeDifferences } from './shape.js';

type Json = Record<string, unknown>;
const FEED = '/api/ttp/threat-intel/get-feed';
const DAY = 86_400_000;

describe('simulator shape: catalog endpoints', () => {
    const clock = fakeClock();
    let sim: Simulator;
    let token: string;
    beforeAll(async () => {
        sim = await startSimulator({ now: clock.now, tokenTtlSeconds: 10 * 24 * 3600 });
        token = await getToken(sim);
    });
    afterAll(() => sim.close());

    const feed = (item: Json) =>
        call(sim, FEED, { data: [{ feedType: 'malware_customer', fileType: 'stix', start: mc(clock.now() - 7 * DAY), end: mc(clock.now()), ...item }] }, token);

    it('get-feed answers a STIX bundle shaped like the published one, object by object, with the next token in the header', async () => {
        const res = await feed({});
        expect(res.status).toBe(200);
        const body = res.body as unknown as Json;
        const sample = fixture<Json>('threat-intel-feed.elastic');
        expect(shapeDifferences({ ...sample, objects: [] }, { ...body, objects: [] })).toEqual([]);
        expect('data' in body || 'meta' in body).toBe(false); // not the /api envelope
        const objects = body['objects'] as Json[];
        expect(objects).toHaveLength(THREAT_FEED_PAGE_OBJECTS);
        const published = sample['objects'] as Json[];
        for (const type of ['malware', 'indicator', 'relationship']) {
            const expected = published.find((o) => o['type'] === type)!;
            const simulated = objects.filter((o) => o['type'] === type);
            expect(simulated.length).toBeGreaterThan(0);
            expect(simulated.flatMap((o) => shapeDifferences(expected, o, type))).toEqual([]);
        }
        expect(objects.filter((o) => o['type'] === 'indicator').every((o) => /^\[file:hashes\.'SHA-256' = '[0-9a-f]{64}'\]$/.test(String(o['pattern'])))).toBe(
            true
        );
        expect(res.headers.get(NEXT_TOKEN_HEADER)).toEqual(expect.any(String));
    });

    it('walks to the end by the header token: a set spans two pages, some malware has an empty name, the last page has no header', async () => {
        const seen = new Set<string>();
        const names: unknown[] = [];
        let split = false;
        let next: string | null = null;
        let pages = 0;
        do {
            const res = await feed(next ? { token: next } : {});
            expect(res.status).toBe(200);
            const objects = (res.body as unknown as Json)['objects'] as Json[];
            // A relationship whose indicator came on an earlier page.
            if (objects.some((o) => o['type'] === 'relationship' && seen.has(String(o['source_ref'])) && !objects.some((x) => x['id'] === o['source_ref'])))
                split = true;
            for (const o of objects) {
                seen.add(String(o['id']));
                if (o['type'] === 'malware') names.push(o['name']);
            }
            next = res.headers.get(NEXT_TOKEN_HEADER);
            pages++;
        } while (next && pages < 100);
        expect(next).toBeNull();
        expect(split).toBe(true);
        expect(names).toContain('');
    });

    it('an empty window is HTTP 200 with fail[] err_threat_intel_feed_no_result_found and no token header', async () => {
        const res = await feed({ start: mc(clock.now() + DAY), end: mc(clock.now() + 2 * DAY) });
        expect(res.status).toBe(200);
        expect(res.body.fail[0]!.errors![0]!.code).toBe('err_threat_intel_feed_no_result_found');
        expect(res.headers.get(NEXT_TOKEN_HEADER)).toBeNull();
    });

    it.each([
        [
            '/api/awareness-training/company/get-performance-details',
            { includeUserDetails: true },
            ['email', 'name', 'department', 'userState', 'numCorrect', 'numIncorrect', 'numNotWatched', 'userDetails']
        ],
        ['/api/awareness-training/company/get-watchlist-details', {}, ['email', 'name', 'department', 'userState', 'watchlistCount']],
        [
            '/api/awareness-training/company/get-safe-score-details',
            {},
            ['emailAddress', 'name', 'department', 'userState', 'risk', 'humanError', 'sentiment', 'engagement', 'knowledge']
        ]
    ])("%s answers a flat data[] per user with the fields Sentinel's connector stores, paged with next", async (path, item, keys) => {
        const res = await call(sim, path, { meta: { pagination: { pageSize: 10 } }, data: [item] }, token);
        expect(res.status).toBe(200);
        expect(res.body.fail).toEqual([]);
        expect(res.body.data.length).toBeGreaterThan(0);
        expect(res.body.data.every((r) => keys.every((k) => k in r))).toBe(true);
        expect(res.body.meta.pagination?.next).toEqual(expect.any(String));
    });

    it('get-campaign lists campaigns flat in data[] by id; find-incidents answers data[0].incidents; the bypass policies list is not the /api envelope', async () => {
        const campaigns = await call(sim, '/api/awareness-training/phishing/campaign/get-campaign', { data: [] }, token);
        expect(campaigns.body.data.every((c) => typeof c['id'] === 'string')).toBe(true);
        const incidents = await call(sim, '/api/ttp/remediation/find-incidents', { data: [{ start: mc(clock.now() - DAY), end: mc(clock.now()) }] }, token);
        expect(incidents.body.data).toEqual([{ incidents: [] }]);
        const policies = await call(sim, '/policy-management/cloud-gateway/v1/anti-spoofing-bypass/policies?pageSize=2', undefined, token, 'GET');
        const body = policies.body as unknown as Json;
        expect(Object.keys(body).sort()).toEqual(['meta', 'policies']);
        expect((body['policies'] as Json[]).length).toBe(2);
        const bad = await call(sim, '/policy-management/cloud-gateway/v1/anti-spoofing-bypass/policies?pageToken=nonsense', undefined, token, 'GET');
        expect(bad.status).toBe(400);
        expect(bad.body).toEqual({ error: [{ code: 'invalid_page_token', message: 'The page token is not valid' }] });
    });
});

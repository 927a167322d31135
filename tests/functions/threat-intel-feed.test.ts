import nock from 'nock';

import { createTestHost, failEnvelope, mockToken, TEST_BASE } from '../harness.js';

const PATH = '/api/ttp/threat-intel/get-feed';
const HEADER = 'X-Mc-Threat-Feed-Next-Token';
type Body = { data: Record<string, unknown>[] };

const malware = (id: string, name?: string) => ({
    type: 'malware',
    id,
    created: '2026-11-30T10:00:00.000Z',
    modified: '2026-11-30T10:00:00.000Z',
    ...(name === undefined ? {} : { name }),
    labels: ['virus']
});
const indicator = (id: string, hash: string) => ({
    type: 'indicator',
    id,
    created: '2026-11-30T10:00:00.000Z',
    modified: '2026-11-30T10:00:01.000Z',
    labels: ['malicious-activity'],
    pattern: `[file:hashes.'SHA-256' = '${hash}']`,
    valid_from: '2026-11-30T10:00:00.000Z'
});
const relationship = (id: string, source: string, target: string) => ({
    type: 'relationship',
    id,
    relationship_type: 'indicates',
    source_ref: source,
    target_ref: target,
    created: '2026-11-30T10:00:00.000Z',
    modified: '2026-11-30T10:00:00.000Z'
});
const bundle = (objects: unknown[]) => ({ type: 'bundle', id: 'bundle--1', spec_version: '2.0', objects });
const NO_RESULT = failEnvelope('err_threat_intel_feed_no_result_found', 'No results found');

// Page 1 holds I1 (linked to M1) and I2 without its link; page 2 links I2 to M2 (no name) and names
// an indicator the feed never sent.
const PAGE_1 = bundle([
    malware('malware--1', 'Transaction notice'),
    indicator('indicator--1', 'aa'),
    relationship('relationship--1', 'indicator--1', 'malware--1'),
    indicator('indicator--2', 'bb')
]);
const PAGE_2 = bundle([
    relationship('relationship--2', 'indicator--2', 'malware--2'),
    malware('malware--2', ''),
    relationship('relationship--3', 'indicator--9', 'malware--1')
]);

function recordFeed(bodies: Body[]) {
    return (body: Body) => bodies.push(body) > 0;
}

describe('sync threat-intel-feed', () => {
    it('walks the feed by the header token, resolves a relationship across pages, and saves one record per indicator', async () => {
        const t = createTestHost({ metadata: { threatFeedTypes: ['malware_customer'] } });
        mockToken();
        const bodies: Body[] = [];
        nock(TEST_BASE)
            .post(PATH, recordFeed(bodies))
            .reply(200, PAGE_1, { [HEADER]: 'token-2' })
            .post(PATH, recordFeed(bodies))
            .reply(200, PAGE_2);

        const before = Date.now();
        await t.runSync('threat-intel-feed');

        expect(bodies).toHaveLength(2);
        const first = bodies[0]!.data[0]!;
        expect(first).toEqual({
            feedType: 'malware_customer',
            fileType: 'stix',
            start: expect.stringMatching(/\+0000$/),
            end: expect.stringMatching(/\+0000$/)
        });
        // A 7-day back-fill by default, ending now.
        expect(Date.parse(String(first['start']).replace('+0000', 'Z'))).toBeLessThan(before - 7 * 86_400_000 + 2000);
        expect(bodies[1]!.data[0]).toEqual({ ...first, token: 'token-2' });

        const records = t.records('ThreatIndicator');
        expect(records).toEqual([
            {
                id: 'indicator--1',
                feedType: 'malware_customer',
                pattern: "[file:hashes.'SHA-256' = 'aa']",
                value: 'aa',
                type: 'SHA-256',
                labels: ['malicious-activity'],
                created: '2026-11-30T10:00:00.000Z',
                modified: '2026-11-30T10:00:01.000Z',
                validFrom: '2026-11-30T10:00:00.000Z',
                malwareIds: ['malware--1'],
                malwareNames: ['Transaction notice']
            },
            expect.objectContaining({ id: 'indicator--2', value: 'bb', malwareIds: ['malware--2'], malwareNames: [] })
        ]);
        expect(t.logs.join('\n')).toContain('1 relationships name an indicator this feed never sent');
        // The walk is complete: no token, and the next walk starts where this one ended.
        const checkpoint = t.checkpoint('threat-intel-feed')!;
        expect(checkpoint).toMatchObject({ customerToken: '', customerEnd: '' });
        expect(toMs(checkpoint['customerSince'])).toBe(toMs(String(first['end']).replace('+0000', 'Z')));
    });

    it('reads the no-result answer as an empty page, syncs both feed types by default, and starts the next run at the last end', async () => {
        const t = createTestHost();
        mockToken();
        const bodies: Body[] = [];
        nock(TEST_BASE).post(PATH, recordFeed(bodies)).times(2).reply(200, NO_RESULT);
        await t.runSync('threat-intel-feed');
        expect(bodies.map((b) => b.data[0]!['feedType'])).toEqual(['malware_customer', 'malware_grid']);
        expect(t.records('ThreatIndicator')).toEqual([]);

        nock(TEST_BASE).post(PATH, recordFeed(bodies)).times(2).reply(200, NO_RESULT);
        await t.runSync('threat-intel-feed');
        expect(bodies).toHaveLength(4);
        expect(bodies[2]!.data[0]!['start']).toBe(bodies[0]!.data[0]!['end']);
        expect(bodies[3]!.data[0]!['start']).toBe(bodies[1]!.data[0]!['end']);
    });

    it('resumes after a fault at the page it lost, with the saved token and window, and links page 2 to the stored page-1 indicator', async () => {
        const t = createTestHost({ metadata: { threatFeedTypes: ['malware_grid'] } });
        mockToken();
        const bodies: Body[] = [];
        nock(TEST_BASE)
            .post(PATH, recordFeed(bodies))
            .reply(200, PAGE_1, { [HEADER]: 'token-2' })
            .post(PATH, recordFeed(bodies))
            .times(4)
            .reply(500, { meta: { status: 500 }, data: [], fail: [{ errors: [{ code: 'err_server_error', message: 'boom' }] }] });
        await expect(t.runSync('threat-intel-feed')).rejects.toThrow(/err_server_error/);
        expect(t.checkpoint('threat-intel-feed')).toMatchObject({ gridToken: 'token-2' });
        expect(t.records('ThreatIndicator').map((r) => r['id'])).toEqual(['indicator--1', 'indicator--2']);

        nock(TEST_BASE).post(PATH, recordFeed(bodies)).reply(200, PAGE_2);
        await t.runSync('threat-intel-feed');
        const resumed = bodies[bodies.length - 1]!.data[0]!;
        expect(resumed).toEqual({ ...bodies[0]!.data[0], token: 'token-2' });
        expect(t.records('ThreatIndicator').find((r) => r['id'] === 'indicator--2')).toMatchObject({ feedType: 'malware_grid', malwareIds: ['malware--2'] });
        expect(t.records('ThreatIndicator')).toHaveLength(2);
        expect(t.checkpoint('threat-intel-feed')).toMatchObject({ gridToken: '', gridEnd: '' });
    });

    it('links nothing to a stored indicator that no longer reads as one: the relationship stays unresolved and the record as it was', async () => {
        const t = createTestHost({ metadata: { threatFeedTypes: ['malware_grid'] } });
        // Saved by an earlier run, but without the pattern every ThreatIndicator has.
        t.store.saveRecords(t.connectionId, 'ThreatIndicator', [{ id: 'indicator--9', feedType: 'malware_grid', malwareIds: [] }]);
        mockToken();
        nock(TEST_BASE).post(PATH).reply(200, PAGE_2);
        await t.runSync('threat-intel-feed');
        expect(t.records('ThreatIndicator')).toEqual([{ id: 'indicator--9', feedType: 'malware_grid', malwareIds: [] }]);
        expect(t.logs.join('\n')).toMatch(/2 relationships name an indicator this feed never sent/);
    });

    it('walks again from the start of the walk when Mimecast rejects the saved token, and upserts what it had', async () => {
        const t = createTestHost({ metadata: { threatFeedTypes: ['malware_grid'] } });
        mockToken();
        const bodies: Body[] = [];
        nock(TEST_BASE)
            .post(PATH, recordFeed(bodies))
            .reply(200, PAGE_1, { [HEADER]: 'token-2' })
            .post(PATH, recordFeed(bodies))
            .times(4)
            .reply(503, { meta: { status: 503 }, data: [], fail: [{ errors: [{ code: 'err_server_error', message: 'down' }] }] });
        await expect(t.runSync('threat-intel-feed')).rejects.toThrow(/err_server_error/);
        expect(t.checkpoint('threat-intel-feed')).toMatchObject({ gridToken: 'token-2' });

        nock(TEST_BASE)
            .post(PATH, recordFeed(bodies))
            .reply(400, {
                meta: { status: 400 },
                data: [],
                fail: [{ errors: [{ code: 'err_invalid_token', message: 'The token is invalid', field: 'token' }] }]
            })
            .post(PATH, recordFeed(bodies))
            .reply(200, PAGE_1, { [HEADER]: 'token-2b' })
            .post(PATH, recordFeed(bodies))
            .reply(200, PAGE_2);
        await t.runSync('threat-intel-feed');
        const [rejected, again] = bodies.slice(-3).map((b) => b.data[0]!);
        expect(rejected).toMatchObject({ token: 'token-2' });
        // The same walk (feed type, start, end) from its first page.
        expect(again).toEqual(bodies[0]!.data[0]);
        expect(t.logs.some((line) => line.includes('rejected the saved feed token (err_invalid_token)'))).toBe(true);
        expect(
            t
                .records('ThreatIndicator')
                .map((r) => r['id'])
                .sort()
        ).toEqual(['indicator--1', 'indicator--2']);
        expect(t.checkpoint('threat-intel-feed')).toMatchObject({ gridToken: '', gridEnd: '' });
    });

    it("fails on another fail[] code and on a 403, with Mimecast's code, keeping the checkpoint", async () => {
        const t = createTestHost({ metadata: { threatFeedTypes: ['malware_customer'] } });
        mockToken();
        nock(TEST_BASE)
            .post(PATH)
            .reply(200, failEnvelope('err_validation_invalid_value', 'feedType is not valid', 'feedType'));
        await expect(t.runSync('threat-intel-feed')).rejects.toThrow(/err_validation_invalid_value.*feedType/);

        nock(TEST_BASE)
            .post(PATH)
            .reply(403, { meta: { status: 403 }, data: [], fail: [{ errors: [{ code: 'err_forbidden', message: 'Threat intel is not licensed' }] }] });
        await expect(t.runSync('threat-intel-feed')).rejects.toThrow(/err_forbidden: Threat intel is not licensed/);
        expect(t.checkpoint('threat-intel-feed')).toMatchObject({ customerToken: '' });
    });

    it('rejects bad threatFeedTypes metadata before any call, naming the field', async () => {
        const t = createTestHost({ metadata: { threatFeedTypes: ['malware_everything'] } });
        mockToken(); // Nango's getMetadata reads the connection
        const api = nock(TEST_BASE).post(PATH).reply(200, NO_RESULT);
        await expect(t.runSync('threat-intel-feed')).rejects.toThrow(/threatFeedTypes/);
        expect(api.isDone()).toBe(false);
    });

    it('reads URL patterns and skips an indicator without a pattern, saving the rest of the page', async () => {
        const t = createTestHost({ metadata: { threatFeedTypes: ['malware_customer'] } });
        mockToken();
        const url = { ...indicator('indicator--u', 'x'), pattern: "[url:value = 'http://bad.example/a\\'b']" };
        const { pattern: _pattern, ...noPattern } = indicator('indicator--x', 'y');
        nock(TEST_BASE)
            .post(PATH)
            .reply(200, bundle([url, noPattern, 'not-an-object']));
        await t.runSync('threat-intel-feed');
        expect(t.records('ThreatIndicator')).toEqual([
            expect.objectContaining({ id: 'indicator--u', type: 'url', value: "http://bad.example/a'b", malwareIds: [] })
        ]);
        expect(t.logs.join('\n')).toContain('(no pattern)');
    });
});

function toMs(value: unknown): number {
    return Date.parse(String(value));
}

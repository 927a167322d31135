// The simulator is held to the published samples for the log and SIEM endpoints: the same envelope,
// and every simulated record has the keys and JSON types of a published record of its endpoint (it may
// add keys, never lack one). Samples of one endpoint differ from each other (a released record has no
// rejectReason, one expired record has no `released`), so each simulated record is compared with the
// published record it is closest to, and must match that one completely.
import { DAY_MS } from '../../simulator/data.js';
import { startSimulator, type Simulator } from '../../simulator/index.js';
import { call, fakeClock, getToken, mc } from '../simulator/helpers.js';
import { fixture, fixtureLines } from './fixtures.js';
import { shapeDifferences } from './shape.js';

type Json = Record<string, unknown>;

/** The differences to the closest of the samples (none when one matches). */
function closestDifferences(samples: unknown[], simulated: unknown, path: string): string[] {
    let best: string[] | undefined;
    for (const sample of samples) {
        const diff = shapeDifferences(sample, simulated, path);
        if (best === undefined || diff.length < best.length) {
            best = diff;
        }
    }
    return best ?? [`${path}: no sample`];
}

/** Every simulated record against its closest sample record; at most the first 50. */
function recordDifferences(samples: unknown[], simulated: unknown[], path: string): string[] {
    return simulated.slice(0, 50).flatMap((record) => closestDifferences(samples, record, `${path}[]`));
}

/** A body with its record list emptied: what is left is the envelope (an empty array says nothing). */
function envelopeOf(body: Json, key: string | undefined): Json {
    if (key === undefined) {
        return { ...body, data: [] };
    }
    const data = body['data'] as Json[];
    return { ...body, data: data.map((item) => ({ ...item, [key]: [] })) };
}

const recordsIn = (body: Json, key: string | undefined): unknown[] =>
    key === undefined ? (body['data'] as unknown[]) : ((body['data'] as Json[])[0]?.[key] as unknown[]);

describe('simulator shape: log and SIEM endpoints against the published samples', () => {
    const clock = fakeClock();
    let sim: Simulator;
    let token: string;
    beforeAll(async () => {
        sim = await startSimulator({ now: clock.now, tokenTtlSeconds: 10 * 24 * 3600, sizes: { siemEvents: 20_000 } });
        token = await getToken(sim);
    });
    afterAll(() => sim.close());

    const page = async (path: string, from: string, to: string, days = 7, pageSize = 500): Promise<Json> => {
        const res = await call(
            sim,
            path,
            { meta: { pagination: { pageSize } }, data: [{ [from]: mc(clock.now() - days * DAY_MS), [to]: mc(clock.now()) }] },
            token
        );
        expect(res.status).toBe(200);
        expect(res.body.fail).toEqual([]);
        return res.body as unknown as Json;
    };

    /** The first page of a SIEM stream from six hours ago. */
    const streamPage = async (path: string): Promise<Json> => {
        const query = new URLSearchParams({
            dateRangeStartsAt: new Date(clock.now() - 6 * 3_600_000).toISOString().replace(/\.\d{3}Z$/, '.000Z'),
            pageSize: '500'
        });
        const res = await call(sim, `${path}?${query.toString()}`, undefined, token, 'GET');
        expect(res.status).toBe(200);
        return res.body as unknown as Json;
    };

    it.each([
        ['/api/audit/get-audit-events', 'startDateTime', 'endDateTime', undefined, ['audit-events.elastic-v1', 'audit-events.xsoar']],
        ['/api/ttp/url/get-logs', 'from', 'to', 'clickLogs', ['ttp-url-logs.elastic']],
        ['/api/ttp/attachment/get-logs', 'from', 'to', 'attachmentLogs', ['ttp-attachment-logs.elastic']],
        ['/api/ttp/impersonation/get-logs', 'from', 'to', 'impersonationLogs', ['ttp-impersonation-logs.elastic']],
        ['/api/dlp/get-logs', 'from', 'to', 'dlpLogs', ['dlp-logs.elastic']],
        ['/api/archive/get-archive-search-logs', 'start', 'end', 'logs', ['archive-search-logs.elastic', 'archive-search-logs.xsoar']]
    ] as const)('%s answers the envelope and record shapes of %s', async (path, from, to, key, names) => {
        // A first page of two with more to come, as the samples are (they carry `next`).
        const first = await page(path, from, to, 7, 2);
        for (const name of names) {
            const sample = fixture<Json>(name);
            expect(shapeDifferences(envelopeOf(sample, key), envelopeOf(first, key))).toEqual([]);
        }
        const body = await page(path, from, to);
        const simulated = recordsIn(body, key);
        expect(simulated.length).toBeGreaterThan(0);
        const samples = names.flatMap((name) => recordsIn(fixture<Json>(name), key));
        expect(recordDifferences(samples, simulated, key ?? 'data')).toEqual([]);
    });

    it('held release logs: the envelope, heldReason, no reason, and now and then no `released` (like the published expired record)', async () => {
        const first = await page('/api/gateway/get-held-release-logs', 'start', 'end', 7, 2);
        expect(shapeDifferences(envelopeOf(fixture<Json>('held-release-logs.elastic'), 'heldReleaseLogs'), envelopeOf(first, 'heldReleaseLogs'))).toEqual([]);
        const body = await page('/api/gateway/get-held-release-logs', 'start', 'end', 30);
        const simulated = recordsIn(body, 'heldReleaseLogs') as Json[];
        expect(simulated.every((r) => typeof r['heldReason'] === 'string' && !('reason' in r))).toBe(true);
        const withoutReleased = simulated.filter((r) => !('released' in r));
        expect(withoutReleased.length).toBeGreaterThan(0);
        expect(withoutReleased.length).toBeLessThan(simulated.length / 5);
        // The one published record without `released` (Elastic's pipeline test data, its fifth record).
        const published = fixture<Json[]>('held-release-logs.elastic-pipeline-records');
        const expired = published.filter((r) => !('released' in r));
        expect(expired).toHaveLength(1);
        expect(recordDifferences(expired, withoutReleased, 'heldReleaseLogs')).toEqual([]);
        // The others match a published record that has `released`.
        const samples = [...recordsIn(fixture<Json>('held-release-logs.elastic'), 'heldReleaseLogs'), ...published.filter((r) => 'released' in r)];
        expect(
            recordDifferences(
                samples,
                simulated.filter((r) => 'released' in r),
                'heldReleaseLogs'
            )
        ).toEqual([]);
    });

    it('the CI stream: entities and mailflow records have the shapes of the published CI records, in the stream envelope', async () => {
        const body = await streamPage('/siem/v1/events/ci');
        // No CI stream body is published: its envelope is held to the CG stream's.
        expect(shapeDifferences({ ...fixture<Json>('siem-events.xsoar'), value: [] }, { ...body, value: [] })).toEqual([]);
        const published = fixtureLines<Json>('siem-ci-batch-records.elastic-pipeline.ndjson');
        const value = body['value'] as Json[];
        for (const type of ['entities', 'mailflow']) {
            const simulated = value.filter((e) => e['type'] === type);
            expect(simulated.length).toBeGreaterThan(0);
            expect(
                recordDifferences(
                    published.filter((e) => e['type'] === type),
                    simulated,
                    `value[${type}]`
                )
            ).toEqual([]);
        }
        // Every published verdict and both spellings of the direction occur.
        const entities = value.filter((e) => e['type'] === 'entities');
        expect(new Set(entities.map((e) => e['threatType']))).toEqual(new Set(published.filter((e) => e['type'] === 'entities').map((e) => e['threatType'])));
        expect(new Set(entities.map((e) => e['direction']))).toEqual(new Set(['INBOUND', 'Inbound']));
    });

    it("the SIEM stream names kinds eventType/subType and its receipts have the published receipts' shape", async () => {
        const body = await streamPage('/siem/v1/events/cg');
        const sample = fixture<Json>('siem-events.xsoar');
        // The stream's own envelope: value[], @nextLink, @nextPage, pageSize, isCaughtUp.
        expect(shapeDifferences({ ...sample, value: [] }, { ...body, value: [] })).toEqual([]);
        const value = body['value'] as Json[];
        expect(value.length).toBe(500);
        expect(value.every((e) => typeof e['eventType'] === 'string' && typeof e['subType'] === 'string' && !('type' in e) && !('subtype' in e))).toBe(true);
        const receipts = value.filter((e) => e['eventType'] === 'receipt');
        expect(receipts.length).toBeGreaterThan(0);
        const samples = [...(sample['value'] as unknown[]), ...fixture<{ data: unknown[] }>('siem-events.rapid7-records').data];
        expect(recordDifferences(samples, receipts, 'value')).toEqual([]);
    });
});

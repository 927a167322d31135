import { DAY_MS } from '../../simulator/data.js';
import { startSimulator, type Simulator } from '../../simulator/index.js';
import { call, fakeClock, getToken, mc } from './helpers.js';

const HOUR = 3_600_000;
const SIEM = '/siem/v1/events/cg';
const iso = (ms: number): string => new Date(Math.floor(ms / 1000) * 1000).toISOString();

interface StreamPage {
    '@nextPage'?: string;
    isCaughtUp?: boolean;
    value?: Array<Record<string, unknown>>;
    error?: { code: string; message: string };
}

describe('simulator: log endpoints and the SIEM stream', () => {
    const clock = fakeClock();
    let sim: Simulator;
    let token: string;
    beforeAll(async () => {
        sim = await startSimulator({ now: clock.now, tokenTtlSeconds: 10 * 24 * 3600, sizes: { siemEvents: 2_400 } });
        token = await getToken(sim);
    });
    afterAll(() => sim.close());

    const get = async (query: Record<string, string>): Promise<{ status: number; body: StreamPage }> => {
        const res = await call(sim, `${SIEM}?${new URLSearchParams(query).toString()}`, undefined, token, 'GET');
        return { status: res.status, body: res.body as unknown as StreamPage };
    };

    it.each([
        ['/api/ttp/url/get-logs', 'clickLogs', 'from', 'to', 'clickLogs'],
        ['/api/ttp/attachment/get-logs', 'attachmentLogs', 'from', 'to', 'attachmentLogs'],
        ['/api/ttp/impersonation/get-logs', 'impersonationLogs', 'from', 'to', 'impersonationLogs'],
        ['/api/dlp/get-logs', 'dlpLogs', 'from', 'to', 'dlpLogs'],
        ['/api/gateway/get-held-release-logs', 'heldReleaseLogs', 'start', 'end', 'heldReleaseLogs'],
        ['/api/archive/get-archive-search-logs', 'logs', 'start', 'end', 'archiveSearchLogs']
    ])('%s wraps records in data[0].%s[] and requires %s and %s', async (path, key, from, to, dataSet) => {
        const start = clock.now() - 2 * DAY_MS;
        const end = clock.now();
        const res = await call<Record<string, unknown[]>>(
            sim,
            path,
            { meta: { pagination: { pageSize: 500 } }, data: [{ [from]: mc(start), [to]: mc(end) }] },
            token
        );
        expect(res.status).toBe(200);
        expect(res.body.data).toHaveLength(1);
        expect(res.body.data[0]![key]).toHaveLength(Math.min(500, sim.series(dataSet).countInRange(start, end)));

        const missing = await call(sim, path, { data: [{ [from]: mc(start) }] }, token);
        expect(missing.status).toBe(200);
        expect(missing.body.fail[0]?.errors?.[0]).toMatchObject({ code: 'err_validation_missing', field: to });
    });

    it('streams oldest first with @nextPage on every answer and isCaughtUp at the head', async () => {
        const first = await get({ dateRangeStartsAt: iso(clock.now() - 2 * HOUR), pageSize: '100' });
        expect(first.status).toBe(200);
        const value = first.body.value!;
        expect(value).toHaveLength(100); // 2,400 a day = 200 in two hours
        expect(first.body.isCaughtUp).toBe(false);
        const times = value.map((e) => Number(e['timestamp']));
        expect([...times].sort((a, b) => a - b)).toEqual(times);
        expect(value.every((e) => typeof e['eventType'] === 'string' && e['id'] === undefined)).toBe(true);

        const second = await get({ nextPage: first.body['@nextPage']!, pageSize: '500' });
        expect(second.body.isCaughtUp).toBe(true);
        expect(Number(second.body.value![0]!['timestamp'])).toBeGreaterThan(times[times.length - 1]!);

        // Caught up: an empty page still carries a token, and new events arrive behind it.
        const empty = await get({ nextPage: second.body['@nextPage']!, pageSize: '500' });
        expect(empty.body).toMatchObject({ value: [], isCaughtUp: true, '@nextPage': expect.any(String) });
        clock.advance(HOUR);
        const later = await get({ nextPage: empty.body['@nextPage']!, pageSize: '500' });
        expect(later.body.value!.length).toBeGreaterThanOrEqual(99);
    });

    it('answers errors as {"error":{code,message}}: date form, 24-hour retention, bad token, unknown type', async () => {
        expect(await get({ dateRangeStartsAt: mc(clock.now() - HOUR) })).toMatchObject({ status: 400, body: { error: { code: 'invalid_date_format' } } });
        expect(await get({ dateRangeStartsAt: iso(clock.now() - 25 * HOUR) })).toMatchObject({ status: 400, body: { error: { code: 'invalid_date_range' } } });
        expect(await get({ nextPage: 'not-a-token' })).toMatchObject({ status: 400, body: { error: { code: 'invalid_next_page' } } });
        expect(await get({ dateRangeStartsAt: iso(clock.now() - HOUR), types: 'receipt,bogus' })).toMatchObject({
            status: 400,
            body: { error: { code: 'invalid_type' } }
        });
        const filtered = await get({ dateRangeStartsAt: iso(clock.now() - 6 * HOUR), types: 'delivery' });
        expect(filtered.body.value!.length).toBeGreaterThan(0);
        expect(filtered.body.value!.every((e) => e['eventType'] === 'delivery')).toBe(true);
    });

    it('a token older than the retention silently continues at the oldest retained event', async () => {
        const page = await get({ dateRangeStartsAt: iso(clock.now() - 23 * HOUR), pageSize: '10' });
        clock.advance(2 * HOUR);
        const resumed = await get({ nextPage: page.body['@nextPage']!, pageSize: '10' });
        expect(Number(resumed.body.value![0]!['timestamp'])).toBeGreaterThanOrEqual(clock.now() - 24 * HOUR);
    });
});

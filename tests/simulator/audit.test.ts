import { DAY_MS } from '../../simulator/data.js';
import { startSimulator, type Simulator } from '../../simulator/index.js';
import { AUDIT, call, fakeClock, getToken, mc, walkAudit, type AuditEventRecord } from './helpers.js';

const HOUR = 3_600_000;
const parseMc = (s: string): number => Date.parse(s.replace(/\+0000$/, 'Z'));

describe('simulator: /api/audit/get-audit-events', () => {
    const clock = fakeClock();
    let sim: Simulator;
    let token: string;
    beforeAll(async () => {
        sim = await startSimulator({ now: clock.now, tokenTtlSeconds: 10 * 24 * 3600 });
        token = await getToken(sim);
    });
    afterAll(() => sim.close());

    it('walks every record of a window exactly once, newest first, next absent on the last page', async () => {
        const from = clock.now() - 10 * DAY_MS;
        const to = clock.now();
        const expected = sim.series('auditEvents').countInRange(from, to);
        expect(expected).toBeGreaterThan(600); // 2,000 over 30 days
        const { records, pages } = await walkAudit(sim, token, { startDateTime: mc(from), endDateTime: mc(to) }, 100);
        expect(records.length).toBe(expected);
        expect(new Set(records.map((r) => r.id)).size).toBe(expected);
        expect(pages.length).toBe(Math.ceil(expected / 100));
        expect(pages.at(-1)?.body.meta.pagination?.next).toBeUndefined();
        expect(pages[0]?.body.meta.pagination).toMatchObject({ pageSize: 100, totalCount: expected });
        expect(pages[1]?.body.meta.pagination?.previous).toEqual(expect.any(String));
        const times = records.map((r) => parseMc(r.eventTime));
        expect(times.every((t) => t >= from - 1000 && t < to)).toBe(true);
        expect([...times].sort((a, b) => b - a)).toEqual(times);
        expect(records[0]).toEqual({
            id: expect.stringMatching(/^eNq[\w-]+$/),
            auditType: expect.any(String),
            user: expect.any(String),
            eventTime: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+0000$/),
            eventInfo: expect.any(String),
            category: expect.any(String)
        });
    });

    it('clamps pageSize to 500 and accepts ISO dates', async () => {
        const res = await call<AuditEventRecord>(
            sim,
            AUDIT,
            {
                meta: { pagination: { pageSize: 5000 } },
                data: [{ startDateTime: new Date(clock.now() - 30 * DAY_MS).toISOString(), endDateTime: new Date(clock.now()).toISOString() }]
            },
            token
        );
        expect(res.body.fail).toEqual([]);
        expect(res.body.data.length).toBe(500);
        expect(res.body.meta.pagination?.pageSize).toBe(500);
    });

    it('keeps a walk stable while new records arrive (page tokens snapshot the window)', async () => {
        const from = clock.now() - 2 * DAY_MS;
        const to = clock.now() + DAY_MS; // open-ended window: new records land in it
        const expected = sim.series('auditEvents').countInRange(from, to);
        const { records } = await walkAudit(sim, token, { startDateTime: mc(from), endDateTime: mc(to) }, 25, () => clock.advance(HOUR));
        expect(records.length).toBe(expected);
        expect(new Set(records.map((r) => r.id)).size).toBe(expected);
    });

    it('serves only new records to the next incremental window', async () => {
        const t1 = clock.now();
        const first = await walkAudit(sim, token, { startDateTime: mc(t1 - DAY_MS), endDateTime: mc(t1) }, 500);
        clock.advance(6 * HOUR);
        const t2 = clock.now();
        const second = await walkAudit(sim, token, { startDateTime: mc(t1), endDateTime: mc(t2) }, 500);
        expect(second.records.length).toBe(sim.series('auditEvents').countInRange(t1, t2));
        expect(second.records.length).toBeGreaterThan(0);
        const seen = new Set(first.records.map((r) => r.id));
        expect(second.records.some((r) => seen.has(r.id))).toBe(false);
    });

    it('rejects a page token replayed with different filters', async () => {
        const item = { startDateTime: mc(clock.now() - 5 * DAY_MS), endDateTime: mc(clock.now()) };
        const first = await call(sim, AUDIT, { meta: { pagination: { pageSize: 10 } }, data: [item] }, token);
        const next = first.body.meta.pagination?.next;
        expect(next).toEqual(expect.any(String));
        const res = await call(
            sim,
            AUDIT,
            { meta: { pagination: { pageSize: 10, pageToken: next } }, data: [{ ...item, endDateTime: mc(clock.now() - 1000) }] },
            token
        );
        expect(res.status).toBe(200);
        expect(res.body.data).toEqual([]);
        expect(res.body.fail[0]?.errors?.[0]).toMatchObject({ code: 'err_invalid_page_token', field: 'pageToken' });
        const garbage = await call(sim, AUDIT, { meta: { pagination: { pageToken: 'garbage' } }, data: [item] }, token);
        expect(garbage.body.fail[0]?.errors?.[0]?.code).toBe('err_invalid_page_token');
    });

    it('answers a blank field with fail[] in HTTP 200 naming the field', async () => {
        const item = { startDateTime: mc(clock.now() - DAY_MS), endDateTime: mc(clock.now()), query: '' };
        const res = await call(sim, AUDIT, { data: [item] }, token);
        expect(res.status).toBe(200);
        expect(res.body).toEqual({
            meta: { status: 200 },
            data: [],
            fail: [{ key: item, errors: [{ code: 'err_validation_blank', message: expect.any(String), field: 'query', retryable: false }] }]
        });
    });

    it('validates required, unparseable and reversed dates', async () => {
        const missing = await call(sim, AUDIT, { data: [{ startDateTime: mc(clock.now()) }] }, token);
        expect(missing.body.fail[0]?.errors).toEqual([expect.objectContaining({ code: 'err_validation_missing', field: 'endDateTime' })]);
        const none = await call(sim, AUDIT, { data: [] }, token);
        expect(none.body.fail[0]?.errors?.map((e) => e.field)).toEqual(['startDateTime', 'endDateTime']);
        const bad = await call(sim, AUDIT, { data: [{ startDateTime: '2026-02-31T00:00:00+0000', endDateTime: 'yesterday' }] }, token);
        expect(bad.body.fail[0]?.errors?.map((e) => [e.code, e.field])).toEqual([
            ['err_validation_invalid_date', 'startDateTime'],
            ['err_validation_invalid_date', 'endDateTime']
        ]);
        const reversed = await call(sim, AUDIT, { data: [{ startDateTime: mc(clock.now()), endDateTime: mc(clock.now() - DAY_MS) }] }, token);
        expect(reversed.body.fail[0]?.errors?.[0]).toMatchObject({ code: 'err_validation_invalid_date_range', field: 'endDateTime' });
    });

    it('filters by categories and query', async () => {
        const item = { startDateTime: mc(clock.now() - 30 * DAY_MS), endDateTime: mc(clock.now()) };
        const auth = await walkAudit(sim, token, { ...item, categories: ['authentication_logs'] }, 500);
        expect(auth.records.length).toBeGreaterThan(0);
        expect(auth.records.every((r) => r.category === 'authentication_logs')).toBe(true);
        expect(new Set(auth.records.map((r) => r.id)).size).toBe(auth.records.length);
        const q = await walkAudit(sim, token, { ...item, query: 'Policy' }, 500);
        expect(q.records.length).toBeGreaterThan(0);
        expect(q.records.every((r) => `${r.auditType} ${r.eventInfo}`.includes('olicy'))).toBe(true);
    });
});

describe('simulator: deterministic data', () => {
    it('gives the same ids for the same seed and different ids for another seed', async () => {
        const clock = fakeClock();
        const item = { startDateTime: mc(clock.now() - DAY_MS), endDateTime: mc(clock.now()) };
        const ids = async (seed: number): Promise<string[]> => {
            const sim = await startSimulator({ now: clock.now, seed });
            try {
                return (await walkAudit(sim, await getToken(sim), item, 500)).records.map((r) => r.id);
            } finally {
                await sim.close();
            }
        };
        const a = await ids(7);
        expect(a.length).toBeGreaterThan(0);
        expect(await ids(7)).toEqual(a);
        const c = await ids(8);
        expect(c.some((id) => a.includes(id))).toBe(false);
    });
});

import { ANCHOR_MS, DAY_MS, TimeSeries, type SeriesSpec } from '../../simulator/data.js';
import { blankErrors, formatDate, parseDate } from '../../simulator/envelope.js';

describe('simulator: dates', () => {
    it('parses Mimecast and ISO forms and formats the Mimecast form', () => {
        const ms = Date.UTC(2024, 10, 17, 20, 16, 0);
        expect(parseDate('2024-11-17T20:16:00+0000')).toBe(ms);
        expect(parseDate('2024-11-17T20:16:00Z')).toBe(ms);
        expect(parseDate('2024-11-17T20:16:00.000Z')).toBe(ms);
        expect(parseDate('2024-11-17T21:16:00+01:00')).toBe(ms);
        expect(parseDate('2024-11-17T21:16:00+0100')).toBe(ms);
        for (const bad of ['2024-11-17', '2024-02-30T00:00:00Z', '17/11/2024', '2024-11-17T20:16:00']) expect(parseDate(bad)).toBeUndefined();
        expect(formatDate(ms + 999)).toBe('2024-11-17T20:16:00+0000');
    });

    it('finds blank strings and nulls anywhere in an item', () => {
        expect(blankErrors({ a: 'x', b: { c: ' ' }, d: ['ok', ''], e: null }).map((e) => e.field)).toEqual(['b.c', 'd[1]', 'e']);
        expect(blankErrors({ a: 1, b: false })).toEqual([]);
    });
});

describe('simulator: TimeSeries', () => {
    const spec: SeriesSpec<{ id: string; time: number }> = { name: 'test', defaultSize: 10, retentionMs: 10 * DAY_MS, make: ({ id, time }) => ({ id, time }) };

    it('keeps `size` records live and maps windows to counts arithmetically', () => {
        let now = ANCHOR_MS + 100 * DAY_MS;
        const s = new TimeSeries(spec, 10, 1, () => now);
        expect(s.stepMs).toBe(DAY_MS);
        expect(s.countInRange(0, Infinity)).toBe(11); // both ends of the retention period are inclusive
        expect(s.countInRange(now - 2 * DAY_MS, now)).toBe(2);
        now += DAY_MS / 2; // half a step later: nothing new yet, the oldest expired
        expect(s.countInRange(0, Infinity)).toBe(10);
        const page = s.page({ from: 0, to: Infinity, offset: 0, limit: 3 });
        expect(page.items.map((r) => r.time)).toEqual([ANCHOR_MS + 100 * DAY_MS, ANCHOR_MS + 99 * DAY_MS, ANCHOR_MS + 98 * DAY_MS]);
        expect(s.record(5)).toEqual(s.record(5));
    });

    it('is empty with size 0', () => {
        const s = new TimeSeries(spec, 0, 1, () => ANCHOR_MS);
        expect(s.countInRange(0, Infinity)).toBe(0);
        expect(s.page({ from: 0, to: Infinity, offset: 0, limit: 10 }).items).toEqual([]);
    });
});

// dates.ts toIsoUtc: every date a record carries passes it. A UTC date with valid fields is rewritten
// as text; anything else goes through Date. Both must give what Date gives, and fail where Date fails.
import { MimecastError } from '../../integrations/mimecast/helpers/api.js';
import { isUnreadableDate, toIsoUtc } from '../../integrations/mimecast/helpers/dates.js';
import { missingField } from '../../integrations/mimecast/helpers/records.js';

/** The rule written plainly: Mimecast's `+0000` offset given its colon, then Date. */
function reference(value: string | number): string {
    const date = new Date(typeof value === 'number' ? value : value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
    if (Number.isNaN(date.getTime())) {
        throw new Error('unreadable');
    }
    return date.toISOString();
}

function outcome(read: (value: string | number) => string, value: string | number): string {
    try {
        return read(value);
    } catch {
        return 'unreadable';
    }
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

describe('toIsoUtc', () => {
    it('gives what Date gives for every year, month, day, time and offset form around the edges', () => {
        const times = ['T00:00:00', 'T23:59:59', 'T24:00:00', 'T12:60:00', 'T12:00:60', 'T09:05:07'];
        const zones = ['Z', '+0000', '+00:00', '.123Z', '.123+0000', '.5Z', '.123456Z', '+0100', '-0000', '-05:30', '+14:00', ''];
        const probes: string[] = [];
        for (const year of [1900, 1999, 2000, 2023, 2024, 2100]) {
            for (let month = 0; month <= 13; month += 1) {
                for (let day = 0; day <= 32; day += 1) {
                    for (const time of times) {
                        for (const zone of zones) {
                            probes.push(`${year}-${pad(month)}-${pad(day)}${time}${zone}`);
                        }
                    }
                }
            }
        }
        const differing = probes.filter((p) => outcome(toIsoUtc, p) !== outcome(reference, p));
        expect(probes.length).toBeGreaterThan(50_000);
        expect(differing).toEqual([]);
    });

    it('gives what Date gives for epoch milliseconds, across days, leap years and the edges of its fast range', () => {
        const day = 86_400_000;
        const probes = [0, 1, 999, 1000, day - 1, day, Date.UTC(2000, 1, 29, 23, 59, 59, 999), Date.UTC(2100, 2, 1), 253_402_300_799_999, 253_402_300_800_000];
        probes.push(-1, -day, 0.5, 1_796_125_777_920.25, Number.MAX_SAFE_INTEGER, 8.64e15);
        let seed = 11;
        for (let i = 0; i < 20_000; i++) {
            seed = (seed * 1103515245 + 12345) % 2147483648;
            probes.push(Math.floor((seed / 2147483648) * 2 ** 31) * 117_000 + (seed % 1000));
        }
        for (let d = 0; d < 3 * 366; d++) {
            probes.push(Date.UTC(2023, 0, 1) + d * day, Date.UTC(2023, 0, 1) + d * day - 1);
        }
        const differing = probes.filter((ms) => outcome(toIsoUtc, ms) !== outcome(reference, ms));
        expect(differing).toEqual([]);
        expect(toIsoUtc(Date.UTC(2024, 1, 29, 7, 8, 9, 45))).toBe('2024-02-29T07:08:09.045Z');
        expect(() => toIsoUtc(Number.NaN)).toThrow(MimecastError);
    });

    it('keeps milliseconds and turns Mimecast offsets into UTC', () => {
        expect(toIsoUtc('2024-11-17T20:16:00+0000')).toBe('2024-11-17T20:16:00.000Z');
        expect(toIsoUtc('2024-02-29T23:59:59.250Z')).toBe('2024-02-29T23:59:59.250Z');
        expect(toIsoUtc('2024-11-17T20:16:00+0100')).toBe('2024-11-17T19:16:00.000Z');
        // Date rolls an out-of-range day over; so does toIsoUtc, as it always did.
        expect(toIsoUtc('2023-02-29T00:00:00+0000')).toBe('2023-03-01T00:00:00.000Z');
        expect(toIsoUtc(Date.UTC(2024, 10, 17, 20, 16))).toBe('2024-11-17T20:16:00.000Z');
    });

    it('fails an unreadable date with malformed_response, naming the value', () => {
        expect(() => toIsoUtc('2024-11-17T25:00:00+0000')).toThrow(MimecastError);
        expect(() => toIsoUtc('yesterday')).toThrow('unreadable date "yesterday"');
    });

    it('is told apart from other errors by isUnreadableDate (the reason a skipped record or a missing OCSF event gives)', () => {
        const thrown = (read: () => unknown): unknown => {
            try {
                read();
            } catch (err) {
                return err;
            }
            throw new Error('expected a throw');
        };
        expect(isUnreadableDate(thrown(() => toIsoUtc('yesterday')))).toBe(true);
        expect(isUnreadableDate(missingField('dateReceived'))).toBe(false);
        // A bug whose message happens to quote the words is a bug, not an unreadable record.
        expect(isUnreadableDate(new TypeError('unreadable date'))).toBe(false);
    });
});

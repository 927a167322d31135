// dates.ts toIsoUtc: every date a record carries passes it. A UTC date with valid fields is rewritten
// as text; anything else goes through Date. Both must give what Date gives, and fail where Date fails.
import { MimecastError } from '../../integrations/mimecast/helpers/api.js';
import { toIsoUtc } from '../../integrations/mimecast/helpers/dates.js';

/** The rule written plainly: Mimecast's `+0000` offset given its colon, then Date. */
function reference(value: string): string {
    const date = new Date(value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
    if (Number.isNaN(date.getTime())) {
        throw new Error('unreadable');
    }
    return date.toISOString();
}

function outcome(read: (value: string) => string, value: string): string {
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
});

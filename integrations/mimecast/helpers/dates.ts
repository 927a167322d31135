// Mimecast writes dates as `2024-11-17T20:16:00+0000` (offset without a colon) and accepts that form
// in requests. Records carry ISO 8601 UTC instead, which every consumer parses.
import { MimecastError } from './api.js';
import { floor, isNotANumber, NativeDate, toNumber, toText } from './builtins.js';

/**
 * A date already in UTC with every field in range: `2024-11-17T20:16:00+0000`, `...+00:00`, `...Z`,
 * with or without milliseconds. Most dates Mimecast sends have this form; it is rewritten as text,
 * which gives what Date does (the fields already valid, nothing rolls over) at a tenth of the cost.
 */
const UTC_DATE = /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{3})?(?:Z|\+00:?00)$/;
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function inMonth(year: number, month: number, day: number): boolean {
    if (day > (DAYS_IN_MONTH[month - 1] ?? 0)) {
        return false;
    }
    return month !== 2 || day < 29 || (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0));
}

const DAY_MS = 86_400_000;
/** 10000-01-01T00:00:00Z: below it (and from 1970) toISOString writes a four-digit year. */
const YEAR_10000_MS = 253_402_300_800_000;

const twoDigits = (n: number): string => (n < 10 ? `0${n}` : toText(n));

/**
 * Whole epoch milliseconds from 1970 to 9999 (Mimecast's SIEM timestamps) as toISOString writes them,
 * at about a quarter of its cost. The date from the day count is Howard Hinnant's
 * civil_from_days.
 */
function isoOfEpochMs(ms: number): string {
    const days = floor(ms / DAY_MS);
    let rest = ms - days * DAY_MS;
    const shifted = days + 719_468;
    const era = floor(shifted / 146_097);
    const dayOfEra = shifted - era * 146_097;
    const yearOfEra = floor((dayOfEra - floor(dayOfEra / 1460) + floor(dayOfEra / 36_524) - floor(dayOfEra / 146_096)) / 365);
    const dayOfYear = dayOfEra - (365 * yearOfEra + floor(yearOfEra / 4) - floor(yearOfEra / 100));
    const monthFromMarch = floor((5 * dayOfYear + 2) / 153);
    const day = dayOfYear - floor((153 * monthFromMarch + 2) / 5) + 1;
    const month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
    const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
    const hours = floor(rest / 3_600_000);
    rest -= hours * 3_600_000;
    const minutes = floor(rest / 60_000);
    rest -= minutes * 60_000;
    const seconds = floor(rest / 1000);
    const millis = rest - seconds * 1000;
    const millisText = millis < 10 ? `00${millis}` : millis < 100 ? `0${millis}` : toText(millis);
    return `${year}-${twoDigits(month)}-${twoDigits(day)}T${twoDigits(hours)}:${twoDigits(minutes)}:${twoDigits(seconds)}.${millisText}Z`;
}

const UNREADABLE_DATE = 'unreadable date';

/** Whether `err` is the error a date no parser reads throws: the record is unreadable, and its reason is this, never the value. */
export function isUnreadableDate(err: unknown): boolean {
    return err instanceof MimecastError && err.code === 'malformed_response' && err.message.includes(UNREADABLE_DATE);
}

/** ISO 8601 UTC (`2024-11-17T20:16:00.000Z`) from any Mimecast date form or epoch milliseconds. */
export function toIsoUtc(value: string | number): string {
    if (typeof value === 'number') {
        if (value >= 0 && value < YEAR_10000_MS && floor(value) === value) {
            return isoOfEpochMs(value);
        }
    } else {
        const utc = UTC_DATE.exec(value);
        if (utc !== null && (utc[3]! < '29' || inMonth(toNumber(utc[1]), toNumber(utc[2]), toNumber(utc[3])))) {
            // Already canonical (24 characters: milliseconds and `Z`) it is its own result; no new string.
            return utc[4] !== undefined && value.length === 24 ? value : `${value.slice(0, 19)}${utc[4] ?? '.000'}Z`;
        }
    }
    const date = typeof value === 'number' ? new NativeDate(value) : new NativeDate(value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
    if (isNotANumber(date.getTime())) {
        throw new MimecastError({ code: 'malformed_response', message: `${UNREADABLE_DATE} ${JSON.stringify(value)}` });
    }
    return date.toISOString();
}

/** An ISO 8601 UTC, or undefined for missing values and Mimecast's open-ended 1900/2100 placeholders. */
export function optionalIsoUtc(value: unknown): string | undefined {
    if (typeof value !== 'string' && typeof value !== 'number') {
        return undefined;
    }
    if (typeof value === 'string' && (value.trim() === '' || /^(1900|2100)-01-01/.test(value))) {
        return undefined;
    }
    return toIsoUtc(value);
}

/** The request form Mimecast documents: `YYYY-MM-DDTHH:MM:SS+0000`, whole seconds, UTC. */
export function toMimecastDate(value: string | number | Date): string {
    const date = value instanceof Date ? value : new Date(value);
    return date.toISOString().replace(/\.\d{3}Z$/, '+0000');
}

/** Rounds down to the whole second: Mimecast filters are second-precise. */
export function floorToSecond(ms: number): number {
    return floor(ms / 1000) * 1000;
}

/**
 * Like optionalIsoUtc, but an unreadable value is left out instead of failing the record: for
 * display dates of records (policies, messages, incidents) where one odd value must not cost the record.
 */
export function lenientIsoUtc(value: unknown): string | undefined {
    // @allowTryCatch: one unreadable display date must not cost the record
    try {
        return optionalIsoUtc(value);
    } catch {
        return undefined;
    }
}

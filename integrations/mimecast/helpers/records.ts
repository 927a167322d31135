// Reading fields of Mimecast records: a missing required field is a malformed page, not a crash
// deep inside a mapping. Optional fields come back as undefined (never null or '').
import { createHash } from 'crypto';

import { MimecastError } from './api.js';

export function requiredString(raw: Record<string, unknown>, field: string): string {
    const value = raw[field];
    if (typeof value === 'string' && value !== '') {
        return value;
    }
    if (typeof value === 'number') {
        return String(value);
    }
    throw new MimecastError({ code: 'malformed_response', message: `a record has no ${field}`, field });
}

export function optionalString(raw: Record<string, unknown>, field: string): string | undefined {
    const value = raw[field];
    if (typeof value === 'string') {
        return value === '' ? undefined : value;
    }
    return typeof value === 'number' || typeof value === 'boolean' ? String(value) : undefined;
}

export function optionalNumber(raw: Record<string, unknown>, field: string): number | undefined {
    const value = raw[field];
    if (typeof value === 'number' && Number.isFinite(value)) {
        return value;
    }
    if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) {
        return Number(value);
    }
    return undefined;
}

export function optionalBoolean(raw: Record<string, unknown>, field: string): boolean | undefined {
    const value = raw[field];
    if (typeof value === 'boolean') {
        return value;
    }
    return value === 'true' ? true : value === 'false' ? false : undefined;
}

/**
 * A stable record id for Mimecast records that carry none (TTP URL and attachment logs, DLP logs,
 * archive search logs, SIEM events): the SHA-256 of the record's content as Mimecast sent it, with
 * object keys sorted so key order does not matter, prefixed with `kind` so two streams never share
 * an id. The same event fetched twice (a replayed window, a resumed page) gets the same id and is
 * upserted, not duplicated; two events that differ in any field get different ids. Two byte-identical
 * events collapse into one record, which is all the content allows.
 */
export function contentId(kind: string, raw: unknown): string {
    return createHash('sha256').update(kind).update('\n').update(canonicalJson(raw)).digest('base64url');
}

/** JSON with object keys sorted at every level. */
function canonicalJson(value: unknown): string {
    if (Array.isArray(value)) {
        return `[${value.map(canonicalJson).join(',')}]`;
    }
    if (value !== null && typeof value === 'object') {
        const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
        entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
        return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
    }
    return JSON.stringify(value) ?? 'null';
}

/** An array of strings (non-string and blank entries dropped); undefined when absent or empty. */
export function optionalStrings(raw: Record<string, unknown>, field: string): string[] | undefined {
    const value = raw[field];
    if (!Array.isArray(value)) {
        return undefined;
    }
    const out = value.filter((v): v is string => typeof v === 'string' && v !== '');
    return out.length > 0 ? out : undefined;
}

/** The email address of a Mimecast mailbox object (`{displayableName, emailAddress}`) or a plain string. */
export function optionalAddress(value: unknown): string | undefined {
    if (typeof value === 'string') {
        return value === '' ? undefined : value;
    }
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
        return optionalString(value as Record<string, unknown>, 'emailAddress');
    }
    return undefined;
}

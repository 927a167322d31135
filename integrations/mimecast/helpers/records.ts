// Reading fields of Mimecast records: a missing required field is a malformed page, not a crash
// deep inside a mapping. Optional fields come back as undefined (never null or '').
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

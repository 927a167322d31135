// Reading fields of Mimecast records: a missing required field makes that record unreadable, not a
// crash deep inside a mapping, and `mapRecords` skips such a record so the rest of its page is saved.
// Optional fields come back as undefined (never null or '').
import * as crypto from 'crypto';

import { MimecastError } from './api.js';
import { isUnreadableDate } from './dates.js';
import { isArray, isFiniteNumber, isObject, NativeMap, NativeSet, objectKeys, objectValues, toJson, toNumber, toText } from './builtins.js';

/**
 * A field every record must have. `field` may list several spellings (clients disagree, e.g.
 * `['eventType', 'type']`): the first one present wins.
 */
export function requiredString(raw: Record<string, unknown>, field: string | readonly string[]): string {
    const value = optionalString(raw, field);
    if (value !== undefined) {
        return value;
    }
    throw missingField(typeof field === 'string' ? field : field.join(' or '));
}

/** The error for a record that lacks a field its mapping requires (`names`: its spellings, joined by "or"): `mapRecords` skips the record. */
export function missingField(names: string): MimecastError {
    return new MimecastError({ code: 'malformed_response', message: `a record has no ${names}`, field: names });
}

/** A field a record may lack; `field` may list several spellings, the first present one wins. */
export function optionalString(raw: Record<string, unknown>, field: string | readonly string[]): string | undefined {
    for (const name of typeof field === 'string' ? [field] : field) {
        const value = raw[name];
        if (typeof value === 'string' && value !== '') {
            return value;
        }
        if (typeof value === 'number' || typeof value === 'boolean') {
            return toText(value);
        }
    }
    return undefined;
}

export function optionalNumber(raw: Record<string, unknown>, field: string): number | undefined {
    const value = raw[field];
    if (typeof value === 'number' && isFiniteNumber(value)) {
        return value;
    }
    if (typeof value === 'string' && value.trim() !== '' && isFiniteNumber(toNumber(value))) {
        return toNumber(value);
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
    const content = `${kind}\n${canonicalJson(raw)}`;
    // crypto.hash (Node 20.12+) is the one-shot form of the same digest; older runtimes take createHash.
    return typeof crypto.hash === 'function' ? crypto.hash('sha256', content, 'base64url') : crypto.createHash('sha256').update(content).digest('base64url');
}

/**
 * JSON with object keys sorted at every level. A flat object is written from its values in its shape's
 * sorted order; anything else by JSON.stringify with one sorted list of every key at any depth as its
 * property list (JSON.stringify writes an object's keys in the list's order).
 */
function canonicalJson(value: unknown): string {
    if (isObject(value)) {
        const flat = flatCanonicalJson(value);
        if (flat !== undefined) {
            return flat;
        }
    }
    const keys = new NativeSet<string>();
    collectKeys(value, keys);
    return toJson(value, [...keys].sort()) ?? 'null';
}

/** How an object with one list of keys is written canonically: its values in sorted-key order, each after its key's `{"key":` or `,"key":`. */
interface FlatShape {
    keys: string[];
    order: number[];
    prefixes: string[];
}

/**
 * The shapes seen so far, by key count, the most recent first. A stream's records come in a few shapes
 * (one per event type and variant), so sorting the keys and quoting them is done once per shape, not
 * once per record; a record finds its shape by comparing its key list with each of the few of its
 * length (no string built per record to look it up). A pure cache: what it holds changes no result.
 * Bounded: SHAPES_PER_LENGTH per key count, and emptied past MAX_SHAPE_LENGTHS key counts.
 */
const flatShapes = new NativeMap<number, FlatShape[]>();
const SHAPES_PER_LENGTH = 8;
const MAX_SHAPE_LENGTHS = 1_000;

function flatShapeOf(keys: string[]): FlatShape {
    let known = flatShapes.get(keys.length);
    if (known !== undefined) {
        search: for (const shape of known) {
            for (let i = 0; i < keys.length; i++) {
                if (shape.keys[i] !== keys[i]) {
                    continue search;
                }
            }
            return shape;
        }
    } else {
        if (flatShapes.size >= MAX_SHAPE_LENGTHS) {
            flatShapes.clear();
        }
        known = [];
        flatShapes.set(keys.length, known);
    }
    const order = keys.map((_, i) => i).sort((a, b) => (keys[a]! < keys[b]! ? -1 : keys[a]! > keys[b]! ? 1 : 0));
    const shape = { keys, order, prefixes: order.map((i, j) => `${j === 0 ? '{' : ','}${toJson(keys[i])}:`) };
    known.unshift(shape);
    if (known.length > SHAPES_PER_LENGTH) {
        known.pop();
    }
    return shape;
}

/** What JSON.stringify escapes in a string: quotes, backslashes, control characters and (lone) surrogates. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what JSON escapes
const ESCAPED = /["\\\u0000-\u001f\ud800-\udfff]/;

/**
 * The canonical JSON of an object whose values are all strings, numbers, booleans or null (most log
 * records), or undefined for any other object: the same text JSON.stringify gives with the sorted key
 * list, written from Object.values without a keyed lookup per field.
 */
function flatCanonicalJson(value: Record<string, unknown>): string | undefined {
    const shape = flatShapeOf(objectKeys(value));
    const values = objectValues(value);
    const { order, prefixes } = shape;
    let out = '';
    for (let j = 0; j < order.length; j++) {
        const v = values[order[j]!];
        // Each value as JSON.stringify writes it, without a call to it for most strings and every
        // number; objects, arrays and values JSON leaves out (undefined, functions) take the general path.
        if (typeof v === 'string') {
            out += prefixes[j]! + (ESCAPED.test(v) ? toJson(v) : `"${v}"`);
        } else if (typeof v === 'number') {
            out += prefixes[j]! + (isFiniteNumber(v) ? toText(v) : 'null');
        } else if (typeof v === 'boolean' || v === null) {
            out += prefixes[j]! + toText(v);
        } else {
            return undefined;
        }
    }
    return out === '' ? '{}' : `${out}}`;
}

function collectKeys(value: unknown, keys: Set<string>): void {
    if (isArray(value)) {
        for (const item of value) {
            collectKeys(item, keys);
        }
    } else if (isObject(value)) {
        for (const key of objectKeys(value)) {
            keys.add(key);
            collectKeys(value[key], keys);
        }
    }
}

/** A record that could not be mapped: named by its content hash, never by its content. */
export interface SkippedRecord {
    /** `contentId(kind, raw)`: lets an operator find the record again without logging what it says. */
    ref: string;
    /** What was missing or unreadable, e.g. `no eventTime`; never a field's value. */
    reason: string;
}

/**
 * The one record guard: maps every raw record of a page, and skips (returns, does not throw) those
 * that are not objects or lack a field the mapping requires, so one odd record never stops a sync.
 * Only unreadable records are skipped: any other error (a bug in a mapping) still fails the run.
 */
export function mapRecords<R>(kind: string, raws: unknown[], toRecord: (raw: Record<string, unknown>) => R): { records: R[]; skipped: SkippedRecord[] } {
    const records: R[] = [];
    const skipped: SkippedRecord[] = [];
    for (const raw of raws) {
        if (!isObject(raw)) {
            skipped.push({ ref: contentId(kind, raw), reason: 'not an object' });
            continue;
        }
        // @allowTryCatch: the one record guard: an unreadable record is skipped and named, any other error is rethrown
        try {
            records.push(toRecord(raw));
        } catch (err) {
            if (!(err instanceof MimecastError) || err.code !== 'malformed_response') {
                throw err;
            }
            skipped.push({
                ref: contentId(kind, raw),
                reason: err.field ? `no ${err.field}` : isUnreadableDate(err) ? 'unreadable date' : 'unreadable field'
            });
        }
    }
    return { records, skipped };
}

/** One log line for the records a page skipped: their refs and reasons (at most 10 listed). */
export function describeSkipped(kind: string, skipped: SkippedRecord[]): string {
    return `${kind}: skipped ${skipped.length} record${skipped.length === 1 ? '' : 's'} that could not be read: ${listedForLog(skipped.map((s) => `${s.ref} (${s.reason})`))}`;
}

/** Records named in a log line: the first 10, then how many more. */
export function listedForLog(names: string[]): string {
    return `${names.slice(0, 10).join(', ')}${names.length > 10 ? ` and ${names.length - 10} more` : ''}`;
}

/** An array of strings (non-string and blank entries dropped); undefined when absent or empty. */
export function optionalStrings(raw: Record<string, unknown>, field: string): string[] | undefined {
    const value = raw[field];
    return isArray(value) ? nonBlankStrings(value) : undefined;
}

/** The non-empty strings of a list (other entries dropped); undefined when there are none. */
export function nonBlankStrings(list: readonly unknown[]): string[] | undefined {
    const out = list.filter((v): v is string => typeof v === 'string' && v !== '');
    return out.length > 0 ? out : undefined;
}

/** The email address of a Mimecast mailbox object (`{displayableName, emailAddress}`) or a plain string. */
export function optionalAddress(value: unknown): string | undefined {
    if (typeof value === 'string') {
        return value === '' ? undefined : value;
    }
    if (isObject(value)) {
        return optionalString(value, 'emailAddress');
    }
    return undefined;
}

// A Mimecast record stream described once. The zod model defines the fields; a description says only
// what the model cannot: where the id comes from, which fields are dates or mailbox addresses, and
// which Mimecast names a field is read from when they differ from the model's (alternate spellings
// first-present-wins, e.g. `eventType` or `type`). Every other field is read from the Mimecast key of
// the same name with the reader its zod type implies (string, number, boolean, string[]), required
// when the model requires it. The model name is a key of the sync's `models` map, so a typo fails
// `tsc` and `nango compile`.
//
// `finish` is the one place every record passes before batchSave (log streams, SIEM, gaps): it leaves
// out empty values (undefined, null, '', [] and {}), so no byte is stored for nothing, and it is where a
// per-connection transformation plugs in: the OCSF rendering (`ocsf`) when the metadata asks for it.
// A record whose OCSF event fails is still saved, and `saveRecords` says so in one warning per page.
import * as z from 'zod';

import { isObject } from './api.js';
import type { MimecastNango } from './api.js';
import { isUnreadableDate, optionalIsoUtc } from './dates.js';
import { hasNoReadableTime, hasOcsfEvent, toOcsf } from './ocsf.js';
import {
    contentId,
    listedForLog,
    missingField,
    optionalAddress,
    optionalBoolean,
    optionalNumber,
    optionalString,
    optionalStrings,
    requiredString
} from './records.js';
import { isArray, objectKeys, objectValues } from './builtins.js';

/** A sync's `models` object, as passed to createSync. */
export type ModelMap = Record<string, z.ZodObject>;

/**
 * How a Mimecast value becomes a model value: `string` (numbers and booleans as text), `number`,
 * `boolean`, `date` (ISO 8601 UTC from any Mimecast date form or epoch ms), `address` (a mailbox object's
 * `emailAddress` or a plain string), `addresses` (a list of those), `strings` (non-blank strings).
 */
export type Reader = 'string' | 'number' | 'boolean' | 'date' | 'address' | 'addresses' | 'strings';

/** One Mimecast key, or several spellings read first-present-wins. */
export type Source = string | readonly string[];

export type FieldSpec = Reader | { from?: Source; read?: Reader | ((value: unknown) => unknown) };

/** `content`: Mimecast sends no id, so it is the content's SHA-256 (records.ts contentId); else the Mimecast key(s), optionally falling back to the content. */
export type IdSpec = 'content' | { from: Source; orContent?: true };

type Plain = string | number | boolean | string[];
type Shape<S> = S extends z.ZodObject ? z.infer<S> : never;
/** Fields whose type is not a plain string/number/boolean/string[] must say how they are read. */
type NeedsSpec<V> = [NonNullable<V>] extends [Plain] ? false : true;
/** Fields no Mimecast key is read into: the id, and `ocsf` (added by `finish`). */
type Computed = 'id' | 'ocsf';
/** Per model field (but `id`, `ocsf` and the catch-all `Rest`): how it is read; required for fields of other types. */
export type FieldSpecs<T, Rest = never> = {
    [F in keyof T as F extends Computed | Rest ? never : NeedsSpec<T[F]> extends true ? F : never]-?: FieldSpec;
} & {
    [F in keyof T as F extends Computed | Rest ? never : NeedsSpec<T[F]> extends true ? never : F]?: FieldSpec;
};

export interface RecordSpec<M extends ModelMap, K extends keyof M & string, Rest extends string = never> {
    /** The sync's `models` object (the same one passed to createSync). */
    models: M;
    /** The model records are saved as: a key of `models`. */
    model: K;
    id: IdSpec;
    /** Only the fields the model's own names and types do not describe. */
    fields?: FieldSpecs<Shape<M[K]>, Rest>;
    /** A model field that receives every Mimecast key no other field read (SIEM `details`); empty values left out. */
    rest?: Rest & keyof Shape<M[K]>;
}

export type RecordOf<M extends ModelMap, K extends keyof M> = Shape<M[K]> & { id: string };

interface Plan {
    key: string;
    sources: readonly string[];
    read: Reader | ((value: unknown) => unknown);
    required: boolean;
}

/**
 * The mapping of one record spec, built once per run: a function from a raw Mimecast record to a model
 * record. A missing required field throws malformed_response (records.ts mapRecords skips that record).
 */
export function recordReader<M extends ModelMap, K extends keyof M & string, Rest extends string = never>(
    spec: RecordSpec<M, K, Rest>
): (raw: Record<string, unknown>) => RecordOf<M, K> {
    const schema = spec.models[spec.model];
    if (!schema) {
        throw new Error(`unknown model ${spec.model}`);
    }
    const specs: Partial<Record<string, FieldSpec>> = spec.fields ?? {};
    const restKey: string | undefined = spec.rest;
    const plans: Plan[] = [];
    for (const [key, field] of Object.entries(schema.shape)) {
        if (key === 'id' || key === 'ocsf' || key === restKey) {
            continue;
        }
        const given = specs[key];
        const object = typeof given === 'object' ? given : undefined;
        const read = typeof given === 'string' ? given : (object?.read ?? readerOf(field));
        if (read === undefined) {
            throw new Error(`${spec.model}.${key}: no reader for its type; say how it is read in the stream's fields`);
        }
        const from = object?.from ?? key;
        plans.push({ key, sources: typeof from === 'string' ? [from] : from, read, required: !field.safeParse(undefined).success });
    }
    const idSources = spec.id === 'content' ? [] : typeof spec.id.from === 'string' ? [spec.id.from] : spec.id.from;
    const consumed = new Set([...idSources, ...plans.flatMap((p) => p.sources)]);
    const model = spec.model;
    const id = spec.id;

    return (raw) => {
        const record: Record<string, unknown> = {
            id:
                id === 'content'
                    ? contentId(model, raw)
                    : id.orContent
                      ? (optionalString(raw, idSources) ?? contentId(model, raw))
                      : requiredString(raw, idSources)
        };
        for (const plan of plans) {
            const value = readField(raw, plan);
            if (value !== undefined) {
                record[plan.key] = value;
            } else if (plan.required) {
                throw missingField(plan.sources.join(' or '));
            }
        }
        if (spec.rest !== undefined) {
            // Empty values are left out here already (finish would drop them): a record then reaches finish
            // with nothing to drop, and is not copied again there.
            const rest: Record<string, unknown> = {};
            let kept = 0;
            for (const key of objectKeys(raw)) {
                const value = raw[key];
                if (!consumed.has(key) && value !== null && value !== undefined && value !== '') {
                    rest[key] = value;
                    kept += 1;
                }
            }
            if (kept > 0) {
                record[spec.rest] = rest;
            }
        }
        // Built from the model's own fields by their readers; like Nango, the engine does not parse every record
        // with the model (`validateRecords` in the tests and `nango dryrun --validation` do).
        // eslint-disable-next-line @nangohq/custom-integrations-linting/no-object-casting -- a record of the model, built field by field
        return record as RecordOf<M, K>;
    };
}

function readField(raw: Record<string, unknown>, plan: Plan): unknown {
    const { read, sources } = plan;
    if (typeof read === 'function') {
        const name = sources.find((s) => raw[s] !== undefined && raw[s] !== null);
        return name === undefined ? undefined : read(raw[name]);
    }
    switch (read) {
        case 'string':
            return optionalString(raw, sources);
        case 'number':
            return first(sources, (s) => optionalNumber(raw, s));
        case 'boolean':
            return first(sources, (s) => optionalBoolean(raw, s));
        case 'strings':
            return first(sources, (s) => optionalStrings(raw, s));
        case 'date':
            // An unreadable date throws malformed_response ('unreadable date'): the record is skipped.
            return first(sources, (s) => optionalIsoUtc(raw[s]));
        case 'address':
            return first(sources, (s) => optionalAddress(raw[s]));
        case 'addresses':
            return first(sources, (s) => {
                const value = raw[s];
                const list = (isArray(value) ? value : value === undefined ? [] : [value]).map(optionalAddress).filter((a): a is string => a !== undefined);
                return list.length > 0 ? list : undefined;
            });
    }
}

function first<T>(sources: readonly string[], read: (source: string) => T | undefined): T | undefined {
    for (const source of sources) {
        const value = read(source);
        if (value !== undefined) {
            return value;
        }
    }
    return undefined;
}

/** The reader a zod field's type implies, or undefined when the stream must say (objects, records, ...). */
function readerOf(field: z.core.$ZodType): Reader | undefined {
    let inner = field;
    while (inner instanceof z.ZodOptional || inner instanceof z.ZodNullable) {
        inner = inner.unwrap();
    }
    // z.email(), z.iso.datetime() and the other string formats are strings too.
    if (inner instanceof z.ZodString || inner instanceof z.ZodStringFormat) return 'string';
    if (inner instanceof z.ZodNumber) return 'number';
    if (inner instanceof z.ZodBoolean) return 'boolean';
    if (inner instanceof z.ZodArray) return inner.element instanceof z.ZodString || inner.element instanceof z.ZodStringFormat ? 'strings' : undefined;
    return undefined;
}

// ---------------------------------------------------------------------------------------------
// The one place records are finished before they are saved.

/** What `finish` may read from the connection (its metadata object, `{}` when none is set). */
export type ConnectionMetadata = Record<string, unknown>;

/** A record as `finish` leaves it, and why it lacks the OCSF event the connection asked for, if it does. */
export interface Finished<R> {
    record: R;
    /** Set when the record's mapping covers it but the mapper failed: what went wrong, never a field's value. */
    ocsfFailure?: string;
}

/**
 * Every record of every stream passes here right before batchSave. Leaves out empty values, at any
 * depth (undefined, null, '', [] and {}); a record is otherwise saved as mapped. When the connection's
 * metadata says `{ "ocsf": true }`, a record its model's OCSF mapping covers (ocsf.ts hasOcsfEvent: CI
 * mailflow and urlclick records and held messages that expired in the queue have no event) also carries
 * its OCSF 1.8.0 event as `ocsf`. A record the mapper fails on (no readable time, or a bug in a mapping)
 * is saved without it, with the reason in `ocsfFailure`: the OCSF event is an addition to the record,
 * and losing it must not lose the record.
 */
export function finish<R extends { id: string }>(model: string, record: R, metadata: ConnectionMetadata): Finished<R> {
    // eslint-disable-next-line @nangohq/custom-integrations-linting/no-object-casting -- the same record without its empty values (fields that may be empty are optional)
    const finished = withoutEmpty(record) as R;
    if (metadata['ocsf'] !== true || !hasOcsfEvent(model, finished)) {
        return { record: finished };
    }
    // @allowTryCatch: a record the OCSF mapper fails on is saved without its OCSF event (and reported) rather than stopping the sync
    try {
        return { record: { ...finished, ocsf: withoutEmpty(toOcsf(model, finished)) } };
    } catch (err) {
        return { record: finished, ocsfFailure: ocsfFailureOf(err) };
    }
}

/** Why a mapper failed, in words that never quote the record (an error's message may). */
function ocsfFailureOf(err: unknown): string {
    if (isUnreadableDate(err)) {
        return 'unreadable date';
    }
    if (hasNoReadableTime(err)) {
        return 'no readable time';
    }
    return `${err instanceof Error ? err.name : 'error'} in the OCSF mapping`;
}

/** What the savers need from a sync's `nango`: Nango's batchSave, typed by the sync's model names (`N`), and its log. */
export interface RecordSaver<N extends string> {
    batchSave(records: { id: string }[], model: N): unknown;
    log: MimecastNango['log'];
}

/**
 * Finishes and saves one page of records as `model` in one batchSave; returns how many were saved.
 * Records saved without the OCSF event the connection asked for are named in one warning (at most 10
 * ids, each with its reason).
 */
export async function saveRecords<N extends string, K extends N, R extends { id: string }>(
    nango: RecordSaver<N>,
    model: K,
    records: Iterable<R>,
    metadata: ConnectionMetadata
): Promise<number> {
    const finished: R[] = [];
    const failures: string[] = [];
    for (const record of records) {
        const done = finish(model, record, metadata);
        finished.push(done.record);
        if (done.ocsfFailure !== undefined) {
            failures.push(`${record.id} (${done.ocsfFailure})`);
        }
    }
    if (finished.length > 0) {
        await nango.batchSave(finished, model);
    }
    if (failures.length > 0) {
        const count = `${failures.length} record${failures.length === 1 ? '' : 's'}`;
        await nango.log(`${model}: saved ${count} without the OCSF event the connection asked for: ${listedForLog(failures)}`, { level: 'warn' });
    }
    return finished.length;
}

/** The connection's metadata as an object (`{}` when none is set: Nango answers null). */
export async function connectionMetadata(nango: { getMetadata(): Promise<unknown> }): Promise<ConnectionMetadata> {
    const metadata = await nango.getMetadata();
    return isObject(metadata) ? metadata : {};
}

/**
 * The value without null, '' and empty objects or arrays, at every depth. What has nothing to drop is
 * returned as it is (no copy): most of a SIEM page's events come through untouched, found so by
 * hasEmpty, which reads values in order (Object.values) rather than key by key.
 */
function withoutEmpty(value: unknown): unknown {
    return hasEmpty(value) ? dropEmpty(value) : value;
}

/** Whether withoutEmpty would drop anything in `value` (or all of it). */
function hasEmpty(value: unknown): boolean {
    if (value === null || value === '' || value === undefined) {
        return true;
    }
    if (typeof value !== 'object') {
        return false;
    }
    const items: unknown[] = isArray(value) ? value : objectValues(value);
    if (items.length === 0) {
        return true;
    }
    for (let i = 0; i < items.length; i++) {
        if (hasEmpty(items[i])) {
            return true;
        }
    }
    return false;
}

function dropEmpty(value: unknown): unknown {
    if (isArray(value)) {
        let items: unknown[] | undefined;
        for (let i = 0; i < value.length; i++) {
            const kept = dropEmpty(value[i]);
            if (items === undefined && (kept !== value[i] || kept === undefined)) {
                items = value.slice(0, i);
            }
            if (items !== undefined && kept !== undefined) {
                items.push(kept);
            }
        }
        const result = items ?? value;
        return result.length > 0 ? result : undefined;
    }
    if (isObject(value)) {
        let out: Record<string, unknown> | undefined;
        let kept = 0;
        const keys = objectKeys(value);
        for (let i = 0; i < keys.length; i++) {
            const key = keys[i]!;
            const v = dropEmpty(value[key]);
            if (out === undefined && (v !== value[key] || v === undefined)) {
                out = {};
                for (let j = 0; j < i; j++) {
                    out[keys[j]!] = value[keys[j]!];
                }
            }
            if (v !== undefined) {
                kept += 1;
                if (out !== undefined) {
                    out[key] = v;
                }
            }
        }
        return kept === 0 ? undefined : (out ?? value);
    }
    return value === null || value === '' ? undefined : value;
}

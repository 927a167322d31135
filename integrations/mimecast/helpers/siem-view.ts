// One reading of a saved SiemEvent record, shared by the OCSF mapper and the message-trace reducer.
// The stream endpoint names an event's kind `eventType`/`subType`, the batch files `type`/`subtype`,
// and which fields the sync promotes to the top level (the rest stay in `details`) may change: so a
// field is read from the record first, then from its details, under either spelling.
import { isArray, isFiniteNumber, isNotANumber, isObject, objectEntries, parseDate, toNumber, toText } from './builtins.js';

/** The SiemEvent model as saved by the siem-events sync (promoted fields are all optional here). */
export interface SiemEventRecord {
    id: string;
    timestamp: string;
    type?: string | undefined;
    subtype?: string | undefined;
    eventType?: string | undefined;
    subType?: string | undefined;
    aggregateId?: string | undefined;
    processingId?: string | undefined;
    accountId?: string | undefined;
    messageId?: string | undefined;
    direction?: string | undefined;
    senderEnvelope?: string | undefined;
    senderHeader?: string | undefined;
    recipients?: string | undefined;
    subject?: string | undefined;
    senderIp?: string | undefined;
    action?: string | undefined;
    details?: Record<string, unknown> | undefined;
    /** Any other field the sync promotes. */
    [field: string]: unknown;
}

/** Whether a saved record has what every SiemEvent has: an id and an ISO timestamp. */
export function isSiemEventRecord(value: unknown): value is SiemEventRecord {
    return isObject(value) && typeof value['id'] === 'string' && typeof value['timestamp'] === 'string';
}

export interface SiemView {
    id: string;
    /** Lower-case kind: receipt, process, delivery, journal, av, spam, url protect, ... ('' when absent). */
    kind: string;
    subtype: string | undefined;
    /** Epoch milliseconds. */
    time: number;
    aggregateId: string | undefined;
    /** Every field of the event (record fields over details), without id, details and the kind fields. */
    fields: Record<string, unknown>;
}

const KIND_KEYS = new Set(['type', 'subtype', 'eventType', 'subType']);

export function siemView(record: SiemEventRecord): SiemView {
    const details = record.details ?? {};
    const fields: Record<string, unknown> = {};
    for (const [key, value] of objectEntries(details)) {
        if (!KIND_KEYS.has(key) && present(value)) {
            fields[key] = value;
        }
    }
    for (const [key, value] of objectEntries(record)) {
        if (key !== 'id' && key !== 'details' && !KIND_KEYS.has(key) && present(value)) {
            fields[key] = value;
        }
    }
    return { ...siemHeading(record), fields };
}

/** The view without its fields: for readers that take a few fields by name (siemField). */
export function siemHeading(record: SiemEventRecord): Omit<SiemView, 'fields'> {
    const details = record.details ?? {};
    const kind = text(record.eventType) ?? text(record.type) ?? text(details['eventType']) ?? text(details['type']) ?? '';
    const subtype = text(record.subType) ?? text(record.subtype) ?? text(details['subType']) ?? text(details['subtype']);
    const time = parseDate(record.timestamp);
    if (isNotANumber(time)) {
        throw new Error(`SiemEvent ${record.id}: timestamp ${JSON.stringify(record.timestamp)} is not a date`);
    }
    return { id: record.id, kind: kind.toLowerCase(), subtype, time, aggregateId: aggregateIdOf(record) };
}

/** One field as siemView's `fields` has it (the record's own value over its details'), without building them all. */
export function siemField(record: SiemEventRecord, key: string): unknown {
    const own = record[key];
    if (present(own)) {
        return own;
    }
    const inDetails = record.details?.[key];
    return present(inDetails) ? inDetails : undefined;
}

/** siemField as text (see text): for readers that take many fields by name, most of them absent. */
export function siemText(record: SiemEventRecord, key: string): string | undefined {
    return text(siemField(record, key));
}

/** The message an event belongs to (its aggregateId, promoted or in details), without building the whole view. */
export function aggregateIdOf(record: SiemEventRecord): string | undefined {
    return text(record.aggregateId) ?? text(record.details?.['aggregateId']);
}

/** A non-blank string (numbers and booleans as text), else undefined. */
export function text(value: unknown): string | undefined {
    if (typeof value === 'string') {
        const trimmed = value.trim();
        return trimmed === '' || trimmed === 'null' ? undefined : trimmed;
    }
    return typeof value === 'number' || typeof value === 'boolean' ? toText(value) : undefined;
}

/** Each non-blank entry of a list as text (one value: a list of it), kept whole: a file name may hold a comma. */
export function texts(value: unknown): string[] {
    const list: string[] = [];
    for (const item of isArray(value) ? value : [value]) {
        const t = text(item);
        if (t !== undefined) {
            list.push(t);
        }
    }
    return list;
}

/** A finite number from a number or a numeric string, else undefined. */
export function numeric(value: unknown): number | undefined {
    if (typeof value === 'number' && isFiniteNumber(value)) {
        return value;
    }
    if (typeof value === 'string' && value.trim() !== '' && isFiniteNumber(toNumber(value))) {
        return toNumber(value);
    }
    return undefined;
}

/** true/false from a boolean or Mimecast's 'true'/'false'/'yes'/'no' strings. */
export function flag(value: unknown): boolean | undefined {
    if (typeof value === 'boolean') {
        return value;
    }
    const t = text(value)?.toLowerCase();
    return t === 'true' || t === 'yes' ? true : t === 'false' || t === 'no' ? false : undefined;
}

/** Recipients as Mimecast writes them: one address, or several separated by commas or semicolons. */
export function addresses(value: unknown): string[] {
    if (isArray(value)) {
        return value.flatMap(addresses);
    }
    const t = text(value);
    if (t === undefined) {
        return [];
    }
    // One address, the usual case, needs no splitting (text has trimmed it): the split arrays' varying
    // shapes also made V8 compile the trace code twice a run.
    if (!t.includes(',') && !t.includes(';')) {
        return [t];
    }
    const list: string[] = [];
    for (const part of t.split(/[,;]/)) {
        const address = part.trim();
        if (address !== '') {
            list.push(address);
        }
    }
    return list;
}

function present(value: unknown): boolean {
    return value !== null && value !== undefined && value !== '';
}

// The pieces every OCSF 1.8.0 event shares: the classes this connector emits, the classification
// attributes (class_uid = category_uid * 1000 + class id, type_uid = class_uid * 100 + activity_id),
// metadata, and the small objects (email, url, file, user, endpoint, security-control outcome) the
// model mappers assemble. https://schema.ocsf.io/1.8.0/
import { URL } from 'url';

export const OCSF_VERSION = '1.8.0';
export const PRODUCT_NAME = 'Mimecast Email Security';
export const VENDOR_NAME = 'Mimecast';

/** An OCSF event: the classification attributes every class has, then the class's own attributes. */
export interface OcsfEvent {
    class_uid: number;
    class_name: string;
    category_uid: number;
    category_name: string;
    activity_id: number;
    activity_name: string;
    type_uid: number;
    type_name: string;
    severity_id: number;
    severity: string;
    /** Epoch milliseconds. */
    time: number;
    metadata: Record<string, unknown>;
    [attribute: string]: unknown;
}

interface OcsfClass {
    uid: number;
    name: string;
    categoryUid: number;
    categoryName: string;
    activities: Record<number, string>;
}

export const EMAIL_ACTIVITY: OcsfClass = {
    uid: 4009,
    name: 'Email Activity',
    categoryUid: 4,
    categoryName: 'Network Activity',
    activities: { 1: 'Send', 2: 'Receive', 3: 'Scan', 4: 'Trace', 5: 'MTA Relay' }
};
export const AUTHENTICATION: OcsfClass = {
    uid: 3002,
    name: 'Authentication',
    categoryUid: 3,
    categoryName: 'Identity & Access Management',
    activities: { 1: 'Logon', 2: 'Logoff' }
};
export const ACCOUNT_CHANGE: OcsfClass = {
    uid: 3001,
    name: 'Account Change',
    categoryUid: 3,
    categoryName: 'Identity & Access Management',
    activities: { 1: 'Create', 2: 'Enable', 3: 'Password Change', 4: 'Password Reset', 5: 'Disable', 6: 'Delete', 9: 'Lock', 12: 'Unlock' }
};
export const API_ACTIVITY: OcsfClass = {
    uid: 6003,
    name: 'API Activity',
    categoryUid: 6,
    categoryName: 'Application Activity',
    activities: { 1: 'Create', 2: 'Read', 3: 'Update', 4: 'Delete' }
};
export const DETECTION_FINDING: OcsfClass = {
    uid: 2004,
    name: 'Detection Finding',
    categoryUid: 2,
    categoryName: 'Findings',
    activities: { 1: 'Create', 2: 'Update', 3: 'Close' }
};

export const OTHER = 99;

export const SEVERITY = Object.freeze({ unknown: 0, informational: 1, low: 2, medium: 3, high: 4, critical: 5 });
const SEVERITY_NAMES: Record<number, string> = { 0: 'Unknown', 1: 'Informational', 2: 'Low', 3: 'Medium', 4: 'High', 5: 'Critical' };

export interface EventHead {
    activity: number;
    /** The activity's name when it is 99 (Other): Mimecast's own word for it. */
    otherActivity?: string | undefined;
    severity: number;
    time: number;
    metadata: MetadataInput;
}

export interface MetadataInput {
    /** The Nango model the record came from (`ClickLog`, `SiemEvent`, ...). */
    model: string;
    /** The Mimecast product area, e.g. `URL Protect`, `Cloud Gateway`. */
    feature: string;
    uid: string;
    /** The record's time as Mimecast wrote it. */
    originalTime?: string | undefined;
    eventCode?: string | undefined;
    correlationUid?: string | undefined;
    tenantUid?: string | undefined;
    /** OCSF profiles whose attributes the event uses (security_control for action/disposition, host for actor). */
    profiles?: string[] | undefined;
}

const NO_READABLE_TIME = 'no readable time';

/** Whether `err` is the error `ocsfEvent` throws for a record with no time it can read: its reason is this, never the record. */
export function hasNoReadableTime(err: unknown): boolean {
    return err instanceof Error && err.message.includes(NO_READABLE_TIME);
}

/** An event of `cls`: classification, severity, time and metadata, then `body`; undefined values and empty arrays dropped. */
export function ocsfEvent(cls: OcsfClass, head: EventHead, body: Record<string, unknown>): OcsfEvent {
    if (!Number.isFinite(head.time)) {
        throw new Error(`${head.metadata.model} ${head.metadata.uid}: ${NO_READABLE_TIME} for the OCSF event`);
    }
    const activityName = head.activity === OTHER ? (head.otherActivity ?? 'Other') : (cls.activities[head.activity] ?? 'Unknown');
    const m = head.metadata;
    return {
        class_uid: cls.uid,
        class_name: cls.name,
        category_uid: cls.categoryUid,
        category_name: cls.categoryName,
        activity_id: head.activity,
        activity_name: activityName,
        type_uid: cls.uid * 100 + head.activity,
        type_name: `${cls.name}: ${activityName}`,
        severity_id: head.severity,
        severity: SEVERITY_NAMES[head.severity] ?? 'Unknown',
        time: head.time,
        metadata: compactObject({
            version: OCSF_VERSION,
            product: { name: PRODUCT_NAME, vendor_name: VENDOR_NAME, feature: { name: m.feature } },
            uid: m.uid,
            log_name: m.model,
            event_code: m.eventCode,
            original_time: m.originalTime,
            correlation_uid: m.correlationUid,
            tenant_uid: m.tenantUid,
            profiles: m.profiles && m.profiles.length > 0 ? [...m.profiles].sort() : undefined
        }),
        ...compactObject(body)
    };
}

/** Drops undefined values, empty arrays and objects left empty, at every level. */
export function compact(value: unknown): unknown {
    if (Array.isArray(value)) {
        return value.map(compact).filter((v) => v !== undefined);
    }
    return isPlainObject(value) ? compactObject(value) : value;
}

/** `compact` of an object. */
function compactObject(value: Record<string, unknown>): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) {
        const c = compact(v);
        if (c === undefined || (Array.isArray(c) && c.length === 0) || (isPlainObject(c) && Object.keys(c).length === 0)) {
            continue;
        }
        out[key] = c;
    }
    return out;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
    return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Epoch milliseconds of an ISO date, NaN when unreadable. */
export function epochMs(iso: string | undefined): number {
    return iso === undefined ? Number.NaN : Date.parse(iso);
}

/** Fields of `source` not in `mapped`, for `unmapped` (blank values dropped). */
export function rest(source: object, mapped: readonly string[]): Record<string, unknown> | undefined {
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(source)) {
        if (!mapped.includes(key) && value !== undefined && value !== null && value !== '') {
            out[key] = value;
        }
    }
    return Object.keys(out).length > 0 ? out : undefined;
}

// ------------------------------------------------------------------ addresses, endpoints, users

// OCSF's email_t pattern (dictionary.json types), with '-' taken literally.
const EMAIL = /^[a-zA-Z0-9!#$%&'*+\-/=?^_`{|}~.]+@[a-zA-Z0-9-]+\.[a-zA-Z0-9-.]+$/;
const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
const IPV6 = /^[0-9a-fA-F]{0,4}(:[0-9a-fA-F]{0,4}){2,7}$/;

export function isEmail(value: string | undefined): value is string {
    return value !== undefined && EMAIL.test(value);
}

export function isIp(value: string | undefined): value is string {
    return value !== undefined && (IPV4.test(value) || IPV6.test(value));
}

/** An address for an email_t attribute, or undefined when it is not one (then it belongs in a *_mailbox string). */
export function emailOrUndefined(value: string | undefined): string | undefined {
    return isEmail(value) ? value : undefined;
}

/** A network endpoint from an IP (when it is one) and/or a name; undefined when neither. */
export function endpoint(ip: string | undefined, extra: Record<string, unknown> = {}): Record<string, unknown> | undefined {
    const e = { ...(isIp(ip) ? { ip } : {}), ...extra };
    return Object.values(e).some((v) => v !== undefined) ? e : undefined;
}

/** An OCSF user for a Mimecast address: name always, email_addr when it is a valid address. */
export function user(address: string | undefined, typeId?: number): Record<string, unknown> | undefined {
    if (address === undefined || address === '') {
        return undefined;
    }
    return { name: address, email_addr: emailOrUndefined(address), type_id: typeId };
}

/** OCSF user.type_id. */
export const USER_TYPE = Object.freeze({ user: 1, admin: 2, system: 3 });

// ------------------------------------------------------------------ email, url, file

export interface EmailInput {
    from?: string | undefined;
    to?: string[] | undefined;
    subject?: string | undefined;
    messageId?: string | undefined;
    size?: number | undefined;
    files?: Record<string, unknown>[] | undefined;
    urls?: Record<string, unknown>[] | undefined;
}

/** An OCSF email object (undefined members are dropped with the event's empty values). */
export interface OcsfEmail {
    from: string | undefined;
    from_mailbox: string | undefined;
    to: string[];
    to_mailboxes: string[];
    subject: string | undefined;
    message_uid: string | undefined;
    size: number | undefined;
    files: Record<string, unknown>[] | undefined;
    urls: Record<string, unknown>[] | undefined;
}

/** An OCSF email object; addresses that are not email_t go to from_mailbox / to_mailboxes. */
export function email(input: EmailInput): OcsfEmail {
    const to = input.to ?? [];
    return {
        from: emailOrUndefined(input.from),
        from_mailbox: input.from !== undefined && !isEmail(input.from) ? input.from : undefined,
        to: to.filter(isEmail),
        to_mailboxes: to.filter((a) => !isEmail(a)),
        subject: input.subject,
        message_uid: input.messageId,
        size: input.size,
        files: input.files,
        urls: input.urls
    };
}

/** An OCSF url object from a URL string; an unparsable one keeps only url_string. */
export function url(value: string, categories?: string[]): Record<string, unknown> {
    let parsed: URL | undefined;
    // @allowTryCatch: an unparsable URL keeps only url_string
    try {
        parsed = new URL(value);
    } catch {
        parsed = undefined;
    }
    return {
        url_string: value,
        scheme: parsed?.protocol.replace(/:$/, ''),
        hostname: parsed?.hostname || undefined,
        domain: parsed?.hostname || undefined,
        port: parsed?.port ? Number(parsed.port) : undefined,
        path: parsed ? parsed.pathname : undefined,
        query_string: parsed?.search ? parsed.search.slice(1) : undefined,
        categories
    };
}

const HASH_ALGORITHMS: Record<string, number> = { md5: 1, sha1: 2, sha256: 3, sha512: 4 };

/** The hash algorithm of a hex digest, by its length (md5, sha1, sha256, sha512); undefined otherwise. */
export function digestAlgorithm(value: string | undefined): string | undefined {
    if (value === undefined || !/^[0-9a-fA-F]+$/.test(value)) {
        return undefined;
    }
    return { 32: 'md5', 40: 'sha1', 64: 'sha256', 128: 'sha512' }[value.length];
}

/** An OCSF file (a regular file, type_id 1) with whatever hashes Mimecast gave. */
export function file(input: {
    name?: string | undefined;
    mimeType?: string | undefined;
    ext?: string | undefined;
    size?: number | undefined;
    hashes?: Record<string, string | undefined>;
}): Record<string, unknown> {
    const hashes = Object.entries(input.hashes ?? {})
        .filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== '' && HASH_ALGORITHMS[entry[0]] !== undefined)
        .map(([algorithm, value]) => ({ algorithm_id: HASH_ALGORITHMS[algorithm], algorithm: algorithm.toUpperCase().replace('SHA', 'SHA-'), value }));
    return {
        name: input.name ?? 'unknown',
        type_id: 1,
        mime_type: input.mimeType,
        ext: input.ext ?? (input.name?.includes('.') ? input.name.slice(input.name.lastIndexOf('.') + 1) : undefined),
        size: input.size,
        hashes
    };
}

/** The OCSF caption of each direction_id directionId gives (0, Unknown, has none). */
export const DIRECTION_NAMES: Record<number, string | undefined> = { 1: 'Inbound', 2: 'Outbound', 3: 'Internal' };

/** OCSF email direction_id from Mimecast's direction or route (Inbound/inbound/INBOUND, ...). */
export function directionId(value: string | undefined): number {
    const v = value?.toLowerCase() ?? '';
    return v.startsWith('inbound') ? 1 : v.startsWith('outbound') ? 2 : v.startsWith('internal') ? 3 : 0;
}

// ------------------------------------------------------------------ security control outcome

export interface ControlOutcome {
    action_id: number;
    action: string;
    disposition_id: number;
    disposition: string;
}

// Mimecast's action words (log APIs: allow, block, hold, ...; SIEM: Acc, Hld, Rej, Sdbx, Allow, Hold,
// Block, Reject, None, ...) to the security_control profile's action and disposition.
const OUTCOMES: { match: RegExp; action: [number, string]; disposition: [number, string] }[] = [
    { match: /^(acc|accept(ed)?|allow(ed)?|permit(ted)?|none|no action|clean|safe|deliver(ed|y)?|true)$/, action: [1, 'Allowed'], disposition: [1, 'Allowed'] },
    { match: /^(sdbx|sandbox(ed)?)$/, action: [1, 'Allowed'], disposition: [14, 'Delayed'] },
    { match: /^(hld|hold|held|quarantine(d)?)$/, action: [2, 'Denied'], disposition: [3, 'Quarantined'] },
    { match: /^(rej|reject(ed)?|bounce(d)?|fail(ed)?|false)$/, action: [2, 'Denied'], disposition: [25, 'Rejected'] },
    { match: /^(block(ed)?|deny|denied|malicious)$/, action: [2, 'Denied'], disposition: [2, 'Blocked'] },
    { match: /^(delete(d)?|remove(d)?)$/, action: [2, 'Denied'], disposition: [5, 'Deleted'] },
    { match: /^(release(d)?)$/, action: [1, 'Allowed'], disposition: [9, 'Restored'] },
    { match: /^(tag(ged)?|secure( messaging)?|encrypt(ed)?)$/, action: [4, 'Modified'], disposition: [18, 'Tagged'] },
    { match: /^(notify|notified|notification|warn(ed)?|alert)$/, action: [3, 'Observed'], disposition: [19, 'Alert'] }
];

/** The action/disposition pair for a Mimecast action word; Other (99) with the word itself when unknown. */
export function controlOutcome(action: string | undefined): ControlOutcome | undefined {
    if (action === undefined) {
        return undefined;
    }
    const word = action.trim().toLowerCase();
    const known = OUTCOMES.find((o) => o.match.test(word));
    return known
        ? { action_id: known.action[0], action: known.action[1], disposition_id: known.disposition[0], disposition: known.disposition[1] }
        : { action_id: OTHER, action, disposition_id: OTHER, disposition: action };
}

// The bounded building blocks of every action input: each value a caller sends is checked for its
// character set and length here, before anything reaches Mimecast. Actions compose these (never a bare
// z.string()); a failure names the field and what was expected (helpers/actions.ts parseInput).
// Patterns are spelled without regex flags: the compiled JSON schema keeps a pattern but not its flags.
// Every check aborts: a value that failed never reaches an object's cross-field refinements (which
// would otherwise run on it, e.g. compare an unreadable date).
import { URL } from 'url';
import * as z from 'zod';

/** C0 controls, DEL and C1 controls, plus the Unicode line and paragraph separators. */
const CONTROL = '\\u0000-\\u001f\\u007f-\\u009f\\u2028\\u2029';
const SINGLE_LINE = new RegExp(`^[^${CONTROL}]*$`);
/** The same, but tab, line feed and carriage return pass (multi-line text such as a notice body). */
// eslint-disable-next-line no-control-regex -- the point of this pattern is to refuse control characters
const MULTI_LINE = new RegExp('^[^\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f-\\u009f\\u2028\\u2029]*$');
/** A UTF-16 surrogate without its pair cannot be sent as UTF-8. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

// ---------------------------------------------------------------------------------------------
// Ids

/** Mimecast ids are never longer than a few hundred characters (the longest published: ~330); 1,024 leaves room. */
export const ID_MAX = 1024;

/**
 * Every id Mimecast hands out is an opaque token in the base64url alphabet (`A-Z a-z 0-9 - _`): held
 * messages, tracked emails, policies and folders look like `eNpVzskOgjAABNB_6RUPUCyLiQdkCyEiRlE5GYGy...`
 * (zlib + base64url), managed URLs like `wOi3MCwjYFqOT7D-I9AbwlwvY3ImP7QVjTLh...`. Beyond that alphabet
 * the pattern allows `:` and `.` between segments (Mimecast prefixes some tokens: impersonation-log ids are
 * `MTOKEN:eNqrVkouLS7J...` in Elastic's Mimecast test data;
 * the simulator's tracked-email ids are `eNq<k>.<digest>`) and `=` padding at the end. No `/`, no
 * whitespace, no quotes: nothing that could change a path or a query, and no control characters.
 */
const ID = /^[A-Za-z0-9_-]+(?:[.:][A-Za-z0-9_-]+)*={0,2}$/;

/** A Mimecast id of one kind, e.g. `mimecastId('held message id (HeldMessage.id)')`. */
export function mimecastId(what: string) {
    return z
        .string()
        .min(1, { error: `must not be empty: ${what}`, abort: true })
        .max(ID_MAX, { error: `must be at most ${ID_MAX} characters: ${what}`, abort: true })
        .regex(ID, { error: `must be ${what}: letters, digits, - and _ (optionally segments joined by : or .), no spaces or other characters`, abort: true })
        .describe(`${what}; letters, digits, - _ (segments joined by : or .), at most ${ID_MAX} characters`);
}

/** The kinds of id the actions take; one set (see ID) fits them all, the names say where each comes from. */
export const heldMessageId = mimecastId('a held message id (HeldMessage.id from the held-messages sync)');
export const trackedEmailId = mimecastId('a tracked message id (search-messages messages[].id)');
export const groupId = mimecastId('a directory group id (Group.id from find-groups or the groups sync)');
export const blockedSenderPolicyId = mimecastId('a blocked-sender policy id (BlockedSenderPolicy.id)');
export const managedUrlId = mimecastId('a managed URL id (ManagedUrl.id)');
export const remediationIncidentId = mimecastId('a remediation incident id (create-remediation-incident id)');
/** Policy-management ids are the same opaque tokens (published: `eNo1jrs`, `eNo1jU0LgjAYgP_L...`). */
export const antiSpoofingBypassPolicyId = mimecastId('an anti-spoofing bypass policy id (create-anti-spoofing-bypass-policy id)');
export const addressAlterationPolicyId = mimecastId('an address-alteration policy id');
export const addressAlterationSetId = mimecastId('an address alteration set id (the folder of rewrite definitions)');

/** An action that takes no input: an empty object, nothing else. */
export const noInput = z.object({}).strict();

// ---------------------------------------------------------------------------------------------
// Addresses and names

const LABEL = '[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?';
/** Labels of 1-63 letters, digits and inner hyphens; a last label that starts with a letter (xn-- TLDs pass). */
const DOMAIN_BODY = `(?:${LABEL}\\.)+[A-Za-z](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?`;
const DOMAIN = new RegExp(`^(?=.{1,253}$)${DOMAIN_BODY}$`);

/**
 * A DNS name with at least one dot, e.g. `example.com`: at most 253 characters, labels of 1-63 letters,
 * digits and inner hyphens, no trailing dot. Internationalised names go in their punycode form (`xn--...`).
 */
export const domainName = z
    .string()
    .max(253, { error: 'must be at most 253 characters (a DNS name)', abort: true })
    .regex(DOMAIN, { error: 'must be a domain like example.com (labels of letters, digits and hyphens; punycode for international names)', abort: true })
    .describe('a domain name like example.com, at most 253 characters');

/** RFC 5322 atext: what a dot-atom (an address's local part, a Message-ID's left part) is made of. */
const ATEXT = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]";
const DOT_ATOM = `${ATEXT}+(?:\\.${ATEXT}+)*`;
const EMAIL = new RegExp(`^(?=[^@]{1,64}@)(?=.{3,254}$)${DOT_ATOM}@${DOMAIN_BODY}$`);

/**
 * An email address within RFC 5321's limits: a local part of at most 64 characters, at most 254 in all.
 * The local part is a dot-atom (no quoted local parts) and the domain a DNS name (no IP literals):
 * the forms Mimecast's address fields hold. International (SMTPUTF8) local parts are not accepted.
 */
export const emailAddress = z
    .string()
    .max(254, { error: 'must be an email address of at most 254 characters (RFC 5321)', abort: true })
    .refine((v) => v.indexOf('@') <= 64, { error: 'must be an email address whose local part (before @) is at most 64 characters (RFC 5321)', abort: true })
    .regex(EMAIL, { error: 'must be an email address like user@example.com', abort: true })
    .describe('an email address like user@example.com: local part at most 64 characters, at most 254 in all (RFC 5321)');

/** An email address or a whole domain (Mimecast matches senders and recipients against either). */
export const emailAddressOrDomain = z
    .union([emailAddress, domainName], { error: 'expected an email address (at most 254 characters) or a domain (at most 253)' })
    .describe('an email address (RFC 5321 limits) or a whole domain like example.com');

/** Message-ID lines are at most 998 characters (RFC 5322 2.1.1); no id is longer. */
export const MESSAGE_ID_MAX = 998;
const MSG_ID_BODY = `${DOT_ATOM}@(?:${DOT_ATOM}|\\[[\\u0021-\\u005a\\u005e-\\u007e]*\\])`;
/** Brackets are optional but come in pairs (the lookahead), around one id-left@id-right. */
const MESSAGE_ID = new RegExp(`^(?=<.*>$|[^<>]*$)<?${MSG_ID_BODY}>?$`);

/**
 * An internet Message-ID (RFC 5322 3.6.4), e.g. `<abc.123@mail.example.com>`: with or without the angle
 * brackets, at most 998 characters, printable ASCII with no spaces.
 */
export const internetMessageId = z
    .string()
    .max(MESSAGE_ID_MAX, { error: `must be a Message-ID of at most ${MESSAGE_ID_MAX} characters`, abort: true })
    .regex(MESSAGE_ID, { error: 'must be a Message-ID like <abc.123@mail.example.com> (RFC 5322: no spaces or control characters)', abort: true })
    .describe(`an internet Message-ID like <abc.123@mail.example.com>, at most ${MESSAGE_ID_MAX} characters`);

/** MD5 (32), SHA-1 (40) or SHA-256 (64) hex digests: the file hashes Mimecast remediates by. */
export const FILE_HASH = /^(?:[0-9a-fA-F]{32}|[0-9a-fA-F]{40}|[0-9a-fA-F]{64})$/;
export const fileHash = z
    .string()
    .regex(FILE_HASH, { error: 'expected an MD5, SHA-1 or SHA-256 hex digest (32, 40 or 64 hex characters)', abort: true })
    .describe('an MD5, SHA-1 or SHA-256 hex digest');

/** One IP address, v4 (`54.236.186.184`) or v6 (`2001:db8::1`), as a sender's connecting IP. */
export const ipAddress = z
    .union([z.ipv4(), z.ipv6()], { error: 'expected an IPv4 or IPv6 address, e.g. 192.0.2.10 or 2001:db8::1' })
    .describe('an IPv4 or IPv6 address');

/** One IPv4 octet, 0-255, without leading zeros (`010` could be read as octal). */
const OCTET = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const IPV4_CIDR = new RegExp(`^${OCTET}(?:\\.${OCTET}){3}/(?:3[0-2]|[12]?\\d)$`);

/**
 * An IPv4 range in CIDR notation, e.g. `192.0.2.0/24`: the form Mimecast's source-IP conditions take.
 * Host bits may be set (`8.8.8.8/24` is in Cortex XSOAR's published address-alteration policy).
 */
export const ipv4Cidr = z
    .string()
    .max(18, { error: 'must be an IPv4 range of at most 18 characters, like 192.0.2.0/24', abort: true })
    .regex(IPV4_CIDR, { error: 'must be an IPv4 range like 192.0.2.0/24 (four octets 0-255, a prefix length 0-32)', abort: true })
    .describe('an IPv4 range in CIDR notation, e.g. 192.0.2.0/24');

// ---------------------------------------------------------------------------------------------
// URLs

/** 2,048: the longest URL browsers, proxies and mail clients reliably carry; a longer one is not a link a user got. */
export const URL_MAX = 2048;

/**
 * An absolute http or https URL of at most `max` characters, written in its encoded form: no spaces
 * and no control characters (the URL parser would silently drop a tab or a newline, so they are refused
 * here rather than sent to Mimecast). Checked as a string, not with `z.url()`: the zod of Nango's
 * runner (4.0.5) replaces the value with the parser's normalized form before later checks see it, so a
 * newline was dropped and the URL sent; the value is passed on exactly as the caller wrote it.
 */
export function httpUrl(max = URL_MAX) {
    return (
        z
            .string()
            .refine(isHttpUrl, { error: 'must be an http or https URL', abort: true })
            .max(max, { error: `must be a URL of at most ${max} characters`, abort: true })
            // eslint-disable-next-line no-control-regex -- refusing control characters is the point
            .regex(/^[^\s\u0000-\u001f\u007f-\u009f]*$/, { error: 'must not contain spaces or control characters (percent-encode them)', abort: true })
            .describe(`an absolute http or https URL, at most ${max} characters`)
    );
}

/** Whether the URL parser reads `value` as an absolute http or https URL with a host. */
function isHttpUrl(value: string): boolean {
    if (!URL.canParse(value)) {
        return false;
    }
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
}

// ---------------------------------------------------------------------------------------------
// Text and dates

/**
 * Free text of at most `max` characters after trimming, with no control characters. `multiline` lets
 * tab, line feed and carriage return (only those) through, for the few fields whose text is a body (a notice to a
 * sender); everything else is one line. `allowBlank` keeps an empty value (callMimecast then leaves it
 * out); by default a blank value is refused, as Mimecast refuses it (err_validation_blank).
 */
export function freeText(max: number, options: { multiline?: boolean; allowBlank?: boolean } = {}) {
    const text = z
        .string()
        .trim()
        .max(max, { error: `must be at most ${max} characters`, abort: true })
        .regex(options.multiline ? MULTI_LINE : SINGLE_LINE, {
            error: options.multiline
                ? 'must not contain control characters (only tab, CR and LF are allowed)'
                : 'must be a single line of text with no control characters',
            abort: true
        })
        .refine((v) => !LONE_SURROGATE.test(v), { error: 'must be valid Unicode text (an unpaired surrogate was found)', abort: true });
    const bounded = options.allowBlank ? text : text.min(1, { error: 'must not be blank', abort: true });
    return bounded.describe(`text, at most ${max} characters${options.multiline ? ' (line breaks allowed)' : ', one line'}`);
}

/** Epoch milliseconds of an isoDateTime value (Mimecast's `+0000` offset read as `+00:00`), for cross-field checks. */
export function dateTimeMs(value: string): number {
    return Date.parse(value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
}

/** The parser rolls February 30 over to March 2: the day is checked against its month first. */
function isRealDateTime(value: string): boolean {
    const [year = Number.NaN, month = Number.NaN, day = Number.NaN] = value.slice(0, 10).split('-').map(Number);
    const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
    return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth && !Number.isNaN(dateTimeMs(value));
}

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})$/;

/**
 * A date-time with a time zone: ISO 8601 (`2026-01-31T12:00:00Z`, `2026-01-31T12:00:00+01:00`) or
 * Mimecast's own `2026-01-31T12:00:00+0000`. A date without a time zone is ambiguous and refused.
 */
export const isoDateTime = z
    .string()
    .regex(DATE_TIME, { error: 'expected an ISO 8601 date-time with a time zone, e.g. 2026-01-31T12:00:00Z', abort: true })
    .refine(isRealDateTime, { error: 'expected a real calendar date and time (no February 30), e.g. 2026-01-31T12:00:00Z', abort: true })
    .describe('an ISO 8601 date-time with a time zone, e.g. 2026-01-31T12:00:00Z');

// ---------------------------------------------------------------------------------------------
// Lists

/**
 * A list of 1 to `max` items. Mimecast documents no maximum for its bulk inputs; the caps the actions
 * choose keep one request's body small (at most `max` ids or hashes) and say so in the error.
 * `allowEmpty` is for a list that replaces a setting (an empty list clears it); `bulk: false` for a list
 * that is one value of one object (a policy's domains), which splitting would not help.
 */
export function boundedList<T extends z.ZodType>(item: T, max: number, what: string, options: { allowEmpty?: boolean; bulk?: boolean } = {}) {
    const list = z
        .array(item)
        .max(max, { error: `expected at most ${max} ${what}s${options.bulk === false ? '' : ' per call (split the list)'}`, abort: true });
    return options.allowEmpty ? list : list.min(1, { error: `expected at least one ${what}`, abort: true });
}

// ---------------------------------------------------------------------------------------------
// Numbers

/** A whole number from `min` to `max` (a page size, a result limit). */
export function wholeNumber(min: number, max: number) {
    return z
        .number({ error: `expected a whole number from ${min} to ${max}` })
        .int({ error: 'must be a whole number', abort: true })
        .min(min, { error: `must be at least ${min}`, abort: true })
        .max(max, { error: `must be at most ${max}`, abort: true })
        .describe(`a whole number from ${min} to ${max}`);
}

// The hold queue: get-hold-message-list, hold-release, hold-reject.
// The queue is materialised once per simulator instance from a seeded data set (size configurable as
// `sizes.heldMessages`): the messages held during the last 14 days. Releasing or rejecting a message
// removes it from the queue, so the next list (and the held-messages sync) no longer sees it.
import { DAY_MS, type SeriesSpec } from '../data.js';
import { Validator, fail, formatDate, ok, openPage, pageMeta } from '../envelope.js';
import { defineEndpoint, type Endpoint, type HandlerContext } from '../router.js';
import { externalAddress, internalAddress, ipAddress, messageId, subject } from './log-endpoint.js';

interface Mailbox {
    emailAddress: string;
    displayableName: string;
}

/** A held message as get-hold-message-list answers it (flat in data[]; `to` is one object here). */
export interface HeldMessage {
    id: string;
    reason: string;
    reasonId: string;
    reasonCode: string;
    from: Mailbox;
    fromHeader: Mailbox;
    to: Mailbox;
    subject: string;
    route: 'INBOUND' | 'OUTBOUND' | 'INTERNAL';
    hasAttachments: boolean;
    size: number;
    dateReceived: string;
    policyInfo: string;
}

/** What the message finder also needs to know about a held message (not part of the list record). */
export interface HeldMessageTrace {
    message: HeldMessage;
    messageId: string;
    senderIP: string;
    time: number;
}

const REASONS = [
    {
        reason: 'Message Hold Applied - Spam Signature policy',
        reasonId: 'MESSAGE_HOLD_APPLIED_SPAM_SIGNATURE_POLICY',
        policyInfo: 'Relaxed Spam Detection',
        weight: 50
    },
    {
        reason: 'Message Hold Applied - Attachment Management policy',
        reasonId: 'MESSAGE_HOLD_APPLIED_ATTACHMENT_MANAGEMENT_POLICY',
        policyInfo: 'Default Attachment Management Definition',
        weight: 20
    },
    {
        reason: 'Message Hold Applied - Content Examination policy',
        reasonId: 'MESSAGE_HOLD_APPLIED_CONTENT_EXAMINATION_POLICY',
        policyInfo: 'Outbound Confidential Content',
        weight: 15
    },
    {
        reason: 'Message Hold Applied - Impersonation Protect policy',
        reasonId: 'MESSAGE_HOLD_APPLIED_IMPERSONATION_PROTECT_POLICY',
        policyInfo: 'Default Impersonation Protect Definition',
        weight: 15
    }
];

const mailbox = (emailAddress: string, named: boolean): Mailbox => ({ emailAddress, displayableName: named ? (emailAddress.split('@')[0] ?? '') : '' });

export const heldMessagesSpec: SeriesSpec<HeldMessageTrace> = {
    name: 'heldMessages',
    defaultSize: 40,
    retentionMs: 14 * DAY_MS,
    make({ id, time, rng }) {
        const why = rng.weighted(REASONS);
        // Content examination holds outbound mail; everything else holds inbound mail.
        const route = why.reasonId.includes('CONTENT_EXAMINATION') ? (rng.int(3) === 0 ? 'INTERNAL' : 'OUTBOUND') : 'INBOUND';
        const sender = route === 'INBOUND' ? externalAddress(rng, why.reasonId.includes('IMPERSONATION')) : internalAddress(rng);
        const recipient = route === 'OUTBOUND' ? externalAddress(rng) : internalAddress(rng);
        const message: HeldMessage = {
            id,
            reason: why.reason,
            reasonId: why.reasonId,
            reasonCode: why.reasonId.toLowerCase(),
            from: mailbox(sender, false),
            fromHeader: mailbox(sender, rng.int(2) === 0),
            to: mailbox(recipient, true),
            subject: subject(rng),
            route,
            hasAttachments: why.reasonId.includes('ATTACHMENT') || rng.int(4) === 0,
            size: 2_000 + rng.int(2_000_000),
            dateReceived: formatDate(time),
            policyInfo: why.policyInfo
        };
        return { message, messageId: messageId(id), senderIP: ipAddress(rng), time };
    }
};

export interface HoldState {
    /** Messages still held, newest first. */
    queue: Map<string, HeldMessageTrace>;
    /** Every message ever held in this instance, with what happened to it. */
    all: Map<string, HeldMessageTrace>;
    outcome: Map<string, 'released' | 'rejected'>;
}

/** The hold queue of this simulator instance, materialised on first use. */
export function holdState(ctx: Pick<HandlerContext, 'state' | 'series' | 'now'>): HoldState {
    return ctx.state('holdQueue', () => {
        const series = ctx.series(heldMessagesSpec);
        const { lo, hi } = series.range(ctx.now - heldMessagesSpec.retentionMs, ctx.now + 1, ctx.now);
        const all = new Map<string, HeldMessageTrace>();
        for (let k = hi - 1; k >= lo; k--) {
            const trace = series.record(k);
            all.set(trace.message.id, trace);
        }
        return { queue: new Map(all), all, outcome: new Map() };
    });
}

// Mimecast's 1.0 reference spells reason_code; API 2.0 clients send reasonCode: accept both.
const SEARCH_FIELDS = ['all', 'subject', 'sender', 'recipient', 'reasonCode', 'reason_code'] as const;
const ROUTES = ['all', 'internal', 'outbound', 'inbound', 'external'] as const;

const list = defineEndpoint({
    path: '/api/gateway/get-hold-message-list',
    dataSets: [heldMessagesSpec],
    handle(ctx) {
        const v = new Validator(ctx.item);
        const admin = v.boolean('admin');
        const start = v.date('start');
        const end = v.date('end');
        v.dateOrder('start', start, 'end', end);
        const searchBy = ctx.item['searchBy'];
        const filterBy = ctx.item['filterBy'];
        let match: ((m: HeldMessage) => boolean) | undefined;
        if (searchBy !== undefined) {
            const s = new Validator(typeof searchBy === 'object' && searchBy !== null ? (searchBy as Record<string, unknown>) : {});
            const fieldName = s.string('fieldName', { required: true, oneOf: SEARCH_FIELDS });
            const value = s.string('value', { required: true })?.toLowerCase();
            for (const e of s.errors) v.add(`searchBy.${e.field}`, e.code, `searchBy.${e.message}`);
            if (fieldName !== undefined && value !== undefined) {
                const fields = (m: HeldMessage): string[] =>
                    fieldName === 'subject'
                        ? [m.subject]
                        : fieldName === 'sender'
                          ? [m.from.emailAddress, m.fromHeader.emailAddress]
                          : fieldName === 'recipient'
                            ? [m.to.emailAddress]
                            : fieldName === 'reasonCode' || fieldName === 'reason_code'
                              ? [m.reasonCode]
                              : [m.subject, m.from.emailAddress, m.fromHeader.emailAddress, m.to.emailAddress, m.reasonCode];
                match = (m) => fields(m).some((f) => f.toLowerCase().includes(value));
            }
        }
        let route: string | undefined;
        if (filterBy !== undefined) {
            const f = new Validator(typeof filterBy === 'object' && filterBy !== null ? (filterBy as Record<string, unknown>) : {});
            route = f.string('route', { oneOf: ROUTES });
            for (const e of f.errors) v.add(`filterBy.${e.field}`, e.code, `filterBy.${e.message}`);
        }
        if (!v.ok) return v.fail();
        const page = openPage(ctx.request, ctx.path, ctx.item, 500);
        if ('code' in page) return fail(ctx.item, [page]);

        // admin: false = the API user's own held mail only; the API application's user has none.
        const items =
            admin === true
                ? [...holdState(ctx).queue.values()]
                      .filter((t) => (start === undefined || t.time >= start) && (end === undefined || t.time <= end))
                      .map((t) => t.message)
                      .filter(
                          (m) =>
                              (match === undefined || match(m)) &&
                              (route === undefined || route === 'all' || m.route.toLowerCase() === route || (route === 'external' && m.route !== 'INTERNAL'))
                      )
                : [];
        return ok(items.slice(page.offset, page.offset + page.pageSize), pageMeta(page, items.length));
    }
});

/** Each request item is one `{id}`; an id not in the queue answers release:false (not a fail[]). */
const release = defineEndpoint({
    path: '/api/gateway/hold-release',
    handle(ctx) {
        const items = ctx.request.data.length > 0 ? ctx.request.data : [{}];
        const checked = items.map((item) => {
            const v = new Validator(item);
            v.string('id', { required: true });
            return v;
        });
        const failures = checked.filter((v) => !v.ok);
        if (failures.length > 0)
            return { status: 200, body: { meta: { status: 200 }, data: [], fail: failures.map((v) => ({ key: v.item, errors: v.errors })) } };
        const state = holdState(ctx);
        return ok(
            items.map((item) => {
                const id = item['id'] as string;
                const released = state.queue.delete(id);
                if (released) state.outcome.set(id, 'released');
                return { id, release: released };
            })
        );
    }
});

export const REJECT_REASONS = [
    'MESSAGE_CONTAINS_UNDESIRABLE_CONTENT',
    'MESSAGE_CONTAINS_CONFIDENTIAL_INFORMATION',
    'REVIEWER_DISAPPROVES_OF_CONTENT',
    'INAPPROPRIATE_COMMUNICATION',
    'MESSAGE_GOES_AGAINST_EMAIL_POLICIES'
] as const;

/** `{ids[], message?, reasonType?, notify?}`: one `{id, reject}` per id; ids not held answer reject:false. */
const reject = defineEndpoint({
    path: '/api/gateway/hold-reject',
    handle(ctx) {
        const v = new Validator(ctx.item);
        const ids = v.strings('ids', { required: true });
        v.string('message');
        v.string('reasonType', { oneOf: REJECT_REASONS });
        v.boolean('notify');
        if (ids !== undefined && ids.length === 0) v.add('ids', 'err_validation_missing', 'ids must contain at least one id');
        if (!v.ok || ids === undefined) return v.fail();
        const state = holdState(ctx);
        return ok(
            ids.map((id) => {
                const rejected = state.queue.delete(id);
                if (rejected) state.outcome.set(id, 'rejected');
                return { id, reject: rejected };
            })
        );
    }
});

const endpoints: Endpoint[] = [list, release, reject];
export default endpoints;

// Message finder (track and trace): /api/message-finder/search and /get-message-info.
// Searches a seeded data set of tracked emails (`sizes.trackedEmails`, 30 days) plus the messages of the
// hold queue (same ids as get-hold-message-list; status held, delivered once released, rejected once rejected).
import { createHash } from 'node:crypto';

import { DAY_MS, type SeriesSpec } from '../data.js';
import { Validator, fail, formatDate, ok, openPage, pageMeta, type Item, type Reply } from '../envelope.js';
import { defineEndpoint, type Endpoint, type HandlerContext } from '../router.js';
import { holdState, type HeldMessageTrace } from './held-messages.js';
import { externalAddress, internalAddress, ipAddress, messageId, subject } from './log-endpoint.js';

interface Mailbox {
    emailAddress: string;
    displayableName: string;
}

/** A record of `data[0].trackedEmails[]` (`to` is an array here). */
export interface TrackedEmail {
    id: string;
    status: string;
    info: string;
    fromEnv: { emailAddress: string };
    fromHdr: Mailbox;
    to: Mailbox[];
    received: string;
    subject: string;
    senderIP: string;
    attachments: boolean;
    route: 'inbound' | 'outbound' | 'internal';
    sent: string;
    spamScore: number;
    detectionLevel: string;
}

interface Tracked {
    email: TrackedEmail;
    /** The RFC 5322 Message-ID (searchable, not part of the tracked email record). */
    messageId: string;
    time: number;
}

const STATUS = [
    { status: 'delivered', info: 'Delivered', weight: 70 },
    { status: 'archived', info: 'Indexed and archived', weight: 20 },
    { status: 'bounced', info: 'Bounced: 550 5.1.1 recipient rejected', weight: 5 },
    { status: 'rejected', info: 'Rejected by policy', weight: 5 }
];
const ROUTES = [
    { route: 'inbound' as const, weight: 60 },
    { route: 'outbound' as const, weight: 25 },
    { route: 'internal' as const, weight: 15 }
];
const LEVELS = ['relaxed', 'moderate', 'aggressive'];
const box = (emailAddress: string, displayableName = ''): Mailbox => ({ emailAddress, displayableName });

/** Tracked email ids carry their lattice index (base64url before the dot) so get-message-info can find them. */
function trackedId(k: number, digest: string): string {
    return `eNq${Buffer.from(String(k)).toString('base64url')}.${digest.slice(3, 35)}`;
}

export const trackedEmails: SeriesSpec<Tracked> = {
    name: 'trackedEmails',
    defaultSize: 2_000,
    retentionMs: 30 * DAY_MS,
    make({ k, id, time, rng }) {
        const { route } = rng.weighted(ROUTES);
        const { status, info } = rng.weighted(STATUS);
        const sender = route === 'inbound' ? externalAddress(rng) : internalAddress(rng);
        const recipients = Array.from({ length: 1 + (rng.int(4) === 0 ? 1 + rng.int(2) : 0) }, () =>
            route === 'outbound' ? externalAddress(rng) : internalAddress(rng)
        );
        const tid = trackedId(k, id);
        const stamp = formatDate(time);
        return {
            email: {
                id: tid,
                status,
                info,
                fromEnv: { emailAddress: sender },
                fromHdr: box(sender, sender.split('@')[0] ?? ''),
                to: [...new Set(recipients)].map((r) => box(r)),
                received: stamp,
                subject: subject(rng),
                senderIP: route === 'inbound' ? ipAddress(rng) : '10.20.0.' + (1 + rng.int(254)),
                attachments: rng.int(3) === 0,
                route,
                sent: stamp,
                spamScore: rng.int(route === 'inbound' ? 10 : 2),
                detectionLevel: rng.pick(LEVELS)
            },
            messageId: messageId(id),
            time
        };
    }
};

/** A held message as message tracking shows it: same id, status from what happened to it. */
function trackedFromHold(trace: HeldMessageTrace, outcome: 'released' | 'rejected' | undefined): Tracked {
    const m = trace.message;
    const status = outcome === 'released' ? 'delivered' : outcome === 'rejected' ? 'rejected' : 'held';
    const info = outcome === 'released' ? 'Released from hold queue and delivered' : outcome === 'rejected' ? 'Rejected from hold queue' : m.reason;
    return {
        email: {
            id: m.id,
            status,
            info,
            fromEnv: { emailAddress: m.from.emailAddress },
            fromHdr: m.fromHeader,
            to: [m.to],
            received: m.dateReceived,
            subject: m.subject,
            senderIP: trace.senderIP,
            attachments: m.hasAttachments,
            route: m.route.toLowerCase() as TrackedEmail['route'],
            sent: m.dateReceived,
            spamScore: m.reasonId.includes('SPAM') ? 8 : 2,
            detectionLevel: 'relaxed'
        },
        messageId: trace.messageId,
        time: trace.time
    };
}

/** SHA-256 of a message's attachment: stable, so search-file-hash and remediation can refer to it. */
export function attachmentHash(id: string): string {
    return createHash('sha256').update(`attachment:${id}`).digest('hex');
}

/** A tracked email (or held message) of this instance by id. */
export function findTracked(ctx: HandlerContext, id: string): Tracked | undefined {
    const hold = holdState(ctx);
    const held = hold.all.get(id);
    if (held) return trackedFromHold(held, hold.outcome.get(id));
    const m = /^eNq([A-Za-z0-9_-]+)\.[A-Za-z0-9_-]+$/.exec(id);
    if (!m) return undefined;
    const k = Number(Buffer.from(m[1]!, 'base64url').toString('utf8'));
    if (!Number.isInteger(k)) return undefined;
    const series = ctx.series(trackedEmails);
    const { lo, hi } = series.range(ctx.now - trackedEmails.retentionMs, ctx.now + 1);
    if (k < lo || k >= hi) return undefined; // out of retention
    const record = series.record(k);
    return record.email.id === id ? record : undefined;
}

const ADVANCED = ['from', 'to', 'subject', 'senderIP', 'route'] as const;

const search = defineEndpoint({
    path: '/api/message-finder/search',
    dataSets: [trackedEmails],
    handle(ctx) {
        const v = new Validator(ctx.item);
        // Without dates the search covers the last 24 hours (the console's default).
        const end = v.date('end') ?? ctx.now;
        const start = v.date('start') ?? end - DAY_MS;
        v.dateOrder('start', start, 'end', end);
        v.string('searchReason');
        const wanted = v.string('messageId');
        const rawAdvanced = ctx.item['advancedTrackAndTraceOptions'];
        const options: Partial<Record<(typeof ADVANCED)[number], string>> = {};
        if (rawAdvanced !== undefined) {
            if (typeof rawAdvanced !== 'object' || rawAdvanced === null || Array.isArray(rawAdvanced)) {
                v.add('advancedTrackAndTraceOptions', 'err_validation_invalid_value', 'advancedTrackAndTraceOptions must be an object');
            } else {
                const a = new Validator(rawAdvanced as Item);
                for (const field of ADVANCED) {
                    const value = a.string(field, field === 'route' ? { oneOf: ['inbound', 'outbound', 'internal'] } : {});
                    if (value !== undefined) options[field] = value.toLowerCase();
                }
                for (const e of a.errors) v.add(`advancedTrackAndTraceOptions.${e.field}`, e.code, `advancedTrackAndTraceOptions.${e.message}`);
            }
        }
        if (wanted === undefined && Object.keys(options).length === 0 && v.ok) {
            v.add('messageId', 'err_validation_missing', 'messageId or advancedTrackAndTraceOptions is required');
        }
        if (!v.ok) return v.fail();
        const page = openPage(ctx.request, ctx.path, ctx.item, 100);
        if ('code' in page) return fail(ctx.item, [page]);

        // from/to name an address or a whole domain.
        const addressMatches = (address: string, wanted: string): boolean => {
            const a = address.toLowerCase();
            return a === wanted || (!wanted.includes('@') && a.endsWith(`@${wanted}`));
        };
        const wantedTo = options.to;
        const match = (t: Tracked): boolean => {
            if (t.time < start || t.time > end) return false;
            if (wanted !== undefined) return t.messageId === wanted;
            const e = t.email;
            return (
                (options.from === undefined || addressMatches(e.fromEnv.emailAddress, options.from) || addressMatches(e.fromHdr.emailAddress, options.from)) &&
                (wantedTo === undefined || e.to.some((r) => addressMatches(r.emailAddress, wantedTo))) &&
                (options.subject === undefined || e.subject.toLowerCase().includes(options.subject)) &&
                (options.senderIP === undefined || e.senderIP === options.senderIP) &&
                (options.route === undefined || e.route === options.route)
            );
        };
        const fromSeries = ctx
            .series(trackedEmails)
            .page({ from: start, to: end + 1, offset: 0, limit: Number.MAX_SAFE_INTEGER, snapshot: page.snapshot, filter: match });
        const hold = holdState(ctx);
        const fromHold = [...hold.all.values()].map((t) => trackedFromHold(t, hold.outcome.get(t.message.id))).filter(match);
        const all = [...fromSeries.items, ...fromHold].sort((a, b) => b.time - a.time);
        const items = all.slice(page.offset, page.offset + page.pageSize).map((t) => t.email);
        return ok([{ trackedEmails: items }], pageMeta(page, all.length, fromSeries.snapshot));
    }
});

const info = defineEndpoint({
    path: '/api/message-finder/get-message-info',
    dataSets: [trackedEmails],
    handle(ctx): Reply {
        const v = new Validator(ctx.item);
        const id = v.string('id', { required: true });
        if (!v.ok || id === undefined) return v.fail();
        const t = findTracked(ctx, id);
        if (!t) return fail(ctx.item, [{ code: 'err_message_not_found', message: `No message with id ${id}`, field: 'id', retryable: false }]);
        return ok([messageInfo(t)]);
    }
});

function messageInfo(t: Tracked): Record<string, unknown> {
    const e = t.email;
    const to = e.to.map((r) => r.emailAddress);
    const headerInfo = {
        fromHeader: e.fromHdr.emailAddress,
        fromEnvelope: e.fromEnv.emailAddress,
        to,
        cc: [],
        subject: e.subject,
        sent: e.sent,
        processed: e.received
    };
    const components = [
        {
            type: 'Email Transmission File',
            name: 'transmission.eml',
            extension: 'eml',
            mimeType: 'message/rfc822-stubbed',
            size: 1_400,
            hash: createHash('sha256').update(`eml:${e.id}`).digest('hex')
        },
        ...(e.attachments
            ? [{ type: 'File', name: 'document.pdf', extension: 'pdf', mimeType: 'application/pdf', size: 48_000, hash: attachmentHash(e.id) }]
            : [])
    ];
    const delivered = e.status === 'delivered' || e.status === 'archived';
    const check = (info: string): { allow: boolean; info: string } => ({ allow: true, info });
    return {
        id: e.id,
        status: e.status,
        recipientInfo: {
            messageInfo: { ...headerInfo, transmissionInfo: `Message-ID: ${t.messageId}` },
            recipientMetaInfo: {
                receiptEvent: e.route === 'inbound' ? 'Email Received' : 'Email Submitted',
                spamEvent: e.spamScore >= 5 ? 'Spam detected' : 'na',
                messageExpiresIn: 7,
                processingServer: 'eu-smtp-sim-1.mimecast.lan',
                transmissionSize: 5_000,
                binaryEmailSize: 5_060,
                remoteIp: e.senderIP,
                remoteHost: e.route === 'inbound' ? `mail.${e.fromEnv.emailAddress.split('@')[1] ?? 'example'}` : 'exchange.simulated-tenant.example',
                remoteServerGreeting: 'EHLO sender.example',
                receiptAcknowledgement: '250 Received OK',
                transmissionStart: e.received,
                transmissionEnd: e.received,
                encryptionInfo: 'TLS',
                components
            }
        },
        deliveredMessage: delivered
            ? Object.fromEntries(
                  to.map((r) => [
                      r,
                      {
                          messageInfo: { ...headerInfo, transmissionInfo: `Message-ID: ${t.messageId}`, route: e.route },
                          policyInfo: [
                              { policyType: 'Spam Scanning', policyName: 'Relaxed Spam Detection', inherited: false },
                              { policyType: 'URL Protection', policyName: 'Default Inbound URL Protect Definition', inherited: false }
                          ],
                          deliveryMetaInfo: {
                              deliveryEvent: 'Email Delivered',
                              emailAddress: r,
                              messageExpiresIn: 7,
                              processingServer: 'eu-smtp-sim-1.mimecast.lan',
                              transmissionSize: 5_400,
                              remoteIp: '203.0.113.25',
                              remoteHost: 'mx.simulated-tenant.example',
                              remoteServerGreeting: '220 mx.simulated-tenant.example ESMTP',
                              receiptAcknowledgement: '250 OK: message queued',
                              transmissionStart: e.received,
                              transmissionEnd: e.received,
                              encryptionInfo: 'TLS',
                              components
                          }
                      }
                  ])
              )
            : {},
        retentionInfo: {
            currentPurgeDate: formatDate(t.time + 30 * DAY_MS),
            purgeBasedOn: 'original',
            originalPurgeDate: formatDate(t.time + 30 * DAY_MS),
            retentionAdjustmentDays: -1,
            litigationHoldInfo: [],
            fbrStamps: [],
            smartTags: [],
            fbrExpireCheck: [],
            audits: []
        },
        spamInfo: {
            spamScore: e.spamScore,
            detectionLevel: e.detectionLevel,
            // The keys of the published sample (rbl, greyEmail, permittedSender, managedSender beside the DNS checks).
            spamProcessingDetail: {
                rbl: check(''),
                greyEmail: e.spamScore >= 3,
                spf: check(e.spamScore >= 5 ? 'fail' : 'pass'),
                dkim: check('pass'),
                dmarc: check(e.spamScore >= 5 ? 'fail' : 'pass'),
                permittedSender: check('none'),
                managedSender: check('unknown')
            }
        }
    };
}

const endpoints: Endpoint[] = [search, info];
export default endpoints;

import { createHash } from 'node:crypto';

import { hash32, Rng } from './data.js';
import { ACCOUNT } from './endpoints/account.js';
import { TENANT_DOMAIN } from './endpoints/audit-events.js';
import { externalAddress, internalAddress, ipAddress, subject } from './endpoints/log-endpoint.js';

/**
 * Coherent Cloud Gateway message flows for the SIEM stream: each flow is one message's events
 * (receipt, process, verdicts, delivery, journal) sharing an aggregateId, in time order, with the
 * field names of the published stream and batch samples (eventType/subType as the stream names the
 * kind; senderEnvelope, recipients, senderIp, rejectionCode/Info/Type, holdReason, delivered,
 * deliveryErrors, destinationIp, url/urlCategory/scanResults, fileName/md5/sha1/sha256, virusFound,
 * taggedMalicious, ...). Action words follow both published spellings (Allow/Hold/Rej, Acc/Hld/Sdbx).
 *
 * The simulator's SIEM stream (simulator/endpoints/siem-events.ts) serves these flows one message
 * after another (messageFlow(i)), each event at its lattice time.
 */
export type StreamEvent = Record<string, string | number | boolean> & { eventType: string; timestamp: number; aggregateId: string };

/** What became of the message, by construction (a message-trace reducer must arrive at the same). */
export type FlowOutcome = 'delivered' | 'partially_delivered' | 'held' | 'rejected' | 'bounced' | 'deferred';

export interface MessageFlow {
    aggregateId: string;
    scenario: Scenario;
    outcome: FlowOutcome;
    events: StreamEvent[];
}

export type Scenario =
    | 'delivered'
    | 'delivered-with-attachment'
    | 'url-blocked-delivered'
    | 'attachment-sandboxed'
    | 'spam-held'
    | 'impersonation-held'
    | 'virus-rejected'
    | 'receipt-rejected'
    | 'bounced'
    | 'deferred'
    | 'partially-delivered'
    | 'internal-journaled';

const SCENARIOS: { scenario: Scenario; outcome: FlowOutcome; weight: number }[] = [
    { scenario: 'delivered', outcome: 'delivered', weight: 40 },
    { scenario: 'delivered-with-attachment', outcome: 'delivered', weight: 10 },
    { scenario: 'url-blocked-delivered', outcome: 'delivered', weight: 6 },
    { scenario: 'attachment-sandboxed', outcome: 'delivered', weight: 5 },
    { scenario: 'spam-held', outcome: 'held', weight: 8 },
    { scenario: 'impersonation-held', outcome: 'held', weight: 4 },
    { scenario: 'virus-rejected', outcome: 'rejected', weight: 4 },
    { scenario: 'receipt-rejected', outcome: 'rejected', weight: 7 },
    { scenario: 'bounced', outcome: 'bounced', weight: 5 },
    { scenario: 'deferred', outcome: 'deferred', weight: 3 },
    { scenario: 'partially-delivered', outcome: 'partially_delivered', weight: 3 },
    { scenario: 'internal-journaled', outcome: 'delivered', weight: 5 }
];

export interface MessageFlowOptions {
    seed?: number;
    /** Number of messages. */
    count?: number;
    /** Epoch ms of the first message's receipt. */
    start?: number;
    /** Time between two messages' receipts. */
    spacingMs?: number;
    /** Only these scenarios (default: all, by weight). */
    scenarios?: Scenario[];
}

const digest = (...parts: Array<string | number>): string => createHash('sha256').update(parts.join(':')).digest('base64url');
const hex = (algorithm: 'md5' | 'sha1' | 'sha256', ...parts: Array<string | number>): string => createHash(algorithm).update(parts.join(':')).digest('hex');

/** The same options always give the same flows. */
export function messageFlows(options: MessageFlowOptions = {}): MessageFlow[] {
    const seed = options.seed ?? 1;
    const count = options.count ?? 50;
    const start = options.start ?? Date.UTC(2026, 10, 20, 9, 0, 0);
    const spacing = options.spacingMs ?? 7_000;
    const choices = options.scenarios ? SCENARIOS.filter((s) => options.scenarios!.includes(s.scenario)) : SCENARIOS;
    return Array.from({ length: count }, (_, i) => flow(new Rng(hash32(seed, 'message-flow', i)), seed, i, start + i * spacing, choices));
}

/** Message `i` of the default flows (the same as messageFlows({ count: i + 1 })[i]), made alone. */
export function messageFlow(i: number, seed = 1): MessageFlow {
    return flow(new Rng(hash32(seed, 'message-flow', i)), seed, i, Date.UTC(2026, 10, 20, 9, 0, 0) + i * 7_000, SCENARIOS);
}

/** Every event of the flows, oldest first (the order the stream serves them). */
export function flowEvents(flows: MessageFlow[]): StreamEvent[] {
    return flows.flatMap((f) => f.events).sort((a, b) => a.timestamp - b.timestamp || (a['processingId'] as string).localeCompare(b['processingId'] as string));
}

function flow(rng: Rng, seed: number, i: number, t0: number, choices: typeof SCENARIOS): MessageFlow {
    const { scenario, outcome } = rng.weighted(choices);
    const internal = scenario === 'internal-journaled';
    const inbound = !internal && rng.int(10) < 8;
    const direction = internal ? 'Internal' : inbound ? 'Inbound' : 'Outbound';
    const sender = scenario === 'impersonation-held' ? externalAddress(rng, true) : inbound ? externalAddress(rng) : internalAddress(rng);
    const recipientList =
        scenario === 'partially-delivered'
            ? [internalAddress(rng), `former.employee${rng.int(100)}@${TENANT_DOMAIN}`]
            : [inbound || internal ? internalAddress(rng) : externalAddress(rng)];
    const seconds = Math.floor(t0 / 1000);
    const aggregateId = `${digest('aggregate', seed, i).slice(0, 22)}_${seconds}`;
    const messageId = `<${hex('sha1', 'msg', seed, i).slice(0, 16)}-${1000 + rng.int(9000)}@${sender.split('@')[1]}>`;
    const topic = subject(rng);
    const senderIp = ipAddress(rng);
    let step = 0;
    let t = t0;
    const events: StreamEvent[] = [];
    /** One event of this message, `afterMs` after the previous one. */
    const emit = (eventType: string, subType: string | undefined, afterMs: number, fields: Record<string, string | number | boolean>): void => {
        t += afterMs;
        step += 1;
        events.push({
            aggregateId,
            processingId: `${digest('processing', seed, i, step).slice(0, 43)}_${seconds}`,
            accountId: ACCOUNT.accountCode,
            eventType,
            ...(subType !== undefined ? { subType } : {}),
            timestamp: t,
            _offset: i * 16 + step,
            _partition: hash32('partition', aggregateId) % 12,
            ...fields
        });
    };
    const recipients = recipientList.join(', ');
    const auth = '{"spf":{"allow":true,"info":"ALLOW"},"dkim":{"allow":true,"info":"ALLOW"},"dmarc":{"allow":true,"info":"ALLOW"}}';

    if (scenario === 'receipt-rejected') {
        emit('receipt', 'Rej', 0, {
            action: 'Rej',
            direction,
            senderEnvelope: sender,
            recipients,
            senderIp,
            rejectionCode: '550',
            rejectionInfo: rng.pick(['Envelope blocked - User Entry', 'Sender address rejected: blocked by policy', 'Invalid recipient']),
            rejectionType: rng.pick(['Manual Envelope Rejection', 'Blocked Senders Policy', 'Recipient Validation']),
            numberAttachments: '0',
            spamProcessingDetail: '{"spf":{"allow":true,"info":"ALLOW"}}',
            tlsVersion: 'TLSv1.3',
            tlsCipher: 'TLS_AES_256_GCM_SHA384'
        });
        return { aggregateId, scenario, outcome, events };
    }

    const attachment = scenario === 'delivered-with-attachment' || scenario === 'attachment-sandboxed' || scenario === 'virus-rejected';
    const fileName =
        scenario === 'virus-rejected'
            ? `invoice_${rng.int(9999)}.xlsm`
            : scenario === 'attachment-sandboxed'
              ? `scan_${rng.int(9999)}.iso`
              : `report-q${1 + rng.int(4)}.pdf`;
    emit('receipt', 'Allow', 0, {
        action: 'Allow',
        direction,
        messageId,
        senderEnvelope: sender,
        senderHeader: sender,
        recipients,
        subject: topic,
        senderIp: internal ? `10.${rng.int(255)}.${rng.int(255)}.${1 + rng.int(254)}` : senderIp,
        numberAttachments: attachment ? '1' : '0',
        spamScore: String(scenario === 'spam-held' ? 20 + rng.int(40) : rng.int(10)),
        spamDetectionLevel: '7',
        spamInfo: '[]',
        spamProcessingDetail: auth,
        tlsVersion: 'TLSv1.3',
        tlsCipher: 'TLS_AES_256_GCM_SHA384'
    });

    const emailSize = String(3_000 + rng.int(200_000));
    const process = (action: string, extra: Record<string, string | number | boolean> = {}) =>
        emit('process', action, 150 + rng.int(800), {
            action,
            messageId,
            senderEnvelope: sender,
            subject: topic,
            emailSize,
            numberAttachments: attachment ? '1' : '0',
            ...(attachment ? { attachments: `"${fileName}"` } : {}),
            ...extra
        });
    const delivery = (ok: boolean, to: string, extra: Record<string, string | number | boolean> = {}) =>
        emit('delivery', ok ? 'Delivery' : 'Failed', 400 + rng.int(4_000), {
            messageId,
            senderEnvelope: sender,
            recipients: to,
            subject: topic,
            direction,
            delivered: ok,
            deliveryAttempts: String(ok ? 1 : 1 + rng.int(3)),
            deliveryTime: String(150 + rng.int(5_000)),
            destinationIp: ipAddress(rng),
            route: direction.toLowerCase(),
            tlsUsed: 'Yes',
            emailSize,
            ...extra
        });

    switch (scenario) {
        case 'spam-held':
            emit('spam', 'Spam', 100 + rng.int(300), {
                action: 'Hold',
                messageId,
                senderEnvelope: sender,
                senderHeader: sender,
                recipients,
                subject: topic,
                senderIp,
                route: 'Inbound',
                senderDomain: sender.split('@')[1]!
            });
            process('Hold', { holdReason: 'Spm' });
            break;
        case 'impersonation-held':
            emit('impersonation protect', 'Hold', 100 + rng.int(300), {
                action: 'Hold',
                messageId,
                senderEnvelope: sender,
                recipients,
                subject: topic,
                senderIp,
                taggedMalicious: true,
                taggedExternal: true,
                similarDomain: TENANT_DOMAIN,
                definition: 'Default Impersonation Definition',
                route: 'Inbound'
            });
            process('Hold', { holdReason: 'Imp' });
            break;
        case 'virus-rejected':
            emit('av', 'Virus', 100 + rng.int(300), {
                action: 'Reject',
                messageId,
                senderEnvelope: sender,
                recipients,
                subject: topic,
                senderIp,
                fileName,
                fileExtension: 'xlsm',
                md5: hex('md5', 'av', seed, i),
                sha1: hex('sha1', 'av', seed, i),
                sha256: hex('sha256', 'av', seed, i),
                virusFound: rng.pick(['Macro.Downloader', 'Trojan.Agent', 'W97M.Downloader'])
            });
            process('Rej', { rejectionInfo: 'Message contains a virus' });
            break;
        case 'attachment-sandboxed':
            process('Sdbx');
            emit('attachment protect', 'Malicious', 20_000 + rng.int(40_000), {
                action: 'Block',
                messageId,
                senderEnvelope: sender,
                recipients,
                fileName,
                fileExtension: 'iso',
                md5: hex('md5', 'ap', seed, i),
                sha1: hex('sha1', 'ap', seed, i),
                sha256: hex('sha256', 'ap', seed, i)
            });
            // The message goes on with the attachment replaced by a notice.
            delivery(true, recipients);
            break;
        case 'url-blocked-delivered':
            process('Allow');
            emit('url protect', 'Block', 200 + rng.int(500), {
                action: 'Block',
                messageId,
                senderEnvelope: sender,
                recipients,
                subject: topic,
                url: `https://login-microsoftonline.example/auth?session=${rng.int(1_000_000)}`,
                urlCategory: 'Phishing & Fraud',
                scanResults: 'malicious',
                route: direction
            });
            delivery(true, recipients);
            break;
        case 'bounced':
            process('Allow');
            delivery(false, recipients, { rejectionCode: '550', deliveryErrors: '550 5.1.1 The email account that you tried to reach does not exist' });
            break;
        case 'deferred':
            process('Allow');
            delivery(false, recipients, { rejectionCode: '451', deliveryErrors: '451 4.7.1 Service unavailable - try again later' });
            break;
        case 'partially-delivered':
            process('Allow');
            delivery(true, recipientList[0]!);
            delivery(false, recipientList[1]!, { rejectionCode: '550', deliveryErrors: '550 5.1.1 User unknown' });
            break;
        case 'internal-journaled':
            process('Allow');
            delivery(true, recipients);
            emit('journal', 'Journal', 50 + rng.int(500), { direction, senderEnvelope: sender, recipients });
            break;
        default:
            process('Allow');
            delivery(true, recipients);
    }
    return { aggregateId, scenario, outcome, events };
}

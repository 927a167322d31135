// Cloud Gateway SIEM events in OCSF. The message's own path through the gateway (receipt, process,
// delivery, journal) is Email Activity (4009): Receive, Scan, Send, and Other named Journal; every
// event carries the aggregateId shared by one message's events as message_trace_uid. Verdict events
// (av, spam, url/attachment/impersonation/internal email protect) are Detection Findings (2004) with
// the message, URL or file as evidence. Fields Mimecast sends that OCSF has no place for stay under
// `unmapped` with their Mimecast names.
import { isObject } from '../api.js';
import { addresses, flag, numeric, siemView, text, texts } from '../siem-view.js';
import type { SiemEventRecord, SiemView } from '../siem-view.js';
import {
    controlOutcome,
    DIRECTION_NAMES,
    directionId,
    email,
    EMAIL_ACTIVITY,
    emailOrUndefined,
    endpoint,
    file,
    OTHER,
    ocsfEvent,
    SEVERITY,
    url
} from './event.js';
import type { OcsfEvent } from './event.js';
import { detectionFinding, isThreat, malware, verdictSeverity } from './finding.js';

const MESSAGE_STEPS: Record<string, { activity: number; name?: string }> = {
    receipt: { activity: 2 },
    process: { activity: 3 },
    delivery: { activity: 1 },
    journal: { activity: OTHER, name: 'Journal' }
};

const VERDICTS: Record<string, string> = {
    av: 'Anti-Virus',
    spam: 'Spam',
    'url protect': 'URL Protect',
    'attachment protect': 'Attachment Protect',
    'impersonation protect': 'Impersonation Protect',
    'internal email protect': 'Internal Email Protect'
};

/** `model`: the Nango model the record came from (metadata.log_name): the stream's or the batch files'. */
export function siemEventToOcsf(record: SiemEventRecord, model: SiemModel = 'SiemEvent'): OcsfEvent {
    const view = siemView(record);
    const read = reader(view);
    return VERDICTS[view.kind] !== undefined ? verdictEvent(view, read, model) : messageEvent(view, read, model);
}
type SiemModel = 'SiemEvent' | 'SiemBatchEvent';

/** Reads fields of the event, remembering which were mapped so the rest go to `unmapped` (siem-ci.ts too). */
export function reader(view: SiemView) {
    const used = new Set<string>(['timestamp']);
    const get = (...keys: string[]): unknown => {
        for (const key of keys) {
            if (view.fields[key] !== undefined) {
                used.add(key);
                return view.fields[key];
            }
        }
        return undefined;
    };
    return {
        text: (...keys: string[]) => text(get(...keys)),
        number: (...keys: string[]) => numeric(get(...keys)),
        flag: (...keys: string[]) => flag(get(...keys)),
        addresses: (...keys: string[]) => addresses(get(...keys)),
        texts: (...keys: string[]) => texts(get(...keys)),
        /** Marks fields as mapped without reading them. */
        use: (...keys: string[]) => keys.forEach((k) => used.add(k)),
        unmapped: (): Record<string, unknown> | undefined => {
            const out: Record<string, unknown> = {};
            for (const [key, value] of Object.entries(view.fields)) {
                if (!used.has(key)) {
                    out[key] = value;
                }
            }
            if (view.subtype !== undefined) {
                out['subType'] = view.subtype;
            }
            return Object.keys(out).length > 0 ? out : undefined;
        }
    };
}
export type Reader = ReturnType<typeof reader>;

/** The metadata of a SIEM event (siem-ci.ts too): the model it was saved as, the product (`Cloud Gateway`, `Cloud Integrated`). */
export function siemMetadata(view: SiemView, read: Reader, model: string, feature: string, profiles?: string[]) {
    return {
        model,
        feature,
        uid: view.id,
        originalTime: text(view.fields['timestamp']),
        eventCode: view.kind || undefined,
        correlationUid: read.text('aggregateId'),
        tenantUid: read.text('accountId'),
        profiles
    };
}

/** The message as the event describes it: envelope and header senders, recipients, subject, files, URLs. */
function message(read: Reader) {
    const envelope = read.text('senderEnvelope', 'sender');
    const header = read.text('senderHeader', 'headerFrom');
    const files = attachments(read);
    const link = read.text('url');
    return {
        envelope,
        email: email({
            from: header ?? envelope,
            to: read.addresses('recipients', 'recipient'),
            subject: read.text('subject'),
            messageId: read.text('messageId'),
            size: read.number('emailSize', 'size'),
            files,
            urls: link ? [url(link, categories(read))] : undefined
        }),
        files,
        link
    };
}

function categories(read: Reader): string[] | undefined {
    const category = read.text('urlCategory');
    return category ? [category] : undefined;
}

/** Files named by the event: one scanned file (av, attachment protect) or the process event's attachment list. */
function attachments(read: Reader): Record<string, unknown>[] | undefined {
    const name = read.text('fileName');
    if (name !== undefined) {
        return [
            file({
                name,
                ext: read.text('fileExtension', 'fileExt'),
                mimeType: read.text('fileMime'),
                hashes: { md5: read.text('md5'), sha1: read.text('sha1'), sha256: read.text('sha256') }
            })
        ];
    }
    // Process events list names as `"a.pdf", "b.docx"`.
    const list = read.text('attachments');
    const names = list
        ?.split(/",\s*"/)
        .map((n) => n.replace(/^"|"$/g, '').trim())
        .filter((n) => n !== '');
    return names && names.length > 0 ? names.map((n) => file({ name: n })) : undefined;
}

function messageEvent(view: SiemView, read: Reader, model: SiemModel): OcsfEvent {
    const step = MESSAGE_STEPS[view.kind] ?? { activity: OTHER, name: view.kind || 'Unknown' };
    const { envelope, email: mail } = message(read);
    const direction = directionId(read.text('direction', 'route'));
    // Mimecast's own action word (Acc, Hld, Rej, Sdbx, ...) also stays under unmapped: the OCSF pair abstracts it.
    const action = text(view.fields['action']) ?? (view.kind === 'receipt' || view.kind === 'process' ? view.subtype : undefined);
    const outcome = view.kind === 'delivery' ? undefined : controlOutcome(action);
    const delivered = view.kind === 'delivery' ? (read.flag('delivered') ?? (view.subtype && /fail/i.test(view.subtype) ? false : undefined)) : undefined;
    const refused = view.kind === 'receipt' && outcome?.disposition_id === 25;
    // The SPF/DKIM/DMARC verdicts; the raw detail stays unmapped when it cannot be read.
    const auth = emailAuth(text(view.fields['spamProcessingDetail']));
    if (auth !== undefined) {
        read.use('spamProcessingDetail');
    }
    const status = delivered !== undefined ? (delivered ? 1 : 2) : view.kind === 'receipt' && outcome ? (refused ? 2 : 1) : undefined;
    return ocsfEvent(
        EMAIL_ACTIVITY,
        {
            activity: step.activity,
            otherActivity: step.name,
            severity: refused || delivered === false ? SEVERITY.low : SEVERITY.informational,
            time: view.time,
            metadata: siemMetadata(view, read, model, 'Cloud Gateway', outcome ? ['security_control'] : undefined)
        },
        {
            direction_id: direction,
            direction: DIRECTION_NAMES[direction],
            from: emailOrUndefined(envelope),
            email: mail,
            email_auth: auth,
            src_endpoint: endpoint(read.text('senderIp', 'sourceIp')),
            dst_endpoint: endpoint(read.text('destinationIp')),
            message_trace_uid: read.text('aggregateId'),
            protocol_name: view.kind === 'receipt' || view.kind === 'delivery' ? 'SMTP' : undefined,
            attempt: read.number('deliveryAttempts'),
            ...(outcome ?? {}),
            status_id: status,
            status: status === undefined ? undefined : status === 1 ? 'Success' : 'Failure',
            status_code: read.text('rejectionCode'),
            status_detail: read.text('rejectionInfo', 'deliveryErrors', 'receiptErrors', 'holdReason'),
            unmapped: read.unmapped()
        }
    );
}

function verdictEvent(view: SiemView, read: Reader, model: SiemModel): OcsfEvent {
    const caption = VERDICTS[view.kind] ?? view.kind;
    const malicious = read.flag('taggedMalicious');
    const detection = read.text('virusFound');
    const verdict =
        read.text('scanResult', 'scanResults', 'blockReason', 'reason') ??
        detection ??
        (malicious === true ? 'malicious' : undefined) ??
        (view.kind === 'spam' ? 'spam' : undefined) ??
        view.subtype;
    const { email: mail, files, link } = message(read);
    const action = text(view.fields['action']) ?? view.subtype;
    const category = text(view.fields['urlCategory']);
    // A URL's category can say more than the verdict (Blocked URL Category / Compromised): the graver counts.
    const severity =
        view.kind === 'av'
            ? SEVERITY.high
            : view.kind === 'impersonation protect'
              ? malicious
                  ? SEVERITY.high
                  : SEVERITY.medium
              : view.kind === 'spam'
                ? SEVERITY.low
                : Math.max(verdictSeverity(verdict), category ? verdictSeverity(category) : SEVERITY.unknown);
    const event = detectionFinding({
        metadata: siemMetadata(view, read, model, 'Cloud Gateway'),
        time: view.time,
        severity,
        title: `${caption}: ${verdict ?? 'verdict'}`,
        desc: read.text('rejectionInfo', 'holdReason'),
        types: [caption],
        action,
        policy: read.text('definition', 'policyDefinition'),
        isAlert: view.kind === 'av' || malicious === true || isThreat(verdict),
        evidence: {
            // An email object needs a sender or a recipient; events that name only a file or a URL leave it out.
            email: mail.from !== undefined || mail.to.length > 0 ? mail : undefined,
            url: link ? url(link, categories(read)) : undefined,
            file: files?.[0],
            src_endpoint: endpoint(read.text('senderIp', 'sourceIp')),
            verdict
        },
        malware: view.kind === 'av' ? malware(detection ?? verdict, 'Mimecast AV') : undefined,
        unmapped: read.unmapped()
    });
    return event;
}

/** email_auth from the receipt's spamProcessingDetail JSON ({"spf":{"info":"ALLOW"},"dkim":{...},"dmarc":{...}}). */
function emailAuth(detail: string | undefined): Record<string, unknown> | undefined {
    if (detail === undefined) {
        return undefined;
    }
    // @allowTryCatch: spamProcessingDetail is JSON in a string: an unparsable one adds no authentication results
    try {
        const parsed: unknown = JSON.parse(detail);
        if (!isObject(parsed)) {
            return undefined;
        }
        const results = parsed;
        const info = (key: string) => {
            const verdict = results[key];
            return isObject(verdict) ? text(verdict['info']) : undefined;
        };
        const auth = { spf: info('spf'), dkim: info('dkim'), dmarc: info('dmarc') };
        return Object.values(auth).some((v) => v !== undefined) ? auth : undefined;
    } catch {
        return undefined;
    }
}

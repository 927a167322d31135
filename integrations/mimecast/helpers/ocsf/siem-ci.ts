// Cloud Integrated (Microsoft 365) SIEM events in OCSF, from the fields the published CI records show
// (tests/contract/INDEX.md). An `entities` record is Mimecast's verdict on one message: a threatType
// that names a threat (MALWARE, ...) makes it a Detection Finding (2004) with the message as evidence;
// NO_DETECTIONS and POLICIES_DISABLED make it Email Activity (4009): Scan. threatState (BLOCKED,
// DELIVERED, DELIVERY_IN_PROGRESS) is the security_control outcome, the first applied policy's name the
// policy. Other kinds get no OCSF event (siemCiEventHasOcsf says no, so stream.ts `finish` saves the
// record without `ocsf` and warns of nothing; the mapper itself refuses them): a `mailflow` record
// (SPF/DKIM/DMARC results) names neither sender nor recipient, and an OCSF email needs one of them (it
// carries the message's aggregateId and messageId, as entities records do, to join on; no published
// pair shows one message in both). `urlclick` has no published sample.
import { isObject } from '../api.js';
import { siemHeading, siemView, text } from '../siem-view.js';
import type { SiemEventRecord, SiemView } from '../siem-view.js';
import { controlOutcome, DIRECTION_NAMES, directionId, email, EMAIL_ACTIVITY, emailOrUndefined, endpoint, file, ocsfEvent, SEVERITY } from './event.js';
import type { OcsfEvent } from './event.js';
import { detectionFinding, isThreat, verdictSeverity } from './finding.js';
import { reader, siemMetadata } from './siem.js';
import type { Reader } from './siem.js';

/** threatType values that name no threat (both published). */
const CLEAN = new Set(['NO_DETECTIONS', 'POLICIES_DISABLED']);

/** The one CI kind with an OCSF event. */
const MAPPED_KIND = 'entities';

/** Whether a CI record has an OCSF event: `entities` records only. */
export function siemCiEventHasOcsf(record: SiemEventRecord): boolean {
    return siemHeading(record).kind === MAPPED_KIND;
}

export function siemCiEventToOcsf(record: SiemEventRecord): OcsfEvent {
    const view = siemView(record);
    if (view.kind !== MAPPED_KIND) {
        throw new Error(`SiemCiEvent ${view.id}: no OCSF mapping for CI ${view.kind || 'untyped'} events (entities only)`);
    }
    const threatType = text(view.fields['threatType']);
    return threatType !== undefined && !CLEAN.has(threatType.toUpperCase()) ? findingEvent(view, threatType) : scanEvent(view);
}

/** The message: header sender (the envelope's when blank), recipients, subject, Message-ID, attachment names. */
function message(read: Reader) {
    const envelope = read.text('senderEnvelope');
    const names = read.texts('attachments');
    return {
        envelope,
        email: email({
            from: read.text('senderHeader') ?? envelope,
            to: read.addresses('recipients'),
            subject: read.text('subject'),
            messageId: read.text('messageId'),
            files: names.length > 0 ? names.map((name) => file({ name })) : undefined
        })
    };
}

/** The first applied policy's name (published: `Default O365 Mail policy`); each policy's action and mode stay unmapped. */
function policyName(view: SiemView): string | undefined {
    const policies = view.fields['policiesApplied'];
    const first: unknown = Array.isArray(policies) ? policies[0] : undefined;
    return isObject(first) ? text(first['name']) : undefined;
}

/** threatState as the outcome word controlOutcome reads: DELIVERY_IN_PROGRESS is let through like DELIVERED. */
function stateWord(read: Reader): string | undefined {
    return read
        .text('threatState')
        ?.toLowerCase()
        .replace(/_in_progress$/, '')
        .replace(/_/g, ' ');
}

/** A message with no threat found; its threatType stays unmapped. */
function scanEvent(view: SiemView): OcsfEvent {
    const read = reader(view);
    const { envelope, email: mail } = message(read);
    const direction = directionId(read.text('direction'));
    const result = controlOutcome(stateWord(read));
    const policy = policyName(view);
    return ocsfEvent(
        EMAIL_ACTIVITY,
        {
            activity: 3,
            severity: SEVERITY.informational,
            time: view.time,
            metadata: siemMetadata(view, read, 'SiemCiEvent', 'Cloud Integrated', result || policy ? ['security_control'] : undefined)
        },
        {
            direction_id: direction,
            direction: DIRECTION_NAMES[direction],
            from: emailOrUndefined(envelope),
            email: mail,
            src_endpoint: endpoint(read.text('senderIp')),
            message_trace_uid: read.text('aggregateId'),
            ...(result ?? {}),
            policy: policy ? { name: policy } : undefined,
            unmapped: read.unmapped()
        }
    );
}

function findingEvent(view: SiemView, threatType: string): OcsfEvent {
    const read = reader(view);
    read.use('threatType');
    const { email: mail } = message(read);
    const tags = read.texts('tags');
    return detectionFinding({
        metadata: siemMetadata(view, read, 'SiemCiEvent', 'Cloud Integrated'),
        time: view.time,
        severity: verdictSeverity(threatType),
        title: `Cloud Integrated: ${threatType}`,
        types: [...new Set([threatType, ...tags])],
        // What happened to the message (BLOCKED, DELIVERED, ...), as the finding's action/disposition.
        action: stateWord(read),
        policy: policyName(view),
        isAlert: isThreat(threatType),
        evidence: {
            email: mail.from !== undefined || mail.to.length > 0 ? mail : undefined,
            src_endpoint: endpoint(read.text('senderIp')),
            verdict: threatType
        },
        unmapped: read.unmapped()
    });
}

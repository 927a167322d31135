// Targeted Threat Protection (URL, Attachment, Impersonation Protect) and DLP logs as Detection
// Findings: each log line is Mimecast's verdict on one click, attachment or message.
import { digestAlgorithm, email, endpoint, epochMs, file, rest, SEVERITY, url, user } from './event.js';
import type { OcsfEvent } from './event.js';
import { detectionFinding, isThreat, malware, verdictSeverity } from './finding.js';

export interface ClickLogRecord {
    id: string;
    date: string;
    url: string;
    userEmailAddress?: string | undefined;
    fromUserEmailAddress?: string | undefined;
    subject?: string | undefined;
    messageId?: string | undefined;
    scanResult?: string | undefined;
    category?: string | undefined;
    action?: string | undefined;
    actions?: string | undefined;
    adminOverride?: string | undefined;
    userOverride?: string | undefined;
    userAwarenessAction?: string | undefined;
    ttpDefinition?: string | undefined;
    route?: string | undefined;
    sendingIp?: string | undefined;
    creationMethod?: string | undefined;
    emailPartsDescription?: string[] | undefined;
}

export function clickLogToOcsf(log: ClickLogRecord): OcsfEvent {
    const clicked = url(log.url, log.category ? [log.category] : undefined);
    return detectionFinding({
        metadata: { model: 'ClickLog', feature: 'URL Protect', uid: log.id, originalTime: log.date, eventCode: log.scanResult },
        time: epochMs(log.date),
        severity: verdictSeverity(log.scanResult),
        title: `URL Protect: ${log.scanResult ?? 'unscanned'} link clicked`,
        desc: log.category,
        types: ['URL Protect'],
        action: log.action,
        policy: log.ttpDefinition,
        isAlert: isThreat(log.scanResult),
        evidence: {
            url: clicked,
            user: user(log.userEmailAddress),
            email: email({
                from: log.fromUserEmailAddress,
                to: log.userEmailAddress ? [log.userEmailAddress] : undefined,
                subject: log.subject,
                messageId: log.messageId,
                urls: [clicked]
            }),
            verdict: log.scanResult
        },
        unmapped: rest(log, [
            'id',
            'date',
            'url',
            'userEmailAddress',
            'fromUserEmailAddress',
            'subject',
            'messageId',
            'scanResult',
            'category',
            'ttpDefinition'
        ])
    });
}

export interface AttachmentLogRecord {
    id: string;
    date: string;
    result: string;
    fileName?: string | undefined;
    fileType?: string | undefined;
    senderAddress?: string | undefined;
    recipientAddress?: string | undefined;
    messageId?: string | undefined;
    actionTriggered?: string | undefined;
    route?: string | undefined;
    details?: string | undefined;
    /** Published attachment logs also carry these (the SHA-256 of the file, the message subject, the definition). */
    fileHash?: string | undefined;
    subject?: string | undefined;
    definition?: string | undefined;
}

export function attachmentLogToOcsf(log: AttachmentLogRecord): OcsfEvent {
    const algorithm = digestAlgorithm(log.fileHash);
    const attachment = file({ name: log.fileName, mimeType: log.fileType, hashes: algorithm ? { [algorithm]: log.fileHash } : {} });
    const threat = isThreat(log.result);
    // `details` reads like "Malicious: Macro.Downloader": the part after the colon names the detection.
    const detection = threat ? log.details?.split(':').slice(1).join(':').trim() || undefined : undefined;
    return detectionFinding({
        metadata: { model: 'AttachmentLog', feature: 'Attachment Protect', uid: log.id, originalTime: log.date, eventCode: log.result },
        time: epochMs(log.date),
        severity: verdictSeverity(log.result),
        title: `Attachment Protect: ${log.result} attachment`,
        desc: log.details,
        types: ['Attachment Protect'],
        policy: log.definition,
        // Attachment Protect blocks a malicious attachment and lets a safe one through; what else it did is in actionTriggered.
        action: threat ? 'block' : /^safe$/i.test(log.result) ? 'allow' : undefined,
        isAlert: threat,
        evidence: {
            file: attachment,
            email: email({
                from: log.senderAddress,
                to: log.recipientAddress ? [log.recipientAddress] : undefined,
                subject: log.subject,
                messageId: log.messageId,
                files: [attachment]
            }),
            verdict: log.result
        },
        malware: malware(detection, 'Mimecast Attachment Protect'),
        unmapped: rest(log, [
            'id',
            'date',
            'result',
            'fileName',
            'fileType',
            'senderAddress',
            'recipientAddress',
            'messageId',
            'details',
            'subject',
            'definition',
            ...(algorithm ? ['fileHash'] : [])
        ])
    });
}

export interface ImpersonationLogRecord {
    id: string;
    eventTime: string;
    senderAddress?: string | undefined;
    senderName?: string | undefined;
    senderIpAddress?: string | undefined;
    recipientAddress?: string | undefined;
    subject?: string | undefined;
    messageId?: string | undefined;
    definition?: string | undefined;
    hits?: number | undefined;
    identifiers?: string[] | undefined;
    action?: string | undefined;
    taggedExternal?: boolean | undefined;
    taggedMalicious?: boolean | undefined;
    impersonationResults?: { impersonationDomainSource?: string | undefined; stringSimilarToDomain?: string | undefined }[] | undefined;
}

export function impersonationLogToOcsf(log: ImpersonationLogRecord): OcsfEvent {
    const message = email({
        from: log.senderAddress,
        to: log.recipientAddress ? [log.recipientAddress] : undefined,
        subject: log.subject,
        messageId: log.messageId
    });
    return detectionFinding({
        metadata: { model: 'ImpersonationLog', feature: 'Impersonation Protect', uid: log.id, originalTime: log.eventTime, eventCode: log.action },
        time: epochMs(log.eventTime),
        severity: log.taggedMalicious ? SEVERITY.high : SEVERITY.medium,
        title: `Impersonation Protect: ${log.hits ?? 0} impersonation ${log.hits === 1 ? 'indicator' : 'indicators'}${log.taggedMalicious ? ', tagged malicious' : ''}`,
        types: ['Impersonation Protect', ...(log.identifiers ?? [])],
        action: log.action,
        policy: log.definition,
        isAlert: log.taggedMalicious === true,
        evidence: {
            email: { ...message, from_mailbox: log.senderName && log.senderAddress ? `${log.senderName} <${log.senderAddress}>` : message['from_mailbox'] },
            src_endpoint: endpoint(log.senderIpAddress),
            verdict: log.taggedMalicious ? 'malicious' : undefined
        },
        unmapped: rest(log, [
            'id',
            'eventTime',
            'senderAddress',
            'senderName',
            'senderIpAddress',
            'recipientAddress',
            'subject',
            'messageId',
            'definition',
            'identifiers',
            'action'
        ])
    });
}

export interface DlpLogRecord {
    id: string;
    eventTime: string;
    policy?: string | undefined;
    action?: string | undefined;
    status?: string | undefined;
    senderAddress?: string | undefined;
    recipientAddress?: string | undefined;
    subject?: string | undefined;
    messageId?: string | undefined;
    route?: string | undefined;
}

export function dlpLogToOcsf(log: DlpLogRecord): OcsfEvent {
    return detectionFinding({
        metadata: { model: 'DlpLog', feature: 'Data Leak Prevention', uid: log.id, originalTime: log.eventTime, eventCode: log.action },
        time: epochMs(log.eventTime),
        severity: SEVERITY.medium,
        title: `Data Leak Prevention: ${log.policy ?? 'policy'} matched`,
        types: ['Data Leak Prevention'],
        action: log.action,
        policy: log.policy,
        isAlert: true,
        evidence: {
            email: email({
                from: log.senderAddress,
                to: log.recipientAddress ? [log.recipientAddress] : undefined,
                subject: log.subject,
                messageId: log.messageId
            })
        },
        unmapped: rest(log, ['id', 'eventTime', 'policy', 'senderAddress', 'recipientAddress', 'subject', 'messageId'])
    });
}

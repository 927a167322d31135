// Held release logs and archive search logs in OCSF.
// - A release from (or rejection in) the hold queue is something done to one message: Email Activity
//   (4009), activity Other named Release/Reject, the operator as actor (host profile), the outcome as
//   the security_control profile's action/disposition (Allowed/Restored, Denied/Rejected).
// - An archive search, and a view of an archived message, are reads through Mimecast's archive: API
//   Activity (6003), Read; a view names the message it read as the call's resource.
import {
    API_ACTIVITY,
    directionId,
    email,
    EMAIL_ACTIVITY,
    emailOrUndefined,
    controlOutcome,
    epochMs,
    OTHER,
    ocsfEvent,
    rest,
    SEVERITY,
    user,
    USER_TYPE
} from './event.js';
import type { OcsfEvent } from './event.js';

export interface HeldReleaseLogRecord {
    id: string;
    released?: string | undefined;
    subject?: string | undefined;
    fromEnv?: string | undefined;
    fromHdr?: string | undefined;
    to?: string[] | undefined;
    operator?: string | undefined;
    /** Why the message was held (published records name it heldReason; older ones reason). */
    heldReason?: string | undefined;
    reason?: string | undefined;
    rejectReason?: string | undefined;
    policy?: string | undefined;
    heldGroup?: string | undefined;
    detectionLevel?: string | undefined;
    route?: string | undefined;
    size?: number | undefined;
    attachments?: boolean | undefined;
    messageInfo?: string | undefined;
    /** `released` or `rejected` on published records. */
    status?: string | undefined;
}

export function heldReleaseLogToOcsf(log: HeldReleaseLogRecord): OcsfEvent {
    // Published records say released or rejected in `status` (a released one can still carry a
    // rejectReason); without a status, a rejectReason is taken to mean the message was rejected.
    const rejected = log.status !== undefined ? /reject/i.test(log.status) : log.rejectReason !== undefined;
    const verb = rejected ? 'Reject' : 'Release';
    const heldFor = log.heldReason ?? log.reason;
    return ocsfEvent(
        EMAIL_ACTIVITY,
        {
            activity: OTHER,
            otherActivity: verb,
            severity: SEVERITY.informational,
            time: epochMs(log.released),
            metadata: {
                model: 'HeldReleaseLog',
                feature: 'Held Messages',
                uid: log.id,
                originalTime: log.released,
                eventCode: verb.toLowerCase(),
                profiles: ['host', 'security_control']
            }
        },
        {
            message: `Held message ${rejected ? 'rejected' : 'released'}${log.operator ? ` by ${log.operator}` : ''}${heldFor ? ` (held for ${heldFor})` : ''}`,
            direction_id: directionId(log.route),
            from: emailOrUndefined(log.fromEnv),
            email: email({ from: log.fromHdr ?? log.fromEnv, to: log.to, subject: log.subject, size: log.size }),
            actor: log.operator ? { user: user(log.operator) } : undefined,
            ...controlOutcome(rejected ? 'reject' : 'release'),
            policy: log.policy ? { name: log.policy } : undefined,
            status_detail: rejected ? log.rejectReason : undefined,
            unmapped: rest(log, ['id', 'released', 'subject', 'fromEnv', 'fromHdr', 'to', 'operator', 'policy', 'size', ...(rejected ? ['rejectReason'] : [])])
        }
    );
}

export interface ArchiveSearchLogRecord {
    id: string;
    createTime: string;
    emailAddr?: string | undefined;
    source?: string | undefined;
    searchText?: string | undefined;
    searchReason?: string | undefined;
    isAdmin?: boolean | undefined;
    description?: string | undefined;
}

export function archiveSearchLogToOcsf(log: ArchiveSearchLogRecord): OcsfEvent {
    return ocsfEvent(
        API_ACTIVITY,
        {
            activity: 2,
            severity: SEVERITY.informational,
            time: epochMs(log.createTime),
            metadata: { model: 'ArchiveSearchLog', feature: 'Cloud Archive', uid: log.id, originalTime: log.createTime, eventCode: 'archive search' }
        },
        {
            message: log.description,
            actor: {
                user: user(log.emailAddr, log.isAdmin === true ? USER_TYPE.admin : log.isAdmin === false ? USER_TYPE.user : undefined) ?? { name: 'unknown' }
            },
            api: { operation: 'search', service: { name: 'Mimecast Cloud Archive' } },
            // API Activity requires a source; Mimecast logs only the client the search came from (archive, Mimecast for Outlook, ...).
            src_endpoint: { name: log.source ?? 'unknown' },
            unmapped: rest(log, ['id', 'createTime', 'emailAddr', 'description', 'source', 'isAdmin'])
        }
    );
}

export interface ArchiveViewLogRecord {
    id: string;
    viewed: string;
    viewer?: string | undefined;
    source?: string | undefined;
    messageDate?: string | undefined;
    subject?: string | undefined;
    from?: string | undefined;
    to?: string | undefined;
    discoveryCase?: boolean | undefined;
    contentViewed?: boolean | undefined;
}

export function archiveViewLogToOcsf(log: ArchiveViewLogRecord): OcsfEvent {
    return ocsfEvent(
        API_ACTIVITY,
        {
            activity: 2,
            severity: SEVERITY.informational,
            time: epochMs(log.viewed),
            metadata: { model: 'ArchiveViewLog', feature: 'Cloud Archive', uid: log.id, originalTime: log.viewed, eventCode: 'archive view' }
        },
        {
            message: `Archived message ${log.contentViewed === false ? 'listed (content not opened)' : 'viewed'}${log.viewer ? ` by ${log.viewer}` : ''}`,
            actor: { user: user(log.viewer) ?? { name: 'unknown' } },
            api: { operation: 'view', service: { name: 'Mimecast Cloud Archive' } },
            // API Activity requires a source; Mimecast logs only the client the view came from.
            src_endpoint: { name: log.source ?? 'unknown' },
            // OCSF names a resource by name or uid; the log gives the message's subject, when it has one.
            resources: log.subject ? [{ type: 'email', name: log.subject }] : undefined,
            unmapped: rest(log, ['id', 'viewed', 'viewer', 'source', 'subject'])
        }
    );
}

// Audit events (the AuditEvent model) in OCSF: logons are Authentication (3002), changes to a user's
// account (passwords, locks) Account Change (3001), every other administrative action API Activity
// (6003), since the audit log records calls made through the console and the API. Mimecast puts the
// IP, application and reason inside the free-text `eventInfo`; they are read from there.
import { ACCOUNT_CHANGE, API_ACTIVITY, AUTHENTICATION, endpoint, epochMs, OTHER, ocsfEvent, SEVERITY, user } from './event.js';
import type { OcsfEvent } from './event.js';

export interface AuditEventRecord {
    id: string;
    auditType: string;
    user?: string | undefined;
    eventTime: string;
    eventInfo?: string | undefined;
    category?: string | undefined;
}

const FEATURE = 'Audit Events';

export function auditEventToOcsf(event: AuditEventRecord): OcsfEvent {
    const info = parseEventInfo(event.eventInfo ?? '');
    const head = (activity: number, severity: number, otherActivity?: string) => ({
        activity,
        otherActivity,
        severity,
        time: epochMs(event.eventTime),
        metadata: { model: 'AuditEvent', feature: FEATURE, uid: event.id, originalTime: event.eventTime, eventCode: event.auditType }
    });
    const common = { message: event.eventInfo, unmapped: event.category ? { category: event.category } : undefined };

    if (isLogon(event)) {
        const failed = /fail/i.test(event.auditType) || /^failed/i.test(event.eventInfo ?? '');
        const challenge = !failed && /challenge|intermediate/i.test(`${event.auditType} ${event.eventInfo ?? ''}`);
        const logoff = /log(ged)? ?off|logout/i.test(event.auditType);
        const subject = event.user || info.forUser;
        return ocsfEvent(AUTHENTICATION, head(logoff ? 2 : 1, failed ? SEVERITY.low : SEVERITY.informational), {
            ...common,
            status_id: failed ? 2 : challenge ? OTHER : 1,
            status: failed ? 'Failure' : challenge ? 'Challenge' : 'Success',
            status_detail: info.reason,
            // The subject of an authentication is required; a system logon without one is named as unknown.
            user: { ...(user(subject) ?? { name: 'unknown' }), full_name: info.fullName },
            service: { name: info.application ?? 'Mimecast' },
            src_endpoint: endpoint(info.ip),
            is_mfa: info.secondFactor !== undefined ? true : undefined,
            auth_protocol_id: info.method ? OTHER : undefined,
            auth_protocol: info.method
        });
    }

    if (isAccountChange(event)) {
        const activity = accountActivity(event.auditType);
        return ocsfEvent(ACCOUNT_CHANGE, head(activity, SEVERITY.informational, activity === OTHER ? event.auditType : undefined), {
            ...common,
            user: user(info.forUser ?? event.user) ?? { name: 'unknown' },
            actor: event.user ? { user: user(event.user) } : undefined,
            src_endpoint: endpoint(info.ip)
        });
    }

    const activity = apiActivity(event.auditType) ?? apiActivity(event.eventInfo ?? '') ?? OTHER;
    return ocsfEvent(API_ACTIVITY, head(activity, SEVERITY.informational, activity === OTHER ? event.auditType : undefined), {
        ...common,
        actor: event.user ? { user: user(event.user) } : { app_name: 'Mimecast' },
        api: { operation: event.auditType, service: info.application ? { name: info.application } : undefined },
        // API Activity requires a source: the caller's IP when Mimecast logged one, else the application used.
        src_endpoint: endpoint(info.ip) ?? { name: info.application ?? 'Mimecast' }
    });
}

function isLogon(event: AuditEventRecord): boolean {
    return event.category === 'authentication_logs' || /log(ged)? ?on|log ?in|log(ged)? ?off|logout|authenticat/i.test(event.auditType);
}

function isAccountChange(event: AuditEventRecord): boolean {
    return event.category === 'user_account_and_role_logs' || /password|account (locked|unlocked|disabled|enabled)/i.test(event.auditType);
}

function accountActivity(auditType: string): number {
    const t = auditType.toLowerCase();
    if (/password chang/.test(t)) return 3;
    if (/password reset/.test(t)) return 4;
    if (/creat|added/.test(t)) return 1;
    if (/delet|remov/.test(t)) return 6;
    if (/disabl/.test(t)) return 5;
    if (/enabl/.test(t)) return 2;
    if (/unlock/.test(t)) return 12;
    if (/lock/.test(t)) return 9;
    return OTHER;
}

/** Delete, Create, Update, Read by the first verb family found (in that order of precedence). */
function apiActivity(words: string): number | undefined {
    const t = words.toLowerCase();
    if (/delet|remov/.test(t)) return 4;
    if (/creat|\badded\b|\bnew\b/.test(t)) return 1;
    if (/modif|updat|chang|adjust|releas|restor|\bsync|enabl|disabl/.test(t)) return 3;
    if (/view|search|download|export|\bread\b|\blist/.test(t)) return 2;
    return undefined;
}

interface EventInfo {
    ip?: string | undefined;
    application?: string | undefined;
    method?: string | undefined;
    reason?: string | undefined;
    secondFactor?: string | undefined;
    forUser?: string | undefined;
    fullName?: string | undefined;
}

/** Reads `IP: x`, `Remote IP is x`, `Application: y`, `Method: z`, `Reason: r`, `2FA: f`, `for a@b <Name>` from eventInfo. */
export function parseEventInfo(info: string): EventInfo {
    const field = (re: RegExp) => re.exec(info)?.[1]?.trim() || undefined;
    return {
        ip: field(/(?:\bIP(?: Address)?\s*:|Remote IP is|remote IP\s*:)\s*([0-9a-fA-F][0-9a-fA-F.:]*[0-9a-fA-F])/i),
        application: field(/\bApplication\s*:\s*([^,\n\]]+)/i),
        method: field(/\bMethod\s*:\s*([^,\n]+)/i),
        reason: field(/\bReason\s*:\s*([^,\n]+)/i),
        secondFactor: field(/\b2FA\s*:\s*([^,\n]+)/i),
        forUser: field(/\bfor (?:user:\s*)?([^\s,<]+@[^\s,<]+)/i),
        fullName: field(/\bfor \S+ <([^>]+)>/i)
    };
}

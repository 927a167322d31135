// Threat verdicts as OCSF Detection Findings (2004): one finding per verdict, created (activity 1),
// the thing judged (URL, file, message) as evidence, Mimecast's action as the security_control
// profile's action/disposition, the policy or definition that decided it as the analytic.
import { controlOutcome, DETECTION_FINDING, ocsfEvent, SEVERITY } from './event.js';
import type { MetadataInput, OcsfEvent } from './event.js';

export interface FindingInput {
    metadata: Omit<MetadataInput, 'profiles'>;
    time: number;
    severity: number;
    title: string;
    desc?: string | undefined;
    types: string[];
    /** The Mimecast action word (allow, block, hold, Acc, Hld, ...). */
    action?: string | undefined;
    /** The policy or definition that produced the verdict. */
    policy?: string | undefined;
    isAlert: boolean;
    evidence: Record<string, unknown>;
    malware?: Record<string, unknown>[] | undefined;
    unmapped?: Record<string, unknown> | undefined;
}

export function detectionFinding(input: FindingInput): OcsfEvent {
    const outcome = controlOutcome(input.action);
    const usesControl = outcome !== undefined || input.policy !== undefined;
    return ocsfEvent(
        DETECTION_FINDING,
        { activity: 1, severity: input.severity, time: input.time, metadata: { ...input.metadata, profiles: usesControl ? ['security_control'] : undefined } },
        {
            finding_info: {
                uid: input.metadata.uid,
                title: input.title,
                desc: input.desc,
                types: input.types,
                analytic: input.policy ? { name: input.policy, type_id: 1, type: 'Rule' } : undefined
            },
            evidences: [input.evidence],
            is_alert: input.isAlert,
            ...(outcome ?? {}),
            policy: input.policy ? { name: input.policy } : undefined,
            malware: input.malware,
            unmapped: input.unmapped
        }
    );
}

/** Severity of a scan verdict word: malicious/virus High, suspicious Medium, spam Low, clean/safe Informational. */
export function verdictSeverity(verdict: string | undefined): number {
    const v = verdict?.toLowerCase() ?? '';
    if (/malicious|virus|infected|phish|malware|compromised/.test(v)) return SEVERITY.high;
    if (/suspicious|impersonat|block/.test(v)) return SEVERITY.medium;
    if (/spam|bulk|graymail/.test(v)) return SEVERITY.low;
    if (/clean|safe|allow|none|benign/.test(v)) return SEVERITY.informational;
    return v === '' ? SEVERITY.informational : SEVERITY.low;
}

/** Whether a verdict word means a threat was found. */
export function isThreat(verdict: string | undefined): boolean {
    return verdictSeverity(verdict) >= SEVERITY.low && !/^(unknown|timeout|error)$/i.test(verdict ?? '');
}

// OCSF malware classification_ids for the family names AV engines print (Macro.Downloader, Trojan.X, ...).
const MALWARE_CLASSES: [RegExp, number][] = [
    [/adware/i, 1],
    [/backdoor/i, 2],
    [/\bbot\b|botnet/i, 3],
    [/downloader/i, 6],
    [/dropper/i, 7],
    [/exploit/i, 8],
    [/keylog/i, 9],
    [/ransom/i, 10],
    [/\brat\b|remote.?access/i, 11],
    [/rootkit/i, 15],
    [/spyware/i, 17],
    [/trojan/i, 18],
    [/virus/i, 19],
    [/webshell/i, 20],
    [/wiper/i, 21],
    [/worm/i, 22]
];

/** An OCSF malware entry for an engine's detection name; Unknown (0) classification when the name says nothing. */
export function malware(name: string | undefined, provider?: string): Record<string, unknown>[] | undefined {
    if (name === undefined || name === '') {
        return undefined;
    }
    const classes = MALWARE_CLASSES.filter(([re]) => re.test(name)).map(([, id]) => id);
    return [{ name, classification_ids: classes.length > 0 ? classes : [0], provider }];
}

import { DAY_MS, type SeriesSpec } from '../data.js';
import { formatDate } from '../envelope.js';
import { TENANT_DOMAIN } from './audit-events.js';
import { externalAddress, internalAddress, ipAddress, logEndpoint, messageId, subject } from './log-endpoint.js';

export interface ImpersonationResult {
    impersonationDomainSource: string;
    /** The look-alike as seen, e.g. `John Doe <johndoe_nu@example.com>` (published samples). */
    similarDomain: string;
    stringSimilarToDomain: string;
    checkerResult: string;
}

/** One message flagged by Impersonation Protect. These logs do carry a Mimecast id. */
export interface ImpersonationLog {
    id: string;
    senderName: string;
    senderIpAddress: string;
    recipientAddress: string;
    subject: string;
    definition: string;
    hits: number;
    identifiers: string[];
    action: string;
    taggedExternal: boolean;
    taggedMalicious: boolean;
    senderAddress: string;
    eventTime: string;
    impersonationResults: ImpersonationResult[];
    messageId: string;
}

const IDENTIFIERS = [
    'similar_internal_domain',
    'newly_observed_domain',
    'internal_user_name',
    'reply_address_mismatch',
    'targeted_threat_dictionary',
    'mentions_payment'
];
const EXECUTIVES = ['Alice Archer', 'Bob Archer', 'Carol Archer', 'Finance Director', 'Chief Executive'];

export const impersonationLogs: SeriesSpec<ImpersonationLog> = {
    name: 'impersonationLogs',
    defaultSize: 2_000,
    retentionMs: 30 * DAY_MS,
    make({ id, time, rng }) {
        const hits = 1 + rng.int(4);
        const identifiers = [...new Set(Array.from({ length: hits }, () => rng.pick(IDENTIFIERS)))];
        const malicious = hits >= 3;
        const sender = externalAddress(rng, identifiers.includes('similar_internal_domain'));
        const senderName = rng.pick(EXECUTIVES);
        // One result per look-alike check that hit, shaped like the published samples.
        const impersonationResults: ImpersonationResult[] = [];
        if (identifiers.includes('similar_internal_domain')) {
            impersonationResults.push({
                impersonationDomainSource: 'similar_internal_domain',
                similarDomain: sender.split('@')[1] ?? '',
                stringSimilarToDomain: TENANT_DOMAIN,
                checkerResult: 'hit'
            });
        }
        if (identifiers.includes('internal_user_name')) {
            impersonationResults.push({
                impersonationDomainSource: 'internal_user_name',
                similarDomain: `${senderName} <${sender}>`,
                stringSimilarToDomain: senderName,
                checkerResult: 'hit'
            });
        }
        return {
            id: `MTOKEN:${id}`,
            senderName,
            senderIpAddress: ipAddress(rng),
            recipientAddress: internalAddress(rng),
            subject: subject(rng),
            definition: 'Default Impersonation Definition',
            hits: identifiers.length,
            identifiers,
            action: malicious ? 'hold' : 'none',
            taggedExternal: true,
            taggedMalicious: malicious,
            senderAddress: sender,
            eventTime: formatDate(time),
            impersonationResults,
            messageId: messageId(id)
        };
    }
};

export default logEndpoint({
    path: '/api/ttp/impersonation/get-logs',
    spec: impersonationLogs,
    from: 'from',
    to: 'to',
    key: 'impersonationLogs',
    resultCount: true,
    filter(v) {
        const malicious = v.boolean('taggedMalicious');
        return malicious === undefined ? undefined : (r) => r.taggedMalicious === malicious;
    }
});

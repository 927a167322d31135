import { DAY_MS, type SeriesSpec } from '../data.js';
import { formatDate } from '../envelope.js';
import { tenantUser } from './audit-events.js';
import { externalAddress, internalAddress, logEndpoint, subject } from './log-endpoint.js';

interface Mailbox {
    displayableName: string;
    emailAddress: string;
}

interface Check {
    allow: boolean;
    info: string;
}

interface Verdict {
    decision: string;
    description: string;
    risk: string;
    categories: { name: string; risk: string; subcategories: { name: string; risk: string; augmentations: { name: string; risk: string }[] }[] }[];
}

/**
 * One held message released (or rejected) from the hold queue, shaped like the published samples
 * (Elastic's mimecast package): the hold reason is `heldReason` (there is no `reason`), `status` says
 * released or rejected, `spamProcessingDetail` is an object. A message that expired in the queue and
 * was rejected by housekeeping has no `released` and names its operator as a plain string, as the one
 * published record of that kind does.
 */
export interface HeldReleaseLog {
    id: string;
    status: 'released' | 'rejected';
    attachments: boolean;
    detectionLevel: string;
    fromEnv: Mailbox;
    fromHdr: Mailbox;
    heldGroup: string;
    heldReason: string;
    messageInfo: string;
    operator: Mailbox | string;
    policy: string;
    rejectReason?: string;
    released?: string;
    route: string;
    size: number;
    spamScore: number;
    spamProcessingDetail: {
        rbl: Check;
        greyEmail: boolean;
        spf: Check;
        dkim: Check;
        dmarc: Check;
        permittedSender: Check;
        managedSender: Check;
        verdict: Verdict;
        /** The same verdict under the name the older published record uses. */
        spamVerdict: Verdict;
    };
    subject: string;
    to: Mailbox[];
}

const REASONS = [
    { heldReason: 'Default Spam Scanning Definition', heldGroup: 'Spam', policy: 'Default Spam Scanning Definition', messageInfo: 'Spam Policy', weight: 50 },
    { heldReason: 'Default Spam Scanning Definition', heldGroup: 'Spam', policy: 'Default Spam Scanning Definition', messageInfo: 'Graymail', weight: 15 },
    {
        heldReason: 'Hold Large Attachments',
        heldGroup: 'Administrator',
        policy: 'Hold Large Attachments',
        messageInfo: 'Attachment size exceeds limit',
        weight: 15
    },
    {
        heldReason: 'High-Confidence Impersonation Protection',
        heldGroup: 'Impersonation',
        policy: 'Default Impersonation Definition',
        messageInfo: 'Impersonation Protect',
        weight: 20
    }
];
const mailbox = (emailAddress: string): Mailbox => ({ displayableName: emailAddress.split('@')[0] ?? emailAddress, emailAddress });
const check = (info: string): Check => ({ allow: true, info });

export const heldReleaseLogs: SeriesSpec<HeldReleaseLog> = {
    name: 'heldReleaseLogs',
    defaultSize: 1_500,
    retentionMs: 30 * DAY_MS,
    make({ id, time, rng }) {
        const why = rng.weighted(REASONS);
        const sender = externalAddress(rng);
        // About 1 in 20 expired in the queue (no release time); about 1 in 10 of the rest were rejected.
        const expired = rng.int(20) === 0;
        const rejected = expired || rng.int(10) === 0;
        const admin = tenantUser(rng.int(5)).email;
        const spamScore = why.heldGroup === 'Spam' ? 5 + rng.int(15) : rng.int(5);
        const risk = spamScore >= 15 ? 'high' : spamScore >= 8 ? 'medium' : 'low';
        const verdict: Verdict = {
            decision: why.heldGroup === 'Spam' ? 'spam' : 'not_spam',
            description: '',
            risk,
            categories: [{ name: 'spam', risk, subcategories: [{ name: 'technology_feed', risk, augmentations: [{ name: 'body', risk: 'negligible' }] }] }]
        };
        return {
            id,
            status: rejected && !expired ? 'rejected' : 'released',
            attachments: why.heldGroup === 'Administrator' || rng.int(4) === 0,
            detectionLevel: rng.pick(['relaxed', 'moderate', 'aggressive']),
            fromEnv: mailbox(sender),
            fromHdr: mailbox(sender),
            heldGroup: why.heldGroup,
            heldReason: why.heldReason,
            messageInfo: expired ? 'Expired in queue - rejected by housekeeping' : why.messageInfo,
            operator: expired ? admin : mailbox(admin),
            policy: why.policy,
            ...(rejected ? { rejectReason: expired ? 'Message contains undesirable content' : 'Message goes against email policies' } : {}),
            ...(expired ? {} : { released: formatDate(time) }),
            route: 'inbound',
            size: 2_000 + rng.int(4_000_000),
            spamScore,
            spamProcessingDetail: {
                rbl: check(''),
                greyEmail: why.messageInfo === 'Graymail',
                spf: check('allow'),
                dkim: check('unknown'),
                dmarc: check('allow'),
                permittedSender: check('none'),
                managedSender: check('unknown'),
                verdict,
                spamVerdict: verdict
            },
            subject: subject(rng),
            to: [mailbox(internalAddress(rng))]
        };
    }
};

export default logEndpoint({ path: '/api/gateway/get-held-release-logs', spec: heldReleaseLogs, from: 'start', to: 'end', key: 'heldReleaseLogs' });

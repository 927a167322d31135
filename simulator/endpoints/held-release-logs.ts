import { DAY_MS, type SeriesSpec } from '../data.js';
import { formatDate } from '../envelope.js';
import { tenantUser } from './audit-events.js';
import { externalAddress, internalAddress, logEndpoint, subject } from './log-endpoint.js';

interface Mailbox {
  displayableName: string;
  emailAddress: string;
}

/** One held message released (or rejected) from the hold queue, by an admin or a user. */
export interface HeldReleaseLog {
  id: string;
  attachments: boolean;
  detectionLevel: string;
  fromEnv: Mailbox;
  fromHdr: Mailbox;
  heldGroup: string;
  messageInfo: string;
  operator: Mailbox;
  policy: string;
  reason: string;
  rejectReason?: string;
  released: string;
  route: string;
  size: number;
  spamProcessingDetail: string;
  subject: string;
  to: Mailbox[];
}

const REASONS = [
  { reason: 'Spam Signature', heldGroup: 'Spam', policy: 'Default Spam Scanning', weight: 50 },
  { reason: 'Policy Hold', heldGroup: 'Administrator', policy: 'Hold Large Attachments', weight: 20 },
  { reason: 'Attachment Hold', heldGroup: 'Attachment', policy: 'Attachment Management Default', weight: 20 },
  { reason: 'Impersonation Protect', heldGroup: 'Impersonation', policy: 'Default Impersonation Definition', weight: 10 }
];
const mailbox = (emailAddress: string): Mailbox => ({ displayableName: emailAddress.split('@')[0] ?? emailAddress, emailAddress });

export const heldReleaseLogs: SeriesSpec<HeldReleaseLog> = {
  name: 'heldReleaseLogs',
  defaultSize: 1_500,
  retentionMs: 30 * DAY_MS,
  make({ id, time, rng }) {
    const why = rng.weighted(REASONS);
    const sender = externalAddress(rng);
    const rejected = rng.int(10) === 0;
    const admin = tenantUser(rng.int(5)).email;
    return {
      id,
      attachments: why.reason === 'Attachment Hold' || rng.int(4) === 0,
      detectionLevel: rng.pick(['relaxed', 'moderate', 'aggressive']),
      fromEnv: mailbox(sender),
      fromHdr: mailbox(sender),
      heldGroup: why.heldGroup,
      messageInfo: `Held by ${why.policy}`,
      operator: mailbox(admin),
      policy: why.policy,
      reason: why.reason,
      ...(rejected ? { rejectReason: 'Message contains undesirable content' } : {}),
      released: formatDate(time),
      route: 'inbound',
      size: 2_000 + rng.int(4_000_000),
      spamProcessingDetail: why.reason === 'Spam Signature' ? `{"spamScore":${5 + rng.int(15)},"verdict":"spam"}` : '',
      subject: subject(rng),
      to: [mailbox(internalAddress(rng))]
    };
  }
};

export default logEndpoint({ path: '/api/gateway/get-held-release-logs', spec: heldReleaseLogs, from: 'start', to: 'end', key: 'heldReleaseLogs' });

import { DAY_MS, type SeriesSpec } from '../data.js';
import { formatDate } from '../envelope.js';
import { externalAddress, internalAddress, logEndpoint, messageId, subject } from './log-endpoint.js';

/** One Data Leak Prevention policy hit. Real DLP logs carry no id. */
export interface DlpLog {
    status: string;
    senderAddress: string;
    recipientAddress: string;
    subject: string;
    policy: string;
    action: string;
    route: string;
    messageId: string;
    eventTime: string;
}

const POLICIES = ['Credit Card Numbers', 'UK National Insurance Numbers', 'IBAN Detection', 'Confidential Keyword', 'Source Code Leak'];
const ACTIONS = [
    { action: 'hold', status: 'held', weight: 40 },
    { action: 'notify', status: 'delivered', weight: 35 },
    { action: 'block', status: 'bounced', weight: 15 },
    { action: 'encrypt', status: 'delivered', weight: 10 }
];

export const dlpLogs: SeriesSpec<DlpLog> = {
    name: 'dlpLogs',
    defaultSize: 1_500,
    retentionMs: 30 * DAY_MS,
    make({ id, time, rng }) {
        const outcome = rng.weighted(ACTIONS);
        const outbound = rng.int(10) < 8;
        return {
            status: outcome.status,
            senderAddress: internalAddress(rng),
            recipientAddress: outbound ? externalAddress(rng) : internalAddress(rng),
            subject: subject(rng),
            policy: rng.pick(POLICIES),
            action: outcome.action,
            route: outbound ? 'outbound' : 'internal',
            messageId: messageId(id),
            eventTime: formatDate(time)
        };
    }
};

export default logEndpoint({ path: '/api/dlp/get-logs', spec: dlpLogs, from: 'from', to: 'to', key: 'dlpLogs' });

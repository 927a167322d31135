import { DAY_MS, type SeriesSpec } from '../data.js';
import { formatDate } from '../envelope.js';
import { tenantUser } from './audit-events.js';
import { internalAddress, logEndpoint } from './log-endpoint.js';

/** One archive search by an administrator or end user. Real archive search logs carry no id. */
export interface ArchiveSearchLog {
    createTime: string;
    emailAddr: string;
    source: string;
    searchText: string;
    searchReason: string;
    isAdmin: boolean;
    description: string;
}

const SOURCES = ['archive', 'mimecast-app', 'Mimecast for Outlook', 'Administration Console'];
const REASONS = ['eDiscovery request', 'Legal hold review', 'User request', 'HR investigation', 'Security incident'];
const TERMS = ['invoice', 'contract', 'payroll', 'password', 'merger', 'offsite', 'budget', 'resignation'];

export const archiveSearchLogs: SeriesSpec<ArchiveSearchLog> = {
    name: 'archiveSearchLogs',
    defaultSize: 1_000,
    retentionMs: 30 * DAY_MS,
    make({ time, rng }) {
        const isAdmin = rng.int(3) === 0;
        const who = isAdmin ? tenantUser(rng.int(5)).email : internalAddress(rng);
        const text = `${rng.pick(TERMS)} ${rng.pick(TERMS)} from:${internalAddress(rng)} #${rng.int(1_000_000)}`;
        return {
            createTime: formatDate(time),
            emailAddr: who,
            source: rng.pick(SOURCES),
            searchText: text,
            searchReason: isAdmin ? rng.pick(REASONS) : '',
            isAdmin,
            description: isAdmin ? 'Administrator archive search' : 'End user archive search'
        };
    }
};

export default logEndpoint({ path: '/api/archive/get-archive-search-logs', spec: archiveSearchLogs, from: 'start', to: 'end', key: 'logs' });

import { DAY_MS, type SeriesSpec } from '../data.js';
import { formatDate } from '../envelope.js';
import { tenantUser } from './audit-events.js';
import { externalAddress, internalAddress, logEndpoint, subject } from './log-endpoint.js';

/**
 * One view of an archived message. No published body shows this endpoint: the fields are the ones
 * Mimecast's get-view-logs reference lists, records flat in `data[]` and without an id.
 */
export interface ArchiveViewLog {
    viewer: string;
    source: string;
    viewed: string;
    messageDate: string;
    subject: string;
    from: string;
    to: string;
    discoveryCase: boolean;
    contentViewed: boolean;
}

const SOURCES = ['Archive Search', 'Administration Console', 'Mimecast for Outlook', 'Mimecast Personal Portal'];

export const archiveViewLogs: SeriesSpec<ArchiveViewLog> = {
    name: 'archiveViewLogs',
    defaultSize: 1_000,
    retentionMs: 30 * DAY_MS,
    make({ time, rng }) {
        const admin = rng.int(3) === 0;
        return {
            viewer: admin ? tenantUser(rng.int(5)).email : internalAddress(rng),
            source: rng.pick(SOURCES),
            viewed: formatDate(time),
            messageDate: formatDate(time - (1 + rng.int(400)) * DAY_MS),
            subject: subject(rng),
            from: externalAddress(rng),
            to: internalAddress(rng),
            discoveryCase: admin && rng.int(4) === 0,
            contentViewed: rng.int(5) !== 0
        };
    }
};

export default logEndpoint({ path: '/api/archive/get-view-logs', spec: archiveViewLogs, from: 'start', to: 'end' });

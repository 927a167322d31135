// Audit events: who did what in the Mimecast administration console and API.
// https://developer.services.mimecast.com/docs/auditevents/1/routes/api/audit/get-audit-events/post
import { createSync } from 'nango';
import * as z from 'zod';

import { OcsfEventSchema } from '../helpers/ocsf.js';
import { logStream, LogStreamCheckpoint, LogStreamMetadata, runLogStream } from '../helpers/log-stream.js';

const AuditEvent = z.object({
    id: z.string(),
    auditType: z.string(),
    user: z.string().optional(),
    eventTime: z.string(),
    eventInfo: z.string().optional(),
    category: z.string().optional(),
    /** The record as an OCSF 1.8.0 event (helpers/ocsf.ts), when the connection's metadata says {"ocsf": true}. */
    ocsf: OcsfEventSchema.optional()
});

const models = { AuditEvent };

const stream = logStream({
    models,
    model: 'AuditEvent',
    path: '/api/audit/get-audit-events',
    window: ['startDateTime', 'endDateTime'],
    // "Historical lookup is limited to the last 60 days" (Mimecast's get-audit-events reference).
    lookbackDays: 60,
    id: { from: 'id' },
    fields: { eventTime: 'date' },
    time: 'eventTime'
});

const sync = createSync({
    description:
        'Audit events of the Mimecast account (logins, policy and configuration changes, message actions), fetched incrementally by time window; Mimecast keeps 60 days, so a first run back-fills at most that.',
    version: '1.1.0',
    frequency: 'every 15 minutes',
    autoStart: true,
    syncType: 'incremental',
    scopes: ['Audit Events | Read'],
    models,
    metadata: LogStreamMetadata,
    checkpoint: LogStreamCheckpoint,
    endpoints: [{ method: 'GET', path: '/audit-events', group: 'Audit' }],

    exec: async (nango) => {
        await runLogStream(nango, stream);
    }
});

export type NangoSyncLocal = Parameters<(typeof sync)['exec']>[0];
export default sync;

// Data Leak Prevention logs: messages that hit a DLP policy, with the policy and the action taken.
// https://developer.services.mimecast.com/docs/threatsprotection/1/routes/api/dlp/get-logs/post
import { createSync } from 'nango';
import * as z from 'zod';

import { OcsfEventSchema } from '../helpers/ocsf.js';
import { logStream, LogStreamCheckpoint, LogStreamMetadata, runLogStream } from '../helpers/log-stream.js';

const DlpLog = z.object({
    /** DLP logs carry no Mimecast id: derived from the log's content (helpers/records.ts contentId). */
    id: z.string(),
    eventTime: z.string(),
    policy: z.string().optional(),
    action: z.string().optional(),
    status: z.string().optional(),
    senderAddress: z.string().optional(),
    recipientAddress: z.string().optional(),
    subject: z.string().optional(),
    messageId: z.string().optional(),
    route: z.string().optional(),
    /** The record as an OCSF 1.8.0 event (helpers/ocsf.ts), when the connection's metadata says {"ocsf": true}. */
    ocsf: OcsfEventSchema.optional()
});

const models = { DlpLog };

const stream = logStream({
    models,
    model: 'DlpLog',
    path: '/api/dlp/get-logs',
    recordsIn: 'dlpLogs',
    window: ['from', 'to'],
    id: 'content',
    fields: { eventTime: 'date' },
    time: 'eventTime'
});

const sync = createSync({
    description: 'Data Leak Prevention logs (messages that hit a DLP policy and the action taken), fetched incrementally by time window.',
    version: '1.1.0',
    frequency: 'every 15 minutes',
    autoStart: true,
    syncType: 'incremental',
    scopes: ['Data Leak Prevention | Logs | Read'],
    models,
    metadata: LogStreamMetadata,
    checkpoint: LogStreamCheckpoint,
    endpoints: [{ method: 'GET', path: '/dlp-logs', group: 'Data Leak Prevention' }],

    exec: async (nango) => {
        await runLogStream(nango, stream);
    }
});

export type NangoSyncLocal = Parameters<(typeof sync)['exec']>[0];
export default sync;

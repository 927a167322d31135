// Data Leak Prevention logs: messages that hit a DLP policy, with the policy and the action taken.
// https://developer.services.mimecast.com/docs/threatsprotection/1/routes/api/dlp/get-logs/post
import { createSync } from 'nango';
import * as z from 'zod';

import { LogStreamCheckpoint, LogStreamMetadata, runLogStream } from '../helpers/log-stream.js';
import { toIsoUtc } from '../helpers/dates.js';
import { contentId, optionalString, requiredString } from '../helpers/records.js';

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
    route: z.string().optional()
});
type DlpLog = z.infer<typeof DlpLog>;

const sync = createSync({
    description: 'Data Leak Prevention logs (messages that hit a DLP policy and the action taken), fetched incrementally by time window.',
    version: '1.0.0',
    frequency: 'every 15 minutes',
    autoStart: true,
    syncType: 'incremental',
    scopes: ['Data Leak Prevention | Logs | Read'],
    models: { DlpLog },
    metadata: LogStreamMetadata,
    checkpoint: LogStreamCheckpoint,
    endpoints: [{ method: 'GET', path: '/dlp-logs', group: 'Data Leak Prevention' }],

    exec: async (nango) => {
        await runLogStream<DlpLog>(nango, {
            model: 'DlpLog',
            path: '/api/dlp/get-logs',
            recordsIn: 'dlpLogs',
            from: 'from',
            to: 'to',
            toRecord: (raw) => ({
                id: contentId('DlpLog', raw),
                eventTime: toIsoUtc(requiredString(raw, 'eventTime')),
                policy: optionalString(raw, 'policy'),
                action: optionalString(raw, 'action'),
                status: optionalString(raw, 'status'),
                senderAddress: optionalString(raw, 'senderAddress'),
                recipientAddress: optionalString(raw, 'recipientAddress'),
                subject: optionalString(raw, 'subject'),
                messageId: optionalString(raw, 'messageId'),
                route: optionalString(raw, 'route')
            }),
            timeOf: (log) => log.eventTime
        });
    }
});

export type NangoSyncLocal = Parameters<(typeof sync)['exec']>[0];
export default sync;

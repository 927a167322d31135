// URL Protect click logs: every click on a rewritten link, with the scan verdict and what the user did.
// https://developer.services.mimecast.com/docs/threatsprotection/1/routes/api/ttp/url/get-logs/post
import { createSync } from 'nango';
import * as z from 'zod';

import { LogStreamCheckpoint, LogStreamMetadata, runLogStream } from '../helpers/log-stream.js';
import { toIsoUtc } from '../helpers/dates.js';
import { contentId, optionalString, optionalStrings, requiredString } from '../helpers/records.js';

const ClickLog = z.object({
    /** Click logs carry no Mimecast id: derived from the log's content (helpers/records.ts contentId). */
    id: z.string(),
    date: z.string(),
    url: z.string(),
    userEmailAddress: z.string().optional(),
    fromUserEmailAddress: z.string().optional(),
    subject: z.string().optional(),
    messageId: z.string().optional(),
    scanResult: z.string().optional(),
    category: z.string().optional(),
    action: z.string().optional(),
    actions: z.string().optional(),
    adminOverride: z.string().optional(),
    userOverride: z.string().optional(),
    userAwarenessAction: z.string().optional(),
    ttpDefinition: z.string().optional(),
    route: z.string().optional(),
    sendingIp: z.string().optional(),
    creationMethod: z.string().optional(),
    emailPartsDescription: z.array(z.string()).optional()
});
type ClickLog = z.infer<typeof ClickLog>;

const sync = createSync({
    description: 'URL Protect click logs (each click on a rewritten link, its scan result and the action taken), fetched incrementally by time window.',
    version: '1.0.0',
    frequency: 'every 15 minutes',
    autoStart: true,
    syncType: 'incremental',
    scopes: ['Targeted Threat Protection - URL Protect | Logs | Read'],
    models: { ClickLog },
    metadata: LogStreamMetadata,
    checkpoint: LogStreamCheckpoint,
    endpoints: [{ method: 'GET', path: '/ttp-url-logs', group: 'Threat Protection' }],

    exec: async (nango) => {
        await runLogStream<ClickLog>(nango, {
            model: 'ClickLog',
            path: '/api/ttp/url/get-logs',
            recordsIn: 'clickLogs',
            from: 'from',
            to: 'to',
            toRecord: (raw) => ({
                id: contentId('ClickLog', raw),
                date: toIsoUtc(requiredString(raw, 'date')),
                url: requiredString(raw, 'url'),
                userEmailAddress: optionalString(raw, 'userEmailAddress'),
                fromUserEmailAddress: optionalString(raw, 'fromUserEmailAddress'),
                subject: optionalString(raw, 'subject'),
                messageId: optionalString(raw, 'messageId'),
                scanResult: optionalString(raw, 'scanResult'),
                category: optionalString(raw, 'category'),
                action: optionalString(raw, 'action'),
                actions: optionalString(raw, 'actions'),
                adminOverride: optionalString(raw, 'adminOverride'),
                userOverride: optionalString(raw, 'userOverride'),
                userAwarenessAction: optionalString(raw, 'userAwarenessAction'),
                ttpDefinition: optionalString(raw, 'ttpDefinition'),
                route: optionalString(raw, 'route'),
                sendingIp: optionalString(raw, 'sendingIp'),
                creationMethod: optionalString(raw, 'creationMethod'),
                emailPartsDescription: optionalStrings(raw, 'emailPartsDescription')
            }),
            timeOf: (log) => log.date
        });
    }
});

export type NangoSyncLocal = Parameters<(typeof sync)['exec']>[0];
export default sync;

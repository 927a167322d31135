// URL Protect click logs: every click on a rewritten link, with the scan verdict and what the user did.
// https://developer.services.mimecast.com/docs/threatsprotection/1/routes/api/ttp/url/get-logs/post
import { createSync } from 'nango';
import * as z from 'zod';

import { OcsfEventSchema } from '../helpers/ocsf.js';
import { logStream, LogStreamCheckpoint, LogStreamMetadata, runLogStream } from '../helpers/log-stream.js';

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
    emailPartsDescription: z.array(z.string()).optional(),
    /** The record as an OCSF 1.8.0 event (helpers/ocsf.ts), when the connection's metadata says {"ocsf": true}. */
    ocsf: OcsfEventSchema.optional()
});

const models = { ClickLog };

const stream = logStream({
    models,
    model: 'ClickLog',
    path: '/api/ttp/url/get-logs',
    recordsIn: 'clickLogs',
    window: ['from', 'to'],
    id: 'content',
    fields: { date: 'date' },
    time: 'date'
});

const sync = createSync({
    description: 'URL Protect click logs (each click on a rewritten link, its scan result and the action taken), fetched incrementally by time window.',
    version: '1.1.0',
    frequency: 'every 15 minutes',
    autoStart: true,
    syncType: 'incremental',
    scopes: ['Targeted Threat Protection - URL Protect | Logs | Read'],
    models,
    metadata: LogStreamMetadata,
    checkpoint: LogStreamCheckpoint,
    endpoints: [{ method: 'GET', path: '/ttp-url-logs', group: 'Threat Protection' }],

    exec: async (nango) => {
        await runLogStream(nango, stream);
    }
});

export type NangoSyncLocal = Parameters<(typeof sync)['exec']>[0];
export default sync;

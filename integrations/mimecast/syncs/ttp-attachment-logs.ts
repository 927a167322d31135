// Attachment Protect logs: every attachment sandboxed, with its verdict and the action triggered.
// https://developer.services.mimecast.com/docs/threatsprotection/1/routes/api/ttp/attachment/get-logs/post
import { createSync } from 'nango';
import * as z from 'zod';

import { OcsfEventSchema } from '../helpers/ocsf.js';
import { logStream, LogStreamCheckpoint, LogStreamMetadata, runLogStream } from '../helpers/log-stream.js';

const AttachmentLog = z.object({
    /** Attachment logs carry no Mimecast id: derived from the log's content (helpers/records.ts contentId). */
    id: z.string(),
    date: z.string(),
    result: z.string(),
    fileName: z.string().optional(),
    fileType: z.string().optional(),
    senderAddress: z.string().optional(),
    recipientAddress: z.string().optional(),
    messageId: z.string().optional(),
    subject: z.string().optional(),
    /** SHA-256 of the file (published samples carry it). */
    fileHash: z.string().optional(),
    /** The Attachment Protect definition applied. */
    definition: z.string().optional(),
    actionTriggered: z.string().optional(),
    route: z.string().optional(),
    details: z.string().optional(),
    /** The record as an OCSF 1.8.0 event (helpers/ocsf.ts), when the connection's metadata says {"ocsf": true}. */
    ocsf: OcsfEventSchema.optional()
});

const models = { AttachmentLog };

const stream = logStream({
    models,
    model: 'AttachmentLog',
    path: '/api/ttp/attachment/get-logs',
    recordsIn: 'attachmentLogs',
    window: ['from', 'to'],
    id: 'content',
    fields: { date: 'date' },
    time: 'date'
});

const sync = createSync({
    description: 'Attachment Protect logs (each attachment sandboxed, its verdict and the action triggered), fetched incrementally by time window.',
    version: '1.2.0',
    frequency: 'every 15 minutes',
    autoStart: true,
    syncType: 'incremental',
    scopes: ['Targeted Threat Protection - Attachment Protect | Logs | Read'],
    models,
    metadata: LogStreamMetadata,
    checkpoint: LogStreamCheckpoint,
    endpoints: [{ method: 'GET', path: '/ttp-attachment-logs', group: 'Threat Protection' }],

    exec: async (nango) => {
        await runLogStream(nango, stream);
    }
});

export type NangoSyncLocal = Parameters<(typeof sync)['exec']>[0];
export default sync;

// Archive search logs: who searched the archive, for what, and with which stated reason.
// https://developer.services.mimecast.com/docs/cloudarchive/1/routes/api/archive/get-archive-search-logs/post
import { createSync } from 'nango';
import * as z from 'zod';

import { OcsfEventSchema } from '../helpers/ocsf.js';
import { logStream, LogStreamCheckpoint, LogStreamMetadata, runLogStream } from '../helpers/log-stream.js';

const ArchiveSearchLog = z.object({
    /** Archive search logs carry no Mimecast id: derived from the log's content (helpers/records.ts contentId). */
    id: z.string(),
    createTime: z.string(),
    emailAddr: z.string().optional(),
    source: z.string().optional(),
    searchText: z.string().optional(),
    searchReason: z.string().optional(),
    isAdmin: z.boolean().optional(),
    description: z.string().optional(),
    /** The record as an OCSF 1.8.0 event (helpers/ocsf.ts), when the connection's metadata says {"ocsf": true}. */
    ocsf: OcsfEventSchema.optional()
});

const models = { ArchiveSearchLog };

const stream = logStream({
    models,
    model: 'ArchiveSearchLog',
    path: '/api/archive/get-archive-search-logs',
    recordsIn: 'logs',
    window: ['start', 'end'],
    id: 'content',
    fields: { createTime: 'date' },
    time: 'createTime'
});

const sync = createSync({
    description: 'Archive search logs (who searched the archive, the search text and the stated reason), fetched incrementally by time window.',
    version: '1.1.0',
    frequency: 'every hour',
    autoStart: true,
    syncType: 'incremental',
    scopes: ['Mimecast Cloud Archive | Archive | Search Logs | Read'],
    models,
    metadata: LogStreamMetadata,
    checkpoint: LogStreamCheckpoint,
    endpoints: [{ method: 'GET', path: '/archive-search-logs', group: 'Archive' }],

    exec: async (nango) => {
        await runLogStream(nango, stream);
    }
});

export type NangoSyncLocal = Parameters<(typeof sync)['exec']>[0];
export default sync;

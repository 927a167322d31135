// Archive search logs: who searched the archive, for what, and with which stated reason.
// https://developer.services.mimecast.com/docs/cloudarchive/1/routes/api/archive/get-archive-search-logs/post
import { createSync } from 'nango';
import * as z from 'zod';

import { LogStreamCheckpoint, LogStreamMetadata, runLogStream } from '../helpers/log-stream.js';
import { toIsoUtc } from '../helpers/dates.js';
import { contentId, optionalBoolean, optionalString, requiredString } from '../helpers/records.js';

const ArchiveSearchLog = z.object({
    /** Archive search logs carry no Mimecast id: derived from the log's content (helpers/records.ts contentId). */
    id: z.string(),
    createTime: z.string(),
    emailAddr: z.string().optional(),
    source: z.string().optional(),
    searchText: z.string().optional(),
    searchReason: z.string().optional(),
    isAdmin: z.boolean().optional(),
    description: z.string().optional()
});
type ArchiveSearchLog = z.infer<typeof ArchiveSearchLog>;

const sync = createSync({
    description: 'Archive search logs (who searched the archive, the search text and the stated reason), fetched incrementally by time window.',
    version: '1.0.0',
    frequency: 'every hour',
    autoStart: true,
    syncType: 'incremental',
    scopes: ['Mimecast Cloud Archive | Archive | Search Logs | Read'],
    models: { ArchiveSearchLog },
    metadata: LogStreamMetadata,
    checkpoint: LogStreamCheckpoint,
    endpoints: [{ method: 'GET', path: '/archive-search-logs', group: 'Archive' }],

    exec: async (nango) => {
        await runLogStream<ArchiveSearchLog>(nango, {
            model: 'ArchiveSearchLog',
            path: '/api/archive/get-archive-search-logs',
            recordsIn: 'logs',
            from: 'start',
            to: 'end',
            toRecord: (raw) => ({
                id: contentId('ArchiveSearchLog', raw),
                createTime: toIsoUtc(requiredString(raw, 'createTime')),
                emailAddr: optionalString(raw, 'emailAddr'),
                source: optionalString(raw, 'source'),
                searchText: optionalString(raw, 'searchText'),
                searchReason: optionalString(raw, 'searchReason'),
                isAdmin: optionalBoolean(raw, 'isAdmin'),
                description: optionalString(raw, 'description')
            }),
            timeOf: (log) => log.createTime
        });
    }
});

export type NangoSyncLocal = Parameters<(typeof sync)['exec']>[0];
export default sync;

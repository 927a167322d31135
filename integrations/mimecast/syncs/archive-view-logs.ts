// Archive view logs: who opened which archived message, from where, and whether its content was shown.
// https://developer.services.mimecast.com/docs/cloudarchive/1/routes/api/archive/get-view-logs/post
// No published response body shows this endpoint (tests/contract/INDEX.md, "Endpoints with no public
// sample"): the fields are those Mimecast's reference lists; records sit flat in `data[]`.
import { createSync } from 'nango';
import * as z from 'zod';

import { logStream, LogStreamCheckpoint, LogStreamMetadata, runLogStream } from '../helpers/log-stream.js';
import { OcsfEventSchema } from '../helpers/ocsf.js';

const ArchiveViewLog = z.object({
    /** View logs carry no Mimecast id: derived from the log's content (helpers/records.ts contentId). */
    id: z.string(),
    /** When the message was viewed (Mimecast's `viewed`), ISO 8601 UTC. */
    viewed: z.string(),
    /** The mailbox that viewed it. */
    viewer: z.string().optional(),
    /** Where it was viewed, e.g. the Administration Console or an end-user app. */
    source: z.string().optional(),
    messageDate: z.string().optional(),
    subject: z.string().optional(),
    from: z.string().optional(),
    to: z.string().optional(),
    discoveryCase: z.boolean().optional(),
    contentViewed: z.boolean().optional(),
    /** The record as an OCSF 1.8.0 event (helpers/ocsf.ts: API Activity, Read), when the connection's metadata says {"ocsf": true}. */
    ocsf: OcsfEventSchema.optional()
});

const models = { ArchiveViewLog };

const stream = logStream({
    models,
    model: 'ArchiveViewLog',
    path: '/api/archive/get-view-logs',
    window: ['start', 'end'],
    id: 'content',
    fields: { viewed: 'date', messageDate: 'date', from: 'address', to: 'address' },
    time: 'viewed'
});

const sync = createSync({
    description: 'Archive view logs (who viewed which archived message, from where, and whether its content was shown), fetched incrementally by time window.',
    version: '1.2.0',
    frequency: 'every hour',
    autoStart: true,
    syncType: 'incremental',
    scopes: ['Mimecast Cloud Archive | Archive | View Logs | Read'],
    models,
    metadata: LogStreamMetadata,
    checkpoint: LogStreamCheckpoint,
    endpoints: [{ method: 'GET', path: '/archive-view-logs', group: 'Archive' }],

    exec: async (nango) => {
        await runLogStream(nango, stream);
    }
});

export type NangoSyncLocal = Parameters<(typeof sync)['exec']>[0];
export default sync;

// Held release logs: messages released from (or rejected in) the hold queue, by whom and why they were held.
// https://developer.services.mimecast.com/docs/emailsecuritycloudgateway/1/routes/api/gateway/get-held-release-logs/post
import { createSync } from 'nango';
import * as z from 'zod';

import { OcsfEventSchema } from '../helpers/ocsf.js';
import { logStream, LogStreamCheckpoint, LogStreamMetadata, runLogStream } from '../helpers/log-stream.js';

const HeldReleaseLog = z.object({
    /** Mimecast's id of the released message; derived from the content (contentId) if a log comes without one. */
    id: z.string(),
    /** When the message was released or rejected; some published logs carry no `released`, and are saved without it. */
    released: z.string().optional(),
    /** `released` or `rejected`. */
    status: z.string().optional(),
    subject: z.string().optional(),
    /** Envelope and header senders, flattened from Mimecast's `{displayableName, emailAddress}`. */
    fromEnv: z.string().optional(),
    fromHdr: z.string().optional(),
    to: z.array(z.string()).optional(),
    /** Who released or rejected it. */
    operator: z.string().optional(),
    /** Why the message was held (Mimecast's `heldReason`, e.g. the policy definition's name). */
    heldReason: z.string().optional(),
    /** A `reason` field, should a tenant send one (no published sample does; `heldReason` is the hold reason). */
    reason: z.string().optional(),
    rejectReason: z.string().optional(),
    policy: z.string().optional(),
    heldGroup: z.string().optional(),
    detectionLevel: z.string().optional(),
    route: z.string().optional(),
    size: z.number().optional(),
    spamScore: z.number().optional(),
    attachments: z.boolean().optional(),
    messageInfo: z.string().optional(),
    /** The record as an OCSF 1.8.0 event (helpers/ocsf.ts), when the connection's metadata says {"ocsf": true}. */
    ocsf: OcsfEventSchema.optional()
});

const models = { HeldReleaseLog };

const stream = logStream({
    models,
    model: 'HeldReleaseLog',
    path: '/api/gateway/get-held-release-logs',
    recordsIn: 'heldReleaseLogs',
    window: ['start', 'end'],
    id: { from: 'id', orContent: true },
    fields: { released: 'date', fromEnv: 'address', fromHdr: 'address', to: 'addresses', operator: 'address' },
    time: 'released'
});

const sync = createSync({
    description:
        'Held message release logs (messages released from or rejected in the hold queue, by whom, and why they were held), fetched incrementally by time window.',
    version: '1.2.0',
    frequency: 'every 15 minutes',
    autoStart: true,
    syncType: 'incremental',
    scopes: ['Email Security Cloud Gateway | Gateway | Held Messages | Read'],
    models,
    metadata: LogStreamMetadata,
    checkpoint: LogStreamCheckpoint,
    endpoints: [{ method: 'GET', path: '/held-release-logs', group: 'Gateway' }],

    exec: async (nango) => {
        await runLogStream(nango, stream);
    }
});

export type NangoSyncLocal = Parameters<(typeof sync)['exec']>[0];
export default sync;

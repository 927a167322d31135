// Held release logs: messages released from (or rejected in) the hold queue, by whom and why they were held.
// https://developer.services.mimecast.com/docs/emailsecuritycloudgateway/1/routes/api/gateway/get-held-release-logs/post
import { createSync } from 'nango';
import * as z from 'zod';

import { LogStreamCheckpoint, LogStreamMetadata, runLogStream } from '../helpers/log-stream.js';
import { optionalIsoUtc } from '../helpers/dates.js';
import { contentId, optionalAddress, optionalBoolean, optionalNumber, optionalString } from '../helpers/records.js';

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
    messageInfo: z.string().optional()
});
type HeldReleaseLog = z.infer<typeof HeldReleaseLog>;

const sync = createSync({
    description: 'Held message release logs (messages released from or rejected in the hold queue, by whom, and why they were held), fetched incrementally by time window.',
    version: '1.1.0',
    frequency: 'every 15 minutes',
    autoStart: true,
    syncType: 'incremental',
    scopes: ['Email Security Cloud Gateway | Gateway | Held Messages | Read'],
    models: { HeldReleaseLog },
    metadata: LogStreamMetadata,
    checkpoint: LogStreamCheckpoint,
    endpoints: [{ method: 'GET', path: '/held-release-logs', group: 'Gateway' }],

    exec: async (nango) => {
        await runLogStream<HeldReleaseLog>(nango, {
            model: 'HeldReleaseLog',
            path: '/api/gateway/get-held-release-logs',
            recordsIn: 'heldReleaseLogs',
            from: 'start',
            to: 'end',
            toRecord: (raw) => {
                const to = Array.isArray(raw['to']) ? raw['to'].map(optionalAddress).filter((a): a is string => a !== undefined) : [];
                return {
                    id: optionalString(raw, 'id') ?? contentId('HeldReleaseLog', raw),
                    released: optionalIsoUtc(raw['released']),
                    status: optionalString(raw, 'status'),
                    subject: optionalString(raw, 'subject'),
                    fromEnv: optionalAddress(raw['fromEnv']),
                    fromHdr: optionalAddress(raw['fromHdr']),
                    to: to.length > 0 ? to : undefined,
                    operator: optionalAddress(raw['operator']),
                    heldReason: optionalString(raw, 'heldReason'),
                    reason: optionalString(raw, 'reason'),
                    rejectReason: optionalString(raw, 'rejectReason'),
                    policy: optionalString(raw, 'policy'),
                    heldGroup: optionalString(raw, 'heldGroup'),
                    detectionLevel: optionalString(raw, 'detectionLevel'),
                    route: optionalString(raw, 'route'),
                    size: optionalNumber(raw, 'size'),
                    spamScore: optionalNumber(raw, 'spamScore'),
                    attachments: optionalBoolean(raw, 'attachments'),
                    messageInfo: optionalString(raw, 'messageInfo')
                };
            },
            timeOf: (log) => log.released
        });
    }
});

export type NangoSyncLocal = Parameters<(typeof sync)['exec']>[0];
export default sync;

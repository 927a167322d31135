// Impersonation Protect logs: messages that imitate internal people or domains, with the identifiers hit.
// https://developer.services.mimecast.com/docs/threatsprotection/1/routes/api/ttp/impersonation/get-logs/post
import { createSync } from 'nango';
import * as z from 'zod';

import { OcsfEventSchema } from '../helpers/ocsf.js';
import { isObject } from '../helpers/api.js';
import { logStream, LogStreamCheckpoint, LogStreamMetadata, runLogStream } from '../helpers/log-stream.js';
import { optionalString } from '../helpers/records.js';

const ImpersonationLog = z.object({
    /** Mimecast's id of the log entry; derived from the content (contentId) for a log that comes without one. */
    id: z.string(),
    /** `eventTime` (most samples) or `date` (one published sample shaped like a click log). */
    eventTime: z.string(),
    senderAddress: z.string().optional(),
    senderName: z.string().optional(),
    senderIpAddress: z.string().optional(),
    recipientAddress: z.string().optional(),
    subject: z.string().optional(),
    messageId: z.string().optional(),
    definition: z.string().optional(),
    hits: z.number().optional(),
    identifiers: z.array(z.string()).optional(),
    action: z.string().optional(),
    taggedExternal: z.boolean().optional(),
    taggedMalicious: z.boolean().optional(),
    /** The look-alike checks that hit, e.g. `{impersonationDomainSource: 'internal_user_name', similarDomain, stringSimilarToDomain, checkerResult: 'hit'}`. */
    impersonationResults: z
        .array(
            z.object({
                impersonationDomainSource: z.string().optional(),
                similarDomain: z.string().optional(),
                stringSimilarToDomain: z.string().optional(),
                checkerResult: z.string().optional()
            })
        )
        .optional(),
    /** The record as an OCSF 1.8.0 event (helpers/ocsf.ts), when the connection's metadata says {"ocsf": true}. */
    ocsf: OcsfEventSchema.optional()
});

const models = { ImpersonationLog };

const stream = logStream({
    models,
    model: 'ImpersonationLog',
    path: '/api/ttp/impersonation/get-logs',
    recordsIn: 'impersonationLogs',
    window: ['from', 'to'],
    id: { from: 'id', orContent: true },
    // Second spellings: the one published sample shaped like a click log (Rapid7's).
    fields: {
        eventTime: { from: ['eventTime', 'date'], read: 'date' },
        senderAddress: { from: ['senderAddress', 'fromUserEmailAddress'] },
        senderIpAddress: { from: ['senderIpAddress', 'sendingIp'] },
        recipientAddress: { from: ['recipientAddress', 'userEmailAddress'] },
        definition: { from: ['definition', 'ttpDefinition'] },
        impersonationResults: {
            read: (value) =>
                Array.isArray(value)
                    ? value.filter(isObject).map((r) => ({
                          impersonationDomainSource: optionalString(r, 'impersonationDomainSource'),
                          similarDomain: optionalString(r, 'similarDomain'),
                          stringSimilarToDomain: optionalString(r, 'stringSimilarToDomain'),
                          checkerResult: optionalString(r, 'checkerResult')
                      }))
                    : undefined
        }
    },
    time: 'eventTime'
});

const sync = createSync({
    description:
        'Impersonation Protect logs (messages imitating internal people or domains, the identifiers hit and the action), fetched incrementally by time window.',
    version: '1.3.0',
    frequency: 'every 15 minutes',
    autoStart: true,
    syncType: 'incremental',
    scopes: ['Targeted Threat Protection - Impersonation Protect | Logs | Read'],
    models,
    metadata: LogStreamMetadata,
    checkpoint: LogStreamCheckpoint,
    endpoints: [{ method: 'GET', path: '/ttp-impersonation-logs', group: 'Threat Protection' }],

    exec: async (nango) => {
        await runLogStream(nango, stream);
    }
});

export type NangoSyncLocal = Parameters<(typeof sync)['exec']>[0];
export default sync;

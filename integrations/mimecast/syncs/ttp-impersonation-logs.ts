// Impersonation Protect logs: messages that imitate internal people or domains, with the identifiers hit.
// https://developer.services.mimecast.com/docs/threatsprotection/1/routes/api/ttp/impersonation/get-logs/post
import { createSync } from 'nango';
import * as z from 'zod';

import { isObject } from '../helpers/api.js';
import { LogStreamCheckpoint, LogStreamMetadata, runLogStream } from '../helpers/log-stream.js';
import { toIsoUtc } from '../helpers/dates.js';
import { contentId, optionalBoolean, optionalNumber, optionalString, optionalStrings, requiredString } from '../helpers/records.js';

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
        .optional()
});
type ImpersonationLog = z.infer<typeof ImpersonationLog>;

const sync = createSync({
    description: 'Impersonation Protect logs (messages imitating internal people or domains, the identifiers hit and the action), fetched incrementally by time window.',
    version: '1.1.0',
    frequency: 'every 15 minutes',
    autoStart: true,
    syncType: 'incremental',
    scopes: ['Targeted Threat Protection - Impersonation Protect | Logs | Read'],
    models: { ImpersonationLog },
    metadata: LogStreamMetadata,
    checkpoint: LogStreamCheckpoint,
    endpoints: [{ method: 'GET', path: '/ttp-impersonation-logs', group: 'Threat Protection' }],

    exec: async (nango) => {
        await runLogStream<ImpersonationLog>(nango, {
            model: 'ImpersonationLog',
            path: '/api/ttp/impersonation/get-logs',
            recordsIn: 'impersonationLogs',
            from: 'from',
            to: 'to',
            toRecord: (raw) => ({
                id: optionalString(raw, 'id') ?? contentId('ImpersonationLog', raw),
                eventTime: toIsoUtc(requiredString(raw, ['eventTime', 'date'])),
                senderAddress: optionalString(raw, ['senderAddress', 'fromUserEmailAddress']),
                senderName: optionalString(raw, 'senderName'),
                senderIpAddress: optionalString(raw, ['senderIpAddress', 'sendingIp']),
                recipientAddress: optionalString(raw, ['recipientAddress', 'userEmailAddress']),
                subject: optionalString(raw, 'subject'),
                messageId: optionalString(raw, 'messageId'),
                definition: optionalString(raw, ['definition', 'ttpDefinition']),
                hits: optionalNumber(raw, 'hits'),
                identifiers: optionalStrings(raw, 'identifiers'),
                action: optionalString(raw, 'action'),
                taggedExternal: optionalBoolean(raw, 'taggedExternal'),
                taggedMalicious: optionalBoolean(raw, 'taggedMalicious'),
                impersonationResults: Array.isArray(raw['impersonationResults'])
                    ? raw['impersonationResults'].filter(isObject).map((r) => ({
                          impersonationDomainSource: optionalString(r, 'impersonationDomainSource'),
                          similarDomain: optionalString(r, 'similarDomain'),
                          stringSimilarToDomain: optionalString(r, 'stringSimilarToDomain'),
                          checkerResult: optionalString(r, 'checkerResult')
                      }))
                    : undefined
            }),
            timeOf: (log) => log.eventTime
        });
    }
});

export type NangoSyncLocal = Parameters<(typeof sync)['exec']>[0];
export default sync;

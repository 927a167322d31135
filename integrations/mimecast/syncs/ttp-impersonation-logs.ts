// Impersonation Protect logs: messages that imitate internal people or domains, with the identifiers hit.
// https://developer.services.mimecast.com/docs/threatsprotection/1/routes/api/ttp/impersonation/get-logs/post
import { createSync } from 'nango';
import * as z from 'zod';

import { isObject } from '../helpers/api.js';
import { LogStreamCheckpoint, LogStreamMetadata, syncLogStream } from '../helpers/log-stream.js';
import { toIsoUtc } from '../helpers/dates.js';
import { optionalBoolean, optionalNumber, optionalString, optionalStrings, requiredString } from '../helpers/records.js';

const ImpersonationLog = z.object({
    /** Mimecast's id of the log entry. */
    id: z.string(),
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
    /** The look-alike domains found, e.g. `{impersonationDomainSource: 'similar_internal_domain', stringSimilarToDomain}`. */
    impersonationResults: z.array(z.object({ impersonationDomainSource: z.string().optional(), stringSimilarToDomain: z.string().optional() })).optional()
});
type ImpersonationLog = z.infer<typeof ImpersonationLog>;

const sync = createSync({
    description: 'Impersonation Protect logs (messages imitating internal people or domains, the identifiers hit and the action), fetched incrementally by time window.',
    version: '1.0.0',
    frequency: 'every 15 minutes',
    autoStart: true,
    syncType: 'incremental',
    scopes: ['Targeted Threat Protection - Impersonation Protect | Logs | Read'],
    models: { ImpersonationLog },
    metadata: LogStreamMetadata,
    checkpoint: LogStreamCheckpoint,
    endpoints: [{ method: 'GET', path: '/ttp-impersonation-logs', group: 'Threat Protection' }],

    exec: async (nango) => {
        await syncLogStream<ImpersonationLog>(nango, {
            model: 'ImpersonationLog',
            path: '/api/ttp/impersonation/get-logs',
            recordsIn: 'impersonationLogs',
            from: 'from',
            to: 'to',
            toRecord: (raw) => ({
                id: requiredString(raw, 'id'),
                eventTime: toIsoUtc(requiredString(raw, 'eventTime')),
                senderAddress: optionalString(raw, 'senderAddress'),
                senderName: optionalString(raw, 'senderName'),
                senderIpAddress: optionalString(raw, 'senderIpAddress'),
                recipientAddress: optionalString(raw, 'recipientAddress'),
                subject: optionalString(raw, 'subject'),
                messageId: optionalString(raw, 'messageId'),
                definition: optionalString(raw, 'definition'),
                hits: optionalNumber(raw, 'hits'),
                identifiers: optionalStrings(raw, 'identifiers'),
                action: optionalString(raw, 'action'),
                taggedExternal: optionalBoolean(raw, 'taggedExternal'),
                taggedMalicious: optionalBoolean(raw, 'taggedMalicious'),
                impersonationResults: Array.isArray(raw['impersonationResults'])
                    ? raw['impersonationResults'].filter(isObject).map((r) => ({
                          impersonationDomainSource: optionalString(r, 'impersonationDomainSource'),
                          stringSimilarToDomain: optionalString(r, 'stringSimilarToDomain')
                      }))
                    : undefined
            }),
            timeOf: (log) => log.eventTime
        });
    }
});

export type NangoSyncLocal = Parameters<(typeof sync)['exec']>[0];
export default sync;

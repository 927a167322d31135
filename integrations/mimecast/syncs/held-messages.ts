// Held messages: the hold queue administrators review (spam, policy and attachment holds).
// https://developer.services.mimecast.com/docs/threatsandsecurityeventsdata/1/routes/api/gateway/get-hold-message-list/post
// A released or rejected message leaves the queue, so this is a full refresh with delete tracking:
// the run after a release deletes that record.
import { createSync } from 'nango';
import * as z from 'zod';

import { toIsoUtc } from '../helpers/dates.js';
import { listAll, syncFullRefresh } from '../helpers/full-refresh.js';
import { addressOf } from '../helpers/messages.js';
import { optionalBoolean, optionalNumber, optionalString, requiredString } from '../helpers/records.js';

const HeldMessage = z.object({
    id: z.string(),
    reason: z.string().optional(),
    reasonId: z.string().optional(),
    reasonCode: z.string().optional(),
    /** Envelope sender (MAIL FROM) address. */
    from: z.string().optional(),
    fromName: z.string().optional(),
    /** Sender address of the From: header (what the recipient sees). */
    fromHeader: z.string().optional(),
    fromHeaderName: z.string().optional(),
    to: z.string().optional(),
    toName: z.string().optional(),
    subject: z.string().optional(),
    route: z.string().optional(),
    hasAttachments: z.boolean().optional(),
    size: z.number().optional(),
    dateReceived: z.string(),
    policyInfo: z.string().optional()
});
type HeldMessage = z.infer<typeof HeldMessage>;

/** The hold queue is small and wanted in full: Mimecast's common page size. */
const PAGE_SIZE = 100;

const sync = createSync({
    description: 'Messages in the Mimecast hold queue (all recipients), refreshed in full; released or rejected messages are deleted.',
    version: '1.0.0',
    frequency: 'every 15 minutes',
    autoStart: true,
    syncType: 'full',
    scopes: ['Account | Dashboard | Read'],
    models: { HeldMessage },
    endpoints: [{ method: 'GET', path: '/held-messages', group: 'Held Messages' }],

    exec: async (nango) => {
        await syncFullRefresh<HeldMessage>(
            nango,
            'HeldMessage',
            listAll(nango, {
                path: '/api/gateway/get-hold-message-list',
                // admin: true = held messages of every recipient, not only the API user's own.
                data: { admin: true },
                pageSize: PAGE_SIZE,
                toRecord: toHeldMessage
            })
        );
    }
});

/** from, fromHeader and to are `{emailAddress, displayableName}` objects here: flattened to strings. */
function toHeldMessage(raw: Record<string, unknown>): HeldMessage {
    const from = addressOf(raw['from']);
    const fromHeader = addressOf(raw['fromHeader']);
    const to = addressOf(raw['to']);
    return {
        id: requiredString(raw, 'id'),
        reason: optionalString(raw, 'reason'),
        reasonId: optionalString(raw, 'reasonId'),
        reasonCode: optionalString(raw, 'reasonCode'),
        from: from.email,
        fromName: from.name,
        fromHeader: fromHeader.email,
        fromHeaderName: fromHeader.name,
        to: to.email,
        toName: to.name,
        subject: optionalString(raw, 'subject'),
        route: optionalString(raw, 'route'),
        hasAttachments: optionalBoolean(raw, 'hasAttachments'),
        size: optionalNumber(raw, 'size'),
        dateReceived: toIsoUtc(requiredString(raw, 'dateReceived')),
        policyInfo: optionalString(raw, 'policyInfo')
    };
}

export type NangoSyncLocal = Parameters<(typeof sync)['exec']>[0];
export default sync;

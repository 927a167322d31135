// Rejects held messages (one or many); the sender can be notified with a reason.
// https://developer.services.mimecast.com/docs/threatsandsecurityeventsdata/1/routes/api/gateway/hold-reject/post
// Mimecast answers per id (`data: [{id, reject: bool}]`) inside HTTP 200: the output is per id, and an id
// Mimecast did not reject (or left out of its answer) is reported as not rejected, never as success.
import { createAction } from 'nango';
import * as z from 'zod';

import { mimecastAction, parseInput } from '../helpers/actions.js';
import { callMimecast, isObject } from '../helpers/api.js';
import { boundedList, freeText, heldMessageId } from '../helpers/inputs.js';

/** Mimecast's reject reasons, in its words. */
const RejectReasonType = z.enum([
    'MESSAGE_CONTAINS_UNDESIRABLE_CONTENT',
    'MESSAGE_CONTAINS_CONFIDENTIAL_INFORMATION',
    'REVIEWER_DISAPPROVES_OF_CONTENT',
    'INAPPROPRIATE_COMMUNICATION',
    'MESSAGE_GOES_AGAINST_EMAIL_POLICIES'
]);

const MAX_IDS = 100;

const RejectHeldMessagesInput = z
    .object({
        /** Held message ids (HeldMessage.id), 1 to 100 per call (Mimecast documents no limit; 100 is its default page of held messages). */
        ids: boundedList(heldMessageId, MAX_IDS, 'held message id'),
        /** Text of the rejection notice sent to the sender: the one free-text input that may span lines. */
        message: freeText(2000, { multiline: true }).optional(),
        reasonType: RejectReasonType.optional(),
        /** Notify the sender of the rejection. */
        notify: z.boolean().optional()
    })
    .strict();

const RejectHeldMessagesOutput = z.object({
    results: z.array(z.object({ id: z.string(), rejected: z.boolean() })),
    rejectedCount: z.number(),
    failedCount: z.number(),
    /** True only when every requested id was rejected. */
    allSucceeded: z.boolean()
});

const PATH = '/api/gateway/hold-reject';

const action = createAction({
    description: 'Rejects one or more held messages, optionally notifying the sender with a reason; reports the result per id.',
    version: '1.0.0',
    scopes: ['Account | Monitoring | Held | Edit'],
    endpoint: { method: 'POST', path: '/held-messages/reject', group: 'Held Messages' },
    input: RejectHeldMessagesInput,
    output: RejectHeldMessagesOutput,

    exec: async (nango, rawInput) => {
        const input = parseInput(nango, RejectHeldMessagesInput, rawInput);
        const ids = [...new Set(input.ids)];
        return mimecastAction(nango, async () => {
            const page = await callMimecast(nango, {
                path: PATH,
                data: { ids, message: input.message, reasonType: input.reasonType, notify: input.notify }
            });
            const rejected = new Set(
                page.data.filter((item): item is Record<string, unknown> => isObject(item) && item['reject'] === true).map((item) => String(item['id']))
            );
            const results = ids.map((id) => ({ id, rejected: rejected.has(id) }));
            const rejectedCount = results.filter((r) => r.rejected).length;
            return { results, rejectedCount, failedCount: results.length - rejectedCount, allSucceeded: rejectedCount === results.length };
        });
    }
});

export type NangoActionLocal = Parameters<(typeof action)['exec']>[0];
export default action;

// Releases one message from the hold queue to its recipient.
// https://developer.services.mimecast.com/docs/threatsandsecurityeventsdata/1/routes/api/gateway/hold-release/post
// Mimecast answers HTTP 200 with `data: [{id, release: false}]` when it did not release the message
// (unknown id, already released or rejected): that is a failure, raised as an ActionError, never a success.
import { createAction } from 'nango';
import * as z from 'zod';

import { mimecastAction, parseInput } from '../helpers/actions.js';
import { callMimecast, isObject } from '../helpers/api.js';
import { heldMessageId } from '../helpers/inputs.js';

const ReleaseHeldMessageInput = z
    .object({
        /** The held message id, as in the held-messages sync (HeldMessage.id). */
        id: heldMessageId
    })
    .strict();

const ReleaseHeldMessageOutput = z.object({
    id: z.string(),
    /** Always true: a message Mimecast did not release raises an ActionError with code `release_failed`. */
    released: z.boolean()
});

const PATH = '/api/gateway/hold-release';

const action = createAction({
    description: 'Releases a held message to its recipient. Fails with code release_failed when Mimecast does not release it.',
    version: '1.0.0',
    scopes: ['Account | Monitoring | Held | Edit'],
    endpoint: { method: 'POST', path: '/held-messages/release', group: 'Held Messages' },
    input: ReleaseHeldMessageInput,
    output: ReleaseHeldMessageOutput,

    exec: async (nango, rawInput) => {
        const input = parseInput(nango, ReleaseHeldMessageInput, rawInput);
        const released = await mimecastAction(nango, async () => {
            const page = await callMimecast(nango, { path: PATH, data: { id: input.id } });
            // The result for our id; a response without it did not release anything.
            const result = page.data.find((item) => isObject(item) && item['id'] === input.id);
            return isObject(result) && result['release'] === true;
        });
        if (!released) {
            throw new nango.ActionError({
                code: 'release_failed',
                message: `Mimecast did not release held message ${input.id}: it is not in the hold queue (already released or rejected, or an unknown id)`,
                id: input.id,
                released: false,
                retryable: false
            });
        }
        return { id: input.id, released: true };
    }
});

export type NangoActionLocal = Parameters<(typeof action)['exec']>[0];
export default action;

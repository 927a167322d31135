// Deletes a blocked-sender policy by id (from the blocked-sender-policies sync or create-blocked-sender-policy).
// https://developer.services.mimecast.com/docs/policymanagement/1/routes/api/policy/blockedsenders/delete-policy/post
import { createAction } from 'nango';
import * as z from 'zod';

import { mimecastAction, parseInput } from '../helpers/actions.js';
import { callMimecast, isObject, MimecastError } from '../helpers/api.js';
import { blockedSenderPolicyId } from '../helpers/inputs.js';

const PATH = '/api/policy/blockedsenders/delete-policy';

const DeleteBlockedSenderPolicyInput = z
    .object({
        /** The policy's Mimecast id. */
        id: blockedSenderPolicyId
    })
    .strict();

const DeleteBlockedSenderPolicyOutput = z.object({
    id: z.string(),
    deleted: z.boolean()
});

const action = createAction({
    description: 'Deletes a blocked-sender policy by id. The next blocked-sender-policies sync deletes the record.',
    version: '1.0.0',
    scopes: ['Gateway | Policies | Edit'],
    endpoint: { method: 'DELETE', path: '/blocked-sender-policies', group: 'Policies' },
    input: DeleteBlockedSenderPolicyInput,
    output: DeleteBlockedSenderPolicyOutput,

    exec: async (nango, rawInput) => {
        const input = parseInput(nango, DeleteBlockedSenderPolicyInput, rawInput);
        return mimecastAction(nango, async () => {
            // Mimecast answers data[0].id on success; an unknown id has been seen as meta.status 404 inside
            // HTTP 200 with an empty data[] (callMimecast raises it). An answer naming no id is not a success.
            const page = await callMimecast(nango, { path: PATH, data: { id: input.id } });
            const first = page.data[0];
            if (!isObject(first) || first['id'] !== input.id) {
                throw new MimecastError({ code: 'err_policy_not_deleted', message: `Mimecast did not confirm the deletion of policy ${input.id}`, field: 'id' });
            }
            return { id: input.id, deleted: true };
        });
    }
});

export type NangoActionLocal = Parameters<(typeof action)['exec']>[0];
export default action;

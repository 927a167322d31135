// Deletes a blocked-sender policy by id (from the blocked-sender-policies sync or create-blocked-sender-policy).
// API 2.0: DELETE /policy-management/cloud-gateway/v1/blocked-senders/policies/{id}; API 1.0 connections
// (mimecast-api-v1) keep /api/policy/blockedsenders/delete-policy. helpers/sender-policies.ts picks one.
// https://developer.services.mimecast.com/docs/policymanagement/1/overview
import { createAction } from 'nango';
import * as z from 'zod';

import { mimecastAction, parseInput } from '../helpers/actions.js';
import { blockedSenderPolicyId } from '../helpers/inputs.js';
import { deleteBlockedSenderPolicy } from '../helpers/sender-policies.js';

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
            // A failure (unknown id, no permission) throws with Mimecast's code and HTTP status.
            await deleteBlockedSenderPolicy(nango, input.id);
            return { id: input.id, deleted: true };
        });
    }
});

export type NangoActionLocal = Parameters<(typeof action)['exec']>[0];
export default action;

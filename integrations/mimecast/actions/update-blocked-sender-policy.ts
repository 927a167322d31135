// Changes a blocked-sender policy in place (API 2.0: PATCH on the policy; the 1.0 API could only delete
// and re-create). Only the fields given are sent; Mimecast answers 204 with no body.
// https://developer.services.mimecast.com/docs/policymanagement/1/routes/policy-management/cloud-gateway/v1/blocked-senders/policies/{policy_id}/patch
import { createAction } from 'nango';
import * as z from 'zod';

import { mimecastAction, parseInput } from '../helpers/actions.js';
import { blockedSenderPolicyId } from '../helpers/inputs.js';
import { BLOCKED_SENDER_POLICIES_PATH, changePolicy, checkPolicy, policyBody, PolicyChangeOutput, policyChangeFields } from '../helpers/policy-management.js';

const UpdateBlockedSenderPolicyInput = z
    .object({
        /** The policy's Mimecast id (BlockedSenderPolicy.id). */
        id: blockedSenderPolicyId,
        /** block_sender blocks matching mail; no_action makes an exception. */
        option: z.enum(['no_action', 'block_sender']).optional(),
        ...policyChangeFields
    })
    .strict()
    .superRefine((input, ctx) => checkPolicy(ctx, input, true));

const UpdateBlockedSenderPolicyOutput = PolicyChangeOutput;

const action = createAction({
    description: 'Changes a blocked-sender policy in place (description, option, sender or recipient side, flags, dates); only the fields given change.',
    version: '1.0.0',
    scopes: ['Gateway | Policies | Edit'],
    endpoint: { method: 'PATCH', path: '/blocked-sender-policies', group: 'Policies' },
    input: UpdateBlockedSenderPolicyInput,
    output: UpdateBlockedSenderPolicyOutput,

    exec: async (nango, rawInput) => {
        const input = parseInput(nango, UpdateBlockedSenderPolicyInput, rawInput);
        const body = policyBody(input, true);
        return mimecastAction(nango, () => changePolicy(nango, BLOCKED_SENDER_POLICIES_PATH, input.id, body));
    }
});

export type NangoActionLocal = Parameters<(typeof action)['exec']>[0];
export default action;

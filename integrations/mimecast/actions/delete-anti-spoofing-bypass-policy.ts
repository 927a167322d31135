// Deletes an anti-spoofing bypass policy (DELETE on the policy; 204 or 200 on success).
// https://developer.services.mimecast.com/docs/policymanagement/1/routes/policy-management/cloud-gateway/v1/anti-spoofing-bypass/policies/{policy_id}/delete
import { createAction } from 'nango';
import * as z from 'zod';

import { mimecastAction, parseInput } from '../helpers/actions.js';
import { antiSpoofingBypassPolicyId } from '../helpers/inputs.js';
import { ANTI_SPOOFING_BYPASS_POLICIES_PATH, policyPath } from '../helpers/policy-management.js';
import { callMimecastRest } from '../helpers/api.js';

const DeleteAntiSpoofingBypassPolicyInput = z
    .object({
        id: antiSpoofingBypassPolicyId
    })
    .strict();

const DeleteAntiSpoofingBypassPolicyOutput = z.object({
    id: z.string(),
    deleted: z.boolean()
});

const action = createAction({
    description: 'Deletes an anti-spoofing bypass policy by id.',
    version: '1.0.0',
    scopes: ['Gateway | Policies | Edit'],
    endpoint: { method: 'DELETE', path: '/anti-spoofing-bypass-policies', group: 'Policies' },
    input: DeleteAntiSpoofingBypassPolicyInput,
    output: DeleteAntiSpoofingBypassPolicyOutput,

    exec: async (nango, rawInput) => {
        const input = parseInput(nango, DeleteAntiSpoofingBypassPolicyInput, rawInput);
        return mimecastAction(nango, async () => {
            // An unknown id is a 404 (an error); only a 2xx without an error body is a deletion.
            await callMimecastRest(nango, { method: 'DELETE', path: policyPath(ANTI_SPOOFING_BYPASS_POLICIES_PATH, input.id) });
            return { id: input.id, deleted: true };
        });
    }
});

export type NangoActionLocal = Parameters<(typeof action)['exec']>[0];
export default action;

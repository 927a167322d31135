// Changes an anti-spoofing bypass policy in place (PATCH on the policy); only the fields given are sent.
// https://developer.services.mimecast.com/docs/policymanagement/1/routes/policy-management/cloud-gateway/v1/anti-spoofing-bypass/policies/{policy_id}/patch
import { createAction } from 'nango';
import * as z from 'zod';

import { mimecastAction, parseInput } from '../helpers/actions.js';
import { antiSpoofingBypassPolicyId, boundedList, domainName } from '../helpers/inputs.js';
import {
    ANTI_SPOOFING_BYPASS_POLICIES_PATH,
    changePolicy,
    checkPolicy,
    MAX_SPF_DOMAINS,
    policyBody,
    PolicyChangeOutput,
    policyChangeFields
} from '../helpers/policy-management.js';

const UpdateAntiSpoofingBypassPolicyInput = z
    .object({
        id: antiSpoofingBypassPolicyId,
        option: z.enum(['enable_bypass', 'disable_bypass']).optional(),
        /** Replaces the SPF domain list. */
        spfDomains: boundedList(domainName, MAX_SPF_DOMAINS, 'SPF domain', { allowEmpty: true, bulk: false }).optional(),
        ...policyChangeFields
    })
    .strict()
    .superRefine((input, ctx) => checkPolicy(ctx, input, true));

const UpdateAntiSpoofingBypassPolicyOutput = PolicyChangeOutput;

const action = createAction({
    description: 'Changes an anti-spoofing bypass policy in place (description, option, sides, SPF domains, flags, dates); only the fields given change.',
    version: '1.0.0',
    scopes: ['Gateway | Policies | Edit'],
    endpoint: { method: 'PATCH', path: '/anti-spoofing-bypass-policies', group: 'Policies' },
    input: UpdateAntiSpoofingBypassPolicyInput,
    output: UpdateAntiSpoofingBypassPolicyOutput,

    exec: async (nango, rawInput) => {
        const input = parseInput(nango, UpdateAntiSpoofingBypassPolicyInput, rawInput);
        const body = policyBody(input, true);
        return mimecastAction(nango, () => changePolicy(nango, ANTI_SPOOFING_BYPASS_POLICIES_PATH, input.id, body));
    }
});

export type NangoActionLocal = Parameters<(typeof action)['exec']>[0];
export default action;

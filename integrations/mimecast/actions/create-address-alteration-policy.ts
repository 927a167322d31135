// Creates an address-alteration policy: it applies an address alteration set (a folder of rewrite
// definitions, made in the Administration Console) to mail between a sender side and a recipient side,
// optionally only from some source IP ranges. API 2.0 keeps these on the envelope endpoint; the answer is
// the new policy in the shape get-policy and update-policy answer.
// https://developer.services.mimecast.com/docs/policymanagement/1/routes/api/policy/address-alteration/create-policy/post
import { createAction } from 'nango';
import * as z from 'zod';

import { mimecastAction, parseInput } from '../helpers/actions.js';
import {
    ADDRESS_ALTERATION_PATHS,
    AddressAlterationPolicy,
    alterationPolicyBody,
    MAX_SOURCE_RANGES,
    sendAlterationPolicy
} from '../helpers/address-alteration.js';
import { addressAlterationSetId, boundedList, ipv4Cidr } from '../helpers/inputs.js';
import { checkPolicy, policyCreateFields } from '../helpers/policy-management.js';

const CreateAddressAlterationPolicyInput = z
    .object({
        /** The address alteration set (folder of rewrite definitions) the policy applies. */
        addressAlterationSetId,
        ...policyCreateFields,
        /** Only mail from these source IP ranges (IPv4 CIDR); omitted = from anywhere. */
        sourceIPs: boundedList(ipv4Cidr, MAX_SOURCE_RANGES, 'source IP range', { bulk: false }).optional()
    })
    .strict()
    .superRefine((input, ctx) => checkPolicy(ctx, input, false));

const action = createAction({
    description: 'Creates an address-alteration policy (its alteration set, sender and recipient sides, source IPs, flags, dates) and returns the policy.',
    version: '1.0.0',
    scopes: ['Gateway | Policies | Edit'],
    endpoint: { method: 'POST', path: '/address-alteration-policies', group: 'Policies' },
    input: CreateAddressAlterationPolicyInput,
    output: AddressAlterationPolicy,

    exec: async (nango, rawInput) => {
        const input = parseInput(nango, CreateAddressAlterationPolicyInput, rawInput);
        const policy = alterationPolicyBody(input, true);
        return mimecastAction(nango, () =>
            sendAlterationPolicy(nango, ADDRESS_ALTERATION_PATHS.create, { addressAlterationSetId: input.addressAlterationSetId, policy })
        );
    }
});

export type NangoActionLocal = Parameters<(typeof action)['exec']>[0];
export default action;

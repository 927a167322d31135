// Changes an address-alteration policy (which alteration set it applies, to whom, when). API 2.0 keeps
// these on the envelope endpoint; Mimecast requires the set id with every update.
// https://developer.services.mimecast.com/docs/policymanagement/1/routes/api/policy/address-alteration/update-policy/post
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
import { addressAlterationPolicyId, addressAlterationSetId, boundedList, ipv4Cidr } from '../helpers/inputs.js';
import { checkPolicy, policyChangeFields } from '../helpers/policy-management.js';

const UpdateAddressAlterationPolicyInput = z
    .object({
        /** The policy's Mimecast id. */
        id: addressAlterationPolicyId,
        /** The address alteration set (folder) the policy applies; Mimecast requires it on every update. */
        addressAlterationSetId,
        ...policyChangeFields,
        /** Replaces the source IP condition (IPv4 CIDR ranges). */
        sourceIPs: boundedList(ipv4Cidr, MAX_SOURCE_RANGES, 'source IP range', { allowEmpty: true, bulk: false }).optional()
    })
    .strict()
    // The set id is always there, so an update never lacks a field to change: the create-time checks only.
    .superRefine((input, ctx) => checkPolicy(ctx, input, false));

const action = createAction({
    description: 'Changes an address-alteration policy (its alteration set, sender and recipient sides, source IPs, flags, dates) and returns the policy.',
    version: '1.0.1',
    scopes: ['Gateway | Policies | Edit'],
    endpoint: { method: 'PATCH', path: '/address-alteration-policies', group: 'Policies' },
    input: UpdateAddressAlterationPolicyInput,
    output: AddressAlterationPolicy,

    exec: async (nango, rawInput) => {
        const input = parseInput(nango, UpdateAddressAlterationPolicyInput, rawInput);
        const policy = alterationPolicyBody(input, false);
        return mimecastAction(nango, () =>
            sendAlterationPolicy(nango, ADDRESS_ALTERATION_PATHS.update, { id: input.id, addressAlterationSetId: input.addressAlterationSetId, policy })
        );
    }
});

export type NangoActionLocal = Parameters<(typeof action)['exec']>[0];
export default action;

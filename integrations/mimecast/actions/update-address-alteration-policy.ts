// Changes an address-alteration policy (which alteration set it applies, to whom, when). API 2.0 keeps
// these on the envelope endpoint; Mimecast requires the set id with every update.
// https://developer.services.mimecast.com/docs/policymanagement/1/routes/api/policy/address-alteration/update-policy/post
import { createAction } from 'nango';
import * as z from 'zod';

import { mimecastAction, parseInput } from '../helpers/actions.js';
import { ADDRESS_ALTERATION_PATHS, AddressAlterationPolicy, legacyTarget, toAddressAlterationPolicy } from '../helpers/address-alteration.js';
import { callMimecast, firstItem } from '../helpers/api.js';
import { toMimecastDate } from '../helpers/dates.js';
import { addressAlterationPolicyId, addressAlterationSetId, boundedList, ipv4Cidr } from '../helpers/inputs.js';
import { checkPolicy, policyChangeFields } from '../helpers/policy-management.js';

/** A policy's source-IP condition holds a handful of ranges; 100 bounds the request. */
const MAX_SOURCE_RANGES = 100;

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
    version: '1.0.0',
    scopes: ['Gateway | Policies | Edit'],
    endpoint: { method: 'PATCH', path: '/address-alteration-policies', group: 'Policies' },
    input: UpdateAddressAlterationPolicyInput,
    output: AddressAlterationPolicy,

    exec: async (nango, rawInput) => {
        const input = parseInput(nango, UpdateAddressAlterationPolicyInput, rawInput);
        const policy = {
            description: input.description,
            fromPart: input.fromPart,
            from: input.fromType ? legacyTarget(input.fromType, input.fromValue) : undefined,
            to: input.toType ? legacyTarget(input.toType, input.toValue) : undefined,
            conditions: input.sourceIPs ? { sourceIPs: input.sourceIPs } : undefined,
            bidirectional: input.bidirectional,
            enabled: input.enabled,
            enforced: input.enforced,
            override: input.override,
            comment: input.comment,
            fromDate: input.fromDate ? toMimecastDate(input.fromDate) : undefined,
            toDate: input.toDate ? toMimecastDate(input.toDate) : undefined
        };
        return mimecastAction(nango, async () => {
            const page = await callMimecast(nango, {
                path: ADDRESS_ALTERATION_PATHS.update,
                data: { id: input.id, addressAlterationSetId: input.addressAlterationSetId, policy }
            });
            return toAddressAlterationPolicy(firstItem(page, ADDRESS_ALTERATION_PATHS.update));
        });
    }
});

export type NangoActionLocal = Parameters<(typeof action)['exec']>[0];
export default action;

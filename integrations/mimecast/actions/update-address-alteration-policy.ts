// Changes an address-alteration policy (which alteration set it applies, to whom, when). API 2.0 keeps
// these on the envelope endpoint; Mimecast requires the set id with every update.
// https://developer.services.mimecast.com/docs/policymanagement/1/routes/api/policy/address-alteration/update-policy/post
import { createAction } from 'nango';
import * as z from 'zod';

import { mimecastAction, parseInput } from '../helpers/actions.js';
import { ADDRESS_ALTERATION_PATHS, AddressAlterationPolicy, legacyTarget, toAddressAlterationPolicy } from '../helpers/address-alteration.js';
import { callMimecast, firstItem } from '../helpers/api.js';
import { toMimecastDate } from '../helpers/dates.js';
import { checkTargetValue, TARGET_TYPES } from '../helpers/policy-management.js';

const NO_CONTROL = /^[^\u0000-\u001F\u007F]*$/;
const MimecastId = z
    .string()
    .trim()
    .min(1, 'must not be blank')
    .max(1024, 'must be at most 1024 characters')
    .regex(/^[A-Za-z0-9_\-:.=+/]+$/, 'must be a Mimecast id (letters, digits and _-:.=+/)');
const Text = (max: number) => z.string().trim().min(1, 'must not be blank').max(max, `must be at most ${max} characters`).regex(NO_CONTROL, 'must not contain control characters');
const DateTime = z.iso.datetime({ offset: true, error: 'must be an ISO 8601 date-time with a time zone, e.g. 2026-01-31T12:00:00Z' });
const Value = z.string().trim().min(1, 'must not be blank').max(1024, 'must be at most 1024 characters').regex(NO_CONTROL, 'must not contain control characters');
const CIDR = /^(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)\/(?:3[0-2]|[12]?\d)$/;

const UpdateAddressAlterationPolicyInput = z
    .object({
        /** The policy's Mimecast id. */
        id: MimecastId,
        /** The address alteration set (folder) the policy applies; Mimecast requires it on every update. */
        addressAlterationSetId: MimecastId,
        description: Text(200).optional(),
        fromPart: z.enum(['envelope_from', 'header_from', 'both']).optional(),
        fromType: z.enum(TARGET_TYPES).optional(),
        fromValue: Value.optional(),
        toType: z.enum(TARGET_TYPES).optional(),
        toValue: Value.optional(),
        /** Replaces the source IP condition (IPv4 CIDR ranges). */
        sourceIPs: z.array(z.string().trim().regex(CIDR, 'must be an IPv4 range like 192.0.2.0/24')).max(100, 'at most 100 ranges').optional(),
        bidirectional: z.boolean().optional(),
        enabled: z.boolean().optional(),
        enforced: z.boolean().optional(),
        override: z.boolean().optional(),
        comment: Text(1000).optional(),
        fromDate: DateTime.optional(),
        toDate: DateTime.optional()
    })
    .strict()
    .superRefine((input, ctx) => {
        checkTargetValue(ctx, 'fromValue', input.fromType, input.fromValue);
        checkTargetValue(ctx, 'toValue', input.toType, input.toValue);
        if (input.fromDate && input.toDate && Date.parse(input.toDate) <= Date.parse(input.fromDate)) {
            ctx.addIssue({ code: 'custom', path: ['toDate'], message: 'must be after fromDate' });
        }
    });

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
            const page = await callMimecast(nango, { path: ADDRESS_ALTERATION_PATHS.update, data: { id: input.id, addressAlterationSetId: input.addressAlterationSetId, policy } });
            return toAddressAlterationPolicy(firstItem(page, ADDRESS_ALTERATION_PATHS.update));
        });
    }
});

export type NangoActionLocal = Parameters<(typeof action)['exec']>[0];
export default action;

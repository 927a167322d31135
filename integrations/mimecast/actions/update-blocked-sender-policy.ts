// Changes a blocked-sender policy in place (API 2.0: PATCH on the policy; the 1.0 API could only delete
// and re-create). Only the fields given are sent; Mimecast answers 204 with no body.
// https://developer.services.mimecast.com/docs/policymanagement/1/routes/policy-management/cloud-gateway/v1/blocked-senders/policies/{policy_id}/patch
import { createAction } from 'nango';
import * as z from 'zod';

import { mimecastAction, parseInput } from '../helpers/actions.js';
import { toMimecastDate } from '../helpers/dates.js';
import { blockedSenderPolicyId, dateTimeMs, freeText, isoDateTime } from '../helpers/inputs.js';
import { BLOCKED_SENDER_POLICIES_PATH, checkTargetValue, policyPath, policyTarget, policyTargetValue, TARGET_TYPES } from '../helpers/policy-management.js';
import { callMimecastRest } from '../helpers/api.js';

const UpdateBlockedSenderPolicyInput = z
    .object({
        /** The policy's Mimecast id (BlockedSenderPolicy.id). */
        id: blockedSenderPolicyId,
        description: freeText(200).optional(),
        /** block_sender blocks matching mail; no_action makes an exception. */
        option: z.enum(['no_action', 'block_sender']).optional(),
        fromPart: z.enum(['envelope_from', 'header_from', 'both']).optional(),
        fromType: z.enum(TARGET_TYPES).optional(),
        fromValue: policyTargetValue.optional(),
        toType: z.enum(TARGET_TYPES).optional(),
        toValue: policyTargetValue.optional(),
        bidirectional: z.boolean().optional(),
        enabled: z.boolean().optional(),
        enforced: z.boolean().optional(),
        override: z.boolean().optional(),
        comment: freeText(1000).optional(),
        fromDate: isoDateTime.optional(),
        toDate: isoDateTime.optional()
    })
    .strict()
    .superRefine((input, ctx) => {
        const { id: _id, ...changes } = input;
        if (Object.values(changes).every((v) => v === undefined)) {
            ctx.addIssue({ code: 'custom', path: ['input'], message: 'give at least one field to change besides id' });
        }
        checkTargetValue(ctx, 'fromValue', input.fromType, input.fromValue);
        checkTargetValue(ctx, 'toValue', input.toType, input.toValue);
        if (input.fromDate && input.toDate && dateTimeMs(input.toDate) <= dateTimeMs(input.fromDate)) {
            ctx.addIssue({ code: 'custom', path: ['toDate'], message: 'must be after fromDate' });
        }
    });

const UpdateBlockedSenderPolicyOutput = z.object({
    id: z.string(),
    updated: z.boolean(),
    /** The fields sent to Mimecast. */
    changed: z.array(z.string())
});

const action = createAction({
    description: 'Changes a blocked-sender policy in place (description, option, sender or recipient side, flags, dates); only the fields given change.',
    version: '1.0.0',
    scopes: ['Gateway | Policies | Edit'],
    endpoint: { method: 'PATCH', path: '/blocked-sender-policies', group: 'Policies' },
    input: UpdateBlockedSenderPolicyInput,
    output: UpdateBlockedSenderPolicyOutput,

    exec: async (nango, rawInput) => {
        const input = parseInput(nango, UpdateBlockedSenderPolicyInput, rawInput);
        const body = Object.fromEntries(
            Object.entries({
                description: input.description,
                option: input.option,
                fromPart: input.fromPart,
                from: input.fromType ? policyTarget(input.fromType, input.fromValue) : undefined,
                to: input.toType ? policyTarget(input.toType, input.toValue) : undefined,
                bidirectional: input.bidirectional,
                enabled: input.enabled,
                enforced: input.enforced,
                override: input.override,
                comment: input.comment,
                fromDate: input.fromDate ? toMimecastDate(input.fromDate) : undefined,
                fromEternal: input.fromDate ? false : undefined,
                toDate: input.toDate ? toMimecastDate(input.toDate) : undefined,
                toEternal: input.toDate ? false : undefined
            }).filter(([, v]) => v !== undefined)
        );
        return mimecastAction(nango, async () => {
            await callMimecastRest(nango, { method: 'PATCH', path: policyPath(BLOCKED_SENDER_POLICIES_PATH, input.id), body });
            return { id: input.id, updated: true, changed: Object.keys(body) };
        });
    }
});

export type NangoActionLocal = Parameters<(typeof action)['exec']>[0];
export default action;

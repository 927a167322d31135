// Changes an anti-spoofing bypass policy in place (PATCH on the policy); only the fields given are sent.
// https://developer.services.mimecast.com/docs/policymanagement/1/routes/policy-management/cloud-gateway/v1/anti-spoofing-bypass/policies/{policy_id}/patch
import { createAction } from 'nango';
import * as z from 'zod';

import { mimecastAction, parseInput } from '../helpers/actions.js';
import { toMimecastDate } from '../helpers/dates.js';
import { antiSpoofingBypassPolicyId, boundedList, dateTimeMs, domainName, freeText, isoDateTime } from '../helpers/inputs.js';
import {
    ANTI_SPOOFING_BYPASS_POLICIES_PATH,
    checkTargetValue,
    MAX_SPF_DOMAINS,
    policyPath,
    policyTarget,
    policyTargetValue,
    TARGET_TYPES
} from '../helpers/policy-management.js';
import { callMimecastRest } from '../helpers/api.js';

const UpdateAntiSpoofingBypassPolicyInput = z
    .object({
        id: antiSpoofingBypassPolicyId,
        description: freeText(200).optional(),
        option: z.enum(['enable_bypass', 'disable_bypass']).optional(),
        fromPart: z.enum(['envelope_from', 'header_from', 'both']).optional(),
        fromType: z.enum(TARGET_TYPES).optional(),
        fromValue: policyTargetValue.optional(),
        toType: z.enum(TARGET_TYPES).optional(),
        toValue: policyTargetValue.optional(),
        /** Replaces the SPF domain list. */
        spfDomains: boundedList(domainName, MAX_SPF_DOMAINS, 'SPF domain', { allowEmpty: true, bulk: false }).optional(),
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

const UpdateAntiSpoofingBypassPolicyOutput = z.object({
    id: z.string(),
    updated: z.boolean(),
    changed: z.array(z.string())
});

const action = createAction({
    description: 'Changes an anti-spoofing bypass policy in place (description, option, sides, SPF domains, flags, dates); only the fields given change.',
    version: '1.0.0',
    scopes: ['Gateway | Policies | Edit'],
    endpoint: { method: 'PATCH', path: '/anti-spoofing-bypass-policies', group: 'Policies' },
    input: UpdateAntiSpoofingBypassPolicyInput,
    output: UpdateAntiSpoofingBypassPolicyOutput,

    exec: async (nango, rawInput) => {
        const input = parseInput(nango, UpdateAntiSpoofingBypassPolicyInput, rawInput);
        const body = Object.fromEntries(
            Object.entries({
                description: input.description,
                option: input.option,
                fromPart: input.fromPart,
                from: input.fromType ? policyTarget(input.fromType, input.fromValue) : undefined,
                to: input.toType ? policyTarget(input.toType, input.toValue) : undefined,
                spfDomains: input.spfDomains,
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
            await callMimecastRest(nango, { method: 'PATCH', path: policyPath(ANTI_SPOOFING_BYPASS_POLICIES_PATH, input.id), body });
            return { id: input.id, updated: true, changed: Object.keys(body) };
        });
    }
});

export type NangoActionLocal = Parameters<(typeof action)['exec']>[0];
export default action;

// Creates an anti-spoofing bypass policy: mail from a trusted sender that would fail Mimecast's
// anti-spoofing check (e.g. a partner sending as your domain) is let through, optionally only when SPF
// passes for the listed domains. API 2.0 policy-management: POST on the policy collection.
// https://developer.services.mimecast.com/docs/policymanagement/1/routes/policy-management/cloud-gateway/v1/anti-spoofing-bypass/policies/post
import { createAction } from 'nango';
import * as z from 'zod';

import { mimecastAction, parseInput } from '../helpers/actions.js';
import { callMimecastRest, MimecastError } from '../helpers/api.js';
import { boundedList, domainName } from '../helpers/inputs.js';
import { ANTI_SPOOFING_BYPASS_POLICIES_PATH, checkPolicy, MAX_SPF_DOMAINS, policyBody, policyCreateFields } from '../helpers/policy-management.js';

const CreateAntiSpoofingBypassPolicyInput = z
    .object({
        ...policyCreateFields,
        /** enable_bypass lets matching mail skip the anti-spoofing check; disable_bypass makes an exception. */
        option: z.enum(['enable_bypass', 'disable_bypass']),
        /** Bypass only when SPF passes for one of these domains. */
        spfDomains: boundedList(domainName, MAX_SPF_DOMAINS, 'SPF domain', { bulk: false }).optional()
    })
    .strict()
    .superRefine((input, ctx) => checkPolicy(ctx, input, false));

const CreateAntiSpoofingBypassPolicyOutput = z.object({
    id: z.string(),
    description: z.string(),
    option: z.string(),
    fromType: z.string(),
    fromValue: z.string().optional(),
    toType: z.string(),
    toValue: z.string().optional(),
    spfDomains: z.array(z.string()),
    enabled: z.boolean().optional()
});

const action = createAction({
    description: 'Creates an anti-spoofing bypass policy (trusted sender side, recipient side, optional SPF domains and dates) and returns its id.',
    version: '1.0.0',
    scopes: ['Gateway | Policies | Edit'],
    endpoint: { method: 'POST', path: '/anti-spoofing-bypass-policies', group: 'Policies' },
    input: CreateAntiSpoofingBypassPolicyInput,
    output: CreateAntiSpoofingBypassPolicyOutput,

    exec: async (nango, rawInput) => {
        const input = parseInput(nango, CreateAntiSpoofingBypassPolicyInput, rawInput);
        const body = policyBody(input, false);
        return mimecastAction(nango, async () => {
            const response = await callMimecastRest(nango, { method: 'POST', path: ANTI_SPOOFING_BYPASS_POLICIES_PATH, body });
            // The new policy's id: `id` (or `policyId`, as one public client also reads) in the answer.
            const answer = response.body ?? {};
            const id = typeof answer['id'] === 'string' ? answer['id'] : typeof answer['policyId'] === 'string' ? answer['policyId'] : undefined;
            if (!id) {
                throw new MimecastError({
                    code: 'malformed_response',
                    message: `${ANTI_SPOOFING_BYPASS_POLICIES_PATH} answered HTTP ${response.status} without the new policy's id`,
                    status: response.status
                });
            }
            return {
                id,
                description: input.description,
                option: typeof answer['option'] === 'string' ? answer['option'] : input.option,
                fromType: input.fromType,
                ...(input.fromValue !== undefined ? { fromValue: input.fromValue } : {}),
                toType: input.toType,
                ...(input.toValue !== undefined ? { toValue: input.toValue } : {}),
                spfDomains: input.spfDomains ?? [],
                ...(typeof answer['enabled'] === 'boolean' ? { enabled: answer['enabled'] } : input.enabled !== undefined ? { enabled: input.enabled } : {})
            };
        });
    }
});

export type NangoActionLocal = Parameters<(typeof action)['exec']>[0];
export default action;

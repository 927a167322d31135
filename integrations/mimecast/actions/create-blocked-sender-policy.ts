// Creates a blocked-sender policy: mail from the sender side to the recipient side gets the option
// (block_sender, or no_action for an exception), optionally only between two dates.
// https://developer.services.mimecast.com/docs/policymanagement/1/routes/api/policy/blockedsenders/create-policy/post
import { createAction } from 'nango';
import * as z from 'zod';

import { mimecastAction, parseInput } from '../helpers/actions.js';
import { callMimecast, firstItem } from '../helpers/api.js';
import { toIsoUtc, toMimecastDate } from '../helpers/dates.js';
import { domainName, emailAddress, freeText, groupId, isoDateTime } from '../helpers/inputs.js';
import { FromPart } from '../helpers/policy-management.js';
import { BlockedSenderPolicy, FromType, PolicyOption, ToType, toBlockedSenderPolicy, VALUE_KIND } from '../helpers/sender-policies.js';

const PATH = '/api/policy/blockedsenders/create-policy';

/** A value is an address (254), a domain (253), a group id or a short attribute or display name. */
const VALUE_MAX = 1024;

const CreateBlockedSenderPolicyInput = z
    .object({
        description: freeText(200),
        /** block_sender blocks matching mail; no_action makes an exception to a broader policy. */
        option: PolicyOption,
        /** Which sender address to examine; Mimecast's default is envelope_from. */
        fromPart: FromPart.optional(),
        fromType: FromType,
        /** Needed for email_domain (a domain), individual_email_address (an address), profile_group (a group id), ... */
        fromValue: freeText(VALUE_MAX, { allowBlank: true }).optional(),
        toType: ToType,
        toValue: freeText(VALUE_MAX, { allowBlank: true }).optional(),
        /** Also apply with sender and recipient swapped. */
        bidirectional: z.boolean().optional(),
        enabled: z.boolean().optional(),
        enforced: z.boolean().optional(),
        override: z.boolean().optional(),
        comment: freeText(1000, { allowBlank: true }).optional(),
        /** Start of the policy (ISO 8601); omitted = always. */
        fromDate: isoDateTime.optional(),
        /** End of the policy (ISO 8601); omitted = never expires. */
        toDate: isoDateTime.optional()
    })
    .strict()
    .superRefine((input, ctx) => {
        checkValue(ctx, 'fromValue', input.fromType, input.fromValue);
        checkValue(ctx, 'toValue', input.toType, input.toValue);
        if (input.fromDate && input.toDate && Date.parse(toIsoUtc(input.toDate)) <= Date.parse(toIsoUtc(input.fromDate))) {
            ctx.addIssue({ code: 'custom', path: ['toDate'], message: 'must be after fromDate' });
        }
    });

/** A value is required exactly when the type names one (a domain, an address, a group id, ...), and must be one. */
function checkValue(ctx: z.RefinementCtx, field: 'fromValue' | 'toValue', type: string, value: string | undefined): void {
    const known = FromType.safeParse(type);
    const kind = known.success ? VALUE_KIND[known.data] : undefined;
    const present = value !== undefined && value !== '';
    if (!kind) {
        if (present) {
            ctx.addIssue({ code: 'custom', path: [field], message: `must be omitted when the type is ${type}` });
        }
        return;
    }
    if (!present) {
        ctx.addIssue({ code: 'custom', path: [field], message: `is required when the type is ${type}` });
    } else if (kind === 'email' && !emailAddress.safeParse(value).success) {
        ctx.addIssue({ code: 'custom', path: [field], message: 'must be an email address of at most 254 characters (local part at most 64)' });
    } else if (kind === 'domain' && !domainName.safeParse(value).success) {
        ctx.addIssue({ code: 'custom', path: [field], message: 'must be a domain name of at most 253 characters, e.g. example.com' });
    } else if (type === 'profile_group' && !groupId.safeParse(value).success) {
        // Mimecast's profile_group value is the group's id (the policy answers it as from.groupId).
        ctx.addIssue({ code: 'custom', path: [field], message: 'must be a directory group id (Group.id): letters, digits, - and _' });
    }
}

const action = createAction({
    description:
        'Creates a blocked-sender policy (sender side, recipient side, block_sender or no_action, optional validity dates). Returns the policy flattened.',
    version: '1.0.0',
    scopes: ['Gateway | Policies | Edit'],
    endpoint: { method: 'POST', path: '/blocked-sender-policies', group: 'Policies' },
    input: CreateBlockedSenderPolicyInput,
    output: BlockedSenderPolicy,

    exec: async (nango, rawInput) => {
        const input = parseInput(nango, CreateBlockedSenderPolicyInput, rawInput);
        return mimecastAction(nango, async () => {
            // Dates go in Mimecast's form; without a date the policy is open-ended (fromEternal/toEternal).
            const policy = {
                description: input.description,
                fromPart: input.fromPart,
                fromType: input.fromType,
                fromValue: input.fromValue,
                toType: input.toType,
                toValue: input.toValue,
                bidirectional: input.bidirectional,
                enabled: input.enabled,
                enforced: input.enforced,
                override: input.override,
                comment: input.comment,
                fromEternal: input.fromDate === undefined,
                toEternal: input.toDate === undefined,
                fromDate: input.fromDate !== undefined ? toMimecastDate(input.fromDate) : undefined,
                toDate: input.toDate !== undefined ? toMimecastDate(input.toDate) : undefined
            };
            const page = await callMimecast(nango, { path: PATH, data: { option: input.option, policy } });
            return toBlockedSenderPolicy(firstItem(page, PATH));
        });
    }
});

export type NangoActionLocal = Parameters<(typeof action)['exec']>[0];
export default action;

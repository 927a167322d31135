// Input shared by the group-member actions: a group id plus exactly one of emailAddress or domain,
// which is what Mimecast's add-group-member and remove-group-member accept.
import * as z from 'zod';

import { domainName, emailAddress, groupId } from './inputs.js';

export const GroupMemberTarget = z.object({
    id: groupId,
    emailAddress: emailAddress.optional(),
    domain: domainName.optional()
});

/** Exactly one of emailAddress or domain: Mimecast acts on one member per call. */
export function exactlyOneMemberTarget(value: { emailAddress?: string | undefined; domain?: string | undefined }, ctx: z.RefinementCtx): void {
    if (value.emailAddress !== undefined && value.domain !== undefined) {
        ctx.addIssue({ code: 'custom', path: ['domain'], message: 'give either emailAddress or domain, not both' });
    } else if (value.emailAddress === undefined && value.domain === undefined) {
        ctx.addIssue({ code: 'custom', path: ['emailAddress'], message: 'required: give emailAddress (a member address) or domain (a whole domain)' });
    }
}

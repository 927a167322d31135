// Input shared by the group-member actions: a group id plus exactly one of emailAddress or domain,
// which is what Mimecast's add-group-member and remove-group-member accept.
import * as z from 'zod';

/** A DNS name with at least one dot, e.g. `example.com` (no scheme, no @, no trailing dot). */
// Spelled without the `i` flag: the compiled JSON schema keeps the pattern but not the flag.
const DOMAIN_RE = /^(?=.{1,253}$)(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z][A-Za-z0-9-]{0,62}$/;

export const GroupMemberTarget = z.object({
    id: z.string().trim().min(1, 'must not be blank: the Mimecast id of the group (find-groups returns it)').describe('The Mimecast id of the group'),
    emailAddress: z.email('must be an email address like user@example.com').optional(),
    domain: z.string().trim().regex(DOMAIN_RE, 'must be a domain like example.com').optional()
});

/** Exactly one of emailAddress or domain: Mimecast acts on one member per call. */
export function exactlyOneMemberTarget(value: { emailAddress?: string | undefined; domain?: string | undefined }, ctx: z.RefinementCtx): void {
    if (value.emailAddress !== undefined && value.domain !== undefined) {
        ctx.addIssue({ code: 'custom', path: ['domain'], message: 'give either emailAddress or domain, not both' });
    } else if (value.emailAddress === undefined && value.domain === undefined) {
        ctx.addIssue({ code: 'custom', path: ['emailAddress'], message: 'required: give emailAddress (a member address) or domain (a whole domain)' });
    }
}

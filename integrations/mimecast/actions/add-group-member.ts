// Adds an email address or a whole domain to a directory group (e.g. a blocked-senders group).
// https://developer.services.mimecast.com/docs/cloudgateway/1/routes/api/directory/add-group-member/post
import { createAction } from 'nango';
import * as z from 'zod';

import { mimecastAction, parseInput } from '../helpers/actions.js';
import { callMimecast, firstItem } from '../helpers/api.js';
import { GroupMemberTarget, exactlyOneMemberTarget } from '../helpers/directory-input.js';
import { freeText } from '../helpers/inputs.js';
import { optionalBoolean, optionalString } from '../helpers/records.js';

const PATH = '/api/directory/add-group-member';

const AddGroupMemberInput = GroupMemberTarget.extend({
    /** Shown beside the member in the console; one line. */
    notes: freeText(255).optional()
})
    .strict()
    .superRefine(exactlyOneMemberTarget);

const AddGroupMemberOutput = z.object({
    groupId: z.string(),
    /** The member's Mimecast id, when Mimecast returns one. */
    memberId: z.string().optional(),
    emailAddress: z.string().optional(),
    domain: z.string().optional(),
    internal: z.boolean().optional(),
    added: z.boolean()
});

const action = createAction({
    description: 'Adds an email address or a domain (exactly one) to a Mimecast directory group.',
    version: '1.0.0',
    scopes: ['Directories | Groups | Edit'],
    endpoint: { method: 'POST', path: '/groups/members', group: 'Directory' },
    input: AddGroupMemberInput,
    output: AddGroupMemberOutput,

    exec: async (nango, rawInput) => {
        const input = parseInput(nango, AddGroupMemberInput, rawInput);
        return mimecastAction(nango, async () => {
            const page = await callMimecast(nango, {
                path: PATH,
                data: { id: input.id, emailAddress: input.emailAddress, domain: input.domain, notes: input.notes }
            });
            const raw = firstItem(page, PATH);
            return {
                groupId: optionalString(raw, 'folderId') ?? input.id,
                memberId: optionalString(raw, 'id'),
                emailAddress: optionalString(raw, 'emailAddress') ?? input.emailAddress,
                domain: optionalString(raw, 'domain') ?? input.domain,
                internal: optionalBoolean(raw, 'internal'),
                added: true
            };
        });
    }
});

export type NangoActionLocal = Parameters<(typeof action)['exec']>[0];
export default action;

// Removes an email address or a domain from a directory group.
// https://developer.services.mimecast.com/docs/cloudgateway/1/routes/api/directory/remove-group-member/post
import { createAction } from 'nango';
import * as z from 'zod';

import { mimecastAction, parseInput } from '../helpers/actions.js';
import { callMimecast } from '../helpers/api.js';
import { GroupMemberTarget, exactlyOneMemberTarget } from '../helpers/directory-input.js';

const PATH = '/api/directory/remove-group-member';

const RemoveGroupMemberInput = GroupMemberTarget.strict().superRefine(exactlyOneMemberTarget);

const RemoveGroupMemberOutput = z.object({
    groupId: z.string(),
    emailAddress: z.string().optional(),
    domain: z.string().optional(),
    removed: z.boolean()
});

const action = createAction({
    description: 'Removes an email address or a domain (exactly one) from a Mimecast directory group.',
    version: '1.0.0',
    scopes: ['Directories | Groups | Edit'],
    endpoint: { method: 'DELETE', path: '/groups/members', group: 'Directory' },
    input: RemoveGroupMemberInput,
    output: RemoveGroupMemberOutput,

    exec: async (nango, rawInput) => {
        const input = parseInput(nango, RemoveGroupMemberInput, rawInput);
        return mimecastAction(nango, async () => {
            // Success is an empty fail[]; Mimecast's fail[] (e.g. not a member) becomes the ActionError.
            await callMimecast(nango, { path: PATH, data: { id: input.id, emailAddress: input.emailAddress, domain: input.domain } });
            return { groupId: input.id, emailAddress: input.emailAddress, domain: input.domain, removed: true };
        });
    }
});

export type NangoActionLocal = Parameters<(typeof action)['exec']>[0];
export default action;

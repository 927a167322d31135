// Finds directory groups by description in the cloud or the LDAP directory.
// https://developer.services.mimecast.com/docs/cloudgateway/1/routes/api/directory/find-groups/post
import { createAction } from 'nango';
import * as z from 'zod';

import { mimecastAction, parseInput } from '../helpers/actions.js';
import { findGroups, Group, GroupSource } from '../helpers/directory.js';
import { freeText } from '../helpers/inputs.js';

/** A find never returns more than this many groups; `truncated` says when there were more. */
const MAX_GROUPS = 1000;

const FindGroupsInput = z
    .object({
        /** Matched against group descriptions; omit it to list every group. */
        query: freeText(255).optional(),
        source: GroupSource.optional().describe('cloud (groups created in Mimecast, the default) or ldap (synchronised from a directory)')
    })
    .strict();

const FindGroupsOutput = z.object({
    groups: z.array(Group),
    count: z.number(),
    truncated: z.boolean()
});

const action = createAction({
    description: 'Finds Mimecast directory groups whose description matches a query, in the cloud or the LDAP directory.',
    version: '1.0.0',
    scopes: ['Directories | Groups | Read'],
    endpoint: { method: 'POST', path: '/groups/find', group: 'Directory' },
    input: FindGroupsInput,
    output: FindGroupsOutput,

    exec: async (nango, rawInput) => {
        const input = parseInput(nango, FindGroupsInput, rawInput);
        return mimecastAction(nango, async () => {
            const groups: z.infer<typeof Group>[] = [];
            let truncated = false;
            for await (const { records: batch } of findGroups(nango, { query: input.query, source: input.source ?? 'cloud' })) {
                if (groups.length >= MAX_GROUPS) {
                    // One page past the cap only tells whether there was more.
                    truncated = batch.length > 0;
                    break;
                }
                groups.push(...batch);
            }
            truncated ||= groups.length > MAX_GROUPS;
            return { groups: groups.slice(0, MAX_GROUPS), count: Math.min(groups.length, MAX_GROUPS), truncated };
        });
    }
});

export type NangoActionLocal = Parameters<(typeof action)['exec']>[0];
export default action;

// Renames a directory group (a folder) or moves it under another parent.
// https://developer.services.mimecast.com/docs/userandgroupmanagement/1/routes/api/directory/update-group/post
import { createAction } from 'nango';
import * as z from 'zod';

import { mimecastAction, parseInput } from '../helpers/actions.js';
import { callMimecast, firstItem } from '../helpers/api.js';
import { Group, toGroup } from '../helpers/directory.js';
import { freeText, groupId } from '../helpers/inputs.js';

const PATH = '/api/directory/update-group';

const UpdateGroupInput = z
    .object({
        /** The group's Mimecast id (Group.id). */
        id: groupId,
        /** The new name. */
        description: freeText(255).optional(),
        /** The new parent group's id. */
        parentId: groupId.optional()
    })
    .strict()
    .superRefine((input, ctx) => {
        if (input.description === undefined && input.parentId === undefined) {
            ctx.addIssue({ code: 'custom', path: ['description'], message: 'give description (a new name) or parentId (a new parent), or both' });
        }
        if (input.parentId !== undefined && input.parentId === input.id) {
            ctx.addIssue({ code: 'custom', path: ['parentId'], message: 'a group cannot be its own parent' });
        }
    });

const action = createAction({
    description: 'Renames a Mimecast directory group or moves it under another parent group; returns the group.',
    version: '1.0.0',
    scopes: ['Directories | Groups | Edit'],
    endpoint: { method: 'PATCH', path: '/groups', group: 'Directory' },
    input: UpdateGroupInput,
    output: Group,

    exec: async (nango, rawInput) => {
        const input = parseInput(nango, UpdateGroupInput, rawInput);
        return mimecastAction(nango, async () => {
            const page = await callMimecast(nango, { path: PATH, data: { id: input.id, description: input.description, parentId: input.parentId } });
            return toGroup(firstItem(page, PATH));
        });
    }
});

export type NangoActionLocal = Parameters<(typeof action)['exec']>[0];
export default action;

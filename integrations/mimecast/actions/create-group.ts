// Creates a group (a folder) in the Mimecast cloud directory, e.g. a sender list a policy refers to.
// https://developer.services.mimecast.com/docs/cloudgateway/1/routes/api/directory/create-group/post
import { createAction } from 'nango';
import * as z from 'zod';

import { mimecastAction, parseInput } from '../helpers/actions.js';
import { callMimecast, firstItem } from '../helpers/api.js';
import { Group, toGroup } from '../helpers/directory.js';
import { freeText, groupId } from '../helpers/inputs.js';

const PATH = '/api/directory/create-group';

const CreateGroupInput = z
    .object({
        description: freeText(255).describe('The name of the new group (one line, at most 255 characters)'),
        parentId: groupId.optional().describe('The Mimecast id of the parent group (Group.id); omit it for a top-level group')
    })
    .strict();

const action = createAction({
    description: 'Creates a group in the Mimecast cloud directory, optionally under a parent group, and returns it with its id.',
    version: '1.0.0',
    scopes: ['Directories | Groups | Edit'],
    endpoint: { method: 'POST', path: '/groups', group: 'Directory' },
    input: CreateGroupInput,
    output: Group,

    exec: async (nango, rawInput) => {
        const input = parseInput(nango, CreateGroupInput, rawInput);
        return mimecastAction(nango, async () => {
            const page = await callMimecast(nango, { path: PATH, data: { description: input.description, parentId: input.parentId } });
            return toGroup(firstItem(page, PATH));
        });
    }
});

export type NangoActionLocal = Parameters<(typeof action)['exec']>[0];
export default action;

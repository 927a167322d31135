// Deletes a cloud directory group (LDAP groups are read-only in Mimecast).
// https://developer.services.mimecast.com/docs/userandgroupmanagement/1/routes/api/directory/delete-group/post
import { createAction } from 'nango';
import * as z from 'zod';

import { mimecastAction, parseInput } from '../helpers/actions.js';
import { callMimecast } from '../helpers/api.js';
import { groupId } from '../helpers/inputs.js';

const PATH = '/api/directory/delete-group';

const DeleteGroupInput = z
    .object({
        /** The group's Mimecast id (Group.id). */
        id: groupId
    })
    .strict();

const DeleteGroupOutput = z.object({
    id: z.string(),
    deleted: z.boolean()
});

const action = createAction({
    description: 'Deletes a cloud directory group by id. The next groups sync deletes the record.',
    version: '1.0.0',
    scopes: ['Directories | Groups | Edit'],
    endpoint: { method: 'DELETE', path: '/groups', group: 'Directory' },
    input: DeleteGroupInput,
    output: DeleteGroupOutput,

    exec: async (nango, rawInput) => {
        const input = parseInput(nango, DeleteGroupInput, rawInput);
        return mimecastAction(nango, async () => {
            // A fail[] (unknown group, read-only LDAP group) or a non-200 meta.status is raised by callMimecast.
            await callMimecast(nango, { path: PATH, data: { id: input.id } });
            return { id: input.id, deleted: true };
        });
    }
});

export type NangoActionLocal = Parameters<(typeof action)['exec']>[0];
export default action;

// Removes an entry from URL Protect's managed list by its id (from the managed-urls sync or create-managed-url).
// https://developer.services.mimecast.com/docs/threatsandsecurityeventsdata/1/routes/api/ttp/url/delete-managed-url/post
import { createAction } from 'nango';
import * as z from 'zod';

import { mimecastAction, parseInput } from '../helpers/actions.js';
import { callMimecast } from '../helpers/api.js';
import { managedUrlId } from '../helpers/inputs.js';

const DeleteManagedUrlInput = z
    .object({
        /** The managed URL's Mimecast id. */
        id: managedUrlId
    })
    .strict();

const DeleteManagedUrlOutput = z.object({
    id: z.string(),
    deleted: z.boolean()
});

const action = createAction({
    description: 'Deletes a managed URL from URL Protect by id. The next managed-urls sync deletes the record.',
    version: '1.0.0',
    scopes: ['Services | Targeted Threat Protection - URL Protect | Edit'],
    endpoint: { method: 'DELETE', path: '/managed-urls', group: 'URL Protect' },
    input: DeleteManagedUrlInput,
    output: DeleteManagedUrlOutput,

    exec: async (nango, rawInput) => {
        const input = parseInput(nango, DeleteManagedUrlInput, rawInput);
        return mimecastAction(nango, async () => {
            // Success is an empty data[]; an unknown id comes back as fail[] (an ActionError).
            await callMimecast(nango, { path: '/api/ttp/url/delete-managed-url', data: { id: input.id } });
            return { id: input.id, deleted: true };
        });
    }
});

export type NangoActionLocal = Parameters<(typeof action)['exec']>[0];
export default action;

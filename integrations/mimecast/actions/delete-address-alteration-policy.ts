// Deletes an address-alteration policy by id (the alteration set and its definitions stay).
// https://developer.services.mimecast.com/docs/policymanagement/1/routes/api/policy/address-alteration/delete-policy/post
import { createAction } from 'nango';
import * as z from 'zod';

import { mimecastAction, parseInput } from '../helpers/actions.js';
import { ADDRESS_ALTERATION_PATHS } from '../helpers/address-alteration.js';
import { callMimecast, isObject, MimecastError } from '../helpers/api.js';
import { addressAlterationPolicyId } from '../helpers/inputs.js';

const DeleteAddressAlterationPolicyInput = z
    .object({
        id: addressAlterationPolicyId
    })
    .strict();

const DeleteAddressAlterationPolicyOutput = z.object({
    id: z.string(),
    deleted: z.boolean()
});

const action = createAction({
    description: 'Deletes an address-alteration policy by id.',
    version: '1.0.0',
    scopes: ['Gateway | Policies | Edit'],
    endpoint: { method: 'DELETE', path: '/address-alteration-policies', group: 'Policies' },
    input: DeleteAddressAlterationPolicyInput,
    output: DeleteAddressAlterationPolicyOutput,

    exec: async (nango, rawInput) => {
        const input = parseInput(nango, DeleteAddressAlterationPolicyInput, rawInput);
        return mimecastAction(nango, async () => {
            // Mimecast confirms with data[0] = {id, deleted: true}; anything else is not a deletion.
            const page = await callMimecast(nango, { path: ADDRESS_ALTERATION_PATHS.delete, data: { id: input.id } });
            const first = page.data[0];
            if (!isObject(first) || first['deleted'] !== true) {
                throw new MimecastError({
                    code: 'err_policy_not_deleted',
                    message: `Mimecast did not confirm the deletion of address-alteration policy ${input.id}`,
                    field: 'id'
                });
            }
            return { id: input.id, deleted: true };
        });
    }
});

export type NangoActionLocal = Parameters<(typeof action)['exec']>[0];
export default action;

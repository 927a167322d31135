// update-group and delete-group on the simulated cloud directory (state `directory`, shared with
// directory.ts): a rename or move shows in find-groups and the groups sync; a deleted group disappears.
// LDAP groups are read-only; a group with child groups cannot be deleted.
import { Validator, fail, ok } from '../envelope.js';
import { defineEndpoint } from '../router.js';
import { directory, findGroup, folder, isReplyValue } from './directory.js';

const readOnly = (item: Record<string, unknown>) =>
    fail(item, [
        { code: 'err_folder_read_only', message: 'LDAP groups are synchronised from the directory and cannot be changed', field: 'id', retryable: false }
    ]);

const updateGroup = defineEndpoint({
    path: '/api/directory/update-group',
    handle(ctx) {
        const v = new Validator(ctx.item);
        const group = findGroup(ctx, v);
        if (isReplyValue(group)) return group;
        const description = v.string('description');
        if (!v.ok) return v.fail();
        let parentId: string | undefined;
        if (ctx.item['parentId'] !== undefined) {
            const parent = findGroup(ctx, v, 'parentId');
            if (isReplyValue(parent)) return parent;
            if (parent.id === group.id)
                return fail(ctx.item, [
                    { code: 'err_validation_invalid_value', message: 'a group cannot be its own parent', field: 'parentId', retryable: false }
                ]);
            parentId = parent.id;
        }
        if (description === undefined && parentId === undefined)
            return fail(ctx.item, [{ code: 'err_validation_missing', message: 'description or parentId is required', field: 'description', retryable: false }]);
        if (group.source === 'ldap') return readOnly(ctx.item);
        if (description !== undefined) group.description = description;
        if (parentId !== undefined) group.parentId = parentId;
        return ok([folder(ctx, directory(ctx), group)]);
    }
});

const deleteGroup = defineEndpoint({
    path: '/api/directory/delete-group',
    handle(ctx) {
        const v = new Validator(ctx.item);
        const group = findGroup(ctx, v);
        if (isReplyValue(group)) return group;
        if (group.source === 'ldap') return readOnly(ctx.item);
        const state = directory(ctx);
        if ([...state.groups.values()].some((g) => g.parentId === group.id)) {
            return fail(ctx.item, [{ code: 'err_folder_has_children', message: 'Delete or move the child groups first', field: 'id', retryable: false }]);
        }
        state.groups.delete(group.id);
        return ok([]);
    }
});

export default [updateGroup, deleteGroup];

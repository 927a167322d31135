// Members of every directory group: email addresses and whole domains (e.g. a blocked-senders group).
// https://developer.services.mimecast.com/docs/cloudgateway/1/routes/api/directory/get-group-members/post
import { createSync } from 'nango';
import * as z from 'zod';

import type { GroupSource } from '../helpers/directory.js';
import { DIRECTORY_PAGE_SIZE, groupSourcesOf, GroupSyncMetadata, listAllGroups, memberKey } from '../helpers/directory.js';
import { listAll, stateOf, syncFullRefresh } from '../helpers/full-refresh.js';
import type { ListPage } from '../helpers/full-refresh.js';
import type { MimecastNango } from '../helpers/api.js';
import { optionalBoolean, optionalString } from '../helpers/records.js';

const MEMBERS_PATH = '/api/directory/get-group-members';

const GroupMember = z.object({
    /** `<groupId>:<lower-cased emailAddress or domain>`: a member has no Mimecast id of its own in this list. */
    id: z.string(),
    groupId: z.string(),
    emailAddress: z.string().optional(),
    domain: z.string().optional(),
    name: z.string().optional(),
    type: z.string().optional(),
    internal: z.boolean().optional(),
    notes: z.string().optional()
});
type GroupMember = z.infer<typeof GroupMember>;

const sync = createSync({
    description: 'Members (email addresses and domains) of every Mimecast directory group (full refresh; removed members are deleted).',
    version: '1.0.0',
    frequency: 'every 6 hours',
    autoStart: true,
    syncType: 'full',
    scopes: ['Directories | Groups | Read'],
    models: { GroupMember },
    metadata: GroupSyncMetadata,
    endpoints: [{ method: 'GET', path: '/group-members', group: 'Directory' }],

    exec: async (nango) => {
        const saved = await syncFullRefresh<GroupMember>(nango, 'GroupMember', membersOfEveryGroup(nango, await groupSourcesOf(nango)));
        await nango.log(`group members: ${saved} saved`);
    }
});

/** The groups first (the sources asked for), then each group's members paged to the end. */
async function* membersOfEveryGroup(nango: MimecastNango, sources: readonly GroupSource[]): AsyncGenerator<ListPage<GroupMember>> {
    const groupIds: string[] = [];
    for await (const page of listAllGroups(nango, sources)) {
        groupIds.push(...page.records.map((g) => g.id));
        // An unreadable or shifting group list defers deletes too: its members may be missing.
        yield stateOf(page);
    }
    for (const groupId of new Set(groupIds)) {
        yield* listAll(nango, {
            path: MEMBERS_PATH,
            data: { id: groupId },
            recordsIn: 'groupMembers',
            pageSize: DIRECTORY_PAGE_SIZE,
            toRecord: (raw): GroupMember => ({
                id: `${groupId}:${memberKey(raw, MEMBERS_PATH)}`,
                groupId,
                emailAddress: optionalString(raw, 'emailAddress'),
                domain: optionalString(raw, 'domain'),
                name: optionalString(raw, 'name'),
                type: optionalString(raw, 'type'),
                internal: optionalBoolean(raw, 'internal'),
                notes: optionalString(raw, 'notes')
            })
        });
    }
}

export type NangoSyncLocal = Parameters<(typeof sync)['exec']>[0];
export default sync;

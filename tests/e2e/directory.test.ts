// End to end through the simulator: the directory syncs against its stateful directory, and the
// group-member actions followed by the group-members sync that observes them (add -> saved,
// remove -> deleted), including a failing run that must delete nothing.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { openLocalHost, type LocalHost } from '../../host/local.js';
import { findFunction } from '../../host/runner.js';
import { ACCOUNT } from '../../simulator/endpoints/account.js';
import { TENANT_DOMAIN, tenantUser } from '../../simulator/endpoints/audit-events.js';

async function open(sizes: Record<string, number>): Promise<LocalHost> {
    return openLocalHost({ env: { NANGO_LOCAL_DIR: mkdtempSync(join(tmpdir(), 'directory-')) }, simulator: { sizes }, proxy: { backoffBaseMs: 1 } });
}

const records = (local: LocalHost, model: string) => local.store.listRecords(local.connection.connectionId, model).map((r) => r.data);
const sync = (local: LocalHost, name: string) => local.host.runSync(findFunction(name));
const action = (local: LocalHost, name: string, input: unknown) => local.host.runAction(findFunction(name), input);

describe('directory against the simulator', () => {
    it("users: every internal domain, and the primary domain holds exactly the account's users", async () => {
        const local = await open({});
        try {
            const result = await sync(local, 'users');
            const users = records(local, 'User');
            const primary = users.filter((u) => u['domain'] === TENANT_DOMAIN);
            const account = (await action(local, 'get-account', {})) as { userCount: number };
            expect(account.userCount).toBe(ACCOUNT.userCount);
            expect(primary).toHaveLength(account.userCount);
            expect(new Set(users.map((u) => u['domain']))).toEqual(new Set([TENANT_DOMAIN, 'simulated-tenant.co.example', 'mail.simulated-tenant.example']));
            // Audit events name tenantUser(i): the same people are in the directory.
            const ids = new Set(users.map((u) => u['id']));
            for (const i of [0, 7, ACCOUNT.userCount - 1]) expect(ids.has(tenantUser(i).email)).toBe(true);
            // 1 domains page, then users pages of 100: 1250 primary (13), 125 aliases (2), 13 shared mailboxes (1).
            expect(result.requests).toBe(1 + 13 + 2 + 1);
            expect(ids.size).toBe(users.length);
        } finally {
            await local.close();
        }
    });

    it('add-group-member then the sync saves the member; remove-group-member then the sync deletes it; a failing run deletes nothing', async () => {
        const local = await open({ internalUsers: 300, directoryGroups: 12 });
        try {
            await sync(local, 'groups');
            const groups = records(local, 'Group');
            expect(groups).toHaveLength(12);
            expect(new Set(groups.map((g) => g['source']))).toEqual(new Set(['cloud', 'ldap']));

            const first = await sync(local, 'group-members');
            const before = records(local, 'GroupMember');
            expect(before.length).toBe(first.models['GroupMember']!.added);
            const allStaff = groups.find((g) => g['description'] === 'All Staff')!;
            // All Staff has 150 members: two pages of 100.
            expect(before.filter((m) => m['groupId'] === allStaff['id'])).toHaveLength(150);

            const found = (await action(local, 'find-groups', { query: 'blocked senders' })) as { groups: { id: string; description: string }[] };
            expect(found.groups.map((g) => g.description)).toEqual(['Blocked Senders']);
            const groupId = found.groups[0]!.id;

            const added = await action(local, 'add-group-member', { id: groupId, emailAddress: 'New.Phish@evil-example.net', notes: 'SOC ticket 7' });
            expect(added).toMatchObject({ groupId, emailAddress: 'New.Phish@evil-example.net', internal: false, added: true });
            const afterAdd = await sync(local, 'group-members');
            expect(afterAdd.models['GroupMember']).toMatchObject({ added: 1, deleted: 0 });
            expect(records(local, 'GroupMember').find((m) => m['id'] === `${groupId}:new.phish@evil-example.net`)).toMatchObject({
                groupId,
                emailAddress: 'New.Phish@evil-example.net',
                domain: 'evil-example.net',
                internal: false,
                notes: 'SOC ticket 7'
            });

            await expect(action(local, 'remove-group-member', { id: groupId, emailAddress: 'new.phish@evil-example.net' })).resolves.toEqual({
                groupId,
                emailAddress: 'new.phish@evil-example.net',
                removed: true
            });
            // A run that fails on a later group keeps the removed member.
            local.simulator!.addFault({
                kind: 'fail',
                code: 'err_server_busy',
                message: 'Try again later',
                path: '/api/directory/get-group-members',
                after: 5
            });
            await expect(sync(local, 'group-members')).rejects.toThrow('err_server_busy');
            expect(records(local, 'GroupMember').some((m) => m['id'] === `${groupId}:new.phish@evil-example.net`)).toBe(true);

            const afterRemove = await sync(local, 'group-members');
            expect(afterRemove.models['GroupMember']).toMatchObject({ added: 0, deleted: 1 });
            expect(records(local, 'GroupMember').some((m) => m['id'] === `${groupId}:new.phish@evil-example.net`)).toBe(false);
            expect(records(local, 'GroupMember')).toHaveLength(before.length);

            // Removing it again is Mimecast's fail[], reported as an error.
            await expect(action(local, 'remove-group-member', { id: groupId, emailAddress: 'new.phish@evil-example.net' })).rejects.toMatchObject({
                payload: { code: 'err_member_not_found' }
            });
        } finally {
            await local.close();
        }
    });

    it('create-group then the groups sync sees it, and a domain added to it reaches group-members', async () => {
        const local = await open({ internalUsers: 100, directoryGroups: 4 });
        try {
            const parent = ((await action(local, 'find-groups', { query: 'All Staff' })) as { groups: { id: string }[] }).groups[0]!;
            const created = (await action(local, 'create-group', { description: 'Quarantine Review', parentId: parent.id })) as { id: string };
            expect(created).toMatchObject({ description: 'Quarantine Review', source: 'cloud', parentId: parent.id, userCount: 0 });

            await sync(local, 'groups');
            expect(records(local, 'Group').find((g) => g['id'] === created.id)).toMatchObject({ description: 'Quarantine Review', parentId: parent.id });

            await action(local, 'add-group-member', { id: created.id, domain: 'Evil-Example.net' });
            await sync(local, 'group-members');
            expect(records(local, 'GroupMember').filter((m) => m['groupId'] === created.id)).toEqual([
                { id: `${created.id}:evil-example.net`, groupId: created.id, domain: 'evil-example.net', type: 'created_manually', internal: false }
            ]);
        } finally {
            await local.close();
        }
    });
});

import nock from 'nock';

import { createTestHost, envelope, failEnvelope, mockToken, TEST_BASE } from '../harness.js';

const FIND = '/api/directory/find-groups';
const MEMBERS = '/api/directory/get-group-members';

type FindBody = { data: { source: string }[] };
type MembersBody = { meta: { pagination: { pageSize: number; pageToken?: string } }; data: { id: string }[] };

const folder = (id: string, description: string) => ({ id, description, source: 'cloud', userCount: 1, folderCount: 0 });
const foldersPage = (folders: unknown[]) => envelope([{ folders }]);
const membersPage = (groupMembers: unknown[], next?: string) => envelope([{ groupMembers }], next);
const person = (emailAddress: string, extra: Record<string, unknown> = {}) => ({
    name: 'Alice Archer',
    emailAddress,
    domain: emailAddress.split('@')[1],
    type: 'created_manually',
    internal: true,
    ...extra
});

function groups(cloud: unknown[], ldap: unknown[] = []) {
    nock(TEST_BASE)
        .post(FIND, (b: FindBody) => b.data[0]!.source === 'cloud')
        .reply(200, foldersPage(cloud));
    nock(TEST_BASE)
        .post(FIND, (b: FindBody) => b.data[0]!.source === 'ldap')
        .reply(200, foldersPage(ldap));
}

describe('sync group-members', () => {
    it('reads the members of every group, page by page, with stable ids per group and address or domain', async () => {
        const t = createTestHost();
        mockToken();
        groups([folder('g1', 'Finance'), folder('g2', 'Blocked Senders')], [{ ...folder('l1', 'AD Staff'), source: 'ldap' }]);
        const api = nock(TEST_BASE)
            .post(MEMBERS, { meta: { pagination: { pageSize: 100 } }, data: [{ id: 'g1' }] })
            .reply(200, membersPage([person('Alice.Archer@corp.example.com')], 'm2'))
            .post(MEMBERS, { meta: { pagination: { pageSize: 100, pageToken: 'm2' } }, data: [{ id: 'g1' }] })
            .reply(200, membersPage([person('bob@corp.example.com', { name: 'Bob Baker', notes: 'finance lead' })]))
            .post(MEMBERS, { meta: { pagination: { pageSize: 100 } }, data: [{ id: 'g2' }] })
            .reply(
                200,
                membersPage([
                    { domain: 'Phish.Example.net', type: 'created_manually', internal: false, notes: '' },
                    person('x@spam.example.org', { internal: false, name: '' })
                ])
            )
            .post(MEMBERS, { meta: { pagination: { pageSize: 100 } }, data: [{ id: 'l1' }] })
            .reply(200, membersPage([person('alice.archer@corp.example.com', { type: 'ldap' })]));

        const result = await t.runSync('group-members');

        expect(api.isDone()).toBe(true);
        expect(result.models['GroupMember']).toMatchObject({ added: 5 });
        expect(t.records('GroupMember')).toEqual([
            {
                id: 'g1:alice.archer@corp.example.com',
                groupId: 'g1',
                emailAddress: 'Alice.Archer@corp.example.com',
                domain: 'corp.example.com',
                name: 'Alice Archer',
                type: 'created_manually',
                internal: true
            },
            {
                id: 'g1:bob@corp.example.com',
                groupId: 'g1',
                emailAddress: 'bob@corp.example.com',
                domain: 'corp.example.com',
                name: 'Bob Baker',
                type: 'created_manually',
                internal: true,
                notes: 'finance lead'
            },
            { id: 'g2:phish.example.net', groupId: 'g2', domain: 'Phish.Example.net', type: 'created_manually', internal: false },
            {
                id: 'g2:x@spam.example.org',
                groupId: 'g2',
                emailAddress: 'x@spam.example.org',
                domain: 'spam.example.org',
                type: 'created_manually',
                internal: false
            },
            {
                id: 'l1:alice.archer@corp.example.com',
                groupId: 'l1',
                emailAddress: 'alice.archer@corp.example.com',
                domain: 'corp.example.com',
                name: 'Alice Archer',
                type: 'ldap',
                internal: true
            }
        ]);
    });

    it('deletes a member removed from its group on the next run', async () => {
        const t = createTestHost();
        mockToken();
        groups([folder('g1', 'Finance')]);
        nock(TEST_BASE)
            .post(MEMBERS)
            .reply(200, membersPage([person('alice@corp.example.com'), person('bob@corp.example.com')]));
        await t.runSync('group-members');

        groups([folder('g1', 'Finance')]);
        nock(TEST_BASE)
            .post(MEMBERS)
            .reply(200, membersPage([person('alice@corp.example.com')]));
        const second = await t.runSync('group-members');

        expect(second.models['GroupMember']).toMatchObject({ deleted: 1 });
        expect(t.records('GroupMember').map((r) => r['id'])).toEqual(['g1:alice@corp.example.com']);
    });

    it('deletes every member of a group that was deleted', async () => {
        const t = createTestHost();
        mockToken();
        groups([folder('g1', 'Finance'), folder('g2', 'Sales')]);
        nock(TEST_BASE)
            .post(MEMBERS, (b: MembersBody) => b.data[0]!.id === 'g1')
            .reply(200, membersPage([person('alice@corp.example.com')]));
        nock(TEST_BASE)
            .post(MEMBERS, (b: MembersBody) => b.data[0]!.id === 'g2')
            .reply(200, membersPage([person('alice@corp.example.com'), person('bob@corp.example.com')]));
        await t.runSync('group-members');
        expect(t.records('GroupMember')).toHaveLength(3);

        groups([folder('g1', 'Finance')]);
        nock(TEST_BASE)
            .post(MEMBERS, (b: MembersBody) => b.data[0]!.id === 'g1')
            .reply(200, membersPage([person('alice@corp.example.com')]));
        const second = await t.runSync('group-members');
        expect(second.models['GroupMember']).toMatchObject({ deleted: 2 });
        expect(t.records('GroupMember').map((r) => r['id'])).toEqual(['g1:alice@corp.example.com']);
    });

    it('deletes nothing when a later group fails with fail[], and reports Mimecast code and message', async () => {
        const t = createTestHost();
        mockToken();
        groups([folder('g1', 'Finance'), folder('g2', 'Sales')]);
        nock(TEST_BASE)
            .post(MEMBERS, (b: MembersBody) => b.data[0]!.id === 'g1')
            .reply(200, membersPage([person('alice@corp.example.com'), person('bob@corp.example.com')]));
        nock(TEST_BASE)
            .post(MEMBERS, (b: MembersBody) => b.data[0]!.id === 'g2')
            .reply(200, membersPage([person('carol@corp.example.com')]));
        await t.runSync('group-members');

        groups([folder('g1', 'Finance'), folder('g2', 'Sales')]);
        nock(TEST_BASE)
            .post(MEMBERS, (b: MembersBody) => b.data[0]!.id === 'g1')
            .reply(200, membersPage([person('alice@corp.example.com')]));
        nock(TEST_BASE)
            .post(MEMBERS, (b: MembersBody) => b.data[0]!.id === 'g2')
            .reply(200, failEnvelope('err_folder_not_found', 'Group could not be found', 'id'));

        await expect(t.runSync('group-members')).rejects.toThrow('Mimecast err_folder_not_found: Group could not be found (field: id)');
        expect(
            t
                .records('GroupMember')
                .map((r) => r['id'])
                .sort()
        ).toEqual(['g1:alice@corp.example.com', 'g1:bob@corp.example.com', 'g2:carol@corp.example.com']);
    });

    it('skips a member with neither emailAddress nor domain (one odd record never stops a sync), logging it by hash', async () => {
        const t = createTestHost();
        mockToken();
        groups([folder('g1', 'Finance')]);
        nock(TEST_BASE)
            .post(MEMBERS)
            .reply(200, membersPage([{ name: 'Nobody', type: 'created_manually' }]));
        await t.runSync('group-members');
        expect(t.records('GroupMember')).toEqual([]);
        const log = t.logs.join('\n');
        expect(log).toContain('skipped 1 record that could not be read');
        expect(log).toContain('1 records skipped');
        expect(log).not.toContain('Nobody');
    });
});

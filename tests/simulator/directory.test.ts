import { startSimulator, type Simulator } from '../../simulator/index.js';
import { call, getToken } from './helpers.js';

type Users = { users: { emailAddress: string; domain: string; alias: boolean }[] };
type Folders = { folders: { id: string; description: string; source: string; userCount: number }[] };
type Members = { groupMembers: { emailAddress?: string; domain: string }[] };

describe('simulator: directory endpoints', () => {
    let sim: Simulator;
    let token: string;
    beforeAll(async () => {
        sim = await startSimulator({ sizes: { internalUsers: 250, directoryGroups: 8 } });
        token = await getToken(sim);
    });
    afterAll(() => sim.close());

    const post = <T>(path: string, item: Record<string, unknown> | undefined, pagination?: Record<string, unknown>) =>
        call<T>(sim, path, { ...(pagination ? { meta: { pagination } } : {}), data: item ? [item] : [] }, token);

    it('lists three internal domains flat in data[]', async () => {
        const res = await post<{ domain: string }>('/api/domain/get-internal-domain', undefined);
        expect(res.body.data.map((d) => d.domain)).toEqual(['simulated-tenant.example', 'simulated-tenant.co.example', 'mail.simulated-tenant.example']);
    });

    it('pages the users of a domain under data[0].users with tokens bound to the domain', async () => {
        const first = await post<Users>('/api/user/get-internal-users', { domain: 'simulated-tenant.example' });
        expect(first.body.data[0]!.users).toHaveLength(100);
        expect(first.body.meta.pagination).toMatchObject({ pageSize: 100, totalCount: 250, next: expect.any(String) });
        const next = first.body.meta.pagination!.next!;
        const second = await post<Users>('/api/user/get-internal-users', { domain: 'simulated-tenant.example' }, { pageToken: next });
        expect(second.body.data[0]!.users[0]!.emailAddress).not.toBe(first.body.data[0]!.users[0]!.emailAddress);
        const replayed = await post('/api/user/get-internal-users', { domain: 'simulated-tenant.co.example' }, { pageToken: next });
        expect(replayed.body.fail[0]!.errors![0]!.code).toBe('err_invalid_page_token');
        const aliases = await post<Users>('/api/user/get-internal-users', { domain: 'simulated-tenant.co.example' });
        expect(aliases.body.data[0]!.users.every((u) => u.alias)).toBe(true);
    });

    it('rejects a missing or unknown domain with fail[]', async () => {
        expect((await post('/api/user/get-internal-users', {})).body.fail[0]!.errors![0]).toMatchObject({ code: 'err_validation_missing', field: 'domain' });
        expect((await post('/api/user/get-internal-users', { domain: 'other.example' })).body.fail[0]!.errors![0]).toMatchObject({
            code: 'err_domain_not_found'
        });
    });

    it('find-groups searches the cloud directory by default and the LDAP one on request', async () => {
        const cloud = await post<Folders>('/api/directory/find-groups', undefined);
        const ldap = await post<Folders>('/api/directory/find-groups', { source: 'ldap' });
        expect(cloud.body.data[0]!.folders.every((f) => f.source === 'cloud')).toBe(true);
        expect(ldap.body.data[0]!.folders.every((f) => f.source === 'ldap')).toBe(true);
        expect(cloud.body.data[0]!.folders.length + ldap.body.data[0]!.folders.length).toBe(8);
        expect((await post('/api/directory/find-groups', { source: 'azure' })).body.fail[0]!.errors![0]).toMatchObject({ field: 'source' });
    });

    it('add and remove change get-group-members; LDAP groups and bad members are refused', async () => {
        const folders = (await post<Folders>('/api/directory/find-groups', { query: 'finance' })).body.data[0]!.folders;
        const group = folders[0]!;
        const members = async () => (await post<Members>('/api/directory/get-group-members', { id: group.id })).body.data[0]!.groupMembers;
        const before = (await members()).length;
        expect(before).toBe(group.userCount);

        const added = await post('/api/directory/add-group-member', { id: group.id, emailAddress: 'x@evil.example' });
        expect(added.body.data[0]).toMatchObject({ folderId: group.id, emailAddress: 'x@evil.example', internal: false });
        expect(await members()).toHaveLength(before + 1);
        // Mimecast answers the removed member (published sample: rapid7 delete_group_member.json.resp).
        expect((await post('/api/directory/remove-group-member', { id: group.id, emailAddress: 'X@evil.example' })).body).toMatchObject({
            data: [{ folderId: group.id, emailAddress: 'x@evil.example', internal: false }],
            fail: []
        });
        expect(await members()).toHaveLength(before);
        expect((await post('/api/directory/remove-group-member', { id: group.id, emailAddress: 'x@evil.example' })).body.fail[0]!.errors![0]).toMatchObject({
            code: 'err_member_not_found'
        });

        expect((await post('/api/directory/add-group-member', { id: group.id })).body.fail[0]!.errors![0]).toMatchObject({ field: 'emailAddress' });
        expect(
            (await post('/api/directory/add-group-member', { id: group.id, emailAddress: 'a@b.example', domain: 'b.example' })).body.fail[0]!.errors![0]
        ).toMatchObject({ field: 'domain' });
        expect((await post('/api/directory/add-group-member', { id: 'nope', domain: 'b.example' })).body.fail[0]!.errors![0]).toMatchObject({
            code: 'err_folder_not_found'
        });
        const ldap = (await post<Folders>('/api/directory/find-groups', { source: 'ldap' })).body.data[0]!.folders[0]!;
        for (const path of ['/api/directory/add-group-member', '/api/directory/remove-group-member']) {
            expect((await post(path, { id: ldap.id, domain: 'b.example' })).body.fail[0]!.errors![0]).toMatchObject({
                code: 'err_folder_read_only',
                field: 'id'
            });
        }
    });

    it('create-group adds a cloud group under an existing parent', async () => {
        const parent = (await post<Folders>('/api/directory/find-groups', undefined)).body.data[0]!.folders[0]!;
        const created = await post<{ id: string; parentId: string; source: string }>('/api/directory/create-group', {
            description: 'New Group',
            parentId: parent.id
        });
        expect(created.body.data[0]).toMatchObject({ description: 'New Group', parentId: parent.id, source: 'cloud', userCount: 0 });
        const found = (await post<Folders>('/api/directory/find-groups', { query: 'new group' })).body.data[0]!.folders;
        expect(found.map((f) => f.id)).toEqual([created.body.data[0]!.id]);
        expect((await post('/api/directory/create-group', { description: 'X', parentId: 'missing' })).body.fail[0]!.errors![0]).toMatchObject({
            code: 'err_folder_not_found',
            field: 'parentId'
        });
    });
});

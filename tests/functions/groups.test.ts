import nock from 'nock';

import { createTestHost, envelope, failEnvelope, mockToken, TEST_BASE } from '../harness.js';

const FIND = '/api/directory/find-groups';

const folder = (id: string, description: string, extra: Record<string, unknown> = {}) => ({
    id,
    description,
    source: 'cloud',
    userCount: 3,
    folderCount: 0,
    ...extra
});
const foldersPage = (folders: unknown[], next?: string) => envelope([{ folders }], next);

describe('sync groups', () => {
    it('pages find-groups for the cloud and the LDAP directory and saves every folder', async () => {
        const t = createTestHost();
        mockToken();
        const api = nock(TEST_BASE)
            .post(FIND, { meta: { pagination: { pageSize: 100 } }, data: [{ source: 'cloud' }] })
            .reply(200, foldersPage([folder('g1', 'Finance'), folder('g2', 'Blocked Senders', { parentId: 'g1', userCount: 0 })], 'p2'))
            .post(FIND, { meta: { pagination: { pageSize: 100, pageToken: 'p2' } }, data: [{ source: 'cloud' }] })
            .reply(200, foldersPage([folder('g3', 'VIPs', { folderCount: 2 })]))
            .post(FIND, { meta: { pagination: { pageSize: 100 } }, data: [{ source: 'ldap' }] })
            .reply(200, foldersPage([folder('l1', 'AD Staff', { source: 'ldap', userCount: 250 })]));

        const result = await t.runSync('groups');

        expect(api.isDone()).toBe(true);
        expect(result.models['Group']).toMatchObject({ added: 4 });
        expect(t.records('Group')).toEqual([
            { id: 'g1', description: 'Finance', source: 'cloud', userCount: 3, folderCount: 0 },
            { id: 'g2', description: 'Blocked Senders', source: 'cloud', parentId: 'g1', userCount: 0, folderCount: 0 },
            { id: 'g3', description: 'VIPs', source: 'cloud', userCount: 3, folderCount: 2 },
            { id: 'l1', description: 'AD Staff', source: 'ldap', userCount: 250, folderCount: 0 }
        ]);
    });

    it('stops on an empty last page that still carries next', async () => {
        const t = createTestHost();
        mockToken();
        nock(TEST_BASE)
            .post(FIND, (b: { data: { source: string }[] }) => b.data[0]!.source === 'cloud')
            .reply(200, foldersPage([], 'again'));
        nock(TEST_BASE)
            .post(FIND, (b: { data: { source: string }[] }) => b.data[0]!.source === 'ldap')
            .reply(200, foldersPage([]));
        await t.runSync('groups');
        expect(nock.pendingMocks()).toEqual([]);
        expect(t.records('Group')).toEqual([]);
    });

    it('deletes a removed group on the next run, and nothing when a run fails', async () => {
        const t = createTestHost();
        mockToken();
        nock(TEST_BASE)
            .post(FIND, (b: { data: { source: string }[] }) => b.data[0]!.source === 'cloud')
            .reply(200, foldersPage([folder('g1', 'Finance'), folder('g2', 'Sales')]));
        nock(TEST_BASE)
            .post(FIND, (b: { data: { source: string }[] }) => b.data[0]!.source === 'ldap')
            .reply(200, foldersPage([]));
        await t.runSync('groups');

        // Failing run: the cloud page (without g2) arrives, then the LDAP call fails: nothing is deleted.
        nock(TEST_BASE)
            .post(FIND, (b: { data: { source: string }[] }) => b.data[0]!.source === 'cloud')
            .reply(200, foldersPage([folder('g1', 'Finance')]));
        nock(TEST_BASE)
            .post(FIND, (b: { data: { source: string }[] }) => b.data[0]!.source === 'ldap')
            .reply(200, failEnvelope('err_ldap_unavailable', 'Directory connector unavailable'));
        await expect(t.runSync('groups')).rejects.toThrow('Mimecast err_ldap_unavailable: Directory connector unavailable');
        expect(t.records('Group').map((r) => r['id'])).toEqual(['g1', 'g2']);

        nock(TEST_BASE)
            .post(FIND, (b: { data: { source: string }[] }) => b.data[0]!.source === 'cloud')
            .reply(200, foldersPage([folder('g1', 'Finance')]));
        nock(TEST_BASE)
            .post(FIND, (b: { data: { source: string }[] }) => b.data[0]!.source === 'ldap')
            .reply(200, foldersPage([]));
        const third = await t.runSync('groups');
        expect(third.models['Group']).toMatchObject({ deleted: 1 });
        expect(t.records('Group').map((r) => r['id'])).toEqual(['g1']);
    });

    it('reports a 403 (directory permission missing) with its status', async () => {
        const t = createTestHost();
        mockToken();
        nock(TEST_BASE)
            .post(FIND)
            .reply(403, { meta: { status: 403 }, data: [], fail: [{ errors: [{ code: 'err_forbidden', message: 'Permission denied' }] }] });
        await expect(t.runSync('groups')).rejects.toThrow(/err_forbidden/);
    });
});

// groups, find-groups and group-members replayed against Rapid7's published find-groups answer: folders
// under data[0].folders, beside data[0].source.
import nock from 'nock';

import { createTestHost, envelope, mockToken, TEST_BASE } from '../harness.js';
import { fixture } from './fixtures.js';

type Folders = { data: { folders: { id: string; parentId: string }[] }[] };
const FIND = '/api/directory/find-groups';

describe('contract: groups (rapid7 find-groups sample)', () => {
    it('saves every cloud folder with description, parent, user and folder counts', async () => {
        const t = createTestHost({ metadata: { groupSources: ['cloud'] } });
        mockToken();
        const body = fixture<Folders>('find-groups.rapid7');
        nock(TEST_BASE)
            .post(FIND, (b: { data: { source: string }[] }) => b.data[0]?.source === 'cloud')
            .reply(200, body);

        const result = await t.runSync('groups');

        expect(result.models['Group']).toMatchObject({ added: 7 });
        const groups = t.records('Group');
        expect(groups.map((g) => g['description'])).toEqual([
            'InsightConnect test',
            'New Folder',
            'Permitted senders',
            'Blocked Senders',
            'Relay',
            'New Folder',
            'adminnystuff'
        ]);
        expect(groups.find((g) => g['description'] === 'Blocked Senders')).toEqual({
            id: body.data[0]!.folders[3]!.id,
            description: 'Blocked Senders',
            source: 'cloud',
            parentId: body.data[0]!.folders[3]!.parentId,
            userCount: 1,
            folderCount: 1
        });
        // Relay has no users: 0 is kept, not dropped.
        expect(groups.find((g) => g['description'] === 'Relay')).toMatchObject({ userCount: 0, folderCount: 0 });
    });

    it('find-groups returns the matching folders and a count', async () => {
        const t = createTestHost();
        mockToken();
        nock(TEST_BASE)
            .post(FIND, { meta: { pagination: { pageSize: 100 } }, data: [{ query: 'senders', source: 'cloud' }] })
            .reply(200, fixture('find-groups.rapid7'));

        const out = (await t.runAction('find-groups', { query: 'senders' })) as { groups: { description: string }[]; count: number; truncated: boolean };

        expect({ count: out.count, truncated: out.truncated }).toEqual({ count: 7, truncated: false });
        expect(out.groups.map((g) => g.description)).toContain('Permitted senders');
    });

    it('group-members asks get-group-members for each folder of the sample', async () => {
        const t = createTestHost({ metadata: { groupSources: ['cloud'] } });
        mockToken();
        const body = fixture<Folders>('find-groups.rapid7');
        nock(TEST_BASE).post(FIND).reply(200, body);
        const asked: string[] = [];
        nock(TEST_BASE)
            .post('/api/directory/get-group-members', (b: { data: { id: string }[] }) => asked.push(b.data[0]!.id) > 0)
            .times(7)
            .reply(200, envelope([{ groupMembers: [] }]));

        await t.runSync('group-members');

        expect(asked).toEqual(body.data[0]!.folders.map((f) => f.id));
    });
});

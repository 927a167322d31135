// One metadata object per connection serves every sync: each reads its own keys and accepts the others'.
import nock from 'nock';

import { createTestHost, envelope, mockToken, TEST_BASE } from '../harness.js';

const FIND = '/api/directory/find-groups';
const MEMBERS = '/api/directory/get-group-members';
const folders = (items: unknown[]) => envelope([{ folders: items }]);

describe('connection metadata', () => {
    it('groupSources ["cloud"] keeps the group syncs off the LDAP directory', async () => {
        const t = createTestHost({ metadata: { groupSources: ['cloud'], backfillDays: 3 } });
        mockToken();
        const sources: string[] = [];
        nock(TEST_BASE)
            .post(FIND, (b: { data: { source: string }[] }) => sources.push(b.data[0]!.source) > 0)
            .times(2)
            .reply(200, folders([{ id: 'g1', description: 'Finance', source: 'cloud' }]));
        nock(TEST_BASE)
            .post(MEMBERS, { meta: { pagination: { pageSize: 100 } }, data: [{ id: 'g1' }] })
            .reply(200, envelope([{ groupMembers: [{ emailAddress: 'Ann@Acme.example', type: 'created_manually' }] }]));

        await t.runSync('groups');
        await t.runSync('group-members');

        expect(sources).toEqual(['cloud', 'cloud']);
        expect(t.records('Group').map((r) => r['id'])).toEqual(['g1']);
        expect(t.records('GroupMember').map((r) => r['id'])).toEqual(['g1:ann@acme.example']);
    });

    it("a log sync reads backfillDays from metadata that also carries other syncs' keys", async () => {
        const t = createTestHost({ metadata: { groupSources: ['cloud'], backfillDays: 3, maxPagesPerRun: 5 } });
        mockToken();
        let span = 0;
        nock(TEST_BASE)
            .post('/api/audit/get-audit-events', (b: { data: { startDateTime: string; endDateTime: string }[] }) => {
                const { startDateTime, endDateTime } = b.data[0]!;
                span = Date.parse(endDateTime.replace('+0000', 'Z')) - Date.parse(startDateTime.replace('+0000', 'Z'));
                return true;
            })
            .reply(200, envelope([]));
        await t.runSync('audit-events');
        expect(span).toBe(3 * 86_400_000);
    });
});

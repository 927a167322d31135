// add-group-member and remove-group-member replayed against Rapid7's published answers: Mimecast answers
// both with the member `{id, folderId, emailAddress, internal}`.
import nock from 'nock';

import { createTestHost, mockToken, TEST_BASE } from '../harness.js';
import { fixture } from './fixtures.js';

type Member = { data: { id: string; folderId: string }[] };

describe('contract: add-group-member (rapid7 sample)', () => {
    it('returns the group id, the member id, the address and whether it is internal', async () => {
        const t = createTestHost();
        mockToken();
        const body = fixture<Member>('add-group-member.rapid7');
        const groupId = body.data[0]!.folderId;
        nock(TEST_BASE)
            .post('/api/directory/add-group-member', { data: [{ id: groupId, emailAddress: 'test4@rapid7.com' }] })
            .reply(200, body);

        await expect(t.runAction('add-group-member', { id: groupId, emailAddress: 'test4@rapid7.com' })).resolves.toEqual({
            groupId,
            memberId: body.data[0]!.id,
            emailAddress: 'test4@rapid7.com',
            internal: true,
            added: true
        });
    });
});

describe('contract: remove-group-member (rapid7 sample)', () => {
    it('reports the removal for the group and address asked', async () => {
        const t = createTestHost();
        mockToken();
        const body = fixture<Member>('remove-group-member.rapid7');
        const groupId = body.data[0]!.folderId;
        nock(TEST_BASE)
            .post('/api/directory/remove-group-member', { data: [{ id: groupId, emailAddress: 'test4@rapid7.com' }] })
            .reply(200, body);

        await expect(t.runAction('remove-group-member', { id: groupId, emailAddress: 'test4@rapid7.com' })).resolves.toEqual({
            groupId,
            emailAddress: 'test4@rapid7.com',
            removed: true
        });
    });
});

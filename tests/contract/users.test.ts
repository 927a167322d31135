// users replayed against a recording of a real tenant (graph-mimecast): two internal domains, then each
// domain's users under data[0].users. What an analyst gets: every address, keyed case-insensitively.
import nock from 'nock';

import { createTestHost, mockToken, TEST_BASE } from '../harness.js';
import { fixture } from './fixtures.js';

describe('contract: users (recorded tenant)', () => {
    it('saves the users of every internal domain with name, domain, alias, addressType and source', async () => {
        const t = createTestHost();
        mockToken();
        const api = nock(TEST_BASE)
            .post('/api/domain/get-internal-domain')
            .reply(200, fixture('get-internal-domain.graph-mimecast'))
            .post('/api/user/get-internal-users', (b: { data: { domain: string }[] }) => b.data[0]?.domain === 'jupiterone.mime-api.com')
            .reply(200, fixture('get-internal-users.graph-mimecast'))
            .post('/api/user/get-internal-users', (b: { data: { domain: string }[] }) => b.data[0]?.domain === 'journal.jupiterone.mime-api.com')
            .reply(200, fixture('get-internal-users-journal.graph-mimecast'));

        const result = await t.runSync('users');

        expect(api.isDone()).toBe(true);
        expect(result.models['User']).toMatchObject({ added: 7, deleted: 0 });
        const users = t.records('User');
        expect(users.map((u) => u['id'])).toEqual([
            'abuse@jupiterone.mime-api.com',
            'austin.kelleher@jupiterone.mime-api.com',
            'chris.elias@jupiterone.mime-api.com',
            'max.daum@jupiterone.mime-api.com',
            'postmaster@jupiterone.mime-api.com',
            'sam.andrus@jupiterone.mime-api.com',
            'journaling@journal.jupiterone.mime-api.com'
        ]);
        expect(users.find((u) => u['id'] === 'sam.andrus@jupiterone.mime-api.com')).toEqual({
            id: 'sam.andrus@jupiterone.mime-api.com',
            emailAddress: 'sam.andrus@jupiterone.mime-api.com',
            name: 'Admin account',
            domain: 'jupiterone.mime-api.com',
            alias: false,
            addressType: 'created_by_email',
            source: 'cloud'
        });
        expect(users.find((u) => u['id'] === 'journaling@journal.jupiterone.mime-api.com')).toMatchObject({
            domain: 'journal.jupiterone.mime-api.com',
            addressType: 'created_manually'
        });
    });
});

import nock from 'nock';

import { createTestHost, envelope, failEnvelope, mockToken, TEST_BASE } from '../harness.js';

const DOMAINS = '/api/domain/get-internal-domain';
const USERS = '/api/user/get-internal-users';

const domain = (name: string) => ({ id: `dom-${name}`, domain: name, inboundType: 'known', local: true, sendOnly: false });
const user = (emailAddress: string, extra: Record<string, unknown> = {}) => ({
    emailAddress,
    name: 'Some One',
    domain: emailAddress.split('@')[1],
    alias: false,
    addressType: 'internal',
    ...extra
});
const usersPage = (users: unknown[], next?: string) => envelope([{ users }], next);

describe('sync users', () => {
    it('lists the domains, then every page of users of each domain, and saves users keyed by lower-cased address', async () => {
        const t = createTestHost();
        mockToken();
        const api = nock(TEST_BASE)
            .post(DOMAINS, { meta: { pagination: { pageSize: 100 } }, data: [] })
            .reply(200, envelope([domain('corp.example.com')], 'dom-2'))
            .post(DOMAINS, { meta: { pagination: { pageSize: 100, pageToken: 'dom-2' } }, data: [] })
            .reply(200, envelope([domain('alias.example.com')]))
            .post(USERS, { meta: { pagination: { pageSize: 100 } }, data: [{ domain: 'corp.example.com' }] })
            .reply(200, usersPage([user('Alice.Archer@corp.example.com', { name: 'Alice Archer' }), user('bob@corp.example.com', { name: '' })], 'users-2'))
            .post(USERS, { meta: { pagination: { pageSize: 100, pageToken: 'users-2' } }, data: [{ domain: 'corp.example.com' }] })
            .reply(200, usersPage([user('carol@corp.example.com')]))
            .post(USERS, { meta: { pagination: { pageSize: 100 } }, data: [{ domain: 'alias.example.com' }] })
            .reply(200, usersPage([user('alice@alias.example.com', { alias: true, addressType: 'alias' })]));

        const result = await t.runSync('users');

        expect(api.isDone()).toBe(true);
        expect(result.models['User']).toMatchObject({ added: 4, deleted: 0 });
        expect(t.records('User')).toEqual([
            {
                id: 'alice.archer@corp.example.com',
                emailAddress: 'Alice.Archer@corp.example.com',
                name: 'Alice Archer',
                domain: 'corp.example.com',
                alias: false,
                addressType: 'internal'
            },
            { id: 'bob@corp.example.com', emailAddress: 'bob@corp.example.com', domain: 'corp.example.com', alias: false, addressType: 'internal' },
            {
                id: 'carol@corp.example.com',
                emailAddress: 'carol@corp.example.com',
                name: 'Some One',
                domain: 'corp.example.com',
                alias: false,
                addressType: 'internal'
            },
            {
                id: 'alice@alias.example.com',
                emailAddress: 'alice@alias.example.com',
                name: 'Some One',
                domain: 'alias.example.com',
                alias: true,
                addressType: 'alias'
            }
        ]);
    });

    it('deletes a user that is gone on the next run', async () => {
        const t = createTestHost();
        mockToken();
        nock(TEST_BASE)
            .post(DOMAINS)
            .twice()
            .reply(200, envelope([domain('corp.example.com')]));
        nock(TEST_BASE)
            .post(USERS)
            .reply(200, usersPage([user('alice@corp.example.com'), user('bob@corp.example.com')]));
        nock(TEST_BASE)
            .post(USERS)
            .reply(200, usersPage([user('alice@corp.example.com')]));

        await t.runSync('users');
        const second = await t.runSync('users');

        expect(second.models['User']).toMatchObject({ deleted: 1 });
        expect(t.records('User').map((r) => r['id'])).toEqual(['alice@corp.example.com']);
    });

    it('deletes nothing when a run fails mid-way (fail[] on a later domain) and reports Mimecast code and message', async () => {
        const t = createTestHost();
        mockToken();
        nock(TEST_BASE)
            .post(DOMAINS)
            .reply(200, envelope([domain('corp.example.com')]));
        nock(TEST_BASE)
            .post(USERS)
            .reply(200, usersPage([user('alice@corp.example.com'), user('bob@corp.example.com')]));
        await t.runSync('users');

        nock(TEST_BASE)
            .post(DOMAINS)
            .reply(200, envelope([domain('corp.example.com'), domain('other.example.com')]));
        nock(TEST_BASE)
            .post(USERS, (b: { data: { domain: string }[] }) => b.data[0]!.domain === 'corp.example.com')
            .reply(200, usersPage([user('alice@corp.example.com')]));
        nock(TEST_BASE)
            .post(USERS, (b: { data: { domain: string }[] }) => b.data[0]!.domain === 'other.example.com')
            .reply(200, failEnvelope('err_domain_not_found', 'Domain could not be found', 'domain'));

        await expect(t.runSync('users')).rejects.toThrow('Mimecast err_domain_not_found: Domain could not be found');
        expect(
            t
                .records('User')
                .map((r) => r['id'])
                .sort()
        ).toEqual(['alice@corp.example.com', 'bob@corp.example.com']);
    });

    it('skips a user without an email address instead of saving a record without an id, and says so', async () => {
        const t = createTestHost();
        mockToken();
        nock(TEST_BASE)
            .post(DOMAINS)
            .reply(200, envelope([domain('corp.example.com')]));
        nock(TEST_BASE)
            .post(USERS)
            .reply(200, usersPage([{ name: 'No Address' }]));
        await t.runSync('users');
        expect(t.records('User')).toEqual([]);
        const log = t.logs.join('\n');
        expect(log).toContain('(no emailAddress)');
        expect(log).not.toContain('No Address');
    });
});

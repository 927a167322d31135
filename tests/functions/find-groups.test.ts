import nock from 'nock';

import { createTestHost, envelope, failEnvelope, mockToken, TEST_BASE } from '../harness.js';

const PATH = '/api/directory/find-groups';
const folder = (id: string, description: string, extra: Record<string, unknown> = {}) => ({
    id,
    description,
    source: 'cloud',
    userCount: 2,
    folderCount: 0,
    ...extra
});

describe('action find-groups', () => {
    it('sends query and source, follows pages and returns the groups flat', async () => {
        const t = createTestHost();
        mockToken();
        const api = nock(TEST_BASE)
            .post(PATH, { meta: { pagination: { pageSize: 100 } }, data: [{ query: 'Senders', source: 'ldap' }] })
            .reply(200, envelope([{ folders: [folder('g1', 'Blocked Senders', { source: 'ldap', parentId: 'root' })] }], 'p2'))
            .post(PATH, { meta: { pagination: { pageSize: 100, pageToken: 'p2' } }, data: [{ query: 'Senders', source: 'ldap' }] })
            .reply(200, envelope([{ folders: [folder('g2', 'Permitted Senders', { source: 'ldap' })] }]));

        await expect(t.runAction('find-groups', { query: ' Senders ', source: 'ldap' })).resolves.toEqual({
            groups: [
                { id: 'g1', description: 'Blocked Senders', source: 'ldap', parentId: 'root', userCount: 2, folderCount: 0 },
                { id: 'g2', description: 'Permitted Senders', source: 'ldap', userCount: 2, folderCount: 0 }
            ],
            count: 2,
            truncated: false
        });
        expect(api.isDone()).toBe(true);
    });

    it('searches the cloud directory when no source is given, and sends no query when none is given', async () => {
        const t = createTestHost();
        mockToken();
        const api = nock(TEST_BASE)
            .post(PATH, { meta: { pagination: { pageSize: 100 } }, data: [{ source: 'cloud' }] })
            .reply(200, envelope([{ folders: [] }]));
        await expect(t.runAction('find-groups', {})).resolves.toEqual({ groups: [], count: 0, truncated: false });
        expect(api.isDone()).toBe(true);
    });

    it('stops at 1000 groups and says the list was truncated', async () => {
        const t = createTestHost();
        mockToken();
        const page = (p: number) => envelope([{ folders: Array.from({ length: 100 }, (_, i) => folder(`g${p}-${i}`, `Group ${p}-${i}`)) }], `p${p + 1}`);
        let calls = 0;
        nock(TEST_BASE)
            .post(PATH)
            .times(11)
            .reply(() => [200, page(calls++)]);
        const out = (await t.runAction('find-groups', {})) as { count: number; truncated: boolean; groups: unknown[] };
        expect(out).toMatchObject({ count: 1000, truncated: true });
        expect(out.groups).toHaveLength(1000);
        expect(calls).toBe(11);
    });

    it('turns fail[] into an ActionError with Mimecast code, message and field', async () => {
        const t = createTestHost();
        mockToken();
        nock(TEST_BASE)
            .post(PATH)
            .reply(200, failEnvelope('err_validation_invalid_value', 'source is invalid', 'source'));
        await expect(t.runAction('find-groups', { source: 'cloud' })).rejects.toMatchObject({
            payload: { code: 'err_validation_invalid_value', message: expect.stringContaining('source is invalid'), field: 'source', retryable: false }
        });
    });

    it.each([
        ['source', { source: 'azure' }],
        ['source', { source: 'CLOUD' }],
        ['query', { query: '   ' }],
        ['query', { query: 42 }],
        ['input', { name: 'Finance' }]
    ])('rejects bad %s before any request: %j', async (field, input) => {
        const t = createTestHost();
        const api = nock(TEST_BASE)
            .post(PATH)
            .reply(200, envelope([{ folders: [] }]));
        const err = t.runAction('find-groups', input);
        await expect(err).rejects.toMatchObject({ payload: { code: 'invalid_input', ...(field === 'input' ? {} : { field }) } });
        expect(api.isDone()).toBe(false);
    });
});

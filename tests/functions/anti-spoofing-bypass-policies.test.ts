import nock from 'nock';

import { createTestHost, mockToken, TEST_BASE } from '../harness.js';

const PATH = '/policy-management/cloud-gateway/v1/anti-spoofing-bypass/policies';

const policy = (id: string, extra: Record<string, unknown> = {}) => ({
    id,
    description: `Bypass ${id}`,
    option: 'enable_bypass',
    from: { type: 'email_domain', emailDomain: 'partner.example' },
    to: { type: 'internal_addresses' },
    spfDomains: ['partner.example'],
    enabled: true,
    bidirectional: false,
    fromDate: '1900-01-01T00:00:00+0000',
    toDate: '2100-01-01T23:59:59+0000',
    ...extra
});

describe('sync anti-spoofing-bypass-policies', () => {
    it('GETs the list with pageSize, follows meta.pagination.next, reads policies or definitions, and flattens targets', async () => {
        const t = createTestHost();
        mockToken();
        const api = nock(TEST_BASE)
            .get(PATH)
            .query({ pageSize: '100' })
            .reply(200, {
                meta: { pagination: { next: 'page-2' } },
                policies: [policy('p1'), policy('p2', { fromType: 'email_address', fromValue: 'alerts@saas.example', from: undefined })]
            })
            .get(PATH)
            .query({ pageSize: '100', pageToken: 'page-2' })
            .reply(200, { meta: { pagination: {} }, definitions: [policy('p3', { enabled: false, toDate: '2026-12-31T23:59:59+0000' })] });
        await t.runSync('anti-spoofing-bypass-policies');
        expect(api.isDone()).toBe(true);
        expect(t.records('AntiSpoofingBypassPolicy')).toEqual([
            {
                id: 'p1',
                description: 'Bypass p1',
                option: 'enable_bypass',
                fromType: 'email_domain',
                fromValue: 'partner.example',
                toType: 'internal_addresses',
                spfDomains: ['partner.example'],
                enabled: true,
                bidirectional: false
            },
            expect.objectContaining({ id: 'p2', fromType: 'email_address', fromValue: 'alerts@saas.example' }),
            expect.objectContaining({ id: 'p3', enabled: false, toDate: '2026-12-31T23:59:59.000Z' })
        ]);
    });

    it('deletes a policy missing from the next complete listing', async () => {
        const t = createTestHost();
        mockToken();
        nock(TEST_BASE)
            .get(PATH)
            .query(true)
            .reply(200, { policies: [policy('p1'), policy('p2')] });
        await t.runSync('anti-spoofing-bypass-policies');
        nock(TEST_BASE)
            .get(PATH)
            .query(true)
            .reply(200, { policies: [policy('p2')] });
        const second = await t.runSync('anti-spoofing-bypass-policies');
        expect(second.models['AntiSpoofingBypassPolicy']).toMatchObject({ deleted: 1 });
        expect(t.records('AntiSpoofingBypassPolicy').map((r) => r['id'])).toEqual(['p2']);
    });

    it('turns the family\'s error bodies into errors: {"error":[{code,message}]} and a bare {"message":"Forbidden"} on 403', async () => {
        const t = createTestHost();
        mockToken();
        nock(TEST_BASE)
            .get(PATH)
            .query(true)
            .reply(400, { error: [{ code: 'invalid_page_token', message: 'The page token is not valid' }] });
        await expect(t.runSync('anti-spoofing-bypass-policies')).rejects.toThrow(/invalid_page_token: The page token is not valid/);
        nock(TEST_BASE).get(PATH).query(true).reply(403, { message: 'Forbidden' });
        await expect(t.runSync('anti-spoofing-bypass-policies')).rejects.toThrow(/http_403: Forbidden/);
        nock(TEST_BASE)
            .get(PATH)
            .query(true)
            .reply(200, { error: [{ code: 'internal_error', message: 'try later' }] });
        await expect(t.runSync('anti-spoofing-bypass-policies')).rejects.toThrow(/internal_error/);
    });

    it('skips a policy without an id and leaves deletes to the next run', async () => {
        const t = createTestHost();
        mockToken();
        nock(TEST_BASE)
            .get(PATH)
            .query(true)
            .reply(200, { policies: [policy('p1'), policy('p2')] });
        await t.runSync('anti-spoofing-bypass-policies');
        const { id: _id, ...noId } = policy('p1');
        nock(TEST_BASE)
            .get(PATH)
            .query(true)
            .reply(200, { policies: [noId, policy('p3')] });
        const second = await t.runSync('anti-spoofing-bypass-policies');
        expect(second.models['AntiSpoofingBypassPolicy']).toMatchObject({ deleted: 0 });
        expect(t.records('AntiSpoofingBypassPolicy').map((r) => r['id'])).toEqual(['p1', 'p2', 'p3']);
        expect(t.logs.join('\n')).toContain('(no id or policyId)');
    });
});

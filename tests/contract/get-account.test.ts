// get-account replayed against a recording of a real tenant (graph-mimecast).
import nock from 'nock';

import { createTestHost, mockToken, TEST_BASE } from '../harness.js';
import { fixture } from './fixtures.js';

describe('contract: get-account (recorded tenant)', () => {
    it('returns code, name, region, Mimecast id, user count, licensed packages and retention', async () => {
        const t = createTestHost();
        mockToken();
        nock(TEST_BASE).post('/api/account/get-account', { data: [] }).reply(200, fixture('get-account.graph-mimecast'));

        const account = (await t.runAction('get-account')) as Record<string, unknown>;

        expect(account).toMatchObject({
            accountCode: 'CUSA35A403',
            accountName: 'POC - API - JupiterOne',
            region: 'us',
            mimecastId: '01-0035-00403',
            userCount: 10,
            gateway: true,
            archive: false,
            type: 'full',
            maxRetention: 30
        });
        expect(account['packages']).toHaveLength(19);
        expect(account['packages']).toContain('Threat Remediation [1075]');
    });

    it('reads the Cortex XSOAR sample too (more keys, fewer packages)', async () => {
        const t = createTestHost();
        mockToken();
        const [body] = fixture<unknown[]>('get-account.demisto');
        nock(TEST_BASE)
            .post('/api/account/get-account')
            .reply(200, body as Record<string, unknown>);

        await expect(t.runAction('get-account')).resolves.toEqual({
            accountCode: 'ABC123',
            accountName: 'API Alliance - Palo Alto Networks',
            region: 'us',
            mimecastId: '01-0102-00236',
            userCount: 10,
            packages: ['Journal Services [1053]', 'Desktop Apps - Outlook (Pro) [1016]'],
            gateway: true,
            archive: false,
            type: 'full',
            maxRetention: 30
        });
    });
});

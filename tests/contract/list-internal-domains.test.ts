// list-internal-domains replayed against a recording of a real tenant (graph-mimecast).
import nock from 'nock';

import { createTestHost, mockToken, TEST_BASE } from '../harness.js';
import { fixture } from './fixtures.js';

describe('contract: list-internal-domains (recorded tenant)', () => {
    it('returns both domains with their Mimecast ids and flags', async () => {
        const t = createTestHost();
        mockToken();
        const body = fixture<{ data: { id: string }[] }>('get-internal-domain.graph-mimecast');
        nock(TEST_BASE).post('/api/domain/get-internal-domain').reply(200, body);

        await expect(t.runAction('list-internal-domains')).resolves.toEqual({
            domains: [
                { id: body.data[0]!.id, domain: 'jupiterone.mime-api.com', inboundType: 'known', local: false, sendOnly: false },
                { id: body.data[1]!.id, domain: 'journal.jupiterone.mime-api.com', inboundType: 'known', local: false, sendOnly: false }
            ],
            count: 2
        });
        expect(body.data[0]!.id).toMatch(/^eNo/);
    });
});

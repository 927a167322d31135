// Replays the published /api/archive/search body (Cortex XSOAR's Mimecast v2 test data keeps it under
// `response`, beside its own rendering `query_contents`) and holds the simulator to its shape.
import nock from 'nock';

import { startSimulator, type Simulator } from '../../simulator/index.js';
import { createTestHost, mockToken, TEST_BASE } from '../harness.js';
import { call, getToken } from '../simulator/helpers.js';
import { fixture } from './fixtures.js';
import { shapeDifferences } from './shape.js';

const SAMPLE = fixture<{ response: Record<string, unknown> }>('query_response').response;

describe('contract: search-archive', () => {
    it('maps the published body', async () => {
        const t = createTestHost();
        mockToken();
        nock(TEST_BASE).post('/api/archive/search').reply(200, SAMPLE);
        const out = (await t.runAction('search-archive', { query: 'Netting', start: '2023-08-01T00:00:00Z', end: '2023-08-07T00:00:00Z' })) as {
            messages: Record<string, unknown>[];
            count: number;
            queryDurationMs: number;
        };
        expect(out.count).toBe(3);
        expect(out.queryDurationMs).toBe(176);
        expect(out.messages[0]).toEqual({
            id: 'test1_id',
            subject: 'Netting',
            from: 'test1',
            to: ['test1'],
            receivedDate: '2023-08-06T07:23:00.000Z',
            size: 2262,
            attachmentCount: 0,
            status: 'ARCHIVED'
        });
        expect(out.messages.map((m) => m['id'])).toEqual(['test1_id', 'test2_id', 'test3_id']);
    });

    describe('the simulator', () => {
        let sim: Simulator;
        beforeAll(async () => {
            sim = await startSimulator();
        });
        afterAll(async () => {
            await sim.close();
        });
        it('answers in the published shape', async () => {
            const now = Date.now();
            const fmt = (ms: number) => new Date(ms).toISOString().slice(0, 19) + '+0000';
            const query = `<?xml version="1.0"?><xmlquery trace="iql,muse"><metadata query-type="emailarchive" archive="true" active="false" page-size="5" startrow="0"><smartfolders/></metadata><muse><text></text><date select="between" from="${fmt(now - 7 * 86_400_000)}" to="${fmt(now)}"/></muse></xmlquery>`;
            const res = await call(sim, '/api/archive/search', { data: [{ query }] }, await getToken(sim));
            expect((res.body.data[0] as { items: unknown[] }).items).toHaveLength(5);
            expect(shapeDifferences(SAMPLE, res.body)).toEqual([]);
        });
    });
});

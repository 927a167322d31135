// Replays the published get-hold-summary-list body (Cortex XSOAR's Mimecast v2 test data) and holds the
// simulator to its shape.
import nock from 'nock';

import { startSimulator, type Simulator } from '../../simulator/index.js';
import { createTestHost, mockToken, TEST_BASE } from '../harness.js';
import { call, getToken } from '../simulator/helpers.js';
import { fixture } from './fixtures.js';
import { shapeDifferences } from './shape.js';

const SAMPLE = fixture('hold_message_summary_response');

describe('contract: get-held-message-summary', () => {
    it('maps the published body', async () => {
        const t = createTestHost();
        mockToken();
        nock(TEST_BASE).post('/api/gateway/get-hold-summary-list').reply(200, SAMPLE);
        await expect(t.runAction('get-held-message-summary', {})).resolves.toEqual({
            reasons: [
                { policyInfo: 'Default Outbound URL Protect Definition', numberOfItems: 8 },
                { policyInfo: 'Relaxed Spam Detection', numberOfItems: 1473 },
                { policyInfo: 'Default Attachment Management Definition - Block Dangerous File Types', numberOfItems: 79 }
            ],
            totalHeld: 1560
        });
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
            const res = await call(sim, '/api/gateway/get-hold-summary-list', { data: [] }, await getToken(sim));
            expect(res.body.data.length).toBeGreaterThan(0);
            expect(shapeDifferences(SAMPLE, res.body)).toEqual([]);
        });
    });
});

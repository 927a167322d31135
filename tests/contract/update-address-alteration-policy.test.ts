// Replays the published address-alteration update-policy body (Cortex XSOAR's Mimecast v2 test data) and
// holds the simulator's answer to its shape.
import nock from 'nock';

import { startSimulator, type Simulator } from '../../simulator/index.js';
import { createTestHost, mockToken, TEST_BASE } from '../harness.js';
import { call, getToken } from '../simulator/helpers.js';
import { fixture } from './fixtures.js';
import { shapeDifferences } from './shape.js';

const SAMPLE = fixture('update_address_alteration_policy_response');

describe('contract: update-address-alteration-policy', () => {
    it('maps the published body (open-ended dates omitted)', async () => {
        const t = createTestHost();
        mockToken();
        nock(TEST_BASE).post('/api/policy/address-alteration/update-policy').reply(200, SAMPLE);
        await expect(t.runAction('update-address-alteration-policy', { id: 'eNo1jrs', addressAlterationSetId: 'eNo1set', enabled: false })).resolves.toEqual({
            id: 'eNo1jrs',
            description: 'test',
            fromPart: 'envelope_from',
            fromType: 'internal_addresses',
            toType: 'internal_addresses',
            sourceIPs: ['8.8.8.8/24'],
            enabled: false,
            enforced: false,
            override: false,
            bidirectional: false,
            lastUpdated: '2024-05-26T13:00:12.000Z'
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
            const res = await call(
                sim,
                '/api/policy/address-alteration/update-policy',
                {
                    data: [
                        {
                            id: 'eNo1alteration-legacy-domain',
                            addressAlterationSetId: 'eNo1set-legacy-domain',
                            policy: { enabled: false, conditions: { sourceIPs: ['192.0.2.0/24'] } }
                        }
                    ]
                },
                await getToken(sim)
            );
            expect(res.body.fail).toEqual([]);
            expect(shapeDifferences(SAMPLE, res.body)).toEqual([]);
        });
    });
});

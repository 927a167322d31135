// Replays the published find-processing-messages body (Cortex XSOAR's Mimecast v2 test data) and holds
// the simulator to its shape.
import nock from 'nock';

import { startSimulator, type Simulator } from '../../simulator/index.js';
import { createTestHost, mockToken, TEST_BASE } from '../harness.js';
import { call, getToken } from '../simulator/helpers.js';
import { fixture } from './fixtures.js';
import { shapeDifferences } from './shape.js';

const SAMPLE = fixture('search_processing_message_response');

describe('contract: search-processing-messages', () => {
    it('maps the published body', async () => {
        const t = createTestHost();
        mockToken();
        nock(TEST_BASE).post('/api/gateway/find-processing-messages').reply(200, SAMPLE);
        const out = (await t.runAction('search-processing-messages', {})) as { messages: Record<string, unknown>[]; count: number; truncated: boolean };
        expect(out.count).toBe(1);
        expect(out.truncated).toBe(false);
        expect(out.messages[0]).toEqual({
            id: expect.stringMatching(/^eNpNj1tPg0AQhf8Lr5RkL7AUoyYEK/),
            fromEnvelope: 'bruce_kohrs@evaluation-fuzz.b41.one',
            fromHeader: 'bruce_kohrs@evaluation-fuzz.b41.one',
            to: 'grant.oh@paloaltonetworks.mime.integration.com',
            subject: 'Crestar confirmations',
            attachment: true,
            routing: 'inbound',
            size: 7110,
            remoteIp: '34.235.45.235',
            attempts: 2,
            nextAttempt: '2022-07-28T10:46:54.000Z',
            created: '2022-07-28T10:45:30.000Z',
            info: expect.stringContaining('Time out waiting for cached result'),
            priority: 'normal'
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
            const res = await call(sim, '/api/gateway/find-processing-messages', { data: [{}] }, await getToken(sim));
            expect((res.body.data[0] as { messages: unknown[] }).messages.length).toBeGreaterThan(0);
            expect(shapeDifferences(SAMPLE, res.body)).toEqual([]);
        });
    });
});

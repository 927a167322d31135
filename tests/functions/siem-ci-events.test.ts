// siem-ci-events: the CI stream on the SIEM engine. No published CI stream body exists: the events
// below carry the fields of the published CI records (tests/contract/siem-ci-events.test.ts replays those:
// type/subtype, _offset, _partition, entities' threat fields and policies, mailflow's authResults[]).
import nock from 'nock';

import { contentId } from '../../integrations/mimecast/helpers/records.js';
import { createTestHost, mockToken, TEST_BASE } from '../harness.js';

const PATH = '/siem/v1/events/ci';
const HOUR = 3_600_000;
type Query = Record<string, string>;

function answer(queries: Query[], status: number, body: unknown) {
    return nock(TEST_BASE)
        .get(PATH)
        .query((q) => queries.push(q as Query) > 0)
        .reply(status, body as nock.Body);
}

describe('sync siem-ci-events', () => {
    it('reads /siem/v1/events/ci by date, follows @nextPage, saves each event once: promoted fields out of details, no empty values', async () => {
        const t = createTestHost();
        mockToken();
        const queries: Query[] = [];
        const ts = Date.now() - HOUR;
        const entity = {
            type: 'entities',
            subtype: 'threat',
            timestamp: ts,
            _offset: 7,
            _partition: 2,
            accountId: 'C0A1',
            aggregateId: 'agg-1',
            processingId: 'p-1',
            direction: 'INBOUND',
            threatState: 'detected',
            threatType: 'phishing',
            policiesApplied: [{ action: 'DO_NOTHING', mode: 'ACTIVE', name: 'Default' }],
            source: 'Cloud Integrated',
            tags: ['ci'],
            note: '',
            extra: null,
            empty: []
        };
        const mail = {
            eventType: 'mailflow',
            subType: 'delivery',
            timestamp: ts + 1000,
            _offset: 8,
            _partition: 2,
            direction: 'Inbound',
            authResults: [{ type: 'spf', result: 'pass' }]
        };
        answer(queries, 200, { '@nextPage': 'ci-2', isCaughtUp: false, value: [entity] });
        answer(queries, 200, { '@nextPage': 'ci-3', isCaughtUp: true, value: [mail] });
        await t.runSync('siem-ci-events');

        expect(queries[0]).toEqual({ dateRangeStartsAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.000Z$/), pageSize: '500' });
        expect(queries[1]).toEqual({ nextPage: 'ci-2', pageSize: '500' });
        expect(t.records('SiemCiEvent')).toEqual([
            {
                id: contentId('SiemCiEvent', entity),
                type: 'entities',
                subtype: 'threat',
                timestamp: new Date(ts).toISOString(),
                offset: '7',
                partition: '2',
                accountId: 'C0A1',
                aggregateId: 'agg-1',
                processingId: 'p-1',
                direction: 'INBOUND',
                threatState: 'detected',
                threatType: 'phishing',
                policiesApplied: [{ name: 'Default', action: 'DO_NOTHING', mode: 'ACTIVE' }],
                source: 'Cloud Integrated',
                tags: ['ci']
            },
            {
                id: contentId('SiemCiEvent', mail),
                type: 'mailflow',
                subtype: 'delivery',
                timestamp: new Date(ts + 1000).toISOString(),
                offset: '8',
                partition: '2',
                direction: 'Inbound',
                details: { authResults: [{ type: 'spf', result: 'pass' }] }
            }
        ]);
        expect(t.checkpoint('siem-ci-events')).toMatchObject({ nextPage: 'ci-3' });
    });

    it.each([
        ['a list (blank and non-string entries dropped)', ['ci', '', 7, 'phish'], ['ci', 'phish']],
        ['one string, as a list of one', 'ci', ['ci']],
        ['null, as the published records give it', null, undefined],
        ['a list of blanks', ['', ''], undefined]
    ])('reads tags given as %s', async (_shape, tags, saved) => {
        const t = createTestHost();
        mockToken();
        const event = { type: 'entities', subtype: 'threat', timestamp: Date.now() - HOUR, _offset: 1, _partition: 0, aggregateId: 'agg-t', tags };
        answer([], 200, { '@nextPage': 'ci-2', isCaughtUp: true, value: [event] });
        await t.runSync('siem-ci-events');
        expect(t.records('SiemCiEvent')).toHaveLength(1);
        expect(t.records('SiemCiEvent')[0]!['tags']).toEqual(saved);
    });

    it('fails with Mimecast code and message on a 403 (a tenant without the CI product) and saves nothing', async () => {
        const t = createTestHost();
        mockToken();
        answer([], 403, { error: { code: 'forbidden', message: 'The application lacks Threats, Security Events and Data for CI' } });
        await expect(t.runSync('siem-ci-events')).rejects.toThrow('Mimecast forbidden');
        expect(t.records('SiemCiEvent')).toEqual([]);
    });
});

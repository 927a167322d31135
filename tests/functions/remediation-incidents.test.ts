import nock from 'nock';

import { createTestHost, envelope, failEnvelope, mockToken, TEST_BASE } from '../harness.js';

const PATH = '/api/ttp/remediation/find-incidents';
type Body = { meta?: { pagination?: Record<string, unknown> }; data: Record<string, unknown>[] };

const incident = (id: string, extra: Record<string, unknown> = {}) => ({
    id,
    code: `TR-CDE22A102-${id}`,
    type: 'manual',
    reason: 'Phishing campaign',
    identified: 4,
    successful: 3,
    failed: 1,
    restored: 0,
    create: '2026-11-20T09:00:00+0000',
    modified: '2026-11-20T09:05:00+0000',
    searchCriteria: { messageId: `<${id}@mail.example>`, start: '2026-11-13T09:00:00+0000', end: '2026-11-20T09:00:00+0000' },
    ...extra
});

describe('sync remediation-incidents', () => {
    it('asks for the last 90 days, follows next, and saves incidents from data[0].incidents', async () => {
        const t = createTestHost();
        mockToken();
        const bodies: Body[] = [];
        nock(TEST_BASE)
            .post(PATH, (b: Body) => bodies.push(b) > 0)
            .reply(200, envelope([{ incidents: [incident('a'), incident('b')] }], 'page-2'))
            .post(PATH, (b: Body) => bodies.push(b) > 0)
            .reply(200, envelope([{ incidents: [incident('c', { restored: 2 })] }]));
        const before = Date.now();
        await t.runSync('remediation-incidents');

        expect(bodies).toHaveLength(2);
        const item = bodies[0]!.data[0]!;
        const start = Date.parse(String(item['start']).replace('+0000', 'Z'));
        const end = Date.parse(String(item['end']).replace('+0000', 'Z'));
        expect(end - start).toBe(90 * 86_400_000);
        expect(end).toBeGreaterThan(before - 2000);
        expect(bodies[1]).toEqual({ meta: { pagination: { pageSize: 100, pageToken: 'page-2' } }, data: [item] });
        expect(t.records('RemediationIncident')[0]).toEqual({
            id: 'a',
            code: 'TR-CDE22A102-a',
            type: 'manual',
            reason: 'Phishing campaign',
            identified: 4,
            successful: 3,
            failed: 1,
            restored: 0,
            created: '2026-11-20T09:00:00.000Z',
            modified: '2026-11-20T09:05:00.000Z',
            searchMessageId: '<a@mail.example>',
            searchStart: '2026-11-13T09:00:00.000Z',
            searchEnd: '2026-11-20T09:00:00.000Z'
        });
        expect(t.records('RemediationIncident').map((r) => [r['id'], r['restored']])).toEqual([
            ['a', 0],
            ['b', 0],
            ['c', 2]
        ]);
    });

    it('sees a count change on the next run and deletes an incident no longer listed', async () => {
        const t = createTestHost();
        mockToken();
        nock(TEST_BASE)
            .post(PATH)
            .reply(200, envelope([{ incidents: [incident('a'), incident('b')] }]));
        await t.runSync('remediation-incidents');
        nock(TEST_BASE)
            .post(PATH)
            .reply(200, envelope([{ incidents: [incident('a', { restored: 3, modified: '2026-11-21T10:00:00+0000' })] }]));
        const second = await t.runSync('remediation-incidents');
        expect(second.models['RemediationIncident']).toMatchObject({ deleted: 1 });
        expect(t.records('RemediationIncident')).toEqual([expect.objectContaining({ id: 'a', restored: 3, modified: '2026-11-21T10:00:00.000Z' })]);
    });

    it('uses the incident code as id when a record has none (as one public client mocks them)', async () => {
        const t = createTestHost();
        mockToken();
        nock(TEST_BASE)
            .post(PATH)
            .reply(
                200,
                envelope([
                    {
                        incidents: [
                            {
                                code: 'TR-0001-00001-A',
                                type: 'automatic',
                                searchCriteria: { messageId: '<msg1@example.com>', to: 'user1@example.com', from: 'sender@malicious.com' }
                            }
                        ]
                    }
                ])
            );
        await t.runSync('remediation-incidents');
        expect(t.records('RemediationIncident')).toEqual([
            {
                id: 'TR-0001-00001-A',
                code: 'TR-0001-00001-A',
                type: 'automatic',
                searchMessageId: '<msg1@example.com>',
                searchFrom: 'sender@malicious.com',
                searchTo: 'user1@example.com'
            }
        ]);
    });

    it("fails with Mimecast's code on fail[] and deletes nothing", async () => {
        const t = createTestHost();
        mockToken();
        nock(TEST_BASE)
            .post(PATH)
            .reply(200, envelope([{ incidents: [incident('a')] }]));
        await t.runSync('remediation-incidents');
        nock(TEST_BASE)
            .post(PATH)
            .reply(200, failEnvelope('err_validation_invalid_date_range', 'start is too far back', 'start'));
        await expect(t.runSync('remediation-incidents')).rejects.toThrow(/err_validation_invalid_date_range.*start/);
        expect(t.records('RemediationIncident').map((r) => r['id'])).toEqual(['a']);
    });
});

import nock from 'nock';

import { createTestHost, envelope, failEnvelope, mockToken, TEST_BASE } from '../harness.js';

const PATH = '/api/email/get-email-queues';

describe('action list-email-queues', () => {
    it('sends start and end in Mimecast form and returns both queues with ISO dates', async () => {
        const t = createTestHost();
        mockToken();
        const api = nock(TEST_BASE)
            .post(PATH, { data: [{ start: '2026-11-30T00:00:00+0000', end: '2026-11-30T02:00:00+0000' }] })
            .reply(
                200,
                envelope([
                    {
                        inboundEmailQueue: [{ date: '2026-11-30T01:00:00+0000', count: 4 }],
                        outboundEmailQueue: [{ date: '2026-11-30T01:00:00+0000', count: 0 }, { count: 3 }]
                    }
                ])
            );
        await expect(t.runAction('list-email-queues', { start: '2026-11-30T00:00:00Z', end: '2026-11-30T02:00:00Z' })).resolves.toEqual({
            inbound: [{ date: '2026-11-30T01:00:00.000Z', count: 4 }],
            outbound: [{ date: '2026-11-30T01:00:00.000Z', count: 0 }]
        });
        expect(api.isDone()).toBe(true);
    });

    it('without dates sends an empty item (Mimecast default window)', async () => {
        const t = createTestHost();
        mockToken();
        const api = nock(TEST_BASE)
            .post(PATH, { data: [{}] })
            .reply(200, envelope([]));
        await expect(t.runAction('list-email-queues', {})).resolves.toEqual({ inbound: [], outbound: [] });
        expect(api.isDone()).toBe(true);
    });

    it('fail[] and 403 become ActionErrors with the code', async () => {
        const t = createTestHost();
        mockToken();
        nock(TEST_BASE)
            .post(PATH)
            .reply(200, failEnvelope('err_validation_invalid_date', 'start is not valid', 'start'));
        await expect(t.runAction('list-email-queues', {})).rejects.toMatchObject({ payload: { code: 'err_validation_invalid_date', field: 'start' } });
        nock(TEST_BASE).post(PATH).reply(403, { message: 'Forbidden' });
        await expect(t.runAction('list-email-queues', {})).rejects.toMatchObject({ payload: { code: 'http_403', status: 403 } });
    });

    it.each([
        ['a date without time zone', { start: '2026-11-30T00:00:00' }, 'start'],
        ['end before start', { start: '2026-11-30T02:00:00Z', end: '2026-11-30T00:00:00Z' }, 'end'],
        ['a window over 31 days', { start: '2026-01-01T00:00:00Z', end: '2026-03-01T00:00:00Z' }, 'end'],
        ['an unknown field', { queue: 'inbound' }, 'input']
    ])('rejects %s before any request', async (_label, input, field) => {
        const t = createTestHost();
        const token = mockToken();
        await expect(t.runAction('list-email-queues', input)).rejects.toMatchObject({ payload: { code: 'invalid_input', field } });
        expect(token.isDone()).toBe(false);
        nock.cleanAll();
    });
});

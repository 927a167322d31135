import nock from 'nock';

import { createTestHost, envelope, failEnvelope, mockToken, TEST_BASE } from '../harness.js';

const PATH = '/api/message-finder/search';

function tracked(id: string, extra: Record<string, unknown> = {}) {
    return {
        info: 'Indexed and archived',
        id,
        status: 'archived',
        fromEnv: { emailAddress: 'mark@pilot-meadow.example' },
        fromHdr: { displayableName: 'Mark R', emailAddress: 'mark@pilot-meadow.example' },
        to: [
            { displayableName: '', emailAddress: 'klay@acme.example' },
            { displayableName: 'Ann', emailAddress: 'ann@acme.example' }
        ],
        received: '2026-11-18T13:25:00+0000',
        subject: 'Quarterly results',
        senderIP: '203.0.113.7',
        attachments: false,
        route: 'inbound',
        sent: '2026-11-18T13:24:59+0000',
        spamScore: 2,
        detectionLevel: 'relaxed',
        ...extra
    };
}

describe('action search-messages', () => {
    it('searches by advanced options with dates in Mimecast form and returns a flat list', async () => {
        const t = createTestHost();
        mockToken();
        const api = nock(TEST_BASE)
            .post(PATH, {
                data: [
                    {
                        start: '2026-11-18T00:00:00+0000',
                        end: '2026-11-19T00:00:00+0000',
                        searchReason: 'Phishing investigation',
                        advancedTrackAndTraceOptions: { from: 'mark@pilot-meadow.example', route: 'inbound' }
                    }
                ]
            })
            .reply(200, envelope([{ trackedEmails: [tracked('m1'), tracked('m2', { info: '', attachments: true, to: [] })] }]));

        const output = await t.runAction('search-messages', {
            start: '2026-11-18T01:00:00+01:00',
            end: '2026-11-19T00:00:00Z',
            searchReason: 'Phishing investigation',
            advancedTrackAndTraceOptions: { from: 'mark@pilot-meadow.example', route: 'inbound' }
        });

        expect(api.isDone()).toBe(true);
        expect(output).toEqual({
            messages: [
                {
                    id: 'm1',
                    status: 'archived',
                    info: 'Indexed and archived',
                    subject: 'Quarterly results',
                    from: 'mark@pilot-meadow.example',
                    fromHeader: 'mark@pilot-meadow.example',
                    fromHeaderName: 'Mark R',
                    to: ['klay@acme.example', 'ann@acme.example'],
                    senderIP: '203.0.113.7',
                    route: 'inbound',
                    received: '2026-11-18T13:25:00.000Z',
                    sent: '2026-11-18T13:24:59.000Z',
                    attachments: false,
                    spamScore: 2,
                    detectionLevel: 'relaxed'
                },
                expect.objectContaining({ id: 'm2', to: [], attachments: true })
            ],
            count: 2
        });
        // On the wire (JSON) a blank info is omitted, never ''.
        expect((JSON.parse(JSON.stringify(output)) as { messages: Record<string, unknown>[] }).messages[1]).not.toHaveProperty('info');
    });

    it('searches by messageId alone and follows meta.pagination.next', async () => {
        const t = createTestHost();
        mockToken();
        const api = nock(TEST_BASE)
            .post(PATH, { data: [{ messageId: '<abc@pilot-meadow.example>' }] })
            .reply(200, envelope([{ trackedEmails: [tracked('m1')] }], 'p2'))
            .post(PATH, { meta: { pagination: { pageToken: 'p2' } }, data: [{ messageId: '<abc@pilot-meadow.example>' }] })
            .reply(200, envelope([{ trackedEmails: [tracked('m2')] }]));

        await expect(t.runAction('search-messages', { messageId: '<abc@pilot-meadow.example>' })).resolves.toMatchObject({
            count: 2,
            messages: [{ id: 'm1' }, { id: 'm2' }]
        });
        expect(api.isDone()).toBe(true);
    });

    it('accepts a whole domain as sender or recipient', async () => {
        const t = createTestHost();
        mockToken();
        const api = nock(TEST_BASE)
            .post(PATH, { data: [{ advancedTrackAndTraceOptions: { from: 'pilot-meadow.example', to: 'acme.example' } }] })
            .reply(200, envelope([{ trackedEmails: [tracked('m1')] }]));
        await expect(
            t.runAction('search-messages', { advancedTrackAndTraceOptions: { from: 'pilot-meadow.example', to: 'acme.example' } })
        ).resolves.toMatchObject({ count: 1 });
        expect(api.isDone()).toBe(true);
    });

    it('an empty result is an empty list, not an error', async () => {
        const t = createTestHost();
        mockToken();
        nock(TEST_BASE)
            .post(PATH)
            .reply(200, envelope([{ trackedEmails: [] }]));
        await expect(t.runAction('search-messages', { advancedTrackAndTraceOptions: { subject: 'nothing' } })).resolves.toEqual({ messages: [], count: 0 });
    });

    it('fail[] becomes an ActionError with Mimecast code and message', async () => {
        const t = createTestHost();
        mockToken();
        nock(TEST_BASE)
            .post(PATH)
            .reply(200, failEnvelope('err_search_reason_required', 'A search reason is required', 'searchReason'));
        await expect(t.runAction('search-messages', { messageId: '<abc@x.example>' })).rejects.toMatchObject({
            payload: { code: 'err_search_reason_required', message: expect.stringContaining('A search reason is required'), retryable: false }
        });
    });

    it('a trackedEmails that is not an array is a malformed response', async () => {
        const t = createTestHost();
        mockToken();
        nock(TEST_BASE)
            .post(PATH)
            .reply(200, envelope([{ trackedEmails: 'none' }]));
        await expect(t.runAction('search-messages', { messageId: '<abc@x.example>' })).rejects.toMatchObject({ payload: { code: 'malformed_response' } });
    });

    it.each([
        ['neither messageId nor an advanced option', {}, 'messageId'],
        ['an empty advancedTrackAndTraceOptions', { advancedTrackAndTraceOptions: {} }, 'messageId'],
        ['both messageId and advanced options', { messageId: '<a@b.example>', advancedTrackAndTraceOptions: { subject: 'x' } }, 'advancedTrackAndTraceOptions'],
        ['an invalid sender address', { advancedTrackAndTraceOptions: { from: 'not-an-email' } }, 'advancedTrackAndTraceOptions.from'],
        ['an invalid recipient address', { advancedTrackAndTraceOptions: { to: 'bob@' } }, 'advancedTrackAndTraceOptions.to'],
        ['a recipient that is neither an address nor a domain', { advancedTrackAndTraceOptions: { to: 'acme' } }, 'advancedTrackAndTraceOptions.to'],
        ['an invalid sender IP', { advancedTrackAndTraceOptions: { senderIP: '999.1.1.1' } }, 'advancedTrackAndTraceOptions.senderIP'],
        ['a route not in Mimecast words', { advancedTrackAndTraceOptions: { route: 'INBOUND' } }, 'advancedTrackAndTraceOptions.route'],
        ['a route Mimecast does not track by', { advancedTrackAndTraceOptions: { route: 'external' } }, 'advancedTrackAndTraceOptions.route'],
        ['an unknown advanced option', { advancedTrackAndTraceOptions: { sender: 'a@b.example' } }, 'advancedTrackAndTraceOptions'],
        ['a date without a time zone', { messageId: '<a@b.example>', start: '2026-11-18T00:00:00' }, 'start'],
        ['an impossible date', { messageId: '<a@b.example>', end: '2026-13-45T00:00:00Z' }, 'end'],
        ['end before start', { messageId: '<a@b.example>', start: '2026-11-19T00:00:00Z', end: '2026-11-18T00:00:00Z' }, 'end'],
        ['a blank searchReason', { messageId: '<a@b.example>', searchReason: '' }, 'searchReason']
    ])('rejects %s before any request', async (_label, input, field) => {
        const t = createTestHost();
        const token = mockToken();
        const api = nock(TEST_BASE)
            .post(PATH)
            .reply(200, envelope([{ trackedEmails: [] }]));
        await expect(t.runAction('search-messages', input)).rejects.toMatchObject({ payload: { code: 'invalid_input', field } });
        expect(api.isDone()).toBe(false);
        expect(token.isDone()).toBe(false);
    });
});

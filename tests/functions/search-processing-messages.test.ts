import nock from 'nock';

import { createTestHost, envelope, failEnvelope, mockToken, TEST_BASE } from '../harness.js';

const PATH = '/api/gateway/find-processing-messages';

const message = (id: string) => ({
    id,
    fromEnv: { emailAddress: 'a@sender.example' },
    fromHeader: { emailAddress: 'a@sender.example' },
    to: { emailAddress: 'b@tenant.example' },
    subject: 'Hello',
    attachment: true,
    routing: 'inbound',
    size: 7110,
    remoteIp: '192.0.2.1',
    attempts: 2,
    nextAttempt: '2022-07-28T10:46:54+0000',
    created: '2022-07-28T10:45:30+0000',
    info: 'deferred',
    priority: 'normal'
});

describe('action search-processing-messages', () => {
    it('sends searchBy, filterBy as a list, sortOrder and dates; maps data[0].messages', async () => {
        const t = createTestHost();
        mockToken();
        const api = nock(TEST_BASE)
            .post(PATH, {
                meta: { pagination: { pageSize: 10 } },
                data: [
                    {
                        start: '2026-11-30T00:00:00+0000',
                        searchBy: { fieldName: 'sender', value: 'a@sender.example' },
                        filterBy: [{ route: 'inbound', attachments: true }],
                        sortOrder: 'descending'
                    }
                ]
            })
            .reply(200, envelope([{ messages: [message('m1')] }]));
        const out = await t.runAction('search-processing-messages', {
            start: '2026-11-30T00:00:00Z',
            searchBy: { fieldName: 'sender', value: 'a@sender.example' },
            route: 'inbound',
            attachments: true,
            sortOrder: 'descending',
            limit: 10
        });
        expect(out).toEqual({
            messages: [
                {
                    id: 'm1',
                    fromEnvelope: 'a@sender.example',
                    fromHeader: 'a@sender.example',
                    to: 'b@tenant.example',
                    subject: 'Hello',
                    attachment: true,
                    routing: 'inbound',
                    size: 7110,
                    remoteIp: '192.0.2.1',
                    attempts: 2,
                    nextAttempt: '2022-07-28T10:46:54.000Z',
                    created: '2022-07-28T10:45:30.000Z',
                    info: 'deferred',
                    priority: 'normal'
                }
            ],
            count: 1,
            truncated: false
        });
        expect(api.isDone()).toBe(true);
    });

    it('follows next with the same filters and stops at the limit, saying truncated', async () => {
        const t = createTestHost();
        mockToken();
        const first = nock(TEST_BASE)
            .post(PATH, { meta: { pagination: { pageSize: 2 } }, data: [{}] })
            .reply(200, envelope([{ messages: [message('m1')] }], 'p2'));
        const second = nock(TEST_BASE)
            .post(PATH, { meta: { pagination: { pageSize: 2, pageToken: 'p2' } }, data: [{}] })
            .reply(200, envelope([{ messages: [message('m2'), message('m3')] }], 'p3'));
        const out = (await t.runAction('search-processing-messages', { limit: 2 })) as { messages: { id: string }[]; truncated: boolean };
        expect(out.messages.map((m) => m.id)).toEqual(['m1', 'm2']);
        expect(out.truncated).toBe(true);
        expect(first.isDone() && second.isDone()).toBe(true);
    });

    it('fail[] becomes an ActionError with the code and field', async () => {
        const t = createTestHost();
        mockToken();
        nock(TEST_BASE)
            .post(PATH)
            .reply(200, failEnvelope('err_validation_invalid_value', 'fieldName is not valid', 'searchBy.fieldName'));
        await expect(t.runAction('search-processing-messages', {})).rejects.toMatchObject({
            payload: { code: 'err_validation_invalid_value', field: 'searchBy.fieldName' }
        });
    });

    it.each([
        ['an unknown searchBy field', { searchBy: { fieldName: 'body', value: 'x' } }, 'searchBy.fieldName'],
        ['a blank search value', { searchBy: { fieldName: 'all', value: ' ' } }, 'searchBy.value'],
        ['a control character', { searchBy: { fieldName: 'all', value: 'a\u0007b' } }, 'searchBy.value'],
        ['a value over 255 characters', { searchBy: { fieldName: 'all', value: 'x'.repeat(256) } }, 'searchBy.value'],
        ['a limit over 500', { limit: 501 }, 'limit'],
        ['an unknown route', { route: 'sideways' }, 'route'],
        ['end before start', { start: '2026-11-30T02:00:00Z', end: '2026-11-30T00:00:00Z' }, 'end']
    ])('rejects %s before any request', async (_label, input, field) => {
        const t = createTestHost();
        const token = mockToken();
        await expect(t.runAction('search-processing-messages', input)).rejects.toMatchObject({ payload: { code: 'invalid_input', field } });
        expect(token.isDone()).toBe(false);
        nock.cleanAll();
    });
});

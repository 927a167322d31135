import nock from 'nock';

import { createTestHost, envelope, failEnvelope, mockToken, TEST_BASE } from '../harness.js';

const PATH = '/api/archive/search';

describe('action search-archive', () => {
    it('sends one XML query with the escaped text, the window and the page size; maps data[0].items', async () => {
        const t = createTestHost();
        mockToken();
        let sent = '';
        const api = nock(TEST_BASE)
            .post(PATH, (body: { data: { query: string }[] }) => {
                sent = body.data[0]!.query;
                return body.data.length === 1 && Object.keys(body.data[0]!).length === 1;
            })
            .reply(200, {
                meta: { pagination: { recordStart: 0, pageSize: 10 }, status: 200 },
                data: [
                    {
                        items: [
                            {
                                size: 2262,
                                attachmentcount: 0,
                                subject: 'Netting',
                                displaytoaddresslist: [{ displayableName: '', emailAddress: 'b@tenant.example' }],
                                displayfrom: 'A',
                                displayfromaddress: 'a@x.example',
                                id: 'arch1',
                                smash: 's',
                                displayto: 'b',
                                receiveddate: '2023-08-06T07:23:00+0000',
                                status: 'ARCHIVED'
                            }
                        ],
                        queryDuration: 176
                    }
                ],
                fail: []
            });
        await expect(
            t.runAction('search-archive', { query: 'subject: <invoice> & "fees"', start: '2026-11-01T00:00:00Z', end: '2026-11-30T00:00:00Z', limit: 10 })
        ).resolves.toEqual({
            messages: [
                {
                    id: 'arch1',
                    subject: 'Netting',
                    from: 'a@x.example',
                    to: ['b@tenant.example'],
                    receivedDate: '2023-08-06T07:23:00.000Z',
                    size: 2262,
                    attachmentCount: 0,
                    status: 'ARCHIVED'
                }
            ],
            count: 1,
            queryDurationMs: 176
        });
        expect(api.isDone()).toBe(true);
        expect(sent).toContain('<text>subject: &lt;invoice&gt; &amp; &quot;fees&quot;</text>');
        expect(sent).toContain('<date select="between" from="2026-11-01T00:00:00+0000" to="2026-11-30T00:00:00+0000"/>');
        expect(sent).toContain('page-size="10"');
        expect(sent).toMatch(/^<\?xml version="1.0"\?><xmlquery[\s\S]*<\/xmlquery>$/);
    });

    it('no match is an empty list', async () => {
        const t = createTestHost();
        mockToken();
        nock(TEST_BASE)
            .post(PATH)
            .reply(200, envelope([{ items: [] }]));
        await expect(t.runAction('search-archive', { query: 'x', start: '2026-11-01T00:00:00Z', end: '2026-11-02T00:00:00Z' })).resolves.toEqual({
            messages: [],
            count: 0
        });
    });

    it('fail[] and 403 become ActionErrors with the code', async () => {
        const t = createTestHost();
        mockToken();
        nock(TEST_BASE)
            .post(PATH)
            .reply(200, failEnvelope('err_xml_query_invalid', 'The query is not valid', 'query'));
        await expect(t.runAction('search-archive', { query: 'x', start: '2026-11-01T00:00:00Z', end: '2026-11-02T00:00:00Z' })).rejects.toMatchObject({
            payload: { code: 'err_xml_query_invalid', field: 'query' }
        });
        nock(TEST_BASE).post(PATH).reply(403, { message: 'Forbidden' });
        await expect(t.runAction('search-archive', { query: 'x', start: '2026-11-01T00:00:00Z', end: '2026-11-02T00:00:00Z' })).rejects.toMatchObject({
            payload: { status: 403 }
        });
    });

    it.each([
        ['no query', { start: '2026-11-01T00:00:00Z', end: '2026-11-02T00:00:00Z' }, 'query'],
        ['a blank query', { query: '  ', start: '2026-11-01T00:00:00Z', end: '2026-11-02T00:00:00Z' }, 'query'],
        ['a query over 500 characters', { query: 'x'.repeat(501), start: '2026-11-01T00:00:00Z', end: '2026-11-02T00:00:00Z' }, 'query'],
        ['a control character in the query', { query: 'a\u0000b', start: '2026-11-01T00:00:00Z', end: '2026-11-02T00:00:00Z' }, 'query'],
        ['no start', { query: 'x', end: '2026-11-02T00:00:00Z' }, 'start'],
        ['end before start', { query: 'x', start: '2026-11-02T00:00:00Z', end: '2026-11-01T00:00:00Z' }, 'end'],
        ['a limit over 100', { query: 'x', start: '2026-11-01T00:00:00Z', end: '2026-11-02T00:00:00Z', limit: 101 }, 'limit']
    ])('rejects %s before any request', async (_label, input, field) => {
        const t = createTestHost();
        const token = mockToken();
        await expect(t.runAction('search-archive', input)).rejects.toMatchObject({ payload: { code: 'invalid_input', field } });
        expect(token.isDone()).toBe(false);
        nock.cleanAll();
    });
});

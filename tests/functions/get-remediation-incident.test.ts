import nock from 'nock';

import { createTestHost, envelope, failEnvelope, mockToken, TEST_BASE } from '../harness.js';

const PATH = '/api/ttp/remediation/get-incident';

describe('action get-remediation-incident', () => {
    it('posts the id and returns the incident with its progress', async () => {
        const t = createTestHost();
        mockToken();
        const api = nock(TEST_BASE)
            .post(PATH, { data: [{ id: 'inc-1' }] })
            .reply(
                200,
                envelope([
                    {
                        id: 'inc-1',
                        code: 'TR-1',
                        type: 'manual',
                        reason: 'Phish',
                        identified: 2,
                        successful: 1,
                        failed: 0,
                        restored: 1,
                        modified: '2026-11-20T10:05:00+0000',
                        searchCriteria: { messageId: '<a@b.example>', from: 'x@evil.example', to: '' }
                    }
                ])
            );

        await expect(t.runAction('get-remediation-incident', { id: 'inc-1' })).resolves.toEqual({
            id: 'inc-1',
            code: 'TR-1',
            type: 'manual',
            reason: 'Phish',
            identified: 2,
            successful: 1,
            failed: 0,
            restored: 1,
            modified: '2026-11-20T10:05:00.000Z',
            searchMessageId: '<a@b.example>',
            searchFrom: 'x@evil.example'
        });
        expect(api.isDone()).toBe(true);
    });

    it('fail[] (unknown incident) becomes an ActionError with Mimecast code and message', async () => {
        const t = createTestHost();
        mockToken();
        nock(TEST_BASE)
            .post(PATH)
            .reply(200, failEnvelope('err_incident_not_found', 'No remediation incident with id nope', 'id'));
        await expect(t.runAction('get-remediation-incident', { id: 'nope' })).rejects.toMatchObject({
            payload: { code: 'err_incident_not_found', message: expect.stringContaining('No remediation incident'), retryable: false, field: 'id' }
        });
    });

    it('an incident without an id is a malformed response', async () => {
        const t = createTestHost();
        mockToken();
        nock(TEST_BASE)
            .post(PATH)
            .reply(200, envelope([{ code: 'TR-1' }]));
        await expect(t.runAction('get-remediation-incident', { id: 'inc-1' })).rejects.toMatchObject({ payload: { code: 'malformed_response' } });
    });

    it.each([
        ['a missing id', {}, 'id'],
        ['a blank id', { id: '  ' }, 'id'],
        ['a numeric id', { id: 7 }, 'id']
    ])('rejects %s before any request', async (_label, input, field) => {
        const t = createTestHost();
        const token = mockToken();
        const api = nock(TEST_BASE)
            .post(PATH)
            .reply(200, envelope([{ id: 'inc-1' }]));
        await expect(t.runAction('get-remediation-incident', input)).rejects.toMatchObject({ payload: { code: 'invalid_input', field } });
        expect(api.isDone()).toBe(false);
        expect(token.isDone()).toBe(false);
    });
});

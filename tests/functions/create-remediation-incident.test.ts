import nock from 'nock';

import { createTestHost, envelope, failEnvelope, mockToken, TEST_BASE } from '../harness.js';

const PATH = '/api/ttp/remediation/create';
const SHA256 = 'f670f02147a11d3794606bcaedbba07a3e84ea27f27872ecae0e595f0996fe2f';

const INCIDENT = {
    id: 'inc-1',
    code: 'TR-CDE22A102-00001',
    type: 'manual',
    reason: 'Phishing campaign',
    identified: 4,
    successful: 3,
    failed: 1,
    restored: 0,
    create: '2026-11-20T10:00:00+0000',
    modified: '2026-11-20T10:05:00+0000',
    searchCriteria: { fileHash: SHA256, start: '2026-11-01T00:00:00+0000', end: '2026-11-20T00:00:00+0000' }
};

describe('action create-remediation-incident', () => {
    it('posts reason, hashOrMessageId, searchBy and Mimecast-form dates, and returns the incident flat', async () => {
        const t = createTestHost();
        mockToken();
        const api = nock(TEST_BASE)
            .post(PATH, {
                data: [
                    {
                        reason: 'Phishing campaign',
                        hashOrMessageId: SHA256,
                        searchBy: 'hash',
                        start: '2026-11-01T00:00:00+0000',
                        end: '2026-11-20T00:00:00+0000'
                    }
                ]
            })
            .reply(200, envelope([INCIDENT]));

        await expect(
            t.runAction('create-remediation-incident', {
                reason: 'Phishing campaign',
                hashOrMessageId: SHA256,
                searchBy: 'hash',
                start: '2026-11-01T00:00:00Z',
                end: '2026-11-20T00:00:00+0000'
            })
        ).resolves.toEqual({
            id: 'inc-1',
            code: 'TR-CDE22A102-00001',
            type: 'manual',
            reason: 'Phishing campaign',
            identified: 4,
            successful: 3,
            failed: 1,
            restored: 0,
            created: '2026-11-20T10:00:00.000Z',
            modified: '2026-11-20T10:05:00.000Z',
            searchFileHash: SHA256,
            searchStart: '2026-11-01T00:00:00.000Z',
            searchEnd: '2026-11-20T00:00:00.000Z'
        });
        expect(api.isDone()).toBe(true);
    });

    it('remediates by Message-ID without dates (none sent)', async () => {
        const t = createTestHost();
        mockToken();
        const api = nock(TEST_BASE)
            .post(PATH, { data: [{ reason: 'Reported by user', hashOrMessageId: '<abc@evil.example>', searchBy: 'messageId' }] })
            .reply(200, envelope([{ ...INCIDENT, searchCriteria: { messageId: '<abc@evil.example>' } }]));
        await expect(
            t.runAction('create-remediation-incident', { reason: 'Reported by user', hashOrMessageId: '<abc@evil.example>', searchBy: 'messageId' })
        ).resolves.toMatchObject({
            id: 'inc-1',
            searchMessageId: '<abc@evil.example>'
        });
        expect(api.isDone()).toBe(true);
    });

    it('fail[] becomes an ActionError with Mimecast code, message and retryable flag', async () => {
        const t = createTestHost();
        mockToken();
        nock(TEST_BASE).post(PATH).reply(200, failEnvelope('err_remediation_not_licensed', 'Threat Remediation is not enabled'));
        await expect(t.runAction('create-remediation-incident', { reason: 'x', hashOrMessageId: SHA256, searchBy: 'hash' })).rejects.toMatchObject({
            payload: { code: 'err_remediation_not_licensed', message: expect.stringContaining('Threat Remediation is not enabled'), retryable: false }
        });
    });

    it.each([
        ['a missing reason', { hashOrMessageId: SHA256, searchBy: 'hash' }, 'reason'],
        ['a blank reason', { reason: ' ', hashOrMessageId: SHA256, searchBy: 'hash' }, 'reason'],
        ['a searchBy not in Mimecast words', { reason: 'x', hashOrMessageId: SHA256, searchBy: 'sha256' }, 'searchBy'],
        ['a hash that is not hex', { reason: 'x', hashOrMessageId: 'z'.repeat(64), searchBy: 'hash' }, 'hashOrMessageId'],
        ['a hash of the wrong length', { reason: 'x', hashOrMessageId: 'abc123', searchBy: 'hash' }, 'hashOrMessageId'],
        ['a blank message id', { reason: 'x', hashOrMessageId: '', searchBy: 'messageId' }, 'hashOrMessageId'],
        ['a malformed start', { reason: 'x', hashOrMessageId: SHA256, searchBy: 'hash', start: '01/11/2026' }, 'start'],
        ['end before start', { reason: 'x', hashOrMessageId: SHA256, searchBy: 'hash', start: '2026-11-20T00:00:00Z', end: '2026-11-01T00:00:00Z' }, 'end']
    ])('rejects %s before any request', async (_label, input, field) => {
        const t = createTestHost();
        const token = mockToken();
        const api = nock(TEST_BASE)
            .post(PATH)
            .reply(200, envelope([INCIDENT]));
        await expect(t.runAction('create-remediation-incident', input)).rejects.toMatchObject({ payload: { code: 'invalid_input', field } });
        expect(api.isDone()).toBe(false);
        expect(token.isDone()).toBe(false);
    });
});

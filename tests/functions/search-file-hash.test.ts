import nock from 'nock';

import { createTestHost, envelope, mockToken, TEST_BASE } from '../harness.js';

const PATH = '/api/ttp/remediation/search-hash';
const MD5 = 'd41d8cd98f00b204e9800998ecf8427e';
const SHA1 = 'da39a3ee5e6b4b0d3255bfef95601890afd80709';
const SHA256 = 'E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855';

describe('action search-file-hash', () => {
    it('posts the hashes and reports one result per hash', async () => {
        const t = createTestHost();
        mockToken();
        const api = nock(TEST_BASE)
            .post(PATH, { data: [{ hashes: [MD5, SHA1] }] })
            .reply(
                200,
                envelope([
                    {
                        hashStatus: [
                            { hash: MD5, detected: true },
                            { hash: SHA1, detected: false }
                        ],
                        failedHashes: []
                    }
                ])
            );

        await expect(t.runAction('search-file-hash', { hashes: [MD5, SHA1] })).resolves.toEqual({
            results: [
                { hash: MD5, status: 'detected' },
                { hash: SHA1, status: 'not_detected' }
            ],
            detectedCount: 1,
            failedCount: 0,
            allChecked: true
        });
        expect(api.isDone()).toBe(true);
    });

    it('reports failed hashes and hashes missing from the answer as failed (partial result)', async () => {
        const t = createTestHost();
        mockToken();
        nock(TEST_BASE)
            .post(PATH, { data: [{ hashes: [MD5, SHA1, SHA256] }] })
            .reply(
                200,
                envelope([
                    {
                        hashStatus: [{ hash: MD5, detected: false }],
                        failedHashes: [{ hash: SHA256.toLowerCase(), code: 'err_invalid_hash', message: 'Hash could not be checked' }]
                    }
                ])
            );

        await expect(t.runAction('search-file-hash', { hashes: [MD5, SHA1, SHA256] })).resolves.toEqual({
            results: [
                { hash: MD5, status: 'not_detected' },
                { hash: SHA1, status: 'failed', code: 'not_in_response', message: 'Mimecast returned no result for this hash' },
                { hash: SHA256, status: 'failed', code: 'err_invalid_hash', message: 'Hash could not be checked' }
            ],
            detectedCount: 0,
            failedCount: 2,
            allChecked: false
        });
    });

    it('fail[] becomes an ActionError with Mimecast code, message and retryable flag', async () => {
        const t = createTestHost();
        mockToken();
        nock(TEST_BASE)
            .post(PATH)
            .reply(200, {
                meta: { status: 200 },
                data: [],
                fail: [{ key: {}, errors: [{ code: 'err_service_unavailable', message: 'Try again later', retryable: true }] }]
            });
        await expect(t.runAction('search-file-hash', { hashes: [MD5] })).rejects.toMatchObject({
            payload: { code: 'err_service_unavailable', message: expect.stringContaining('Try again later'), retryable: true }
        });
    });

    it.each([
        ['no hashes', {}, 'hashes'],
        ['an empty list', { hashes: [] }, 'hashes'],
        ['a hash that is not hex', { hashes: [MD5, 'g'.repeat(32)] }, 'hashes.1'],
        ['a hash of the wrong length', { hashes: ['abcdef'] }, 'hashes.0'],
        ['a single string instead of a list', { hashes: MD5 }, 'hashes']
    ])('rejects %s before any request', async (_label, input, field) => {
        const t = createTestHost();
        const token = mockToken();
        const api = nock(TEST_BASE)
            .post(PATH)
            .reply(200, envelope([{ hashStatus: [], failedHashes: [] }]));
        await expect(t.runAction('search-file-hash', input)).rejects.toMatchObject({ payload: { code: 'invalid_input', field } });
        expect(api.isDone()).toBe(false);
        expect(token.isDone()).toBe(false);
    });
});

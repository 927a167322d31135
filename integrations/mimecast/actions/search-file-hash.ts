// Was a file with this hash seen in the account's mail? Checks file hashes before remediating by hash.
// https://developer.services.mimecast.com/docs/threatsandsecurityeventsdata/1/routes/api/ttp/remediation/search-hash/post
// Mimecast answers `data[0].hashStatus[] = {hash, detected}` and `data[0].failedHashes[]`: the output
// has one result per requested hash; a hash Mimecast left out of both lists is reported as failed.
import { createAction } from 'nango';
import * as z from 'zod';

import { mimecastAction, parseInput } from '../helpers/actions.js';
import { callMimecast, firstItem, isObject } from '../helpers/api.js';
import { boundedList, fileHash } from '../helpers/inputs.js';
import { optionalString } from '../helpers/records.js';

const MAX_HASHES = 100;

const SearchFileHashInput = z
    .object({
        /** MD5, SHA-1 or SHA-256 hex digests, 1 to 100 per call (Mimecast documents no limit). */
        hashes: boundedList(fileHash, MAX_HASHES, 'hash')
    })
    .strict();

const HashResult = z.object({
    hash: z.string(),
    /** detected: seen in the account; not_detected: checked, not seen; failed: Mimecast could not check it. */
    status: z.enum(['detected', 'not_detected', 'failed']),
    code: z.string().optional(),
    message: z.string().optional()
});

const SearchFileHashOutput = z.object({
    results: z.array(HashResult),
    detectedCount: z.number(),
    failedCount: z.number(),
    /** True when every hash was checked (detected or not). */
    allChecked: z.boolean()
});

const PATH = '/api/ttp/remediation/search-hash';

const action = createAction({
    description: 'Checks whether files with the given MD5, SHA-1 or SHA-256 hashes were seen in the account; one result per hash.',
    version: '1.0.0',
    scopes: ['Services | Threat Remediation | Read'],
    endpoint: { method: 'POST', path: '/remediation/search-hash', group: 'Remediation' },
    input: SearchFileHashInput,
    output: SearchFileHashOutput,

    exec: async (nango, rawInput) => {
        const input = parseInput(nango, SearchFileHashInput, rawInput);
        const hashes = [...new Set(input.hashes)];
        return mimecastAction(nango, async () => {
            const page = await callMimecast(nango, { path: PATH, data: { hashes } });
            const item = firstItem(page, PATH);
            // Hex digests compare case-insensitively: Mimecast may answer in another case.
            const detected = new Map<string, boolean>();
            for (const s of Array.isArray(item['hashStatus']) ? item['hashStatus'] : []) {
                if (isObject(s) && typeof s['hash'] === 'string') {
                    detected.set(s['hash'].toLowerCase(), s['detected'] === true);
                }
            }
            const failed = new Map<string, { code?: string | undefined; message?: string | undefined }>();
            for (const f of Array.isArray(item['failedHashes']) ? item['failedHashes'] : []) {
                if (typeof f === 'string') {
                    failed.set(f.toLowerCase(), {});
                } else if (isObject(f) && typeof f['hash'] === 'string') {
                    failed.set(f['hash'].toLowerCase(), { code: optionalString(f, 'code'), message: optionalString(f, 'message') });
                }
            }
            const results = hashes.map((hash): z.infer<typeof HashResult> => {
                const key = hash.toLowerCase();
                const failure = failed.get(key);
                if (failure) {
                    return { hash, status: 'failed', code: failure.code, message: failure.message };
                }
                const seen = detected.get(key);
                if (seen === undefined) {
                    return { hash, status: 'failed', code: 'not_in_response', message: 'Mimecast returned no result for this hash' };
                }
                return { hash, status: seen ? 'detected' : 'not_detected' };
            });
            const failedCount = results.filter((r) => r.status === 'failed').length;
            return { results, detectedCount: results.filter((r) => r.status === 'detected').length, failedCount, allChecked: failedCount === 0 };
        });
    }
});

export type NangoActionLocal = Parameters<(typeof action)['exec']>[0];
export default action;

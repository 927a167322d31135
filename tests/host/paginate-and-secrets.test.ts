import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import nock from 'nock';

import type { FunctionInfo } from '../../host/runner.js';
import { createTestHost, envelope, mockToken, TEST_BASE, TEST_CLIENT_SECRET, TEST_TOKEN } from '../harness.js';

/** A throwaway artifact shaped like `nango compile` output, run through the host like any function. */
function artifact(exec: string): FunctionInfo {
    const file = join(mkdtempSync(join(tmpdir(), 'fn-')), 'fn.cjs');
    writeFileSync(file, `module.exports = { default: { type: 'action', exec: ${exec} } };`);
    return { name: 'probe', type: 'action', description: '', file, models: [], scopes: [], jsonSchema: {} };
}

describe('nango.paginate with this providers.yaml', () => {
    it("walks Mimecast's body cursor: pageSize and pageToken in meta.pagination, records from data", async () => {
        const t = createTestHost();
        mockToken();
        const bodies: unknown[] = [];
        const capture = (body: unknown) => bodies.push(body) > 0;
        nock(TEST_BASE)
            .post('/api/ttp/url/get-all-managed-urls', capture)
            .reply(200, envelope([{ id: 'u1' }, { id: 'u2' }], 'next-1'));
        nock(TEST_BASE)
            .post('/api/ttp/url/get-all-managed-urls', capture)
            .reply(200, envelope([{ id: 'u3' }]));

        const fn = artifact(`async (nango) => {
            const ids = [];
            for await (const page of nango.paginate({ method: 'POST', endpoint: '/api/ttp/url/get-all-managed-urls', data: { data: [] }, paginate: { limit: 2 } })) {
                ids.push(...page.map((r) => r.id));
            }
            return ids;
        }`);
        await expect(t.host.runAction(fn, {})).resolves.toEqual(['u1', 'u2', 'u3']);
        expect(bodies).toEqual([
            { data: [], meta: { pagination: { pageSize: 2 } } },
            { data: [], meta: { pagination: { pageSize: 2, pageToken: 'next-1' } } }
        ]);
    });
});

describe('secrets', () => {
    it('never reach the log, even at debug level with failing calls', async () => {
        const t = createTestHost();
        mockToken();
        nock(TEST_BASE).post('/api/audit/get-audit-events').reply(500, `echo ${TEST_TOKEN} ${TEST_CLIENT_SECRET}`);
        nock(TEST_BASE).post('/api/audit/get-audit-events').reply(200, envelope([]));
        await t.runSync('audit-events');
        expect(t.logs.length).toBeGreaterThan(0);
        const text = t.logs.join('\n');
        expect(text).not.toContain(TEST_CLIENT_SECRET);
        expect(text).not.toContain(TEST_TOKEN);
    });

    it('do not appear in the error a refused token exchange raises', async () => {
        const t = createTestHost();
        nock(TEST_BASE)
            .post('/oauth/token')
            .reply(401, { fail: [{ code: 'invalid_client', message: 'Client authentication failed' }] });
        const error = (await t.runAction('get-account').catch((e: unknown) => e)) as { payload: Record<string, unknown> };
        expect(error.payload).toMatchObject({ code: 'invalid_client', status: 401, message: expect.stringContaining('Client authentication failed') });
        expect(JSON.stringify({ error: error.payload, logs: t.logs })).not.toContain(TEST_CLIENT_SECRET);
    });
});

import { readFileSync } from 'node:fs';

import nock from 'nock';

import { createTestHost, envelope, failEnvelope, mockToken, TEST_BASE } from '../harness.js';

interface ProductAccess {
    product: string;
    permission: string;
    granted: boolean | null;
    probe: string;
    reason?: string;
    functions: string[];
}
interface Output {
    products: ProductAccess[];
    summary: { granted: number; notGranted: number; unknown: number; runnable: string[]; notRunnable: string[]; undetermined: string[] };
}

const PROBES = [
    '/api/account/get-account',
    '/api/audit/get-audit-events',
    '/api/gateway/get-hold-summary-list',
    '/api/dlp/get-logs',
    '/api/policy/blockedsenders/get-policy',
    '/api/directory/find-groups',
    '/api/domain/get-internal-domain',
    '/api/ttp/remediation/get-incident',
    '/api/archive/search',
    '/api/awareness-training/company/get-safe-score-details'
];

function allGranted(except: Record<string, () => void> = {}): nock.Scope[] {
    const scopes: nock.Scope[] = [];
    for (const path of PROBES) {
        if (except[path]) {
            except[path]!();
            continue;
        }
        scopes.push(nock(TEST_BASE).post(path).reply(200, envelope([])));
    }
    if (except['/siem/v1/events/cg']) {
        except['/siem/v1/events/cg']!();
    } else {
        scopes.push(nock(TEST_BASE).get('/siem/v1/events/cg').query(true).reply(200, { '@nextPage': 'n', pageSize: 0, isCaughtUp: true, value: [] }));
    }
    scopes.push(nock(TEST_BASE).get('/siem/v1/events/ci').query(true).reply(200, { '@nextPage': 'n', pageSize: 0, isCaughtUp: true, value: [] }));
    // The feed's "nothing in this window" answer: a granted read that found nothing.
    scopes.push(
        nock(TEST_BASE)
            .post('/api/ttp/threat-intel/get-feed')
            .reply(200, {
                meta: { status: 200 },
                data: [],
                fail: [{ errors: [{ code: 'err_threat_intel_feed_no_result_found', message: 'No result found', retryable: false }] }]
            })
    );
    return scopes;
}

describe('action check-permissions', () => {
    it('one read per product, reads only: every product granted, every function runnable', async () => {
        const t = createTestHost();
        mockToken();
        const bodies: { path: string; body: unknown }[] = [];
        const scopes = allGranted();
        nock.emitter.on('no match', (req: { path: string }) => bodies.push({ path: req.path, body: undefined }));
        const out = (await t.runAction('check-permissions', {})) as Output;
        expect(scopes.every((s) => s.isDone())).toBe(true);
        expect(bodies).toEqual([]);
        expect(out.products).toHaveLength(13);
        expect(out.products.every((p) => p.granted === true)).toBe(true);
        expect(out.summary).toMatchObject({ granted: 13, notGranted: 0, unknown: 0, notRunnable: [], undetermined: [] });
        expect(out.summary.runnable).toEqual(
            expect.arrayContaining(['audit-events', 'siem-events', 'search-archive', 'update-blocked-sender-policy', 'users'])
        );
        nock.emitter.removeAllListeners('no match');
    });

    it('a 403 is not granted (with the product, permission and functions to fix); a not-found fail[] is granted; a 500 is unknown', async () => {
        const t = createTestHost();
        mockToken();
        allGranted({
            '/siem/v1/events/cg': () => nock(TEST_BASE).get('/siem/v1/events/cg').query(true).reply(403, { message: 'Forbidden' }),
            '/api/ttp/remediation/get-incident': () =>
                nock(TEST_BASE)
                    .post('/api/ttp/remediation/get-incident')
                    .reply(200, failEnvelope('err_incident_not_found', 'No incident', 'id')),
            '/api/archive/search': () =>
                nock(TEST_BASE).post('/api/archive/search').reply(200, failEnvelope('err_xdk_operation_forbidden', 'Operation forbidden')),
            '/api/dlp/get-logs': () => nock(TEST_BASE).post('/api/dlp/get-logs').times(10).reply(500, failEnvelope('err_server_error', 'boom'))
        });
        const out = (await t.runAction('check-permissions', {})) as Output;
        const by = (product: string) => out.products.find((p) => p.product === product)!;
        expect(by('Threats, Security Events and Data for CG')).toMatchObject({
            granted: false,
            probe: '/siem/v1/events/cg',
            functions: ['siem-events', 'siem-batch-events'],
            permission: expect.stringContaining('Threat and Security Events (SIEM)'),
            reason: expect.stringContaining('403')
        });
        expect(by('Threat Management')).toMatchObject({ granted: true, reason: expect.stringContaining('err_incident_not_found') });
        expect(by('Data Retention')).toMatchObject({
            granted: false,
            reason: expect.stringContaining('err_xdk_operation_forbidden'),
            functions: ['search-archive']
        });
        expect(by('Security Events')).toMatchObject({ granted: null, reason: expect.stringContaining('HTTP 500') });
        expect(out.summary).toMatchObject({ granted: 10, notGranted: 2, unknown: 1 });
        expect(out.summary.notRunnable.sort()).toEqual(['search-archive', 'siem-batch-events', 'siem-events']);
        expect(out.summary.undetermined.sort()).toEqual(['dlp-logs', 'ttp-attachment-logs', 'ttp-impersonation-logs', 'ttp-url-logs']);
        expect(out.summary.runnable).not.toContain('siem-events');
    });

    it('a function in two products is runnable only when both are granted', async () => {
        const t = createTestHost();
        mockToken();
        allGranted({
            '/api/domain/get-internal-domain': () =>
                nock(TEST_BASE)
                    .post('/api/domain/get-internal-domain')
                    .reply(403, { meta: { status: 403 }, data: [], fail: [] })
        });
        const out = (await t.runAction('check-permissions', {})) as Output;
        expect(out.summary.notRunnable.sort()).toEqual(['list-internal-domains', 'users']);
        expect(out.summary.runnable).toContain('groups');
    });

    it('covers every sync and action of the compiled project, with the permissions their scopes name', async () => {
        const t = createTestHost();
        mockToken();
        allGranted();
        const out = (await t.runAction('check-permissions', {})) as Output;
        const manifest = JSON.parse(readFileSync(new URL('../../integrations/.nango/nango.json', import.meta.url), 'utf8')) as {
            syncs: { name: string; scopes?: string[] }[];
            actions: { name: string; scopes?: string[] }[];
        }[];
        const functions = [...manifest[0]!.syncs, ...manifest[0]!.actions].filter((f) => f.name !== 'check-permissions');
        const covered = new Set(out.products.flatMap((p) => p.functions));
        expect(functions.map((f) => f.name).filter((n) => !covered.has(n))).toEqual([]);
        expect([...covered].filter((n) => !functions.some((f) => f.name === n))).toEqual([]);
        for (const f of functions) {
            // Every scope a function declares is named by one of the products it is listed under.
            const named = out.products.filter((p) => p.functions.includes(f.name)).flatMap((p) => p.permission.split('; '));
            expect({ fn: f.name, missing: (f.scopes ?? []).filter((s) => !named.includes(s)) }).toEqual({ fn: f.name, missing: [] });
        }
        for (const p of out.products) {
            // And a product names only scopes its functions declare.
            const declared = functions.filter((f) => p.functions.includes(f.name)).flatMap((f) => f.scopes ?? []);
            expect({ product: p.product, extra: p.permission.split('; ').filter((s) => !declared.includes(s)) }).toEqual({ product: p.product, extra: [] });
        }
    });

    it('rejects any input field before any request', async () => {
        const t = createTestHost();
        const token = mockToken();
        await expect(t.runAction('check-permissions', { product: 'x' })).rejects.toMatchObject({ payload: { code: 'invalid_input' } });
        expect(token.isDone()).toBe(false);
        nock.cleanAll();
    });
});

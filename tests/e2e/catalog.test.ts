// The catalog syncs (#12) end to end against the simulator through the local host: each saves records,
// and the threat-intel feed resumes after a fault at the page it lost, without gaps or duplicates.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { openLocalHost } from '../../host/local.js';
import type { LocalHost } from '../../host/local.js';
import { findFunction } from '../../host/runner.js';

let local: LocalHost;

beforeAll(async () => {
    local = await openLocalHost({ env: { NANGO_LOCAL_DIR: mkdtempSync(join(tmpdir(), 'catalog-')) }, proxy: { backoffBaseMs: 1 } });
});
afterAll(async () => {
    await local.close();
});

const sync = (name: string) => local.host.runSync(findFunction(name));
const records = (model: string) => local.store.listRecords(local.connection.connectionId, model).map((r) => r.data);

describe('catalog syncs against the simulator', () => {
    it.each([
        ['awareness-performance-details', 'AwarenessPerformance'],
        ['awareness-watchlist', 'AwarenessWatchlistEntry'],
        ['awareness-safe-scores', 'AwarenessSafeScore'],
        ['awareness-phishing-campaigns', 'PhishingCampaign'],
        ['anti-spoofing-bypass-policies', 'AntiSpoofingBypassPolicy']
    ])('%s saves %s records and a second run changes nothing', async (name, model) => {
        await sync(name);
        const first = records(model);
        expect(first.length).toBeGreaterThan(0);
        const second = await sync(name);
        expect(second.models[model]).toMatchObject({ added: 0, deleted: 0 });
        expect(records(model)).toHaveLength(first.length);
    });

    it('remediation-incidents lists the incident create-remediation-incident made', async () => {
        const created = (await local.host.runAction(findFunction('create-remediation-incident'), {
            reason: 'e2e',
            hashOrMessageId: '<e2e-1@mail.example>',
            searchBy: 'messageId'
        })) as Record<string, unknown>;
        await sync('remediation-incidents');
        expect(records('RemediationIncident')).toContainEqual(expect.objectContaining({ id: created['id'], code: created['code'], reason: 'e2e' }));
    });

    it('threat-intel-feed: a fault on page 3 fails the run; the next run resumes with the saved token and ends with every indicator once', async () => {
        const sim = local.simulator!;
        sim.addFault({ kind: 'status', path: '/api/ttp/threat-intel/get-feed', status: 500, after: 2, times: 4 });
        await expect(sync('threat-intel-feed')).rejects.toThrow();
        const checkpoint = local.store.getCheckpoint(local.connection.connectionId, 'threat-intel-feed')!;
        expect(checkpoint['customerToken']).not.toBe('');
        const partial = records('ThreatIndicator').length;
        expect(partial).toBeGreaterThan(0);

        await sync('threat-intel-feed');
        const saved = records('ThreatIndicator');
        // 7 days of each feed (the default back-fill): one indicator per set.
        const now = Date.now();
        const expected =
            sim.series('threatFeedCustomer').countInRange(now - 7 * 86_400_000 - 120_000, now) +
            sim.series('threatFeedGrid').countInRange(now - 7 * 86_400_000 - 120_000, now);
        expect(Math.abs(saved.length - expected)).toBeLessThanOrEqual(2);
        expect(new Set(saved.map((r) => r['id'])).size).toBe(saved.length);
        // Every indicator got its malware, split sets included.
        expect(saved.every((r) => Array.isArray(r['malwareIds']) && (r['malwareIds'] as unknown[]).length === 1)).toBe(true);
        expect(local.store.getCheckpoint(local.connection.connectionId, 'threat-intel-feed')).toMatchObject({ customerToken: '', gridToken: '' });
    });
});

// siem-batch-events end to end: the simulator lists presigned-style links to gzip NDJSON files it makes
// from its SIEM data, the compiled sync downloads them (no bearer token) and gunzips them in the sandbox.
// Across runs bounded by maxFilesPerRun, and through a failure mid-run, it ends with exactly the
// simulator's retained events; expired links, repeated URLs and corrupt lines are skipped and counted.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { createLogger } from '../../host/log.js';
import { openLocalHost } from '../../host/local.js';
import type { LocalHost } from '../../host/local.js';
import { findFunction } from '../../host/runner.js';
import { contentId } from '../../integrations/mimecast/helpers/records.js';
import { SIEM_BATCH_FILE_MS, SIEM_BATCH_RETENTION_MS, siemBatchFileCounts } from '../../simulator/endpoints/siem-batch.js';
import type { SimulatorOptions } from '../../simulator/index.js';

// A frozen clock on a 15-minute boundary: every retained event is in a published file. The sync's first
// list call asks from the UTC day of its own clock (Date.now()) less 7 days, so the frozen clock stays on
// the same UTC day as the real one: 105 minutes back, but never before today's midnight (a CI run just
// after 00:00 UTC otherwise asked from a day later than the simulator's oldest and missed its events).
const WINDOW_NOW = Math.floor(Date.now() / SIEM_BATCH_FILE_MS) * SIEM_BATCH_FILE_MS;
const NOW = Math.max(WINDOW_NOW - 7 * SIEM_BATCH_FILE_MS, Math.floor(WINDOW_NOW / 86_400_000) * 86_400_000);
const LIST = '/siem/v1/batch/events/cg';

const logs: string[] = [];

async function open(simulator: SimulatorOptions, metadata: Record<string, unknown>): Promise<LocalHost> {
    logs.length = 0;
    const logger = createLogger({ level: 'debug', write: (line) => logs.push(line) });
    const local = await openLocalHost({
        env: { NANGO_LOCAL_DIR: mkdtempSync(join(tmpdir(), 'siem-batch-')) },
        simulator: { now: () => NOW, ...simulator },
        proxy: { backoffBaseMs: 1 },
        logger
    });
    local.store.setMetadata(local.connection.connectionId, metadata);
    return local;
}

/** Every retained event of the simulator, as the ids the sync must end up with. */
function expectedIds(local: LocalHost): string[] {
    const series = local.simulator!.series('siemBatchEvents');
    const { lo, hi } = series.range(NOW - SIEM_BATCH_RETENTION_MS, NOW);
    const ids: string[] = [];
    for (let k = lo; k < hi; k++) ids.push(contentId('SiemBatchEvent', series.record(k)));
    return ids.sort();
}

describe('siem-batch-events against the simulator', () => {
    let local: LocalHost;
    afterEach(async () => {
        await local.close();
    });

    it('collects every retained event exactly once over bounded runs, through a failure mid-run', async () => {
        local = await open({ sizes: { siemBatchEvents: 900 } }, { maxFilesPerRun: 150 });
        const sim = local.simulator!;
        const fn = findFunction('siem-batch-events');
        const counts = siemBatchFileCounts(sim.series('siemBatchEvents') as never, NOW);
        const files = Object.values(counts).reduce((a, b) => a + b, 0);
        expect(files).toBeGreaterThan(600); // a week of 15-minute files for the ten types

        // The 6th list call fails for good (beyond the proxy's retries): the first run stops mid-way.
        sim.addFault({ kind: 'status', path: LIST, status: 503, after: 5, times: 4 });
        await expect(local.host.runSync(fn)).rejects.toThrow(/503/);
        const afterFailure = local.store.countRecords(local.connection.connectionId, 'SiemBatchEvent');
        expect(afterFailure).toBeGreaterThan(0);

        let runs = 1;
        for (; runs < 20; runs++) {
            await local.host.runSync(fn);
            const saved = local.store.countRecords(local.connection.connectionId, 'SiemBatchEvent');
            if (saved === expectedIds(local).length) break;
        }
        expect(runs).toBeLessThan(20);
        const got = local.store
            .listRecords(local.connection.connectionId, 'SiemBatchEvent')
            .map((r) => String(r.data['id']))
            .sort();
        expect(got).toEqual(expectedIds(local));
        // Every file was downloaded once, apart from those redone after the failure.
        const downloads = Object.entries(sim.stats.byPath).filter(([path]) => path.startsWith('/siem-batch-files/'));
        expect(downloads.length).toBe(files);
        expect(downloads.filter(([, n]) => n > 1).length).toBeLessThan(100);

        // Caught up: another run lists each type once by token, downloads nothing and keeps the tokens.
        const before = local.store.getCheckpoint(local.connection.connectionId, 'siem-batch-events')!;
        sim.resetStats();
        await local.host.runSync(fn);
        expect(sim.stats.byPath).toEqual({ [LIST]: 10 });
        const after = local.store.getCheckpoint(local.connection.connectionId, 'siem-batch-events')!;
        expect(Object.keys(after).filter((k) => k.startsWith('next_') && after[k] === '')).toEqual([]);
        expect(after['next_receipt']).toBe(before['next_receipt']);
    }, 300_000);

    it('skips expired links, repeated URLs and corrupt lines, counts them in the run log, and saves the rest', async () => {
        local = await open({ sizes: { siemBatchEvents: 700 }, siemBatch: { expiredLinks: 2, repeatedUrls: 3, corruptLines: 4 } }, { maxFilesPerRun: 10_000 });
        const result = await local.host.runSync(findFunction('siem-batch-events'));

        // The first two links listed (receipt's two oldest files) were expired: exactly their events are missing.
        const series = local.simulator!.series('siemBatchEvents');
        const { lo, hi } = series.range(NOW - SIEM_BATCH_RETENTION_MS, NOW);
        const receiptWindows: number[] = [];
        const missing = new Set<string>();
        for (let k = lo; k < hi && receiptWindows.length <= 2; k++) {
            const event = series.record(k) as { type: string; timestamp: number };
            if (event.type !== 'receipt') continue;
            const window = Math.floor(event.timestamp / SIEM_BATCH_FILE_MS);
            if (!receiptWindows.includes(window)) receiptWindows.push(window);
            if (receiptWindows.length <= 2) missing.add(contentId('SiemBatchEvent', event));
        }
        const got = local.store
            .listRecords(local.connection.connectionId, 'SiemBatchEvent')
            .map((r) => String(r.data['id']))
            .sort();
        expect(missing.size).toBeGreaterThan(0);
        expect(got).toEqual(expectedIds(local).filter((id) => !missing.has(id)));
        expect(result.models['SiemBatchEvent']?.added).toBe(got.length);
        expect(logs.join('\n')).toMatch(
            /SIEM batch: \d+ events from \d+ files in \d+ list pages; skipped 2 expired links, 3 repeated links, 4 corrupt lines, 0 unreadable files/
        );
    }, 300_000);
});

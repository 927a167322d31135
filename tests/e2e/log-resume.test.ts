// Incremental log syncs end to end against the simulator: a fault injected mid-sync fails the run,
// the rerun resumes from the checkpoint, and the final record set is exactly the simulator's records
// in the window (no gap, no duplicate). Then the SIEM streams (Cloud Gateway and Cloud Integrated) catch up across runs.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { openLocalHost } from '../../host/local.js';
import type { LocalHost } from '../../host/local.js';
import { findFunction } from '../../host/runner.js';
import type { SyncRunResult } from '../../host/runner.js';
import { contentId } from '../../integrations/mimecast/helpers/records.js';
import { siemHead } from '../../simulator/endpoints/siem-events.js';

let local: LocalHost;

// 7 days (the default back-fill) of 30 days hold ~1,170 records: 3 pages of 500.
const SIZES = {
    auditEvents: 5_000,
    clickLogs: 5_000,
    attachmentLogs: 5_000,
    impersonationLogs: 5_000,
    dlpLogs: 5_000,
    heldReleaseLogs: 5_000,
    archiveSearchLogs: 5_000,
    archiveViewLogs: 5_000,
    siemEvents: 20_000,
    siemCiEvents: 20_000
};

beforeAll(async () => {
    local = await openLocalHost({
        env: { NANGO_LOCAL_DIR: mkdtempSync(join(tmpdir(), 'log-resume-')) },
        simulator: { sizes: SIZES },
        proxy: { backoffBaseMs: 1 }
    });
});
afterAll(async () => {
    await local.close();
});

const sim = () => local.simulator!;
const sync = (name: string) => local.host.runSync(findFunction(name));
const records = (model: string) => local.store.listRecords(local.connection.connectionId, model).map((r) => r.data);
const checkpoint = (name: string) => local.store.getCheckpoint(local.connection.connectionId, name)!;
const totals = (runs: SyncRunResult[], model: string) =>
    runs.reduce(
        (sum, r) => ({
            added: sum.added + (r.models[model]?.added ?? 0),
            again: sum.again + (r.models[model]?.updated ?? 0) + (r.models[model]?.unchanged ?? 0)
        }),
        { added: 0, again: 0 }
    );

interface Case {
    sync: string;
    path: string;
    dataSet: string;
    model: string;
    /** The id the sync gives a simulator record: Mimecast's, or derived from its content. */
    idOf: (raw: Record<string, unknown>) => string;
}
const own = (raw: Record<string, unknown>) => String(raw['id']);
const derived = (model: string) => (raw: Record<string, unknown>) => contentId(model, raw);
const CASES: Case[] = [
    { sync: 'audit-events', path: '/api/audit/get-audit-events', dataSet: 'auditEvents', model: 'AuditEvent', idOf: own },
    { sync: 'ttp-url-logs', path: '/api/ttp/url/get-logs', dataSet: 'clickLogs', model: 'ClickLog', idOf: derived('ClickLog') },
    { sync: 'ttp-attachment-logs', path: '/api/ttp/attachment/get-logs', dataSet: 'attachmentLogs', model: 'AttachmentLog', idOf: derived('AttachmentLog') },
    { sync: 'ttp-impersonation-logs', path: '/api/ttp/impersonation/get-logs', dataSet: 'impersonationLogs', model: 'ImpersonationLog', idOf: own },
    { sync: 'dlp-logs', path: '/api/dlp/get-logs', dataSet: 'dlpLogs', model: 'DlpLog', idOf: derived('DlpLog') },
    { sync: 'held-release-logs', path: '/api/gateway/get-held-release-logs', dataSet: 'heldReleaseLogs', model: 'HeldReleaseLog', idOf: own },
    {
        sync: 'archive-search-logs',
        path: '/api/archive/get-archive-search-logs',
        dataSet: 'archiveSearchLogs',
        model: 'ArchiveSearchLog',
        idOf: derived('ArchiveSearchLog')
    },
    { sync: 'archive-view-logs', path: '/api/archive/get-view-logs', dataSet: 'archiveViewLogs', model: 'ArchiveViewLog', idOf: derived('ArchiveViewLog') }
];

describe('log syncs resume after a mid-sync failure with no gap and no duplicate', () => {
    it.each(CASES)('$sync', async (c) => {
        // The third page fails (fail[] in HTTP 200): two pages are saved, the run fails.
        sim().addFault({ kind: 'fail', path: c.path, after: 2, code: 'err_service_unavailable', message: 'Simulated outage' });
        const runs: SyncRunResult[] = [];
        await expect(sync(c.sync)).rejects.toThrow('err_service_unavailable');
        const kept = checkpoint(c.sync);
        expect(kept['pageToken']).not.toBe('');
        const windowStart = Date.parse(String(kept['windowStart']));
        const partial = records(c.model).length;
        expect(partial).toBe(1_000);

        runs.push(await sync(c.sync));
        const done = checkpoint(c.sync);
        expect(done).toMatchObject({ windowStart: '', pageToken: '' });
        const end = Date.parse(String(done['cursor']));

        // What a clean run over the same window returns: the simulator's records in [start, end).
        const series = sim().series(c.dataSet);
        const { lo, hi } = series.range(windowStart, end);
        const expected = new Set<string>();
        for (let k = lo; k < hi; k++) expected.add(c.idOf(series.record(k) as Record<string, unknown>));
        expect(expected.size).toBe(series.countInRange(windowStart, end));

        const ids = records(c.model).map((r) => String(r['id']));
        expect(new Set(ids)).toEqual(expected);
        expect(ids).toHaveLength(expected.size);
        // Nothing was fetched twice: the rerun added exactly what the failed run had not.
        expect(totals(runs, c.model)).toEqual({ added: expected.size - partial, again: 0 });

        // A third run finds nothing new in its short window, and that is not an error.
        await expect(sync(c.sync)).resolves.toBeDefined();
        expect(records(c.model)).toHaveLength(expected.size);
    });
});

describe('siem-events against the simulator stream', () => {
    it('catches up across runs in bounded pages, survives a failure mid-run, and saves each event exactly once', async () => {
        local.store.setMetadata(local.connection.connectionId, { backfillHours: 3, maxPagesPerRun: 2 });
        const runs: SyncRunResult[] = [];
        runs.push(await sync('siem-events')); // 2 pages, not caught up (3 hours = ~2,500 events)
        const first = checkpoint('siem-events');
        expect(first['nextPage']).not.toBe('');
        expect(records('SiemEvent')).toHaveLength(1_000);

        // The next run fails on its second page; its first page and token are kept.
        sim().addFault({ kind: 'status', path: '/siem/v1/events/cg', status: 403, after: 1 });
        await expect(sync('siem-events')).rejects.toThrow('err_forbidden');
        expect(checkpoint('siem-events')['nextPage']).not.toBe(first['nextPage']);
        expect(records('SiemEvent')).toHaveLength(1_500);

        let caughtUp = false;
        for (let i = 0; i < 5 && !caughtUp; i++) {
            const head = siemHead(sim().series('siemEvents'), Date.now()).hi;
            runs.push(await sync('siem-events'));
            const offsets = records('SiemEvent').map((r) => Number((r['details'] as Record<string, unknown>)['_offset']));
            caughtUp = Math.max(...offsets) >= head - 1;
        }
        expect(caughtUp).toBe(true);

        const saved = records('SiemEvent');
        const offsets = saved.map((r) => Number((r['details'] as Record<string, unknown>)['_offset'])).sort((a, b) => a - b);
        // Contiguous stream positions: no gap, and (ids being unique) no duplicate.
        expect(offsets[offsets.length - 1]! - offsets[0]! + 1).toBe(offsets.length);
        expect(new Set(saved.map((r) => r['id'])).size).toBe(saved.length);
        expect(saved.every((r) => typeof r['type'] === 'string' && r['type'] !== '')).toBe(true);
        const again = runs.reduce((sum, r) => sum + (r.models['SiemEvent']?.updated ?? 0) + (r.models['SiemEvent']?.unchanged ?? 0), 0);
        expect(again).toBe(0);
        expect(records('SiemGap')).toEqual([]);
    });
});

describe('siem-ci-events against the simulator stream', () => {
    it('resumes from its saved token after a failure mid-run, with no gap and each event saved exactly once', async () => {
        local.store.setMetadata(local.connection.connectionId, { backfillHours: 3, maxPagesPerRun: 2 });
        const offsetsOf = (saved: Record<string, unknown>[]) => saved.map((r) => Number(r['offset'])).sort((a, b) => a - b);
        const runs: SyncRunResult[] = [];
        runs.push(await sync('siem-ci-events')); // 2 pages, not caught up (3 hours = ~2,500 events)
        const first = checkpoint('siem-ci-events');
        expect(first['nextPage']).not.toBe('');
        expect(records('SiemCiEvent')).toHaveLength(1_000);

        // The next run fails on its second page (403 on the CI stream); its first page and token are kept.
        sim().addFault({ kind: 'status', path: '/siem/v1/events/ci', status: 403, after: 1 });
        await expect(sync('siem-ci-events')).rejects.toThrow('err_forbidden');
        const kept = checkpoint('siem-ci-events');
        expect(kept['nextPage']).not.toBe(first['nextPage']);
        expect(records('SiemCiEvent')).toHaveLength(1_500);

        let caughtUp = false;
        for (let i = 0; i < 5 && !caughtUp; i++) {
            const head = siemHead(sim().series('siemCiEvents'), Date.now()).hi;
            runs.push(await sync('siem-ci-events'));
            caughtUp = Math.max(...offsetsOf(records('SiemCiEvent'))) >= head - 1;
        }
        expect(caughtUp).toBe(true);

        const saved = records('SiemCiEvent');
        const offsets = offsetsOf(saved);
        // Contiguous stream positions across the failure: no gap, and (ids being unique) no duplicate.
        expect(offsets[offsets.length - 1]! - offsets[0]! + 1).toBe(offsets.length);
        expect(new Set(saved.map((r) => r['id'])).size).toBe(saved.length);
        const again = runs.reduce((sum, r) => sum + (r.models['SiemCiEvent']?.updated ?? 0) + (r.models['SiemCiEvent']?.unchanged ?? 0), 0);
        expect(again).toBe(0);
        expect(records('SiemCiGap')).toEqual([]);
    });
});

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

interface StreamCase {
    sync: string;
    path: string;
    series: string;
    model: string;
    gapModel: string;
    /** The event's stream position: siem-events keeps `_offset` in details, siem-ci-events promotes it to `offset`. */
    offsetOf: (record: Record<string, unknown>) => number;
}
const STREAMS: StreamCase[] = [
    {
        sync: 'siem-events',
        path: '/siem/v1/events/cg',
        series: 'siemEvents',
        model: 'SiemEvent',
        gapModel: 'SiemGap',
        offsetOf: (r) => Number((r['details'] as Record<string, unknown>)['_offset'])
    },
    {
        sync: 'siem-ci-events',
        path: '/siem/v1/events/ci',
        series: 'siemCiEvents',
        model: 'SiemCiEvent',
        gapModel: 'SiemCiGap',
        offsetOf: (r) => Number(r['offset'])
    }
];

describe('SIEM streams against the simulator', () => {
    it.each(STREAMS)('$sync catches up across runs in bounded pages, survives a failure mid-run, and saves each event exactly once', async (c) => {
        local.store.setMetadata(local.connection.connectionId, { backfillHours: 3, maxPagesPerRun: 2 });
        const offsets = () =>
            records(c.model)
                .map(c.offsetOf)
                .sort((a, b) => a - b);
        const runs: SyncRunResult[] = [];
        runs.push(await sync(c.sync)); // 2 pages, not caught up (3 hours = ~2,500 events)
        const first = checkpoint(c.sync);
        expect(first['nextPage']).not.toBe('');
        expect(records(c.model)).toHaveLength(1_000);

        // The next run fails on its second page; its first page and token are kept.
        sim().addFault({ kind: 'status', path: c.path, status: 403, after: 1 });
        await expect(sync(c.sync)).rejects.toThrow('err_forbidden');
        expect(checkpoint(c.sync)['nextPage']).not.toBe(first['nextPage']);
        expect(records(c.model)).toHaveLength(1_500);

        let caughtUp = false;
        for (let i = 0; i < 5 && !caughtUp; i++) {
            const head = siemHead(sim().series(c.series), Date.now()).hi;
            runs.push(await sync(c.sync));
            caughtUp = Math.max(...offsets()) >= head - 1;
        }
        expect(caughtUp).toBe(true);

        const saved = records(c.model);
        const positions = offsets();
        // Contiguous stream positions across the failure: no gap, and (ids being unique) no duplicate.
        expect(positions[positions.length - 1]! - positions[0]! + 1).toBe(positions.length);
        expect(new Set(saved.map((r) => r['id'])).size).toBe(saved.length);
        expect(saved.every((r) => typeof r['type'] === 'string' && r['type'] !== '')).toBe(true);
        const again = runs.reduce((sum, r) => sum + (r.models[c.model]?.updated ?? 0) + (r.models[c.model]?.unchanged ?? 0), 0);
        expect(again).toBe(0);
        expect(records(c.gapModel)).toEqual([]);
    });
});

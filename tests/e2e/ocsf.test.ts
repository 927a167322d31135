// OCSF on request, end to end against the simulator: with connection metadata { "ocsf": true } every
// record of every log and SIEM sync whose model has a mapping carries its OCSF event as `ocsf`, of the
// class its model maps to; without the flag no record has an `ocsf` key. Then every such event is
// held to the OCSF 1.8.0 definitions by the checker.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { openLocalHost } from '../../host/local.js';
import type { LocalHost } from '../../host/local.js';
import { createLogger } from '../../host/log.js';
import { findFunction } from '../../host/runner.js';
import { toOcsf } from '../../integrations/mimecast/helpers/ocsf.js';
import { OCSF_FILES, OcsfSchema } from '../ocsf/checker.js';
import { describeWithShared, sharedPath } from '../shared.js';

const SIZES = {
    auditEvents: 600,
    clickLogs: 600,
    attachmentLogs: 600,
    impersonationLogs: 600,
    dlpLogs: 600,
    heldReleaseLogs: 600,
    archiveSearchLogs: 600,
    archiveViewLogs: 600,
    siemEvents: 1_500,
    siemCiEvents: 600,
    siemBatchEvents: 300
};

/**
 * Each log/SIEM sync, its model, the OCSF classes its records may map to (none: no mapping yet), and
 * (`covers`) which of its records the mapping covers, when it does not cover all, and what the mapper says of the others.
 */
const SYNCS: { sync: string; model: string; classes: number[]; covers?: { only: (record: Record<string, unknown>) => boolean; refusal: string } }[] = [
    { sync: 'audit-events', model: 'AuditEvent', classes: [3001, 3002, 6003] },
    { sync: 'ttp-url-logs', model: 'ClickLog', classes: [2004] },
    { sync: 'ttp-attachment-logs', model: 'AttachmentLog', classes: [2004] },
    { sync: 'ttp-impersonation-logs', model: 'ImpersonationLog', classes: [2004] },
    { sync: 'dlp-logs', model: 'DlpLog', classes: [2004] },
    // A message that expired in the hold queue has no `released` time (as one published record shows).
    { sync: 'held-release-logs', model: 'HeldReleaseLog', classes: [4009], covers: { only: (r) => r['released'] !== undefined, refusal: 'no readable time' } },
    { sync: 'archive-search-logs', model: 'ArchiveSearchLog', classes: [6003] },
    { sync: 'archive-view-logs', model: 'ArchiveViewLog', classes: [6003] },
    { sync: 'siem-events', model: 'SiemEvent', classes: [4009, 2004] },
    {
        sync: 'siem-ci-events',
        model: 'SiemCiEvent',
        classes: [4009, 2004],
        covers: { only: (r) => r['type'] === 'entities', refusal: 'no OCSF mapping for CI' }
    },
    { sync: 'siem-batch-events', model: 'SiemBatchEvent', classes: [4009, 2004] }
];

/** Every warning the flagged host printed. */
const warnings: string[] = [];

async function open(metadata?: Record<string, unknown>): Promise<LocalHost> {
    const local = await openLocalHost({
        env: { NANGO_LOCAL_DIR: mkdtempSync(join(tmpdir(), 'ocsf-')) },
        ...(metadata ? { logger: createLogger({ level: 'warn', write: (line) => warnings.push(line) }) } : {}),
        simulator: { sizes: SIZES },
        proxy: { backoffBaseMs: 1 }
    });
    if (metadata) local.store.setMetadata(local.connection.connectionId, metadata);
    return local;
}
const records = (local: LocalHost, model: string) => local.store.listRecords(local.connection.connectionId, model).map((r) => r.data);

let flagged: LocalHost;
let plain: LocalHost;
beforeAll(async () => {
    flagged = await open({ ocsf: true });
    plain = await open();
    for (const { sync } of SYNCS) {
        await flagged.host.runSync(findFunction(sync));
    }
    for (const sync of ['audit-events', 'ttp-url-logs', 'siem-events']) {
        await plain.host.runSync(findFunction(sync));
    }
}, 120_000);
afterAll(async () => {
    await flagged.close();
    await plain.close();
});

describe('connection metadata { "ocsf": true }', () => {
    it.each(SYNCS)('$sync: every $model record carries its OCSF event of the mapped class (or none when unmapped)', ({ model, classes, covers }) => {
        const saved = records(flagged, model);
        const covered = saved.filter((r) => covers === undefined || covers.only(r));
        if (covers !== undefined) {
            // The simulator serves records of both sorts.
            expect(covered.length).toBeLessThan(saved.length);
        }
        expect(covered.length).toBeGreaterThan(0);
        // No mapper failed on a covered record: it would be saved without `ocsf` and named in a warning.
        expect(warnings.filter((line) => line.includes(`${model}: saved `) && line.includes('without the OCSF event'))).toEqual([]);
        for (const record of saved) {
            if (classes.length === 0) {
                expect(record).not.toHaveProperty('ocsf');
                continue;
            }
            if (!covered.includes(record)) {
                // A record the mapping does not cover (CI mailflow and urlclick, an expired held message): saved
                // without it, and the mapper says why.
                expect(record).not.toHaveProperty('ocsf');
                expect(() => toOcsf(model, record)).toThrow(covers!.refusal);
                continue;
            }
            const { ocsf, ...rest } = record as { ocsf?: Record<string, unknown> };
            if (ocsf === undefined) {
                throw new Error(`${model} ${String(record['id'])} was saved without its OCSF event`);
            }
            expect(classes).toContain(ocsf['class_uid']);
            // Named after the model the record was saved as (SiemBatchEvent too, though it shares SiemEvent's mapping).
            expect(ocsf['metadata']).toMatchObject({ log_name: model });
            // The rendering of the saved record itself (the same mapper, the same fields).
            expect(ocsf).toEqual(JSON.parse(JSON.stringify(toOcsf(model, rest))));
        }
    });

    it("siem-events makes one MessageTrace per simulated message: several steps each, the flows' outcomes", () => {
        const traces = records(flagged, 'MessageTrace');
        const events = records(flagged, 'SiemEvent');
        expect(traces.length).toBe(new Set(events.map((e) => e['aggregateId'])).size);
        expect(traces.filter((t) => (t['steps'] as unknown[]).length >= 2).length).toBeGreaterThan(traces.length / 2);
        const outcomes = new Set(traces.map((t) => t['outcome']));
        for (const outcome of ['delivered', 'held', 'rejected', 'bounced']) expect(outcomes).toContain(outcome);
    });

    it('without the flag no record has an ocsf key', () => {
        for (const model of ['AuditEvent', 'ClickLog', 'SiemEvent']) {
            const saved = records(plain, model);
            expect(saved.length).toBeGreaterThan(0);
            expect(saved.filter((r) => 'ocsf' in r)).toEqual([]);
        }
    });
});

describeWithShared('OCSF events of a simulator run hold to the OCSF 1.8.0 definitions', OCSF_FILES, () => {
    it('the checker finds nothing in any saved ocsf member', () => {
        const schema = new OcsfSchema(sharedPath('reference/ocsf-1.8.0'));
        const findings: unknown[] = [];
        let checked = 0;
        for (const { model } of SYNCS) {
            for (const record of records(flagged, model)) {
                if (record['ocsf'] !== undefined) {
                    checked += 1;
                    findings.push(...schema.check(record['ocsf']).map((f) => ({ model, id: record['id'], ...f })));
                }
            }
        }
        expect(checked).toBeGreaterThan(1_000);
        expect(findings.slice(0, 20)).toEqual([]);
    });
});

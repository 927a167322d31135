// End to end through the simulator: `npm start`'s own entry point twice on a fresh store, and an
// audit-events run that dies mid-way on an injected fault and resumes without gaps or duplicates.
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

import { openLocalHost } from '../../host/local.js';
import { findFunction } from '../../host/runner.js';

const run = promisify(execFile);
const ROOT = new URL('../../', import.meta.url).pathname;

async function npmStart(localDir: string): Promise<string> {
    const env = { ...process.env, NANGO_LOCAL_DIR: localDir, MIMECAST_CLIENT_ID: '', MIMECAST_CLIENT_SECRET: '', MIMECAST_BASE_URL: '', NODE_OPTIONS: '' };
    const { stdout } = await run(join(ROOT, 'node_modules/.bin/tsx'), ['host/cli/start.ts'], { cwd: ROOT, env, timeout: 110_000 });
    return stdout;
}

describe('npm start against the embedded simulator', () => {
    it('syncs audit events and reads the account, then runs incrementally the second time', async () => {
        const dir = mkdtempSync(join(tmpdir(), 'start-'));
        const first = await npmStart(dir);
        expect(first).toContain('target: embedded Mimecast simulator at http://127.0.0.1:');
        expect(first).toMatch(/✓ audit-events \(first run, back-fill\): \+[1-9]\d* new/);
        // A sync that saves two models says what each got; counts of one are singular.
        expect(first).toMatch(
            /✓ siem-events \(first run, back-fill\): \+\d+ new, \d+ updated, 0 deleted in \d+ batches \(SiemEvent \+[1-9]\d*; MessageTrace \+[1-9]\d*( ~\d+)?\)\n/
        );
        expect(first).not.toMatch(/ 1 batches/);
        expect(first).toContain('✓ get-account: accountCode=CDE22A102, accountName=Simulated Tenant Ltd');
        expect(first).toContain('access tokens fetched: 1');
        expect(first).toMatch(/Permissions \(check-permissions\)\n {2}Account Management +✓ granted/);
        expect(first).toContain('MIMECAST_CLIENT_ID=<client id> MIMECAST_CLIENT_SECRET=<client secret>');
        expect(first).not.toContain('sim-client-secret');

        const second = await npmStart(dir);
        expect(second).toMatch(/✓ audit-events \(incremental\): \+\d+ new/);
        const stored = (out: string) => Number(/audit-events\s+sync\s+\+\d+ ~\d+ -\d+\s+(\d+)/.exec(out)?.[1]);
        expect(stored(second)).toBeGreaterThanOrEqual(stored(first));
    }, 240_000);
});

describe('a sync that fails mid-way', () => {
    it('resumes from its checkpoint with no gap and no duplicate', async () => {
        const local = await openLocalHost({
            env: { NANGO_LOCAL_DIR: mkdtempSync(join(tmpdir(), 'resume-')) },
            simulator: { sizes: { auditEvents: 8_000 } },
            proxy: { backoffBaseMs: 1 }
        });
        try {
            const sim = local.simulator!;
            const fn = findFunction('audit-events');
            // Page 1 passes, then page 2 fails through every proxy retry.
            sim.addFault({ kind: 'status', status: 503, path: '/api/audit/get-audit-events', after: 1, times: 4 });
            await expect(local.host.runSync(fn)).rejects.toThrow('503');
            const kept = local.store.getCheckpoint(local.connection.connectionId, 'audit-events')!;
            expect(kept['pageToken']).not.toBe('');
            const afterFailure = local.store.countRecords(local.connection.connectionId, 'AuditEvent');
            expect(afterFailure).toBe(500);

            const resumed = await local.host.runSync(fn);
            // From the failed window's start to where the resumed run stopped: the failed run's retries took
            // seconds, so the resumed run also reads the few seconds since, where a new event may have landed.
            const through = local.store.getCheckpoint(local.connection.connectionId, 'audit-events')!;
            expect(Date.parse(String(through['cursor']))).toBeGreaterThanOrEqual(Date.parse(String(kept['windowEnd'])));
            const expected = sim.series('auditEvents').countInRange(Date.parse(String(kept['windowStart'])), Date.parse(String(through['cursor'])));
            const total = local.store.countRecords(local.connection.connectionId, 'AuditEvent');
            expect(total).toBe(expected);
            // Every record was added exactly once across the two runs: nothing re-fetched, nothing skipped.
            expect(afterFailure + resumed.models['AuditEvent']!.added).toBe(expected);
            expect(resumed.models['AuditEvent']!.unchanged).toBe(0);
        } finally {
            await local.close();
        }
    });
});

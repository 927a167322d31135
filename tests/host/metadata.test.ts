// Connection metadata from the command line and the environment: checked against the syncs' metadata
// schemas from .nango/nango.json (with Nango's validator), stored like Nango's setMetadata.
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

import { metadataFromEnv, parseMetadata, validateMetadata } from '../../host/metadata.js';
import { findFunction, listFunctions } from '../../host/runner.js';
import { Store } from '../../host/store.js';

const run = promisify(execFile);
const ROOT = new URL('../../', import.meta.url).pathname;

async function cli(args: string[], extraEnv: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
    const env = { ...process.env, MIMECAST_CLIENT_ID: '', MIMECAST_CLIENT_SECRET: '', MIMECAST_BASE_URL: '', NODE_OPTIONS: '', ...extraEnv };
    try {
        const { stdout, stderr } = await run(join(ROOT, 'node_modules/.bin/tsx'), args, { cwd: ROOT, env, timeout: 120_000 });
        return { code: 0, stdout, stderr };
    } catch (err) {
        const e = err as { code: number; stdout: string; stderr: string };
        return { code: e.code, stdout: e.stdout, stderr: e.stderr };
    }
}

describe("metadata validation against the syncs' schemas", () => {
    it('accepts what the schemas allow, keys of other syncs included', () => {
        expect(() => validateMetadata('--metadata', { backfillDays: 3, maxPagesPerRun: 5, groupSources: ['cloud'] }, listFunctions())).not.toThrow();
    });

    it('names the field, what was expected, the value and the sync', () => {
        expect(() => validateMetadata('--metadata', { backfillDays: 200 }, [findFunction('audit-events')])).toThrow(
            '--metadata: backfillDays must be <= 90 (got 200; metadata schema of sync audit-events)'
        );
        expect(() => validateMetadata('MIMECAST_METADATA', { groupSources: ['cloud', 'nis'] }, listFunctions())).toThrow(
            /MIMECAST_METADATA: groupSources\.1 must be equal to one of the allowed values: cloud, ldap \(got "nis"; metadata schema of sync groups\)/
        );
        expect(() => validateMetadata('--metadata', { backfillHours: 'three' }, listFunctions())).toThrow(/backfillHours must be integer.*siem-events/);
    });

    it('wants a JSON object', () => {
        expect(() => parseMetadata('--metadata', '[1]')).toThrow('--metadata: expected a JSON object, got an array');
        expect(() => parseMetadata('--metadata', '{oops')).toThrow('--metadata: expected a JSON object, got invalid JSON');
    });

    it('reads MIMECAST_METADATA or MIMECAST_METADATA_FILE, not both', () => {
        const file = join(mkdtempSync(join(tmpdir(), 'meta-')), 'm.json');
        writeFileSync(file, '{"backfillDays": 2}');
        expect(metadataFromEnv({ MIMECAST_METADATA: '{"backfillDays": 1}' })).toEqual({ backfillDays: 1 });
        expect(metadataFromEnv({ MIMECAST_METADATA_FILE: file })).toEqual({ backfillDays: 2 });
        expect(metadataFromEnv({})).toBeUndefined();
        expect(() => metadataFromEnv({ MIMECAST_METADATA: '{}', MIMECAST_METADATA_FILE: file })).toThrow('not both');
        expect(() => metadataFromEnv({ MIMECAST_METADATA_FILE: join(tmpdir(), 'missing-metadata.json') })).toThrow('MIMECAST_METADATA_FILE: cannot read');
    });
});

describe('npm run function -- <name> --metadata', () => {
    it('refuses invalid metadata before any run, naming the field', async () => {
        const dir = mkdtempSync(join(tmpdir(), 'fn-meta-'));
        const result = await cli(['host/cli/function.ts', 'audit-events', '--metadata', '{"backfillDays": 0}'], { NANGO_LOCAL_DIR: dir });
        expect(result.code).toBe(2);
        expect(result.stderr).toContain('--metadata: backfillDays must be >= 1 (got 0; metadata schema of sync audit-events)');
        expect(result.stdout).toBe('');
    });

    it('stores the metadata on the local connection, where the sync reads it', async () => {
        const dir = mkdtempSync(join(tmpdir(), 'fn-meta-'));
        const result = await cli(['host/cli/function.ts', 'siem-events', '--metadata', '{"backfillHours": 1, "maxPagesPerRun": 1}'], { NANGO_LOCAL_DIR: dir });
        expect(result.code).toBe(0);
        const store = new Store(join(dir, 'store.sqlite'));
        try {
            expect(store.getMetadata('simulator')).toEqual({ backfillHours: 1, maxPagesPerRun: 1 });
            // maxPagesPerRun: 1 was honoured: one page of at most 500 events.
            const events = JSON.parse(result.stdout) as Record<string, unknown[]>;
            expect(events['SiemEvent']?.length ?? 0).toBeLessThanOrEqual(500);
        } finally {
            store.close();
        }
    });
});

describe('npm start with MIMECAST_METADATA', () => {
    it('fails with the field named when the metadata does not fit a sync', async () => {
        const dir = mkdtempSync(join(tmpdir(), 'start-meta-'));
        const result = await cli(['host/cli/start.ts'], { NANGO_LOCAL_DIR: dir, MIMECAST_METADATA: '{"groupSources": []}' });
        expect(result.code).toBe(1);
        expect(result.stderr).toMatch(/MIMECAST_METADATA: groupSources must NOT have fewer than 1 items .*metadata schema of sync groups/);
    });
});

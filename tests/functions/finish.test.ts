// stream.ts finish: every record passes it before batchSave. It leaves out empty values (undefined,
// null, '', [] and {}) at any depth, returns a record with nothing to drop as it is (no copy), and
// keeps everything else, in order. saveRecords reports the records saved without the OCSF event the
// connection asked for.
import { finish, saveRecords } from '../../integrations/mimecast/helpers/stream.js';
import { fixture } from '../contract/fixtures.js';
import * as R from '../ocsf/records.js';

/** The rule written plainly: what finish must return for `value`. */
function reference(value: unknown): unknown {
    if (Array.isArray(value)) {
        const kept = value.map(reference).filter((v) => v !== undefined);
        return kept.length > 0 ? kept : undefined;
    }
    if (typeof value === 'object' && value !== null) {
        const kept = Object.entries(value).flatMap(([k, v]) => {
            const r = reference(v);
            return r === undefined ? [] : [[k, r] as const];
        });
        return kept.length > 0 ? Object.fromEntries(kept) : undefined;
    }
    return value === null || value === '' ? undefined : value;
}

describe('finish', () => {
    it('returns a record with nothing to drop as it is, the same object', () => {
        const record = { id: 'a', n: 0, ok: false, text: ' ', details: { url: 'https://x.example', list: ['a', 'b'], nested: { deep: 1 } } };
        expect(finish('AuditEvent', record, {}).record).toBe(record);
    });

    it('leaves out undefined, null, empty strings, arrays and objects at any depth, and what becomes empty', () => {
        const record = {
            id: 'a',
            gone: null,
            blank: '',
            none: undefined,
            keep: 'x',
            details: { a: [], b: {}, c: [null, '', 'v', [], [[]]], d: { e: { f: null } }, g: 0 },
            list: [{ x: '' }, { y: 1 }]
        };
        const finished = finish('AuditEvent', record, {}).record;
        expect(finished).toStrictEqual({ id: 'a', keep: 'x', details: { c: ['v'], g: 0 }, list: [{ y: 1 }] });
        expect(Object.keys(finished)).toEqual(['id', 'keep', 'details', 'list']);
        // The record passed in is not changed.
        expect(record.details.c).toEqual([null, '', 'v', [], [[]]]);
    });

    it('agrees with the plain rule on generated records', () => {
        const leaves = [null, '', undefined, 0, -1, 'v', ' ', false, true, [], {}];
        let seed = 11;
        const next = (n: number) => {
            seed = (seed * 1103515245 + 12345) % 2147483648;
            return seed % n;
        };
        const build = (depth: number): unknown => {
            const kind = depth > 2 ? 0 : next(3);
            if (kind === 0) return leaves[next(leaves.length)];
            if (kind === 1) return Array.from({ length: next(4) }, () => build(depth + 1));
            return Object.fromEntries(Array.from({ length: next(4) }, (_, i) => [`k${i}`, build(depth + 1)]));
        };
        for (let i = 0; i < 500; i++) {
            const record = { id: `r${i}`, ...(build(0) as object) };
            expect(finish('AuditEvent', record, {}).record).toStrictEqual(reference(record));
        }
    });
});

describe('saveRecords with { "ocsf": true }', () => {
    /** A nango with what saveRecords uses: the saved batches and the log lines. */
    function recorder() {
        const saved: { model: string; records: Record<string, unknown>[] }[] = [];
        const logs: { message: string; level: string | undefined }[] = [];
        return {
            saved,
            logs,
            nango: {
                batchSave: (records: { id: string }[], model: string) => {
                    saved.push({ model, records: records as Record<string, unknown>[] });
                    return Promise.resolve(true);
                },
                log: (message: unknown, options?: { level?: string }) => {
                    logs.push({ message: String(message), level: options?.level });
                    return Promise.resolve();
                }
            }
        };
    }
    const good = R.dlpLog(R.DLP_RAW.held);
    const unreadable = (id: string) => ({ ...good, id, eventTime: 'not a date' });

    it('saves a record its OCSF mapping fails on without `ocsf`, and names it with the reason in one warning', async () => {
        const t = recorder();
        const count = await saveRecords(t.nango as never, 'DlpLog', [good, unreadable('dlp-odd')], { ocsf: true });
        expect(count).toBe(2);
        expect(t.saved).toHaveLength(1);
        const [first, second] = t.saved[0]!.records;
        expect(first).toHaveProperty('ocsf.class_uid', 2004);
        expect(second).toMatchObject({ id: 'dlp-odd', eventTime: 'not a date' });
        expect(second).not.toHaveProperty('ocsf');
        expect(t.logs).toEqual([
            { level: 'warn', message: 'DlpLog: saved 1 record without the OCSF event the connection asked for: dlp-odd (no readable time)' }
        ]);
    });

    it('names a mapper that throws on a shape it does not expect by the error, not its message', async () => {
        const t = recorder();
        // A number where the DLP mapping reads a string (the stream's reader would have made it text).
        await saveRecords(t.nango as never, 'DlpLog', [{ ...good, id: 'dlp-number', action: 5 as unknown as string }], { ocsf: true });
        expect(t.saved[0]!.records[0]).not.toHaveProperty('ocsf');
        expect(t.logs.map((l) => l.message)).toEqual([
            'DlpLog: saved 1 record without the OCSF event the connection asked for: dlp-number (TypeError in the OCSF mapping)'
        ]);
    });

    it('lists at most ten failures and counts the rest; the warning never quotes a field', async () => {
        const t = recorder();
        const odd = Array.from({ length: 12 }, (_, i) => unreadable(`odd-${i}`));
        await saveRecords(t.nango as never, 'DlpLog', odd, { ocsf: true });
        expect(t.saved[0]!.records).toHaveLength(12);
        expect(t.logs).toHaveLength(1);
        expect(t.logs[0]!.message).toMatch(
            /^DlpLog: saved 12 records without the OCSF event the connection asked for: odd-0 \(no readable time\), .*odd-9 \(no readable time\) and 2 more$/
        );
        expect(t.logs[0]!.message).not.toContain('not a date');
    });

    it('says nothing for records no mapping covers (CI mailflow, a held message expired in the queue) or when the connection did not ask', async () => {
        const t = recorder();
        await saveRecords(t.nango as never, 'SiemCiEvent', [R.siemCiEvent(R.SIEM_CI_RAW.mailflow), R.siemCiEvent(R.SIEM_CI_RAW.clean)], { ocsf: true });
        // The published records: the fifth expired in the queue and has no `released` time.
        const published = fixture<Record<string, unknown>[]>('held-release-logs.elastic-pipeline-records').map((raw) => R.heldReleaseLog(raw));
        expect(published.map((log) => log.released === undefined)).toEqual([false, false, false, false, true]);
        await saveRecords(t.nango as never, 'HeldReleaseLog', published, { ocsf: true });
        await saveRecords(t.nango as never, 'DlpLog', [unreadable('quiet')], {});
        const [ci, held, dlp] = t.saved;
        expect(ci!.records.map((r) => 'ocsf' in r)).toEqual([false, true]);
        expect(held!.records.map((r) => 'ocsf' in r)).toEqual([true, true, true, true, false]);
        expect(dlp!.records[0]).not.toHaveProperty('ocsf');
        expect(t.logs).toEqual([]);
    });
});

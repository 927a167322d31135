// stream.ts finish: every record passes it before batchSave. It leaves out empty values (undefined,
// null, '', [] and {}) at any depth, returns a record with nothing to drop as it is (no copy), and
// keeps everything else, in order.
import { finish } from '../../integrations/mimecast/helpers/stream.js';

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
        expect(finish('AuditEvent', record, {})).toBe(record);
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
        const finished = finish('AuditEvent', record, {});
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
            expect(finish('AuditEvent', record, {})).toStrictEqual(reference(record));
        }
    });
});

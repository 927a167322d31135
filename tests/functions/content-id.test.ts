// contentId is the id of every record Mimecast sends without one (SIEM events, TTP URL and attachment
// logs, DLP logs, archive search logs): stores hold records under these ids, so a new version must
// give the same event the same id. The expected ids below were computed by the first implementation.
import { createHash } from 'node:crypto';

import { contentId } from '../../integrations/mimecast/helpers/records.js';

describe('contentId', () => {
    it('keeps the ids earlier versions gave (nested objects, arrays, numeric-looking and non-ASCII keys, undefined values)', () => {
        const siem = {
            processingId: 'p1',
            aggregateId: 'a1',
            timestamp: 1700000000000,
            type: 'receipt',
            recipients: ['b@x.example', 'a@x.example'],
            nested: { z: 1, a: [{ y: null, b: 'é' }], m: undefined },
            '10': 'ten',
            '2': 'two',
            B: 1,
            a: 2
        };
        const click = {
            url: 'https://x.example/?q="1"',
            date: '2026-11-20T10:00:00+0000',
            userEmailAddress: 'u@x.example',
            action: 'Block',
            list: [1, 'two', null, true, { k: [] }],
            empty: {},
            ü: 'x',
            Z: 'z'
        };
        expect(contentId('SiemEvent', siem)).toBe('GMCVtwcdp4VG5YEsMvF_qmYs9PiukPIOcQ3QDV9fJDs');
        expect(contentId('ClickLog', click)).toBe('4i2ia1_lwGvN5COGDL7smKuyu29oneFuMeKebmx34kQ');
        expect(contentId('DlpLog', [1, { b: 2, a: 1 }])).toBe('SfdoZK13NVS-MZ4ADv2D5hrcVnE5w63lcX2cyzelSMI');
        expect(contentId('X', 'plain')).toBe('25szb79j8foLjfOCitriBes27xrxkXkH1ycT0Vwqz3M');
        expect(contentId('X', null)).toBe('xOckmfZ-pf1Xo7-Ge6BVcsNaDZztwYJv7a2cL_s3bhQ');
        // A flat event, as the SIEM stream sends them (null and undefined values, numeric-looking keys).
        const flat = {
            numberAttachments: '0',
            subject: 'Test Email Subject',
            senderEnvelope: 'sender@example.com',
            aggregateId: 'mock_aggregate_id_abc123',
            spamInfo: null,
            timestamp: 1704067200000,
            eventType: 'receipt',
            subType: 'Rej',
            '10': 'x',
            B: true,
            a: undefined
        };
        expect(contentId('SiemEvent', flat)).toBe('WD2XF6nRygOxLlkSHgSuevlIyRBUqVJeWL5CEPCxA0U');
    });

    it('ignores key order at every level and tells any changed value apart', () => {
        const a = { x: 1, y: { p: [1, 2], q: 'v' } };
        const b = { y: { q: 'v', p: [1, 2] }, x: 1 };
        expect(contentId('SiemEvent', a)).toBe(contentId('SiemEvent', b));
        expect(contentId('SiemEvent', a)).not.toBe(contentId('SiemEvent', { ...a, y: { p: [2, 1], q: 'v' } }));
        expect(contentId('SiemEvent', a)).not.toBe(contentId('SiemCiEvent', a));
    });

    it('writes flat records (the per-shape path) exactly as JSON.stringify does with the sorted key list', () => {
        // Keys and values that JSON escapes or orders oddly: quotes, backslashes, control characters, lone
        // surrogates, non-ASCII, numeric-looking keys, a key with the shape signature's separator in it.
        const keys = ['b', 'a', 'é', '10', '2', 'Z', 'q"uote', 'back\\slash', 'new\nline', '\u0001', '\ud800x', '', '_offset'];
        const values = [
            'plain',
            'é',
            'a "q"',
            'tab\tand\\',
            '\u0000\u001f',
            '\ud83d\ude00',
            '\udc00',
            '\u007f\u2028',
            0,
            -0,
            1.5e21,
            5e-7,
            -3.25,
            true,
            false,
            null,
            NaN,
            Infinity
        ];
        const reference = (kind: string, raw: Record<string, unknown>) =>
            createHash('sha256')
                .update(`${kind}\n${JSON.stringify(raw, Object.keys(raw).sort())}`)
                .digest('base64url');
        let seed = 7;
        const next = (n: number) => {
            seed = (seed * 1103515245 + 12345) % 2147483648;
            return seed % n;
        };
        for (let i = 0; i < 400; i++) {
            const raw: Record<string, unknown> = {};
            const count = next(keys.length + 1);
            for (let k = 0; k < count; k++) {
                raw[keys[next(keys.length)]!] = values[next(values.length)];
            }
            // The same content again: once with its keys in another order (another shape), once as it was (a cached shape).
            const shuffled = Object.fromEntries(Object.entries(raw).reverse());
            expect(contentId('SiemEvent', raw)).toBe(reference('SiemEvent', raw));
            expect(contentId('SiemEvent', shuffled)).toBe(reference('SiemEvent', raw));
            expect(contentId('SiemEvent', raw)).toBe(reference('SiemEvent', raw));
        }
        // Two key lists that join to the same text are two shapes.
        expect(contentId('X', { 'a\nb': 1 })).toBe(reference('X', { 'a\nb': 1 }));
        expect(contentId('X', { a: 1, b: 2 })).toBe(reference('X', { a: 1, b: 2 }));
        expect(contentId('X', { 'a\nb': 'c' })).not.toBe(contentId('X', { a: 'c', b: 'c' }));
    });
});

import { gzipSync } from 'node:zlib';

import nock from 'nock';

import { MAX_ATTEMPTS } from '../../integrations/mimecast/helpers/api.js';
import { contentId } from '../../integrations/mimecast/helpers/records.js';
import { createTestHost, mockToken, TEST_BASE, TEST_TOKEN } from '../harness.js';

const PATH = '/siem/v1/batch/events/cg';
/** The presigned storage host: not Mimecast's gateway, so no bearer token may go there. */
const STORAGE = 'https://mimecast-siem-files.storage.test';
const TYPES = [
    'receipt',
    'process',
    'delivery',
    'av',
    'spam',
    'internal email protect',
    'impersonation protect',
    'url protect',
    'attachment protect',
    'journal'
];
const DAY = 86_400_000;
type Query = Record<string, string>;

function event(n: number, type = 'receipt', extra: Record<string, unknown> = {}) {
    return {
        aggregateId: `agg-${n}`,
        processingId: `proc-${n}`,
        accountId: 'CDE22A102',
        timestamp: Date.UTC(2026, 10, 25, 10, 0, 0, n),
        type,
        subtype: 'Allow',
        senderEnvelope: `s${n}@fabrikam.example`,
        subject: `Invoice ${n}`,
        _offset: n,
        _partition: 3,
        ...extra
    };
}
const ndjson = (lines: unknown[]) => gzipSync(Buffer.from(lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l))).join('\n')));
const link = (name: string, size = 100) => ({
    url: `${STORAGE}/siem/${encodeURIComponent(name)}.json.gz?X-Amz-Expires=900&X-Amz-Signature=${name.length}abc`,
    expiry: new Date(Date.now() + 900_000).toISOString(),
    size
});
const page = (value: unknown[], nextPage: string, isCaughtUp: boolean) => ({ value, '@nextPage': nextPage, isCaughtUp });

/** Answers every list call with `reply(query)` and records the queries (in order) and their Authorization. */
function lists(queries: Query[], reply: (q: Query, index: number) => [number, unknown]) {
    return nock(TEST_BASE)
        .get(PATH)
        .query((q) => {
            queries.push(q as Query);
            return true;
        })
        .times(1000)
        .optionally()
        .reply(function () {
            const q = queries[queries.length - 1]!;
            return reply(q, queries.filter((x) => x['type'] === q['type']).length - 1);
        });
}

/** Serves storage files by name and records each download's path and headers. */
function storage(files: Record<string, [number, Buffer | string]>, downloads: { path: string; authorization: unknown }[]) {
    return nock(STORAGE)
        .get(/\/siem\/.*/)
        .times(1000)
        .optionally()
        .reply(function (uri) {
            downloads.push({ path: uri, authorization: this.req.headers['authorization'] });
            const name = decodeURIComponent(uri.replace(/^\/siem\//, '').replace(/\.json\.gz\?.*$/, ''));
            return files[name] ?? [404, '<Error><Code>NoSuchKey</Code></Error>'];
        });
}

const caughtUp = (q: Query): [number, unknown] => [200, page([], `${q['type']}-end`, true)];

describe('sync siem-batch-events', () => {
    it('lists every event type from the back-fill day, downloads the files without the bearer token, saves their events and checkpoints each type', async () => {
        const t = createTestHost();
        mockToken();
        const queries: Query[] = [];
        const downloads: { path: string; authorization: unknown }[] = [];
        const e1 = event(1);
        const e2 = event(2, 'receipt', { subtype: 'Rej' });
        const e3 = event(3, 'url protect', { url: 'https://phish.example/login', action: 'Block' });
        lists(queries, (q, i) => {
            if (q['type'] === 'receipt') {
                return i === 0 ? [200, page([link('r1'), link('r2')], 'receipt-2', false)] : [200, page([], 'receipt-3', true)];
            }
            if (q['type'] === 'url protect') {
                return [200, page([link('u1')], 'url-2', true)];
            }
            return caughtUp(q);
        });
        storage({ r1: [200, ndjson([e1])], r2: [200, ndjson([e2])], u1: [200, ndjson([e3])] }, downloads);

        const before = Date.now();
        await t.runSync('siem-batch-events');

        // First round: one call per type, by date (7 days back, the most Mimecast keeps), one type each.
        const firstRound = queries.slice(0, 10);
        expect(firstRound.map((q) => q['type'])).toEqual(TYPES);
        const day = new Date(before - 7 * DAY).toISOString().slice(0, 10);
        for (const q of firstRound) {
            expect(q).toEqual({ type: q['type'], dateRangeStartsAt: day, pageSize: '2' });
        }
        // Only receipt was not caught up: it alone gets a second page, by token.
        expect(queries.slice(10)).toEqual([{ type: 'receipt', nextPage: 'receipt-2', pageSize: '17' }]);

        expect(downloads.map((d) => d.path.split('?')[0])).toEqual(['/siem/r1.json.gz', '/siem/r2.json.gz', '/siem/u1.json.gz']);
        expect(downloads.every((d) => d.authorization === undefined)).toBe(true);
        expect(JSON.stringify(downloads)).not.toContain(TEST_TOKEN);

        const records = t.records('SiemBatchEvent');
        expect(records.map((r) => r['id']).sort()).toEqual([e1, e2, e3].map((e) => contentId('SiemBatchEvent', e)).sort());
        expect(records.find((r) => r['type'] === 'url protect')).toEqual({
            id: contentId('SiemBatchEvent', e3),
            type: 'url protect',
            subtype: 'Allow',
            timestamp: '2026-11-25T10:00:00.003Z',
            aggregateId: 'agg-3',
            processingId: 'proc-3',
            accountId: 'CDE22A102',
            senderEnvelope: 's3@fabrikam.example',
            subject: 'Invoice 3',
            action: 'Block',
            details: { url: 'https://phish.example/login', _offset: 3, _partition: 3 }
        });

        // Every type's @nextPage is kept, also from the empty last pages.
        expect(t.checkpoint('siem-batch-events')).toEqual({
            next_receipt: 'receipt-3',
            next_process: 'process-end',
            next_delivery: 'delivery-end',
            next_av: 'av-end',
            next_spam: 'spam-end',
            next_internal_email_protect: 'internal email protect-end',
            next_impersonation_protect: 'impersonation protect-end',
            next_url_protect: 'url-2',
            next_attachment_protect: 'attachment protect-end',
            next_journal: 'journal-end',
            firstType: ''
        });
        expect(t.logs.join('\n')).toContain(
            'SIEM batch: 3 events from 3 files in 11 list pages; skipped 0 expired links, 0 repeated links, 0 corrupt lines, 0 unreadable files'
        );
    });

    it('continues every type from its saved token on the next run and never calls with neither a token nor dates', async () => {
        const t = createTestHost();
        mockToken();
        const queries: Query[] = [];
        lists(queries, (q) => [200, page([], `${q['type']}-${q['nextPage'] ? 'b' : 'a'}`, true)]);
        await t.runSync('siem-batch-events');
        await t.runSync('siem-batch-events');

        expect(queries).toHaveLength(20);
        for (const q of queries.slice(0, 10)) {
            expect(Object.keys(q).sort()).toEqual(['dateRangeStartsAt', 'pageSize', 'type']);
        }
        expect(queries.slice(10)).toEqual(TYPES.map((type) => ({ type, nextPage: `${type}-a`, pageSize: '2' })));
        expect(t.checkpoint('siem-batch-events')).toMatchObject({ next_receipt: 'receipt-b', next_journal: 'journal-b' });
    });

    it("starts a type again by date when Mimecast rejects its saved @nextPage, and keeps the other types' tokens", async () => {
        const t = createTestHost();
        mockToken();
        const queries: Query[] = [];
        lists(queries, (q) => [200, page([], `${q['type']}-a`, true)]);
        await t.runSync('siem-batch-events');
        nock.cleanAll();

        mockToken();
        const again: Query[] = [];
        lists(again, (q) =>
            q['type'] === 'spam' && q['nextPage'] === 'spam-a'
                ? [400, { error: { code: 'invalid_next_page', message: 'The nextPage token is not valid' } }]
                : [200, page([], `${q['type']}-b`, true)]
        );
        await t.runSync('siem-batch-events');
        const spam = again.filter((q) => q['type'] === 'spam');
        expect(spam.map((q) => Object.keys(q).sort())).toEqual([
            ['nextPage', 'pageSize', 'type'],
            ['dateRangeStartsAt', 'pageSize', 'type']
        ]);
        expect(again.filter((q) => q['type'] !== 'spam').every((q) => q['nextPage'] === `${q['type']}-a`)).toBe(true);
        expect(t.logs.some((line) => line.includes('rejected the saved @nextPage of "spam" (invalid_next_page)'))).toBe(true);
        expect(t.checkpoint('siem-batch-events')).toMatchObject({ next_spam: 'spam-b', next_receipt: 'receipt-b' });
    });

    it('starts the back-fill at backfillDays (capped at the 7 days Mimecast keeps)', async () => {
        for (const [backfillDays, expected] of [
            [2, 2],
            [30, 7]
        ] as const) {
            const t = createTestHost({ metadata: { backfillDays } });
            mockToken();
            const queries: Query[] = [];
            lists(queries, caughtUp);
            await t.runSync('siem-batch-events');
            expect(queries[0]!['dateRangeStartsAt']).toBe(new Date(Date.now() - expected * DAY).toISOString().slice(0, 10));
            nock.cleanAll();
        }
    });

    it('skips expired links (403, 404), repeated URLs, an entry without url and corrupt lines, counts them, and keeps everything else', async () => {
        const t = createTestHost();
        mockToken();
        const queries: Query[] = [];
        const downloads: { path: string; authorization: unknown }[] = [];
        const good = [event(1), event(2), event(3)];
        const repeated = { ...link('ok'), url: link('ok').url.replace('Signature=2abc', 'Signature=fresh') };
        lists(queries, (q) =>
            q['type'] === 'receipt'
                ? [
                      200,
                      page(
                          [link('gone403'), link('ok'), link('gone404'), repeated, link('ok'), { size: 12, expiry: '2026-11-25T10:00:00.000Z' }, link('mixed')],
                          'receipt-2',
                          true
                      )
                  ]
                : caughtUp(q)
        );
        storage(
            {
                gone403: [403, '<?xml version="1.0" encoding="UTF-8"?><Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>'],
                gone404: [404, '<Error><Code>NoSuchKey</Code></Error>'],
                ok: [200, ndjson([good[0]])],
                // A file with corrupt lines among good ones: not JSON, cut off, not an object, no type, no timestamp.
                mixed: [
                    200,
                    ndjson([
                        '{"type":"receipt","timestamp":',
                        good[1],
                        'not json at all',
                        '[1,2]',
                        JSON.stringify({ timestamp: 1 }),
                        JSON.stringify({ type: 'receipt' }),
                        good[2]
                    ])
                ]
            },
            downloads
        );

        await t.runSync('siem-batch-events');

        expect(
            t
                .records('SiemBatchEvent')
                .map((r) => r['aggregateId'])
                .sort()
        ).toEqual(['agg-1', 'agg-2', 'agg-3']);
        // The repeated link (same object, another signature) is not downloaded again.
        expect(downloads.map((d) => d.path.split('?')[0])).toEqual([
            '/siem/gone403.json.gz',
            '/siem/ok.json.gz',
            '/siem/gone404.json.gz',
            '/siem/mixed.json.gz'
        ]);
        expect(t.checkpoint('siem-batch-events')).toMatchObject({ next_receipt: 'receipt-2' });
        const log = t.logs.join('\n');
        expect(log).toContain(
            'SIEM batch: 3 events from 2 files in 10 list pages; skipped 2 expired links, 2 repeated links, 5 corrupt lines, 1 unreadable files'
        );
        expect(log).toMatch(/skipped an expired file link \(HTTP 403, expiry \d{4}-/);
        expect(log).not.toContain('X-Amz-Signature');
    });

    it('downloads at most maxFilesPerRun files, shared between the types, and lets the next run start with the types left out', async () => {
        const t = createTestHost({ metadata: { maxFilesPerRun: 3 } });
        mockToken();
        const queries: Query[] = [];
        const downloads: { path: string; authorization: unknown }[] = [];
        let n = 0;
        // Every type always has more files: a large tenant's back-log.
        lists(queries, (q) => {
            const files = Array.from({ length: Number(q['pageSize']) }, () => link(`f${++n}`));
            return [200, page(files, `${q['type']}-${n}`, false)];
        });
        const files: Record<string, [number, Buffer]> = {};
        for (let i = 1; i <= 50; i++) files[`f${i}`] = [200, ndjson([event(i)])];
        storage(files, downloads);

        await t.runSync('siem-batch-events');
        expect(downloads).toHaveLength(3);
        expect(queries.map((q) => [q['type'], q['pageSize']])).toEqual([
            ['receipt', '1'],
            ['process', '1'],
            ['delivery', '1']
        ]);
        expect(t.checkpoint('siem-batch-events')).toMatchObject({
            next_receipt: 'receipt-1',
            next_process: 'process-2',
            next_delivery: 'delivery-3',
            next_av: '',
            firstType: 'av'
        });
        expect(t.logs.join('\n')).toContain(
            'maxFilesPerRun reached, the next run continues (receipt, process, delivery, av, spam, internal email protect, impersonation protect, url protect, attachment protect, journal)'
        );

        await t.runSync('siem-batch-events');
        expect(downloads).toHaveLength(6);
        expect(queries.slice(3).map((q) => q['type'])).toEqual(['av', 'spam', 'internal email protect']);
        expect(t.records('SiemBatchEvent')).toHaveLength(6);
    });

    it('resumes after a storage failure mid-page without gaps or duplicates: the page is redone, its events upserted', async () => {
        const t = createTestHost();
        mockToken();
        const queries: Query[] = [];
        const downloads: { path: string; authorization: unknown }[] = [];
        const events = [event(1), event(2), event(3), event(4)];
        lists(queries, (q) =>
            q['type'] === 'receipt' ? [200, page([link('a'), link('b'), link('c')], q['nextPage'] ? 'receipt-3' : 'receipt-2', true)] : caughtUp(q)
        );
        const files: Record<string, [number, Buffer | string]> = {
            a: [200, ndjson([events[0], events[1]])],
            b: [503, 'Slow Down'],
            c: [200, ndjson([events[3]])]
        };
        storage(files, downloads);

        await expect(t.runSync('siem-batch-events')).rejects.toThrow('the storage host answered HTTP 503 for a SIEM batch file');
        // File a was saved; b failed after the helpers' whole retry budget; c was never reached; receipt's position did not move.
        expect(t.records('SiemBatchEvent').map((r) => r['aggregateId'])).toEqual(['agg-1', 'agg-2']);
        expect(downloads.map((d) => d.path.split('?')[0])).toEqual(['/siem/a.json.gz', ...Array<string>(MAX_ATTEMPTS).fill('/siem/b.json.gz')]);
        // Each retry is logged as every Mimecast call's is, without the link (it carries a signature).
        const retries = t.logs.filter((line) => line.includes('SIEM batch file: HTTP 503, attempt'));
        expect(retries).toHaveLength(MAX_ATTEMPTS - 1);
        expect(retries[0]).toContain(`attempt 1 of ${MAX_ATTEMPTS}, retrying in`);
        expect(t.logs.join('\n')).not.toContain('X-Amz-Signature');
        expect(t.checkpoint('siem-batch-events')?.['next_receipt'] ?? '').toBe('');

        files['b'] = [200, ndjson([events[2]])];
        const second = await t.runSync('siem-batch-events');
        const receiptQueries = queries.filter((q) => q['type'] === 'receipt');
        expect(receiptQueries).toHaveLength(2);
        expect(receiptQueries[1]).toEqual(receiptQueries[0]); // the same page asked again, by date
        const ids = t
            .records('SiemBatchEvent')
            .map((r) => r['aggregateId'])
            .sort();
        expect(ids).toEqual(['agg-1', 'agg-2', 'agg-3', 'agg-4']);
        expect(second.models['SiemBatchEvent']).toEqual({ added: 2, updated: 0, unchanged: 2, deleted: 0 });
        expect(t.checkpoint('siem-batch-events')).toMatchObject({ next_receipt: 'receipt-2' });
    });

    it('retries a storage host that drops the connection within the retry budget, then fails the run with file_download_failed', async () => {
        const t = createTestHost();
        mockToken();
        const queries: Query[] = [];
        lists(queries, (q) => (q['type'] === 'receipt' ? [200, page([link('gone')], 'receipt-2', true)] : caughtUp(q)));
        const dropped = nock(STORAGE)
            .get(/\/siem\/.*/)
            .times(MAX_ATTEMPTS)
            .replyWithError({ code: 'ECONNRESET', message: 'socket hang up' });

        await expect(t.runSync('siem-batch-events')).rejects.toMatchObject({ code: 'file_download_failed' });
        expect(dropped.isDone()).toBe(true);
        expect(t.logs.filter((line) => line.includes('SIEM batch file: network error, attempt'))).toHaveLength(MAX_ATTEMPTS - 1);
        expect(t.checkpoint('siem-batch-events')?.['next_receipt'] ?? '').toBe('');
    });

    it('re-downloads a cut-off file within the retry budget, then skips it counted (unreadable) after saving what it could read', async () => {
        const t = createTestHost();
        mockToken();
        const queries: Query[] = [];
        const downloads: { path: string; authorization: unknown }[] = [];
        const whole = ndjson(Array.from({ length: 4000 }, (_, i) => event(i)));
        lists(queries, (q) => (q['type'] === 'receipt' ? [200, page([link('cut')], 'receipt-2', true)] : caughtUp(q)));
        storage({ cut: [200, whole.subarray(0, Math.floor(whole.length * 0.6))] }, downloads);

        await t.runSync('siem-batch-events');
        expect(downloads).toHaveLength(MAX_ATTEMPTS);
        expect(t.logs.filter((line) => line.includes('SIEM batch file: unreadable gzip, attempt'))).toHaveLength(MAX_ATTEMPTS - 1);
        const saved = t.records('SiemBatchEvent');
        expect(saved.length).toBeGreaterThan(1000);
        expect(saved.length).toBeLessThan(4000);
        // What was saved is a prefix of the file: events 0..n-1, none invented.
        expect(saved.map((r) => Number(String(r['aggregateId']).slice(4))).sort((a, b) => a - b)).toEqual(Array.from({ length: saved.length }, (_, i) => i));
        expect(t.logs.join('\n')).toMatch(/skipped the rest of an unreadable file \(gzip truncated/);
        expect(t.logs.join('\n')).toContain('1 unreadable files');
        expect(t.checkpoint('siem-batch-events')).toMatchObject({ next_receipt: 'receipt-2' });
    });

    it('reads the stream field names too (eventType, subType) and a timestamp in seconds', async () => {
        const t = createTestHost();
        mockToken();
        const queries: Query[] = [];
        const downloads: { path: string; authorization: unknown }[] = [];
        const streamStyle = { aggregateId: 'agg-s', timestamp: 1764583200000, eventType: 'receipt', subType: 'Allow', recipients: 'a@example.com' };
        const seconds = { aggregateId: 'agg-t', timestamp: 946684800, type: 'attachment protect', subtype: null, fileName: 'x.pdf' };
        lists(queries, (q) => (q['type'] === 'receipt' ? [200, page([link('s')], 'receipt-2', true)] : caughtUp(q)));
        storage({ s: [200, ndjson([streamStyle, seconds])] }, downloads);

        await t.runSync('siem-batch-events');
        const records = t.records('SiemBatchEvent');
        expect(records.find((r) => r['aggregateId'] === 'agg-s')).toEqual({
            id: contentId('SiemBatchEvent', streamStyle),
            type: 'receipt',
            subtype: 'Allow',
            timestamp: '2025-12-01T10:00:00.000Z',
            aggregateId: 'agg-s',
            recipients: 'a@example.com'
        });
        expect(records.find((r) => r['aggregateId'] === 'agg-t')).toEqual({
            id: contentId('SiemBatchEvent', seconds),
            type: 'attachment protect',
            timestamp: '2000-01-01T00:00:00.000Z',
            aggregateId: 'agg-t',
            details: { fileName: 'x.pdf' }
        });
    });

    it("fails with Mimecast's code and message when the list call is refused, before any file", async () => {
        const t = createTestHost();
        mockToken();
        nock(TEST_BASE)
            .get(PATH)
            .query(true)
            .reply(403, { fail: [{ code: 'app_forbidden', message: 'Forbidden to perform the requested operation' }] });
        await expect(t.runSync('siem-batch-events')).rejects.toMatchObject({ code: 'app_forbidden', status: 403 });
        expect(t.checkpoint('siem-batch-events')).toBeNull();
    });
});

import nock from 'nock';

import { contentId } from '../../integrations/mimecast/helpers/records.js';
import { createTestHost, mockToken, TEST_BASE } from '../harness.js';

const PATH = '/siem/v1/events/cg';
const HOUR = 3_600_000;
type Query = Record<string, string>;

function receipt(n: number, timestamp: number) {
    return {
        processingId: `proc-${n}`,
        aggregateId: `agg-${n}`,
        accountId: 'C0A1',
        timestamp,
        // The stream's spelling (published samples): eventType / subType.
        eventType: 'receipt',
        subType: 'Allow',
        direction: 'Inbound',
        senderEnvelope: 'billing@fabrikam.example',
        recipients: 'alice@example.com',
        subject: `Invoice ${n}`,
        senderIp: '192.0.2.10',
        messageId: `<m${n}@fabrikam.example>`,
        tlsVersion: 'TLSv1.3',
        spamScore: 0,
        _offset: n,
        _partition: 3
    };
}
// The batch files' spelling (type / subtype), which the sync reads as well.
const urlProtect = (n: number, timestamp: number) => ({
    aggregateId: `agg-${n}`,
    timestamp,
    type: 'url protect',
    subtype: 'Block',
    url: 'https://phish.example/login',
    action: 'Block',
    recipients: 'bob@example.com'
});

/** Answers one stream call and records its query. */
function stream(queries: Query[], reply: (q: Query) => [number, unknown]) {
    return nock(TEST_BASE)
        .get(PATH)
        .query((q) => {
            queries.push(q as Query);
            return true;
        })
        .reply(() => reply(queries[queries.length - 1]!));
}
const page = (value: unknown[], nextPage: string | undefined, isCaughtUp: boolean) => ({
    ...(nextPage ? { '@nextPage': nextPage } : {}),
    pageSize: value.length,
    isCaughtUp,
    value
});

describe('sync siem-events', () => {
    it('starts inside the 24 hours, follows @nextPage until isCaughtUp, and saves every event with its type and a content id', async () => {
        const t = createTestHost();
        mockToken();
        const queries: Query[] = [];
        const e1 = receipt(1, Date.UTC(2026, 10, 20, 10, 0, 0, 123));
        const e2 = urlProtect(2, Date.UTC(2026, 10, 20, 10, 0, 1));
        stream(queries, () => [200, page([e1], 'token-2', false)]);
        stream(queries, () => [200, page([e2], 'token-3', true)]);

        const before = Date.now();
        await t.runSync('siem-events');

        expect(queries).toHaveLength(2);
        expect(Object.keys(queries[0]!).sort()).toEqual(['dateRangeStartsAt', 'pageSize']);
        expect(queries[0]!['pageSize']).toBe('500');
        expect(queries[0]!['dateRangeStartsAt']).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.000Z$/);
        const start = Date.parse(queries[0]!['dateRangeStartsAt']!);
        expect(start).toBeGreaterThan(before - 24 * HOUR); // Mimecast keeps 24 hours: ask strictly inside them
        expect(start).toBeLessThan(before - 23 * HOUR);
        expect(queries[1]).toEqual({ nextPage: 'token-2', pageSize: '500' });

        expect(t.records('SiemEvent')).toEqual([
            {
                id: contentId('SiemEvent', e1),
                type: 'receipt',
                subtype: 'Allow',
                timestamp: '2026-11-20T10:00:00.123Z',
                aggregateId: 'agg-1',
                processingId: 'proc-1',
                accountId: 'C0A1',
                messageId: '<m1@fabrikam.example>',
                direction: 'Inbound',
                senderEnvelope: 'billing@fabrikam.example',
                recipients: 'alice@example.com',
                subject: 'Invoice 1',
                senderIp: '192.0.2.10',
                details: { tlsVersion: 'TLSv1.3', spamScore: 0, _offset: 1, _partition: 3 }
            },
            {
                id: contentId('SiemEvent', e2),
                type: 'url protect',
                subtype: 'Block',
                timestamp: '2026-11-20T10:00:01.000Z',
                aggregateId: 'agg-2',
                recipients: 'bob@example.com',
                action: 'Block',
                details: { url: 'https://phish.example/login' }
            }
        ]);
        expect(t.checkpoint('siem-events')).toMatchObject({ nextPage: 'token-3', gapFrom: '' });
        expect(Date.parse(String(t.checkpoint('siem-events')!['syncedThrough']))).toBeGreaterThanOrEqual(before);
    });

    it('continues from the saved token on the next run and saves a new token from an empty page', async () => {
        const t = createTestHost();
        mockToken();
        const queries: Query[] = [];
        stream(queries, () => [200, page([receipt(1, Date.now() - HOUR)], 'token-2', true)]);
        await t.runSync('siem-events');
        stream(queries, () => [200, page([], 'token-2b', true)]);
        const second = await t.runSync('siem-events');
        expect(queries[1]).toEqual({ nextPage: 'token-2', pageSize: '500' });
        expect(second.models).toEqual({});
        expect(t.checkpoint('siem-events')).toMatchObject({ nextPage: 'token-2b' });

        // An answer without @nextPage keeps the last token rather than losing the position.
        stream(queries, () => [200, page([], undefined, true)]);
        await t.runSync('siem-events');
        expect(queries[2]).toEqual({ nextPage: 'token-2b', pageSize: '500' });
        expect(t.checkpoint('siem-events')).toMatchObject({ nextPage: 'token-2b' });
    });

    it('stops after maxPagesPerRun pages when not caught up, checkpointing the token after every page', async () => {
        const t = createTestHost({ metadata: { maxPagesPerRun: 3 } });
        mockToken();
        const queries: Query[] = [];
        for (let i = 1; i <= 3; i++) {
            stream(queries, () => [200, page([receipt(i, Date.now() - 20 * HOUR + i)], `token-${i + 1}`, false)]);
        }
        await t.runSync('siem-events');
        expect(queries).toHaveLength(3);
        expect(t.records('SiemEvent')).toHaveLength(3);
        expect(t.checkpoint('siem-events')).toMatchObject({ nextPage: 'token-4' });
    });

    it('fails with Mimecast code and message on an {"error"} answer and keeps the checkpoint', async () => {
        const t = createTestHost();
        mockToken();
        const queries: Query[] = [];
        stream(queries, () => [200, page([receipt(1, Date.now() - HOUR)], 'token-2', false)]);
        stream(queries, () => [403, { error: { code: 'forbidden', message: 'The application lacks Threats, Security Events and Data for CG' } }]);
        await expect(t.runSync('siem-events')).rejects.toThrow('Mimecast forbidden: The application lacks Threats, Security Events and Data for CG');
        expect(t.checkpoint('siem-events')).toMatchObject({ nextPage: 'token-2' });
        expect(t.records('SiemEvent')).toHaveLength(1);
    });

    it('resumes by date from where it was complete when Mimecast rejects the saved token', async () => {
        const t = createTestHost();
        const syncedThrough = new Date(Date.now() - 2 * HOUR).toISOString();
        t.store.saveCheckpoint(t.connectionId, 'siem-events', { nextPage: 'stale-token', syncedThrough, gapFrom: '', gapTo: '' });
        mockToken();
        const queries: Query[] = [];
        stream(queries, () => [400, { error: { code: 'invalid_next_page', message: 'nextPage is not valid' } }]);
        stream(queries, () => [200, page([receipt(1, Date.now() - HOUR)], 'fresh-token', true)]);
        await t.runSync('siem-events');
        expect(queries[0]).toEqual({ nextPage: 'stale-token', pageSize: '500' });
        expect(Date.parse(queries[1]!['dateRangeStartsAt']!)).toBe(Math.floor(Date.parse(syncedThrough) / 1000) * 1000);
        expect(t.checkpoint('siem-events')).toMatchObject({ nextPage: 'fresh-token' });
        expect(t.logs.some((line) => line.includes('rejected the saved @nextPage token'))).toBe(true);
    });

    it('reports a gap plainly (warning + SiemGap record) when the connection fell more than 24 hours behind', async () => {
        const t = createTestHost();
        const syncedThrough = new Date(Date.now() - 30 * HOUR).toISOString();
        t.store.saveCheckpoint(t.connectionId, 'siem-events', { nextPage: 'old-token', syncedThrough, gapFrom: '', gapTo: '' });
        mockToken();
        const queries: Query[] = [];
        stream(queries, () => [200, page([receipt(1, Date.now() - 23 * HOUR)], 'token-2', true)]);
        await t.runSync('siem-events');

        const gaps = t.records('SiemGap');
        expect(gaps).toHaveLength(1);
        expect(gaps[0]).toMatchObject({ from: syncedThrough, message: expect.stringContaining('fell more than 24 hours behind') });
        const gapTo = Date.parse(String(gaps[0]!['to']));
        expect(gapTo - Date.now()).toBeGreaterThan(-24 * HOUR - 60_000);
        expect(t.checkpoint('siem-events')).toMatchObject({ gapFrom: syncedThrough, gapTo: gaps[0]!['to'], nextPage: 'token-2' });
        expect(t.logs.some((line) => /warn/i.test(line) && line.includes('no longer available'))).toBe(true);
        expect(t.records('SiemEvent')).toHaveLength(1);
    });

    it('fails on a malformed answer (no value[])', async () => {
        const t = createTestHost();
        mockToken();
        nock(TEST_BASE).get(PATH).query(true).reply(200, { '@nextPage': 'x', isCaughtUp: true });
        await expect(t.runSync('siem-events')).rejects.toThrow('malformed_response');
        expect(t.checkpoint('siem-events')).toBeNull();
    });
});

describe('sync siem-events: message traces', () => {
    it('gathers the events of one message across two pages and two runs into one MessageTrace, steps in time order, outcome updated', async () => {
        const t = createTestHost();
        mockToken();
        const queries: Query[] = [];
        const t0 = Date.now() - 2 * HOUR;
        const base = { aggregateId: 'agg-7', accountId: 'C0A1', direction: 'Inbound', messageId: '<m7@fabrikam.example>' };
        const received = { ...receipt(7, t0), subType: 'Allow', action: 'Allow' };
        const processed = {
            ...base,
            timestamp: t0 + 1_000,
            eventType: 'process',
            subType: 'Allow',
            action: 'Allow',
            senderEnvelope: 'billing@fabrikam.example',
            recipients: 'alice@example.com'
        };
        const url = {
            ...base,
            timestamp: t0 + 2_000,
            eventType: 'url protect',
            subType: 'Block',
            url: 'https://phish.example/login',
            urlCategory: 'Phishing & Fraud',
            action: 'Block',
            recipients: 'alice@example.com'
        };
        const delivered = { ...base, timestamp: t0 + 3_000, eventType: 'delivery', subType: 'Delivery', delivered: true, recipients: 'alice@example.com' };
        const other = receipt(8, t0 + 500);
        // Run 1: page 1 holds the process step before the receipt (same message), page 2 the URL verdict.
        stream(queries, () => [200, page([processed, received, other], 'token-2', false)]);
        stream(queries, () => [200, page([url], 'token-3', true)]);
        await t.runSync('siem-events');

        const first = t.records('MessageTrace');
        expect(first.map((r) => r['id']).sort()).toEqual(['agg-7', 'agg-8']);
        const trace1 = first.find((r) => r['id'] === 'agg-7')!;
        expect(trace1).toMatchObject({
            outcome: 'in_progress',
            sender: 'billing@fabrikam.example',
            recipients: ['alice@example.com'],
            subject: 'Invoice 7',
            direction: 'Inbound',
            firstSeen: new Date(t0).toISOString(),
            updatedAt: new Date(t0 + 2_000).toISOString()
        });
        expect((trace1['steps'] as { kind: string }[]).map((s) => s.kind)).toEqual(['receipt', 'process', 'url protect']);

        // Run 2: the delivery arrives (and the URL verdict again, as a replayed page would bring it).
        stream(queries, () => [200, page([delivered, url], 'token-4', true)]);
        await t.runSync('siem-events');
        expect(queries[2]).toEqual({ nextPage: 'token-3', pageSize: '500' });
        const traces = t.records('MessageTrace').filter((r) => r['id'] === 'agg-7');
        expect(traces).toHaveLength(1);
        const steps = traces[0]!['steps'] as { kind: string; eventId: string }[];
        expect(steps.map((s) => s.kind)).toEqual(['receipt', 'process', 'url protect', 'delivery']);
        expect(steps.map((s) => s.eventId)).toEqual([received, processed, url, delivered].map((e) => contentId('SiemEvent', e)));
        expect(traces[0]).toMatchObject({ outcome: 'delivered', updatedAt: new Date(t0 + 3_000).toISOString() });
        // The other message's trace is untouched by run 2.
        expect(t.records('MessageTrace').find((r) => r['id'] === 'agg-8')).toMatchObject({ outcome: 'in_progress', steps: [{ kind: 'receipt' }] });
    });
});

// audit-events against published get-audit-events bodies (Elastic's system-test mock, Cortex XSOAR's test data).
import nock from 'nock';

import { createTestHost, envelope, mockToken, TEST_BASE } from '../harness.js';
import { fixture } from './fixtures.js';
import { LAST_PAGE, replayLogSync, warnings } from './log-replay.js';
import type { Request } from './log-replay.js';

const PATH = '/api/audit/get-audit-events';
const DAY = 86_400_000;
const ms = (mimecastDate: unknown) => Date.parse(String(mimecastDate).replace('+0000', 'Z'));

describe('contract: audit-events', () => {
    it('saves the Elastic sample event with its Mimecast id, ISO UTC time and the fields an analyst reads', async () => {
        const { t, requests, result } = await replayLogSync('audit-events', PATH, [fixture('audit-events.elastic-v1')]);
        expect(requests).toHaveLength(1); // the sample has no `next`: one page is the whole window
        expect(t.records('AuditEvent')).toEqual([
            {
                id: 'eNqrVipOTS4tSs1MUbJSyi1Mjgw1N6tIq6p0Kko0LCj2CS1NdAtL89c2DXZ1C3eP9AyvijKL9I7Rd_WOzC0ztMg2dzFM1M73s6w09CqoDA1T0lFKLE3JLMnJTwcZaGxoaWFsYmhmoKOUXFpckp-bWpScn5IKtMnZxMzR3BSovCy1qDgzP0_JyrAWAIWmLGo',
                auditType: 'Threat Intel Feed Download',
                user: 'johndoe@example.com',
                eventTime: '2021-11-17T12:04:24.000Z',
                eventInfo:
                    'Threat intel multiple feeds download  - malware_grid_csv_20211116120324398.zip, Date: 2021-11-17, Time: 12:04:24+0000, IP: 8.8.8.8, Application: Integrations',
                category: 'reporting_logs'
            }
        ]);
        expect(result.models['AuditEvent']).toMatchObject({ added: 1 });
    });

    it("follows the XSOAR sample's `next` token and saves its event", async () => {
        const body = fixture<{ meta: { pagination: { next: string } } }>('audit-events.xsoar');
        const { t, requests } = await replayLogSync('audit-events', PATH, [body]);
        expect(requests).toHaveLength(2);
        expect(requests[1]!.meta).toEqual({ pagination: { pageSize: 500, pageToken: 'mock_pagination_token_abc123xyz' } });
        expect(t.records('AuditEvent')).toEqual([
            {
                id: 'mock_audit_event_id_12345',
                auditType: 'User Logged On',
                user: 'test.user@example.com',
                eventTime: '2025-01-01T10:00:00.000Z',
                eventInfo:
                    'Successful authentication for test.user@example.com, Date: 2025-01-01, Time: 10:00:00 GMT, IP: 192.0.2.1, Application: Web, Method: Cloud',
                category: 'authentication_logs'
            }
        ]);
    });

    /** A first run over many week-long windows, each answered with an empty page; returns the requests. */
    async function backfill(backfillDays: number) {
        const t = createTestHost({ metadata: { backfillDays } });
        mockToken();
        const requests: Request[] = [];
        nock(TEST_BASE)
            .post(PATH, (r: Request) => requests.push(r) > 0)
            .times(20)
            .reply(200, LAST_PAGE);
        await t.runSync('audit-events');
        nock.cleanAll();
        return { t, requests };
    }

    it('clamps a 90-day backfillDays to the 60 days Mimecast keeps, and says so', async () => {
        const before = Date.now();
        const { t, requests } = await backfill(90);
        expect(requests).toHaveLength(9); // 60 days in week-long windows
        const first = requests[0]!.data[0]!;
        // Windows are a week long: the first starts inside the 60 days (5 minutes margin), not 90 days back.
        expect(ms(first['startDateTime'])).toBeGreaterThan(before - 60 * DAY);
        expect(ms(first['startDateTime'])).toBeLessThan(before - 60 * DAY + 10 * 60_000);
        expect(warnings(t).some((l) => l.includes('backfillDays 90 asks for more than /api/audit/get-audit-events keeps (60 days)'))).toBe(true);
    });

    it('a 30-day backfill is not clamped and logs nothing about it', async () => {
        const before = Date.now();
        const { t, requests } = await backfill(30);
        expect(requests).toHaveLength(5);
        expect(ms(requests[0]!.data[0]!['startDateTime'])).toBeLessThan(before - 30 * DAY + 1000);
        expect(ms(requests[0]!.data[0]!['startDateTime'])).toBeGreaterThan(before - 30 * DAY - 120_000);
        expect(warnings(t).filter((l) => l.includes('backfillDays'))).toEqual([]);
    });

    it('skips an event it cannot read (no id, not an object), logs it by content hash, and saves the rest of the page', async () => {
        const published = fixture<{ data: Record<string, unknown>[] }>('audit-events.xsoar').data[0]!;
        const noId = { auditType: 'User Logged On', user: 'secret.person@example.com', eventTime: '2025-01-01T10:01:00+0000' };
        const t = createTestHost({ metadata: { backfillDays: 1 } });
        mockToken();
        const requests: Request[] = [];
        nock(TEST_BASE)
            .post(PATH, (r: Request) => requests.push(r) > 0)
            .reply(200, envelope([noId, published, 'not-a-record']));
        await t.runSync('audit-events');
        expect(t.records('AuditEvent').map((r) => r['id'])).toEqual(['mock_audit_event_id_12345']);
        const warn = warnings(t);
        expect(warn.some((l) => l.includes('skipped 2 records that could not be read') && l.includes('(no id)') && l.includes('(not an object)'))).toBe(true);
        expect(warn.some((l) => l.includes('AuditEvent: 2 records skipped'))).toBe(true);
        expect(t.logs.join('\n')).not.toContain('secret.person@example.com');
        // The window completed: the cursor moved on.
        expect(t.checkpoint('audit-events')).toMatchObject({ windowStart: '', pageToken: '' });
    });
});

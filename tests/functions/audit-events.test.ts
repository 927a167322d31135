import nock from 'nock';

import { createTestHost, envelope, failEnvelope, mockToken, TEST_BASE } from '../harness.js';

const PATH = '/api/audit/get-audit-events';
type Body = { meta?: { pagination?: { pageSize?: number; pageToken?: string } }; data: { startDateTime: string; endDateTime: string }[] };

/** Mimecast's request date form, parsed. */
const ms = (mimecastDate: string) => Date.parse(mimecastDate.replace('+0000', 'Z'));

function event(id: string, eventTime: string, extra: Record<string, unknown> = {}) {
    return {
        id,
        auditType: 'User Logged On',
        user: 'alice@example.com',
        eventTime,
        eventInfo: 'Successful authentication',
        category: 'authentication_logs',
        ...extra
    };
}

/** Answers the audit endpoint and records every request body. */
function audit(bodies: Body[], reply: (body: Body) => [number, unknown]) {
    return nock(TEST_BASE)
        .post(PATH, (body: Body) => {
            bodies.push(body);
            return true;
        })
        .reply(() => reply(bodies[bodies.length - 1]!));
}

/**
 * A rerun that starts a second or more after the first opens one more short window at its end:
 * answer it (and only it) with an empty page.
 */
function laterWindowsAreEmpty() {
    nock(TEST_BASE).post(PATH).optionally().times(2).reply(200, envelope([]));
}

describe('sync audit-events', () => {
    it('back-fills 7 days in pages of 500, following the page token, and saves normalized records', async () => {
        const t = createTestHost();
        mockToken();
        const bodies: Body[] = [];
        audit(bodies, () => [200, envelope([event('a1', '2026-11-20T10:00:00+0000'), event('a2', '2026-11-20T09:00:00+0000', { user: '' })], 'token-page-2')]);
        audit(bodies, () => [200, envelope([event('a3', '2026-11-19T08:30:15+0000')])]);

        const before = Date.now();
        await t.runSync('audit-events');
        const after = Date.now();

        expect(bodies).toHaveLength(2);
        const [first, second] = bodies as [Body, Body];
        expect(first.meta).toEqual({ pagination: { pageSize: 500 } });
        expect(first.data).toHaveLength(1);
        expect(first.data[0]!.startDateTime).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+0000$/);
        const end = ms(first.data[0]!.endDateTime);
        // The window ends a minute before the run: events Mimecast is still indexing are left for the next run.
        expect(end).toBeLessThanOrEqual(after - 60_000);
        expect(end).toBeGreaterThan(before - 61_000);
        expect(end - ms(first.data[0]!.startDateTime)).toBe(7 * 86_400_000);
        expect(second).toEqual({ meta: { pagination: { pageSize: 500, pageToken: 'token-page-2' } }, data: first.data });

        expect(t.records('AuditEvent')).toEqual([
            {
                id: 'a1',
                auditType: 'User Logged On',
                user: 'alice@example.com',
                eventTime: '2026-11-20T10:00:00.000Z',
                eventInfo: 'Successful authentication',
                category: 'authentication_logs'
            },
            {
                id: 'a2',
                auditType: 'User Logged On',
                eventTime: '2026-11-20T09:00:00.000Z',
                eventInfo: 'Successful authentication',
                category: 'authentication_logs'
            },
            {
                id: 'a3',
                auditType: 'User Logged On',
                user: 'alice@example.com',
                eventTime: '2026-11-19T08:30:15.000Z',
                eventInfo: 'Successful authentication',
                category: 'authentication_logs'
            }
        ]);
        expect(t.checkpoint('audit-events')).toMatchObject({ cursor: new Date(end).toISOString(), windowStart: '', pageToken: '' });
    });

    it('honours the backfillDays metadata', async () => {
        const t = createTestHost({ metadata: { backfillDays: 2 } });
        mockToken();
        const bodies: Body[] = [];
        audit(bodies, () => [200, envelope([])]);
        await t.runSync('audit-events');
        expect(ms(bodies[0]!.data[0]!.endDateTime) - ms(bodies[0]!.data[0]!.startDateTime)).toBe(2 * 86_400_000);
    });

    it('starts the next run where the last ended and skips a boundary event it already saved', async () => {
        const t = createTestHost();
        mockToken();
        const bodies: Body[] = [];
        // The first window's last second holds event b1; Mimecast may return it again in the next window.
        audit(bodies, (body) => [200, envelope([event('b1', body.data[0]!.endDateTime), event('b0', '2026-11-18T00:00:00+0000')])]);
        await t.runSync('audit-events');
        const firstEnd = bodies[0]!.data[0]!.endDateTime;
        expect(t.checkpoint('audit-events')).toMatchObject({ skipIds: 'b1' });

        await new Promise((resolve) => setTimeout(resolve, 1100)); // the next window must be at least a second long
        audit(bodies, (body) => [200, envelope([event('b1', firstEnd), event('b2', body.data[0]!.endDateTime)])]);
        const second = await t.runSync('audit-events');

        expect(bodies[1]!.data[0]!.startDateTime).toBe(firstEnd);
        expect(second.models['AuditEvent']).toMatchObject({ added: 1, updated: 0, unchanged: 0 });
        expect(
            t
                .records('AuditEvent')
                .map((r) => r['id'])
                .sort()
        ).toEqual(['b0', 'b1', 'b2']);
    });

    it('fails on fail[] with Mimecast code and message, keeps the checkpoint, and resumes at the lost page', async () => {
        const t = createTestHost();
        mockToken();
        const bodies: Body[] = [];
        audit(bodies, () => [200, envelope([event('c1', '2026-11-20T10:00:00+0000')], 'page-2')]);
        audit(bodies, () => [200, failEnvelope('err_audit_unavailable', 'Audit service unavailable', 'pageToken2')]);

        await expect(t.runSync('audit-events')).rejects.toThrow('Mimecast err_audit_unavailable: Audit service unavailable');
        const kept = t.checkpoint('audit-events');
        expect(kept).toMatchObject({ pageToken: 'page-2', windowStart: expect.any(String), windowEnd: expect.any(String) });
        // The cursor has not moved past the open window.
        expect(kept!['cursor']).toBe(kept!['windowStart']);

        audit(bodies, () => [200, envelope([event('c2', '2026-11-19T10:00:00+0000')])]);
        laterWindowsAreEmpty();
        await t.runSync('audit-events');
        expect(bodies[2]).toEqual({ meta: { pagination: { pageSize: 500, pageToken: 'page-2' } }, data: bodies[0]!.data });
        expect(t.records('AuditEvent').map((r) => r['id'])).toEqual(['c1', 'c2']);
        const closed = t.checkpoint('audit-events')!;
        expect(closed['windowStart']).toBe('');
        expect(Date.parse(String(closed['cursor']))).toBeGreaterThanOrEqual(Date.parse(String(kept!['windowEnd'])));
    });

    it('restarts the window from its first page when Mimecast rejects a saved page token', async () => {
        const t = createTestHost();
        mockToken();
        const bodies: Body[] = [];
        audit(bodies, () => [200, envelope([event('d1', '2026-11-20T10:00:00+0000')], 'page-2')]);
        const serverError = { fail: [{ errors: [{ code: 'err_server_error', message: 'boom' }] }] };
        for (let i = 0; i < 4; i++) {
            audit(bodies, () => [500, serverError]); // the first try and the proxy's 3 retries
        }
        await expect(t.runSync('audit-events')).rejects.toThrow('err_server_error');

        audit(bodies, () => [200, failEnvelope('err_invalid_page_token', 'The page token is not valid', 'pageToken')]);
        audit(bodies, () => [200, envelope([event('d1', '2026-11-20T10:00:00+0000'), event('d2', '2026-11-19T10:00:00+0000')])]);
        laterWindowsAreEmpty();
        await t.runSync('audit-events');

        expect(bodies[5]!.meta?.pagination?.pageToken).toBe('page-2');
        expect(bodies[6]!.meta).toEqual({ pagination: { pageSize: 500 } });
        expect(t.records('AuditEvent').map((r) => r['id'])).toEqual(['d1', 'd2']);
        expect(t.logs.join('\n')).toContain('rejected the saved page token');
    });

    it('stops on an empty page that still carries a next token', async () => {
        const t = createTestHost();
        mockToken();
        const bodies: Body[] = [];
        audit(bodies, () => [200, envelope([event('e1', '2026-11-20T10:00:00+0000')], 'page-2')]);
        audit(bodies, () => [200, envelope([], 'page-3')]);
        await t.runSync('audit-events');
        expect(bodies).toHaveLength(2);
        expect(t.checkpoint('audit-events')).toMatchObject({ windowStart: '', pageToken: '' });
    });

    it('treats a malformed page as an error and keeps the checkpoint', async () => {
        const t = createTestHost();
        mockToken();
        nock(TEST_BASE).post(PATH).times(4).reply(200, '{"meta":{"status":20', { 'content-type': 'application/json' });
        await expect(t.runSync('audit-events')).rejects.toThrow('malformed_response');
        const kept = t.checkpoint('audit-events');
        expect(kept).toMatchObject({ windowStart: expect.any(String), pageToken: '' });
        expect(kept!['cursor']).toBe(kept!['windowStart']);
        expect(t.records('AuditEvent')).toEqual([]);
    });

    it('waits out a 429 and completes', async () => {
        const t = createTestHost();
        mockToken();
        nock(TEST_BASE).post(PATH).reply(429, { fail: [] }, { 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': '5' });
        nock(TEST_BASE)
            .post(PATH)
            .reply(200, envelope([event('f1', '2026-11-20T10:00:00+0000')]), { 'X-RateLimit-Remaining': '9', 'X-RateLimit-Reset': '0' });
        await t.runSync('audit-events');
        expect(t.records('AuditEvent').map((r) => r['id'])).toEqual(['f1']);
    });
});

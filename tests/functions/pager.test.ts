// The one pager (integrations/mimecast/helpers/api.ts `pages`): read-ahead keeps one request in
// flight while the caller saves a page, a page budget is never read past, a failed read-ahead is the
// caller's only when it asks for that page, and rate-limit pacing travels with each page's headers.
import nock from 'nock';

import { MimecastError, notBeforeOf, pages } from '../../integrations/mimecast/helpers/api.js';
import type { Pager } from '../../integrations/mimecast/helpers/api.js';
import { createTestHost, envelope, mockToken, TEST_BASE } from '../harness.js';

interface FakePage {
    headers: Record<string, string>;
    token: string;
    next: string | undefined;
}

/** A listing of `count` pages ('' -> p1 -> p2 ...); records what was requested, when, and how many at once. */
function fakeListing(count: number, options: { headers?: (token: string) => Record<string, string>; fail?: (token: string) => Error | undefined } = {}) {
    const requested: { token: string; at: number }[] = [];
    let inFlight = 0;
    let mostInFlight = 0;
    const pager: Pager<FakePage> = {
        request: async (token) => {
            requested.push({ token, at: Date.now() });
            inFlight += 1;
            mostInFlight = Math.max(mostInFlight, inFlight);
            await new Promise((resolve) => setTimeout(resolve, 5));
            inFlight -= 1;
            const failure = options.fail?.(token);
            if (failure) {
                throw failure;
            }
            const index = token === '' ? 0 : Number(token.slice(1));
            return { headers: options.headers?.(token) ?? {}, token, next: index + 1 < count ? `p${index + 1}` : undefined };
        },
        cursor: (page) => page.next,
        isLast: (_page, cursor) => cursor === undefined
    };
    return { pager, requested, mostInFlight: () => mostInFlight };
}

describe('pages(): the one pager', () => {
    it('without read-ahead, requests a page only when the caller asks for it', async () => {
        const { pager, requested } = fakeListing(3);
        const seen: string[][] = [];
        for await (const { token } of pages(pager)) {
            seen.push(requested.map((r) => r.token));
            expect(token).toBe(requested.at(-1)?.token);
        }
        expect(seen).toEqual([[''], ['', 'p1'], ['', 'p1', 'p2']]);
    });

    it('with read-ahead, has the next page on its way while the caller handles this one, one request at a time', async () => {
        const listing = fakeListing(4);
        const seenWhileHandling: string[][] = [];
        const tokens: string[] = [];
        for await (const { token } of pages(listing.pager, '', { readAhead: true })) {
            seenWhileHandling.push(listing.requested.map((r) => r.token));
            tokens.push(token);
            await new Promise((resolve) => setTimeout(resolve, 10)); // the caller saving its page
        }
        expect(tokens).toEqual(['', 'p1', 'p2', 'p3']);
        expect(seenWhileHandling).toEqual([
            ['', 'p1'],
            ['', 'p1', 'p2'],
            ['', 'p1', 'p2', 'p3'],
            ['', 'p1', 'p2', 'p3']
        ]);
        expect(listing.mostInFlight()).toBe(1);
    });

    it('stops at maxPages and reads nothing past it, with read-ahead on', async () => {
        const listing = fakeListing(10);
        const tokens: string[] = [];
        for await (const { token } of pages(listing.pager, '', { readAhead: true, maxPages: 3 })) {
            tokens.push(token);
        }
        expect(tokens).toEqual(['', 'p1', 'p2']);
        expect(listing.requested.map((r) => r.token)).toEqual(['', 'p1', 'p2']);
    });

    it('hands a failed read-ahead to the caller only when it asks for that page, after the page before it', async () => {
        const unhandled: unknown[] = [];
        const onUnhandled = (reason: unknown) => unhandled.push(reason);
        process.on('unhandledRejection', onUnhandled);
        try {
            const listing = fakeListing(5, {
                fail: (token) => (token === 'p2' ? new MimecastError({ code: 'http_503', message: 'down', status: 503 }) : undefined)
            });
            const handled: string[] = [];
            const run = async () => {
                for await (const { token } of pages(listing.pager, '', { readAhead: true })) {
                    await new Promise((resolve) => setTimeout(resolve, 20)); // p2 fails while p1 is being handled
                    handled.push(token);
                }
            };
            await expect(run()).rejects.toMatchObject({ code: 'http_503' });
            expect(handled).toEqual(['', 'p1']);
            await new Promise((resolve) => setTimeout(resolve, 20));
            expect(unhandled).toEqual([]);
        } finally {
            process.off('unhandledRejection', onUnhandled);
        }
    });

    it('restarts once where the pager says when a read-ahead token is rejected', async () => {
        let rejectedOnce = false;
        const listing = fakeListing(3, {
            fail: (token) => {
                if (token === 'p1' && !rejectedOnce) {
                    rejectedOnce = true;
                    return new MimecastError({ code: 'err_invalid_page_token', message: 'token expired', status: 400 });
                }
                return undefined;
            }
        });
        const tokens: string[] = [];
        for await (const { token } of pages({ ...listing.pager, restart: async () => '' }, 'p1', { readAhead: true })) {
            tokens.push(token);
        }
        expect(tokens).toEqual(['', 'p1', 'p2']);
        expect(listing.requested.map((r) => r.token)).toEqual(['p1', '', 'p1', 'p2']);
    });

    it("waits before the next page for the reset a page's headers give when its bucket is empty", async () => {
        const listing = fakeListing(3, {
            headers: (token) =>
                token === '' ? { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '300' } : { 'x-ratelimit-remaining': '40', 'x-ratelimit-reset': '0' }
        });
        for await (const _page of pages(listing.pager, '', { readAhead: true })) {
            // nothing: the timing is the test
        }
        const [first, second, third] = listing.requested;
        // The first answer took ~5 ms; its reset is counted from then.
        expect(second!.at - first!.at).toBeGreaterThanOrEqual(300);
        expect(third!.at - second!.at).toBeLessThan(200);
    });
});

describe('notBeforeOf: the pacing a response carries', () => {
    const now = 1_800_000_000_000;

    it('is the reset (milliseconds) from now when the bucket is empty', () => {
        expect(notBeforeOf({ 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '1500' }, now)).toBe(now + 1500);
    });

    it('is nothing while requests remain, or without the headers', () => {
        expect(notBeforeOf({ 'x-ratelimit-remaining': '3', 'x-ratelimit-reset': '1500' }, now)).toBeUndefined();
        expect(notBeforeOf({ 'x-ratelimit-reset': '1500' }, now)).toBeUndefined();
        expect(notBeforeOf({ 'x-ratelimit-remaining': '', 'x-ratelimit-reset': '1500' }, now)).toBeUndefined();
        expect(notBeforeOf({ 'x-ratelimit-remaining': '0' }, now)).toBeUndefined();
    });
});

describe('pacing in a sync, through the host', () => {
    it('audit-events sends its second page only after the reset the first page gave', async () => {
        const t = createTestHost({ timeScale: 1 });
        mockToken();
        const at: number[] = [];
        const event = (id: string) => ({
            id,
            auditType: 'Logon Authentication Failed',
            user: 'a@example.com',
            eventTime: '2026-11-30T10:00:00+0000',
            eventInfo: 'x',
            category: 'authentication_logs'
        });
        nock(TEST_BASE)
            .post('/api/audit/get-audit-events')
            .reply(() => {
                at.push(Date.now());
                return [
                    200,
                    { ...envelope([event('a1')]), meta: { status: 200, pagination: { pageSize: 500, next: 'tok-2' } } },
                    { 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': '400' }
                ];
            })
            .post('/api/audit/get-audit-events')
            .reply(() => {
                at.push(Date.now());
                return [200, envelope([event('a2')]), { 'X-RateLimit-Remaining': '10', 'X-RateLimit-Reset': '0' }];
            });
        nock(TEST_BASE).post('/api/audit/get-audit-events').times(20).reply(200, envelope([]));
        await t.runSync('audit-events');
        expect(
            t
                .records('AuditEvent')
                .map((r) => r['id'])
                .sort()
        ).toEqual(['a1', 'a2']);
        expect(at.length).toBeGreaterThanOrEqual(2);
        expect(at[1]! - at[0]!).toBeGreaterThanOrEqual(400);
    });
});

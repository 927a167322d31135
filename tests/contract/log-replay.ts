// Replays published response bodies to a log sync through the local host (nock as Mimecast): the
// first run's window is answered with the bodies in order, then with an empty last page, and the
// requests the sync sent are kept for assertions.
import nock from 'nock';

import { createTestHost, mockToken, TEST_BASE } from '../harness.js';
import type { TestHost } from '../harness.js';

export interface Request {
    meta?: { pagination?: { pageSize?: number; pageToken?: string } };
    data: Record<string, unknown>[];
}

/** A last page: nothing more, as Mimecast ends a window (the published last pages are `data: []`). */
export const LAST_PAGE = { meta: { status: 200, pagination: { pageSize: 500 } }, data: [], fail: [] };

/** A published wrapped-records list put into a page (for sources that published the records only). */
export function wrappedPage(key: string, records: unknown[]): Record<string, unknown> {
    return { meta: { status: 200, pagination: { pageSize: records.length } }, data: [{ [key]: records }], fail: [] };
}

export async function replayLogSync(
    sync: string,
    path: string,
    bodies: unknown[],
    metadata?: Record<string, unknown>
): Promise<{ t: TestHost; requests: Request[]; result: Awaited<ReturnType<TestHost['runSync']>> }> {
    const t = createTestHost(metadata ? { metadata } : {});
    mockToken();
    const requests: Request[] = [];
    for (const body of [...bodies, LAST_PAGE]) {
        nock(TEST_BASE)
            .post(path, (request: Request) => {
                requests.push(request);
                return true;
            })
            .reply(200, body as nock.Body);
    }
    const result = await t.runSync(sync);
    return { t, requests, result };
}

/** Serves `events` to a SIEM stream sync as one caught-up page of the stream's envelope (value[], @nextPage, isCaughtUp) and runs it. */
export async function replaySiemStreamPage(sync: string, path: string, events: unknown[], metadata?: Record<string, unknown>): Promise<TestHost> {
    const t = createTestHost(metadata ? { metadata } : {});
    mockToken();
    nock(TEST_BASE).get(path).query(true).reply(200, { value: events, '@nextPage': 'published-end', isCaughtUp: true });
    await t.runSync(sync);
    return t;
}

/** Function log lines at warn level. */
export const warnings = (t: TestHost): string[] => t.logs.filter((line) => line.includes('warn'));

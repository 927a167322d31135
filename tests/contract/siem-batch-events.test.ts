// siem-batch-events against list pages and batch-file events that Rapid7's and Sekoia's Mimecast
// integrations published (tests/contract/INDEX.md): replayed with nock, the files gzipped as the storage
// host serves them. The simulator's list page and file lines are held to the same shapes.
import { gunzipSync, gzipSync } from 'node:zlib';

import nock from 'nock';

import { contentId } from '../../integrations/mimecast/helpers/records.js';
import { createTestHost, mockToken, TEST_BASE } from '../harness.js';
import { startSimulator } from '../../simulator/index.js';
import { SIEM_BATCH_FILE_MS } from '../../simulator/endpoints/siem-batch.js';
import { fixture } from './fixtures.js';
import { shapeDifferences } from './shape.js';

const PATH = '/siem/v1/batch/events/cg';
const emptyPage = (type: string) => ({ value: [], '@nextPage': `${type}-last`, isCaughtUp: true });

describe('contract: siem-batch-events replays published SIEM batch responses', () => {
    it("Rapid7's list page and file line: the file is fetched without a token, its event saved (timestamp in seconds read as seconds)", async () => {
        const t = createTestHost();
        mockToken();
        const list = fixture('siem-batch-list.rapid7');
        const line = fixture('siem-batch-file-line.rapid7');
        nock(TEST_BASE)
            .get(PATH)
            .query((q) => q['type'] === 'receipt')
            .reply(200, list);
        nock(TEST_BASE)
            .get(PATH)
            .query((q) => q['type'] !== 'receipt')
            .times(9)
            .reply(200, (uri) => emptyPage(new URL(uri, TEST_BASE).searchParams.get('type')!));
        let authorization: unknown = 'not fetched';
        nock('https://example.com')
            .get('/')
            .reply(function () {
                authorization = this.req.headers['authorization'];
                return [200, gzipSync(Buffer.from(JSON.stringify(line)))];
            });

        await t.runSync('siem-batch-events');
        expect(authorization).toBeUndefined();
        expect(t.records('SiemBatchEvent')).toEqual([
            {
                id: contentId('SiemBatchEvent', line),
                type: 'attachment protect',
                timestamp: '2000-01-01T00:00:00.000Z',
                aggregateId: 'jdWc03xmmwdc903dnsnALm',
                processingId: 'JDgeKPUdn2pe8Suxow5oplvfpz37i8M1lWNyGD-OUPE_1738206319',
                accountId: 'PDLW18H03',
                details: {
                    _offset: 273017,
                    _partition: 125,
                    fileExtension: 'pdf',
                    fileName: 'attach-9fac38ge-8387-57f0-dfd9-d709gb3ce83d.pdf',
                    md5: 'f34f2eya7e54hhr80d3937hd084898fe',
                    sha1: '534dbfd55d2f56fd213b3735fa74d2e80ege4127',
                    sha256: 'd473cgeerf4e5g2s133584188cf263131a37c54e33648c203d31309f73aa3b00'
                }
            }
        ]);
        expect(t.checkpoint('siem-batch-events')).toMatchObject({ next_receipt: 'NDU1NA==' });
    });

    it("Rapid7's page listing one link twice: downloaded once, counted as repeated", async () => {
        const t = createTestHost();
        mockToken();
        nock(TEST_BASE)
            .get(PATH)
            .query((q) => q['type'] === 'receipt')
            .reply(200, fixture('siem-batch-list-repeated-url.rapid7'));
        nock(TEST_BASE)
            .get(PATH)
            .query((q) => q['type'] !== 'receipt')
            .times(9)
            .reply(200, emptyPage('x'));
        const file = nock('https://example.com')
            .get('/')
            .once()
            .reply(200, gzipSync(Buffer.from(JSON.stringify(fixture('siem-batch-file-line.rapid7')))));
        await t.runSync('siem-batch-events');
        expect(file.isDone()).toBe(true);
        expect(t.records('SiemBatchEvent')).toHaveLength(1);
        expect(t.logs.join('\n')).toContain('skipped 0 expired links, 1 repeated links');
    });

    it("Sekoia's two pages (isCaughtUp false, then the empty last page with @nextPage): the last token is kept", async () => {
        const t = createTestHost();
        mockToken();
        const queries: Record<string, string>[] = [];
        nock(TEST_BASE)
            .get(PATH)
            .query((q) => q['type'] === 'process' && queries.push(q as Record<string, string>) > 0)
            .times(2)
            .reply(200, () => (queries.length === 1 ? fixture('siem-batch-list-page.sekoia') : fixture('siem-batch-list-last-page.sekoia')));
        nock(TEST_BASE)
            .get(PATH)
            .query((q) => q['type'] !== 'process')
            .times(9)
            .reply(200, emptyPage('x'));
        const event = fixture('siem-batch-file-event.sekoia');
        nock('https://s3-something.amazonaws.com')
            .get('/log1.json.gz')
            .reply(200, gzipSync(Buffer.from(`${JSON.stringify(event)}\n`)));

        await t.runSync('siem-batch-events');
        expect(queries[1]).toMatchObject({ type: 'process', nextPage: 'tokenNextPage1=' });
        expect(t.checkpoint('siem-batch-events')).toMatchObject({ next_process: 'tokenNextPageLast==' });
        expect(t.records('SiemBatchEvent')).toEqual([
            {
                id: contentId('SiemBatchEvent', event),
                type: 'process',
                subtype: 'Hld',
                timestamp: '2024-05-14T17:38:07.466Z',
                aggregateId: 'J5JwSy0HNvG7AvCg1sgDvQ_1715708284',
                processingId: 'hP5f7mBanAVkWJWfh4vYvca3zOi9I3jROBmH3Z_Kysk_1715708284',
                accountId: 'CDE22A102',
                messageId: '<CAF7=BmDb+6qHo+J5EB9oH+S4ncJOfEMsUYAEirX4MRZRJX+esw@mail.gmail.com>',
                senderEnvelope: 'john.doe015@gmail.com',
                subject: 'Moderate',
                action: 'Hld',
                details: { holdReason: 'Spm', totalSizeAttachments: '0', numberAttachments: '0', emailSize: '3466', _offset: 105825, _partition: 137 }
            }
        ]);
    });

    it('the simulator answers the same shapes: list pages and file lines', async () => {
        const now = Math.floor(Date.now() / SIEM_BATCH_FILE_MS) * SIEM_BATCH_FILE_MS;
        const sim = await startSimulator({ now: () => now, sizes: { siemBatchEvents: 5_000 } });
        try {
            const token = (await (
                await fetch(`${sim.url}/oauth/token`, {
                    method: 'POST',
                    headers: { 'content-type': 'application/x-www-form-urlencoded' },
                    body: 'grant_type=client_credentials&client_id=sim-client-id&client_secret=sim-client-secret'
                })
            ).json()) as { access_token: string };
            const get = async (query: string) =>
                (await (await fetch(`${sim.url}${PATH}?${query}`, { headers: { authorization: `Bearer ${token.access_token}` } })).json()) as {
                    value: { url: string }[];
                    '@nextPage': string;
                    isCaughtUp: boolean;
                };
            const day = new Date(now - 2 * 86_400_000).toISOString().slice(0, 10);
            const first = await get(`type=process&dateRangeStartsAt=${day}&pageSize=3`);
            for (const sample of ['siem-batch-list.rapid7', 'siem-batch-list-page.sekoia']) {
                expect(shapeDifferences(fixture(sample), first)).toEqual([]);
            }
            let last = first;
            while (!last.isCaughtUp) last = await get(`type=process&nextPage=${last['@nextPage']}&pageSize=100`);
            const end = await get(`type=process&nextPage=${last['@nextPage']}&pageSize=100`);
            expect(shapeDifferences(fixture('siem-batch-list-last-page.sekoia'), end)).toEqual([]);
            expect(end).toMatchObject({ value: [], isCaughtUp: true });

            const file = await fetch(first.value[0]!.url);
            const lines = gunzipSync(Buffer.from(await file.arrayBuffer()))
                .toString('utf8')
                .trim()
                .split('\n')
                .map((l) => JSON.parse(l) as Record<string, unknown>);
            expect(lines.length).toBeGreaterThan(0);
            // Sekoia's sample is a process event, like these lines; Rapid7's is attachment protect (shared keys only).
            expect(
                shapeDifferences(fixture('siem-batch-file-event.sekoia'), lines[0]).filter(
                    (d) => !/holdReason|totalSizeAttachments|attachments|messageId|subject|senderEnvelope|emailSize|numberAttachments|action/.test(d)
                )
            ).toEqual([]);
            const { fileExtension: _e, fileName: _f, md5: _m, sha1: _s1, sha256: _s2, ...common } = fixture('siem-batch-file-line.rapid7');
            expect(shapeDifferences(common, lines[0])).toEqual([]);
        } finally {
            await sim.close();
        }
    });
});

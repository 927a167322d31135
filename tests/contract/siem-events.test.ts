// siem-events against published stream answers: Cortex XSOAR's SIEM_RAW_RESPONSE (eventType/subType) and
// Rapid7's documented receipt event; plus the batch spelling (type/subtype) and an event that cannot be read.
import nock from 'nock';

import { contentId } from '../../integrations/mimecast/helpers/records.js';
import { createTestHost, mockToken, TEST_BASE } from '../harness.js';
import type { TestHost } from '../harness.js';
import { fixture } from './fixtures.js';
import { warnings } from './log-replay.js';

const PATH = '/siem/v1/events/cg';
type Page = { value: Record<string, unknown>[]; '@nextPage'?: string; isCaughtUp?: boolean };
const caughtUp = (value: unknown[]): Page => ({ value: value as Record<string, unknown>[], '@nextPage': 'published-run-end', isCaughtUp: true });

/** Answers the stream calls with the pages in order; returns the queries sent. */
async function replay(pages: Page[]): Promise<{ t: TestHost; queries: Record<string, string>[] }> {
    const t = createTestHost();
    mockToken();
    const queries: Record<string, string>[] = [];
    for (const page of pages) {
        nock(TEST_BASE)
            .get(PATH)
            .query((q) => queries.push(q as Record<string, string>) > 0)
            .reply(200, page);
    }
    await t.runSync('siem-events');
    return { t, queries };
}

describe('contract: siem-events', () => {
    it('saves the XSOAR stream page: kind from eventType/subType, ISO UTC time, the message fields, the rest under details; follows @nextPage', async () => {
        const body = fixture<Page>('siem-events.xsoar');
        const { t, queries } = await replay([body, caughtUp([])]);
        expect(queries[1]).toEqual({ nextPage: 'mock_next_page_token_base64_encoded_string', pageSize: '500' });
        const [first, second] = body.value;
        expect(t.records('SiemEvent')).toEqual([
            {
                id: contentId('SiemEvent', first),
                type: 'receipt',
                subtype: 'Rej',
                timestamp: '2024-01-01T00:00:00.000Z',
                aggregateId: 'mock_aggregate_id_abc123',
                processingId: 'mock_processing_id_xyz789_1234567890',
                accountId: 'MOCK_ACCOUNT_123',
                messageId: '<mock.message.id.12345@example.mimecast.lan>',
                direction: 'internal',
                senderEnvelope: 'sender@example.com',
                senderHeader: 'sender@example.com',
                recipients: 'recipient@example.com',
                subject: 'Test Email Subject',
                senderIp: '192.0.2.100',
                action: 'Rej',
                // Null fields (spamInfo, spamScore, receiptErrors, ...) are left out.
                details: {
                    numberAttachments: '0',
                    rejectionType: 'Header Rejected',
                    tlsCipher: 'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384',
                    tlsVersion: 'TLSv1.2',
                    virusFound: 'Rejected by header based Blocked Senders: sender@example.com',
                    rejectionInfo: 'Rejected by header based Blocked Senders: sender@example.com',
                    rejectionCode: '0'
                }
            },
            expect.objectContaining({
                id: contentId('SiemEvent', second),
                type: 'receipt',
                subtype: 'Rej',
                timestamp: '2024-01-01T01:00:00.000Z',
                accountId: 'MOCK_ACCOUNT_456'
            })
        ]);
        expect(t.checkpoint('siem-events')).toMatchObject({ nextPage: 'published-run-end' });
    });

    it("saves Rapid7's documented receipt event (an Allow receipt, counts as strings)", async () => {
        const [event] = fixture<{ data: Record<string, unknown>[] }>('siem-events.rapid7-records').data;
        const { t } = await replay([caughtUp([event])]);
        expect(t.records('SiemEvent')).toEqual([
            expect.objectContaining({
                id: contentId('SiemEvent', event),
                type: 'receipt',
                subtype: 'Allow',
                timestamp: '2023-07-18T13:02:18.597Z',
                senderIp: '123.123.123.123',
                direction: 'Inbound',
                details: expect.objectContaining({ spamScore: '0', spamProcessingDetail: 'Spam Processing Detail', numberAttachments: '1' })
            })
        ]);
    });

    it('reads the batch-file spelling (type/subtype) as well, and skips an event with no kind or not an object, logging only its content hash', async () => {
        const [published] = fixture<Page>('siem-events.xsoar').value;
        const batchSpelling = {
            timestamp: 1731862950599,
            type: 'internal email protect',
            subtype: null,
            aggregateId: 'RyZVTDvJMWi-Z68ZSU9WiA_1731862947',
            recipients: 'dl@example.com'
        };
        const noKind = { timestamp: 1704067200000, subject: 'Private: board minutes', recipients: 'secret.person@example.com' };
        const { t } = await replay([caughtUp([published, noKind, batchSpelling, 42])]);
        expect(t.records('SiemEvent').map((e) => [e['type'], e['subtype']])).toEqual([
            ['receipt', 'Rej'],
            ['internal email protect', undefined]
        ]);
        const warn = warnings(t);
        expect(warn.some((l) => l.includes(`${contentId('SiemEvent', noKind)} (no eventType or type)`) && l.includes('(not an object)'))).toBe(true);
        expect(warn.some((l) => l.includes('SiemEvent: 2 records skipped'))).toBe(true);
        expect(t.logs.join('\n')).not.toContain('secret.person@example.com');
        expect(t.logs.join('\n')).not.toContain('board minutes');
    });

    it('still fails a run on an answer that is not the stream envelope (no value[])', async () => {
        const t = createTestHost();
        mockToken();
        nock(TEST_BASE)
            .get(PATH)
            .query(true)
            .reply(200, { data: fixture<{ data: unknown[] }>('siem-events.rapid7-records').data });
        await expect(t.runSync('siem-events')).rejects.toThrow('malformed_response');
    });
});

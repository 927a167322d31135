// ttp-attachment-logs against the published get-logs body of Elastic's Mimecast package.
import { contentId } from '../../integrations/mimecast/helpers/records.js';
import { fixture } from './fixtures.js';
import { replayLogSync } from './log-replay.js';

type Body = { data: [{ attachmentLogs: Record<string, unknown>[] }] };

describe('contract: ttp-attachment-logs', () => {
    it('saves every published attachment log with its verdict, file hash, definition and ISO UTC date', async () => {
        const body = fixture<Body>('ttp-attachment-logs.elastic');
        const { t, requests } = await replayLogSync('ttp-attachment-logs', '/api/ttp/attachment/get-logs', [body]);
        expect(requests[1]!.meta).toEqual({ pagination: { pageSize: 500, pageToken: 'nexttoken' } });
        const [first, second] = body.data[0].attachmentLogs;
        expect(t.records('AttachmentLog')).toEqual([
            {
                id: contentId('AttachmentLog', first),
                date: '2024-11-17T20:16:00.000Z',
                result: 'safe',
                fileName: 'attach-e398d4a5-38e6-4b89-b2fb-2e0aab6e4f50.pdf',
                fileType: 'application/pdf',
                senderAddress: 'thomas.bentz@empirepartners.b41.one',
                recipientAddress: 'thomas.bentz@demo-int.elastic.mime-api.com',
                messageId: '<2a5df47e8f85f62a-216237@hapi.b41.one>',
                subject: 'FIRE DRILL',
                fileHash: '4af462d0246bf4074730b2aaecb076dfd30977ff23556b60848ab0af68f6e636',
                definition: 'Default Inbound Attachment Protect Definition',
                actionTriggered: 'none, none',
                route: 'inbound',
                details: 'Safe                                              \r\nTime taken: 0 hrs, 0 min, 3 sec'
            },
            expect.objectContaining({
                id: contentId('AttachmentLog', second),
                date: '2024-11-17T05:12:44.000Z',
                fileName: 'Mimecast.pdf',
                result: 'safe',
                fileHash: '14ae6096f7ce68f8dfe2c298a347ebad8f53c212f458900b5867249daa267d28'
            })
        ]);
    });
});

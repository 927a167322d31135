// dlp-logs against the published get-logs body of Elastic's Mimecast package.
import { contentId } from '../../integrations/mimecast/helpers/records.js';
import { fixture } from './fixtures.js';
import { replayLogSync } from './log-replay.js';

type Body = { data: [{ dlpLogs: Record<string, unknown>[] }] };

describe('contract: dlp-logs', () => {
    it('saves every published DLP hit with policy, action, addresses and ISO UTC time', async () => {
        const body = fixture<Body>('dlp-logs.elastic');
        const { t, requests } = await replayLogSync('dlp-logs', '/api/dlp/get-logs', [body]);
        expect(requests[1]!.meta).toEqual({ pagination: { pageSize: 500, pageToken: 'nexttoken' } });
        const [first, second] = body.data[0].dlpLogs;
        expect(t.records('DlpLog')).toEqual([
            {
                id: contentId('DlpLog', first),
                eventTime: '2024-11-18T05:11:02.000Z',
                policy: 'Confidential',
                action: 'hold',
                senderAddress: 'kay.mann@demo-int.elastic.mime-api.com',
                recipientAddress: 'cbrashear@demo-visionary.b41.one',
                subject: 'RE',
                messageId: '<ee36704d0e84b012-226716@hapi.b41.one>',
                route: 'outbound'
            },
            {
                id: contentId('DlpLog', second),
                eventTime: '2024-11-17T20:57:30.000Z',
                policy: 'Confidential',
                action: 'hold',
                senderAddress: 'zimin.lu@demo-int.elastic.mime-api.com',
                recipientAddress: 'vkaminski@demo-visionary.b41.one',
                subject: 'Re',
                messageId: '<5f9f4f4f0e0afb06-147953@hapi.b41.one>',
                route: 'outbound'
            }
        ]);
    });
});

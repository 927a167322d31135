// ttp-url-logs against the published get-logs body of Elastic's Mimecast package.
import { contentId } from '../../integrations/mimecast/helpers/records.js';
import { fixture } from './fixtures.js';
import { replayLogSync } from './log-replay.js';

type Body = { meta: { pagination: { next: string } }; data: [{ clickLogs: Record<string, unknown>[] }] };

describe('contract: ttp-url-logs', () => {
    it('saves every published click with a content id, ISO UTC date, the verdict and who clicked, and follows `next`', async () => {
        const body = fixture<Body>('ttp-url-logs.elastic');
        const { t, requests } = await replayLogSync('ttp-url-logs', '/api/ttp/url/get-logs', [body]);
        expect(requests[1]!.meta).toEqual({ pagination: { pageSize: 500, pageToken: 'nexttoken' } });
        const [first, second] = body.data[0].clickLogs;
        expect(t.records('ClickLog')).toEqual([
            {
                id: contentId('ClickLog', first),
                date: '2024-11-17T17:02:30.000Z',
                url: 'http://www.enron.com/corp/pressroom/releases/2002/ene/012902Release.html',
                userEmailAddress: 'dl-ga-all_enron_worldwide1@demo-int.elastic.mime-api.com',
                fromUserEmailAddress: 'coo.jeff@demo-int.elastic.mime-api.com',
                subject: 'Management Changes',
                messageId: '<871dda3d6bf5107e-360815@hapi.b41.one>',
                scanResult: 'malicious',
                category: 'Compromised',
                action: 'warn',
                actions: 'None',
                adminOverride: 'N/A',
                userOverride: 'None',
                userAwarenessAction: 'N/A',
                ttpDefinition: 'Default Internal URL Protect Definition',
                route: 'internal',
                sendingIp: 'Internal IP',
                creationMethod: 'Entry Scan',
                emailPartsDescription: ['Body']
            },
            expect.objectContaining({
                id: contentId('ClickLog', second),
                date: '2024-11-14T19:44:02.000Z',
                url: 'https://oneclient.sfx.ms/Win/Preview/OneDriveSetup.exe',
                userEmailAddress: 'jhartso@demo-int.elastic.mime-api.com',
                category: 'Dangerous file extension',
                actions: 'Block',
                emailPartsDescription: ['Attachment']
            })
        ]);
    });
});

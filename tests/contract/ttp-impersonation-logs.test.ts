// ttp-impersonation-logs against published get-logs bodies (Elastic's mock; Rapid7's unit-test response,
// whose record is shaped like a click log: no id, `date`, userEmailAddress/fromUserEmailAddress).
import { contentId } from '../../integrations/mimecast/helpers/records.js';
import { fixture } from './fixtures.js';
import { replayLogSync } from './log-replay.js';

type Body = { data: [{ impersonationLogs: Record<string, unknown>[] }] };

describe('contract: ttp-impersonation-logs', () => {
    it('saves the Elastic logs with Mimecast ids, ISO UTC times, the identifiers hit and the look-alike found', async () => {
        const body = fixture<Body>('ttp-impersonation-logs.elastic');
        const { t, requests } = await replayLogSync('ttp-impersonation-logs', '/api/ttp/impersonation/get-logs', [body]);
        expect(requests[1]!.meta).toEqual({ pagination: { pageSize: 500, pageToken: 'lasttoken' } });
        expect(t.records('ImpersonationLog')).toEqual([
            {
                id: 'MTOKEN:eNqrVkouLS7Jz00tSs5PSVWyUnI2MXM0N1XSUcpMUbIyMjM3MzCw0FEqSy0qzszPU7Iy1FEqyQMrNDAwV6oFAGP7Ehc',
                eventTime: '2021-11-12T15:27:14.000Z',
                senderAddress: 'johndoe@example.com',
                senderIpAddress: '8.8.8.8',
                recipientAddress: 'johndoejr@exampple.com',
                subject: "Don't read, just fill out!",
                messageId: '<2-MN2PR16MB2719879CA4DB60C265F7FD8FB0959@MN2PR16MB2719.namprd16.example.outlook.com>',
                definition: 'IP - 1 hit (Tag email)',
                hits: 1,
                identifiers: ['internal_user_name'],
                action: 'none',
                taggedExternal: false,
                taggedMalicious: true,
                impersonationResults: [
                    {
                        impersonationDomainSource: 'internal_user_name',
                        similarDomain: 'John Doe <johndoe_nu@example.com>',
                        stringSimilarToDomain: 'John Doe',
                        checkerResult: 'hit'
                    }
                ]
            },
            expect.objectContaining({
                id: 'MTOKEN:eNqrVkouLS7Jz00tSs5PSVWyUnI2MXM0N1XSUcpMUbIyMjM3MzAw11EqSy0qzszPU8Iy1FEqyQMrBIor1QIAY98SFg',
                recipientAddress: 'johndoejr@example.com'
            })
        ]);
    });

    it('saves the Rapid7-shaped log too: a content id, `date` as its time, sender and recipient from the click-log names', async () => {
        const body = fixture<Body>('ttp-impersonation-logs.rapid7');
        const { t } = await replayLogSync('ttp-impersonation-logs', '/api/ttp/impersonation/get-logs', [body]);
        expect(t.records('ImpersonationLog')).toEqual([
            {
                id: contentId('ImpersonationLog', body.data[0].impersonationLogs[0]),
                eventTime: '2025-08-29T16:22:15.000Z',
                senderAddress: 'ceo@fake-company.com',
                senderIpAddress: '203.0.113.45',
                recipientAddress: 'user@example.com',
                subject: 'Urgent Wire Transfer Request',
                messageId: '54321',
                definition: 'Default Impersonation Protect Definition',
                action: 'block',
                impersonationResults: [{ similarDomain: 'fake-company.com' }]
            }
        ]);
    });
});

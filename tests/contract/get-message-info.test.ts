// get-message-info against the Cortex XSOAR integration's published answer (a delivered, archived message).
import nock from 'nock';

import { createTestHost, mockToken, TEST_BASE } from '../harness.js';
import { fixture } from './fixtures.js';

describe('contract: get-message-info (demisto sample)', () => {
    it('returns headers, receipt, SPF/DKIM/DMARC, parts with hashes, the delivery and the policies applied', async () => {
        const t = createTestHost();
        mockToken();
        const body = fixture<{ data: { id: string }[] }>('get-message-info.demisto');
        const id = body.data[0]!.id;
        nock(TEST_BASE)
            .post('/api/message-finder/get-message-info', { data: [{ id }] })
            .reply(200, body);

        const info = (await t.runAction('get-message-info', { id })) as Record<string, unknown>;

        expect(info).toMatchObject({
            id,
            status: 'archived',
            subject: 'Demand Ken Lay Donate Proceeds from Enron Stock Sales',
            fromHeader: 'markrobertsny@pilot-meadow.b41.one',
            fromEnvelope: 'markrobertsny@pilot-meadow.b41.one',
            to: ['test@test.com'],
            cc: [],
            sent: '2022-07-18T13:25:21.000Z',
            processed: '2022-07-18T13:25:21.000Z',
            receiptEvent: 'Email Received - SPF check failed',
            spamEvent: 'na',
            remoteIp: '54.236.186.184',
            remoteHost: 'ha.hamilton321.net',
            encryptionInfo: 'TLS',
            transmissionSize: 5211,
            spamScore: 2,
            detectionLevel: 'relaxed',
            spf: 'fail',
            dkim: 'unknown',
            dmarc: 'unknown',
            currentPurgeDate: '2022-08-17T13:25:21.000Z'
        });
        expect(info['components']).toContainEqual({
            type: 'Email Transmission File',
            name: 'transmission.eml',
            mimeType: 'message/rfc822-stubbed',
            size: 1435,
            hash: 'aa2ddd4d877f651eae159fa334aa8aa304d1c007e60811088caf4d354d3b6197'
        });
        expect(info['deliveries']).toEqual([
            {
                recipient: 'test@test.com',
                deliveryEvent: 'Email Delivered via Routing Rule',
                route: 'inbound',
                remoteIp: '34.235.45.235',
                remoteHost: 'ha.hamilton321.net',
                transmissionStart: '2022-07-18T13:25:24.000Z',
                transmissionEnd: '2022-07-18T13:25:35.000Z'
            }
        ]);
        // Opportunistic TLS appears for two policy types: both kept, nothing duplicated.
        expect(info['policies']).toHaveLength(12);
        expect(info['policies']).toContainEqual({ policyType: 'Spam Scanning', policyName: 'Relaxed Spam Detection', inherited: false });
    });
});

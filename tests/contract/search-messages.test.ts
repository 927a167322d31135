// search-messages against Rapid7's published message-finder answer: data[0].trackedEmails[] with
// fromEnv/fromHdr objects, `to` as an array of mailboxes and senderIP.
import nock from 'nock';

import { createTestHost, envelope, mockToken, TEST_BASE } from '../harness.js';
import { fixture } from './fixtures.js';

describe('contract: search-messages (rapid7 sample)', () => {
    it('returns the tracked email an analyst reads: status, info, addresses, sender IP, route and times', async () => {
        const t = createTestHost();
        mockToken();
        nock(TEST_BASE)
            .post('/api/message-finder/search', { data: [{ advancedTrackAndTraceOptions: { from: 'user@example.com' } }] })
            .reply(200, fixture('message-finder-search.rapid7'));

        await expect(t.runAction('search-messages', { advancedTrackAndTraceOptions: { from: 'user@example.com' } })).resolves.toEqual({
            messages: [
                {
                    id: '123456789',
                    status: 'rejected',
                    info: 'Envelope Rejected',
                    subject: 'Example Subject',
                    from: 'user@example.com',
                    to: ['user@example.com'],
                    senderIP: '192.168.0.1',
                    route: 'inbound',
                    received: '2022-12-01T12:49:46.000Z',
                    sent: '2022-12-01T12:49:46.000Z',
                    spamScore: 0
                }
            ],
            count: 1
        });
    });

    it('reads the archived message of the Cortex XSOAR sample, with the From: header name and detection level', async () => {
        const t = createTestHost();
        mockToken();
        const body = fixture<{ data: { trackedEmails: { id: string }[] }[] }>('message-finder-search.demisto');
        nock(TEST_BASE).post('/api/message-finder/search').reply(200, body);

        await expect(
            t.runAction('search-messages', { messageId: '<978aeeb7a7bded3d-193351@nodered-mimecast-686cbcb7f9-znlxj.hamilton321.net>' })
        ).resolves.toEqual({
            messages: [
                {
                    id: body.data[0]!.trackedEmails[0]!.id,
                    status: 'archived',
                    info: 'Indexed and archived',
                    subject: 'Demand Ken Lay Donate Proceeds from Enron Stock Sales',
                    from: 'markrobertsny@pilot-meadow.b41.one',
                    fromHeader: 'markrobertsny@pilot-meadow.b41.one',
                    fromHeaderName: 'markrobertsny@pilot-meadow.b41.one',
                    to: ['klay@paloaltonetworks.mime.integration.com'],
                    senderIP: '54.236.186.184',
                    route: 'inbound',
                    received: '2022-07-18T13:25:00.000Z',
                    sent: '2022-07-18T13:25:00.000Z',
                    attachments: false,
                    spamScore: 2,
                    detectionLevel: 'relaxed'
                }
            ],
            count: 1
        });
    });

    it('reads senderIp (another client spelling) and a single `to` object as well', async () => {
        const t = createTestHost();
        mockToken();
        const tracked = {
            id: 'm-1',
            status: 'delivered',
            senderIp: '10.0.0.1',
            fromEnv: { emailAddress: 'a@example.com' },
            to: { emailAddress: 'b@example.com' },
            received: 'not a date'
        };
        nock(TEST_BASE)
            .post('/api/message-finder/search')
            .reply(200, envelope([{ trackedEmails: [tracked] }]));

        await expect(t.runAction('search-messages', { messageId: '<abc@example.com>' })).resolves.toEqual({
            messages: [{ id: 'm-1', status: 'delivered', from: 'a@example.com', to: ['b@example.com'], senderIP: '10.0.0.1' }],
            count: 1
        });
    });
});

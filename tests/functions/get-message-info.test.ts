import nock from 'nock';

import { createTestHost, envelope, failEnvelope, mockToken, TEST_BASE } from '../harness.js';

const PATH = '/api/message-finder/get-message-info';

const messageInfo = {
    fromHeader: 'mark@pilot-meadow.example',
    fromEnvelope: 'bounce@pilot-meadow.example',
    to: ['klay@acme.example'],
    cc: [],
    subject: 'Demand',
    sent: '2026-11-18T13:25:21+0000',
    processed: '2026-11-18T13:25:22+0000',
    transmissionInfo: '<pre>...</pre>'
};
const INFO = {
    recipientInfo: {
        messageInfo,
        recipientMetaInfo: {
            receiptEvent: 'Email Received - SPF check failed',
            spamEvent: 'na',
            remoteIp: '203.0.113.184',
            remoteHost: 'ha.example.net',
            transmissionSize: 5211,
            encryptionInfo: 'TLS',
            components: [
                { type: 'Email Transmission File', name: 'transmission.eml', extension: 'eml', mimeType: 'message/rfc822-stubbed', size: 1435, hash: 'aa2d' }
            ]
        }
    },
    deliveredMessage: {
        'klay@acme.example': {
            messageInfo: { ...messageInfo, route: 'inbound' },
            policyInfo: [
                { policyType: 'Spam Scanning', policyName: 'Relaxed Spam Detection', inherited: false },
                { policyType: 'URL Protection', policyName: 'Default Inbound URL Protect Definition', inherited: true }
            ],
            deliveryMetaInfo: {
                deliveryEvent: 'Email Delivered via Routing Rule',
                emailAddress: 'klay@acme.example',
                remoteIp: '198.51.100.235',
                remoteHost: 'mx.acme.example',
                encryptionInfo: '',
                transmissionStart: '2026-11-18T13:25:24+0000',
                transmissionEnd: '2026-11-18T13:25:35+0000'
            }
        }
    },
    retentionInfo: { currentPurgeDate: '2026-12-17T13:25:21+0000', purgeBasedOn: 'original' },
    status: 'archived',
    spamInfo: {
        spamScore: 2,
        detectionLevel: 'relaxed',
        spamProcessingDetail: { spf: { allow: true, info: 'fail' }, dkim: { allow: true, info: 'unknown' }, dmarc: { allow: true, info: 'unknown' } }
    },
    id: 'msg-1'
};

describe('action get-message-info', () => {
    it('posts the id and flattens headers, receipt, spam checks, components, deliveries and policies', async () => {
        const t = createTestHost();
        mockToken();
        const api = nock(TEST_BASE)
            .post(PATH, { data: [{ id: 'msg-1' }] })
            .reply(200, envelope([INFO]));

        await expect(t.runAction('get-message-info', { id: 'msg-1' })).resolves.toEqual({
            id: 'msg-1',
            status: 'archived',
            subject: 'Demand',
            fromHeader: 'mark@pilot-meadow.example',
            fromEnvelope: 'bounce@pilot-meadow.example',
            to: ['klay@acme.example'],
            cc: [],
            sent: '2026-11-18T13:25:21.000Z',
            processed: '2026-11-18T13:25:22.000Z',
            receiptEvent: 'Email Received - SPF check failed',
            spamEvent: 'na',
            remoteIp: '203.0.113.184',
            remoteHost: 'ha.example.net',
            encryptionInfo: 'TLS',
            transmissionSize: 5211,
            spamScore: 2,
            detectionLevel: 'relaxed',
            spf: 'fail',
            dkim: 'unknown',
            dmarc: 'unknown',
            currentPurgeDate: '2026-12-17T13:25:21.000Z',
            components: [{ type: 'Email Transmission File', name: 'transmission.eml', mimeType: 'message/rfc822-stubbed', size: 1435, hash: 'aa2d' }],
            deliveries: [
                {
                    recipient: 'klay@acme.example',
                    deliveryEvent: 'Email Delivered via Routing Rule',
                    route: 'inbound',
                    remoteIp: '198.51.100.235',
                    remoteHost: 'mx.acme.example',
                    transmissionStart: '2026-11-18T13:25:24.000Z',
                    transmissionEnd: '2026-11-18T13:25:35.000Z'
                }
            ],
            policies: [
                { policyType: 'Spam Scanning', policyName: 'Relaxed Spam Detection', inherited: false },
                { policyType: 'URL Protection', policyName: 'Default Inbound URL Protect Definition', inherited: true }
            ]
        });
        expect(api.isDone()).toBe(true);
    });

    it('a message not delivered yet has no deliveries and keeps the requested id', async () => {
        const t = createTestHost();
        mockToken();
        nock(TEST_BASE)
            .post(PATH)
            .reply(200, envelope([{ status: 'held', recipientInfo: { messageInfo: { subject: 'x', to: [] } } }]));
        await expect(t.runAction('get-message-info', { id: 'msg-2' })).resolves.toEqual({
            id: 'msg-2',
            status: 'held',
            subject: 'x',
            to: [],
            cc: [],
            components: [],
            deliveries: [],
            policies: []
        });
    });

    it('fail[] becomes an ActionError with Mimecast code and message', async () => {
        const t = createTestHost();
        mockToken();
        nock(TEST_BASE)
            .post(PATH)
            .reply(200, failEnvelope('err_message_not_found', 'The message could not be found', 'id'));
        await expect(t.runAction('get-message-info', { id: 'gone' })).rejects.toMatchObject({
            payload: { code: 'err_message_not_found', message: expect.stringContaining('could not be found'), retryable: false, field: 'id' }
        });
    });

    it('an empty data[] is a malformed response', async () => {
        const t = createTestHost();
        mockToken();
        nock(TEST_BASE).post(PATH).reply(200, envelope([]));
        await expect(t.runAction('get-message-info', { id: 'msg-1' })).rejects.toMatchObject({ payload: { code: 'malformed_response' } });
    });

    it.each([
        ['a missing id', {}, 'id'],
        ['a blank id', { id: '' }, 'id'],
        ['an unknown field', { id: 'msg-1', messageId: 'x' }, 'input']
    ])('rejects %s before any request', async (_label, input, field) => {
        const t = createTestHost();
        const token = mockToken();
        const api = nock(TEST_BASE)
            .post(PATH)
            .reply(200, envelope([INFO]));
        await expect(t.runAction('get-message-info', input)).rejects.toMatchObject({ payload: { code: 'invalid_input', field } });
        expect(api.isDone()).toBe(false);
        expect(token.isDone()).toBe(false);
    });
});

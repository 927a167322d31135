import { contentId } from '../../integrations/mimecast/helpers/records.js';
import { describeLogSync } from './log-sync-cases.js';

const raws: [Record<string, unknown>, Record<string, unknown>] = [
    {
        status: 'held',
        senderAddress: 'alice@example.com',
        recipientAddress: 'someone@fabrikam.example',
        subject: 'Card details',
        policy: 'Credit Card Numbers',
        action: 'hold',
        route: 'outbound',
        messageId: '<d1@example.com>',
        eventTime: '2026-11-20T10:00:00+0000'
    },
    {
        status: 'delivered',
        senderAddress: 'bob@example.com',
        recipientAddress: 'carol@example.com',
        policy: 'Confidential Keyword',
        action: 'notify',
        route: 'internal',
        eventTime: '2026-11-19T08:30:15+0000'
    }
];

describeLogSync({
    sync: 'dlp-logs',
    model: 'DlpLog',
    path: '/api/dlp/get-logs',
    from: 'from',
    to: 'to',
    key: 'dlpLogs',
    raws,
    expected: [
        { ...raws[0], id: contentId('DlpLog', raws[0]), eventTime: '2026-11-20T10:00:00.000Z' },
        { ...raws[1], id: contentId('DlpLog', raws[1]), eventTime: '2026-11-19T08:30:15.000Z' }
    ]
});

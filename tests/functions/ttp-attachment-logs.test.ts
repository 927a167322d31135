import { contentId } from '../../integrations/mimecast/helpers/records.js';
import { describeLogSync } from './log-sync-cases.js';

const raws: [Record<string, unknown>, Record<string, unknown>] = [
    {
        result: 'malicious',
        date: '2026-11-20T10:00:00+0000',
        senderAddress: 'billing@fabrikam.example',
        fileName: 'invoice_1234.xlsm',
        actionTriggered: 'user release none, admin release none, sandbox',
        route: 'inbound',
        details: 'Malicious: Macro.Downloader',
        recipientAddress: 'alice@example.com',
        fileType: 'application/vnd.ms-excel.sheet.macroEnabled.12',
        messageId: '<a1@example.com>'
    },
    {
        result: 'safe',
        date: '2026-11-19T08:30:15+0000',
        senderAddress: 'orders@contoso.example',
        fileName: 'order.pdf',
        actionTriggered: 'none, sandbox',
        route: 'inbound',
        details: '',
        recipientAddress: 'bob@example.com',
        fileType: 'application/pdf'
    }
];
const { date: _d0, ...rest0 } = raws[0];
const { date: _d1, details: _x1, ...rest1 } = raws[1];

describeLogSync({
    sync: 'ttp-attachment-logs',
    model: 'AttachmentLog',
    path: '/api/ttp/attachment/get-logs',
    from: 'from',
    to: 'to',
    key: 'attachmentLogs',
    raws,
    expected: [
        { id: contentId('AttachmentLog', raws[0]), date: '2026-11-20T10:00:00.000Z', ...rest0 },
        { id: contentId('AttachmentLog', raws[1]), date: '2026-11-19T08:30:15.000Z', ...rest1 }
    ]
});

import { contentId } from '../../integrations/mimecast/helpers/records.js';
import { describeLogSync } from './log-sync-cases.js';

const mailbox = (emailAddress: string) => ({ displayableName: emailAddress.split('@')[0], emailAddress });
const raws: [Record<string, unknown>, Record<string, unknown>] = [
    {
        id: 'eNqHeld1',
        attachments: true,
        detectionLevel: 'moderate',
        fromEnv: mailbox('orders@fabrikam.example'),
        fromHdr: mailbox('orders@fabrikam.example'),
        heldGroup: 'Attachment',
        messageInfo: 'Held by Attachment Management Default',
        operator: mailbox('admin@example.com'),
        policy: 'Attachment Management Default',
        reason: 'Attachment Hold',
        released: '2026-11-20T10:00:00+0000',
        route: 'inbound',
        size: 3609439,
        spamProcessingDetail: '',
        subject: 'Order 1',
        to: [mailbox('alice@example.com'), mailbox('bob@example.com')]
    },
    // A log without an id gets a content-derived one.
    { released: '2026-11-19T08:30:15+0000', reason: 'Spam Signature', rejectReason: 'Message contains undesirable content', fromEnv: mailbox('spam@contoso.example'), to: [] }
];

describeLogSync({
    sync: 'held-release-logs',
    model: 'HeldReleaseLog',
    path: '/api/gateway/get-held-release-logs',
    from: 'start',
    to: 'end',
    key: 'heldReleaseLogs',
    raws,
    expected: [
        {
            id: 'eNqHeld1',
            attachments: true,
            detectionLevel: 'moderate',
            fromEnv: 'orders@fabrikam.example',
            fromHdr: 'orders@fabrikam.example',
            heldGroup: 'Attachment',
            messageInfo: 'Held by Attachment Management Default',
            operator: 'admin@example.com',
            policy: 'Attachment Management Default',
            reason: 'Attachment Hold',
            released: '2026-11-20T10:00:00.000Z',
            route: 'inbound',
            size: 3609439,
            subject: 'Order 1',
            to: ['alice@example.com', 'bob@example.com']
        },
        { id: contentId('HeldReleaseLog', raws[1]), released: '2026-11-19T08:30:15.000Z', reason: 'Spam Signature', rejectReason: 'Message contains undesirable content', fromEnv: 'spam@contoso.example' }
    ]
});

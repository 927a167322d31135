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
        heldReason: 'Attachment Management Default',
        status: 'released',
        released: '2026-11-20T10:00:00+0000',
        route: 'inbound',
        size: 3609439,
        spamScore: 3,
        spamProcessingDetail: { rbl: { allow: true, info: '' }, greyEmail: false },
        subject: 'Order 1',
        to: [mailbox('alice@example.com'), mailbox('bob@example.com')]
    },
    // A log without an id gets a content-derived one; a log without `released` (published: a message that
    // expired in the queue) is saved without it; the operator can be a plain string.
    {
        heldReason: 'Default Spam Scanning Definition',
        status: 'released',
        messageInfo: 'Expired in queue - rejected by housekeeping',
        rejectReason: 'Message contains undesirable content',
        operator: 'admin@example.com',
        fromEnv: mailbox('spam@contoso.example'),
        to: []
    }
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
            heldReason: 'Attachment Management Default',
            status: 'released',
            released: '2026-11-20T10:00:00.000Z',
            route: 'inbound',
            size: 3609439,
            spamScore: 3,
            subject: 'Order 1',
            to: ['alice@example.com', 'bob@example.com']
        },
        {
            id: contentId('HeldReleaseLog', raws[1]),
            heldReason: 'Default Spam Scanning Definition',
            status: 'released',
            messageInfo: 'Expired in queue - rejected by housekeeping',
            rejectReason: 'Message contains undesirable content',
            operator: 'admin@example.com',
            fromEnv: 'spam@contoso.example'
        }
    ]
});

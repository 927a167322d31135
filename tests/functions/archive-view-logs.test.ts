import { contentId } from '../../integrations/mimecast/helpers/records.js';
import { describeLogSync } from './log-sync-cases.js';

// Flat data[] records (no wrapper key), with the fields Mimecast's get-view-logs reference lists.
const raws: [Record<string, unknown>, Record<string, unknown>] = [
    {
        viewer: 'admin@example.com',
        source: 'Archive Search',
        viewed: '2026-11-20T10:00:00+0000',
        messageDate: '2026-10-01T08:00:00+0000',
        subject: 'Board minutes',
        from: 'ceo@example.com',
        to: 'legal@example.com',
        discoveryCase: true,
        contentViewed: true
    },
    {
        viewer: 'bob@example.com',
        source: 'Mimecast for Outlook',
        viewed: '2026-11-19T08:30:15+0000',
        messageDate: '',
        subject: '',
        from: { emailAddress: 'news@example.org', displayableName: 'News' },
        to: 'bob@example.com',
        discoveryCase: false,
        contentViewed: false
    }
];

describeLogSync({
    sync: 'archive-view-logs',
    model: 'ArchiveViewLog',
    path: '/api/archive/get-view-logs',
    from: 'start',
    to: 'end',
    raws,
    expected: [
        { ...raws[0], id: contentId('ArchiveViewLog', raws[0]), viewed: '2026-11-20T10:00:00.000Z', messageDate: '2026-10-01T08:00:00.000Z' },
        // Empty strings are not saved; a mailbox object is read as its address.
        {
            id: contentId('ArchiveViewLog', raws[1]),
            viewer: 'bob@example.com',
            source: 'Mimecast for Outlook',
            viewed: '2026-11-19T08:30:15.000Z',
            from: 'news@example.org',
            to: 'bob@example.com',
            discoveryCase: false,
            contentViewed: false
        }
    ]
});

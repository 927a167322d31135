import { contentId } from '../../integrations/mimecast/helpers/records.js';
import { describeLogSync } from './log-sync-cases.js';

const raws: [Record<string, unknown>, Record<string, unknown>] = [
    {
        createTime: '2026-11-20T10:00:00+0000',
        emailAddr: 'admin@example.com',
        source: 'archive',
        searchText: 'invoice contract',
        searchReason: 'eDiscovery request',
        isAdmin: true,
        description: 'Administrator archive search'
    },
    {
        createTime: '2026-11-19T08:30:15+0000',
        emailAddr: 'bob@example.com',
        source: 'Mimecast for Outlook',
        searchText: 'budget',
        searchReason: '',
        isAdmin: false,
        description: 'End user archive search'
    }
];
const { searchReason: _r1, ...rest1 } = raws[1];

describeLogSync({
    sync: 'archive-search-logs',
    model: 'ArchiveSearchLog',
    path: '/api/archive/get-archive-search-logs',
    from: 'start',
    to: 'end',
    key: 'logs',
    raws,
    expected: [
        { ...raws[0], id: contentId('ArchiveSearchLog', raws[0]), createTime: '2026-11-20T10:00:00.000Z' },
        { ...rest1, id: contentId('ArchiveSearchLog', raws[1]), createTime: '2026-11-19T08:30:15.000Z' }
    ]
});

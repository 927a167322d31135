// archive-search-logs against published get-archive-search-logs bodies (Elastic's mock, Cortex XSOAR's test data).
import { contentId } from '../../integrations/mimecast/helpers/records.js';
import { fixture } from './fixtures.js';
import { replayLogSync } from './log-replay.js';

type Body = { data: [{ logs: Record<string, unknown>[] }] };

describe('contract: archive-search-logs', () => {
    it('saves the Elastic searches: who searched, for what, ISO UTC time; no isAdmin (no sample has it), an empty searchReason left out', async () => {
        const body = fixture<Body>('archive-search-logs.elastic');
        const { t } = await replayLogSync('archive-search-logs', '/api/archive/get-archive-search-logs', [body]);
        const [first, second] = body.data[0].logs;
        expect(t.records('ArchiveSearchLog')).toEqual([
            {
                id: contentId('ArchiveSearchLog', first),
                createTime: '2024-11-12T16:22:16.000Z',
                emailAddr: 'dhamilton@mimecast.local',
                source: 'archive',
                searchText: 'demo-int.elastic.mime-api.com',
                description: 'Audit [Page 1] - Depth 100'
            },
            {
                id: contentId('ArchiveSearchLog', second),
                createTime: '2024-11-12T16:22:01.000Z',
                emailAddr: 'dhamilton@mimecast.local',
                source: 'archive',
                searchText: 'demo-int.elastic.mime-api.com',
                description: 'Audit [Page 1] - Depth 100'
            }
        ]);
    });

    it('saves the XSOAR search and follows its `next` token', async () => {
        const body = fixture<Body>('archive-search-logs.xsoar');
        const { t, requests } = await replayLogSync('archive-search-logs', '/api/archive/get-archive-search-logs', [body]);
        expect(requests[1]!.meta).toEqual({ pagination: { pageSize: 500, pageToken: 'asides' } });
        expect(t.records('ArchiveSearchLog')).toEqual([
            {
                id: contentId('ArchiveSearchLog', body.data[0].logs[0]),
                createTime: '2024-03-20T11:39:36.000Z',
                emailAddr: 'example@test.com',
                source: 'archive',
                searchText: 'aaaaasas',
                description: 'Message Tracking Search'
            }
        ]);
    });
});

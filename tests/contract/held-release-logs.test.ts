// held-release-logs against published bodies: Elastic's mock (heldReason, status, spamProcessingDetail as
// an object) and Elastic's pipeline test records (one has no `released`; operator as a plain string).
import { fixture } from './fixtures.js';
import { replayLogSync, wrappedPage } from './log-replay.js';

type Body = { data: [{ heldReleaseLogs: Record<string, unknown>[] }] };
const PATH = '/api/gateway/get-held-release-logs';

describe('contract: held-release-logs', () => {
    it('saves the Elastic logs with the hold reason (heldReason), status, operator, addresses and ISO UTC release time', async () => {
        const body = fixture<Body>('held-release-logs.elastic');
        const { t, requests } = await replayLogSync('held-release-logs', PATH, [body]);
        expect(requests[1]!.meta).toEqual({ pagination: { pageSize: 500, pageToken: 'nexttoken' } });
        expect(t.records('HeldReleaseLog')).toEqual([
            {
                id: 'eNoNjt0KgjAYQN9l10HTDCvow...',
                released: '2024-10-28T14:18:43.000Z',
                status: 'rejected',
                subject: 'ERisk Essentials',
                fromEnv: 'erisk@pilot-meadow.b41.one',
                fromHdr: 'erisk@pilot-meadow.b41.one',
                to: ['vkamins@demo-int.elastic.mime-api.com'],
                operator: 'vkamins@demo-int.elastic.mime-api.com',
                heldReason: 'Default Spam Scanning Definition',
                rejectReason: 'Message goes against email policies',
                policy: 'Default Spam Scanning Definition',
                detectionLevel: 'relaxed',
                route: 'inbound',
                size: 7473,
                spamScore: 9,
                attachments: false,
                messageInfo: 'Graymail'
            },
            expect.objectContaining({
                id: 'eNoNzssKgkAYQOF3mbVQmqIJL...',
                status: 'released',
                released: '2024-10-28T14:18:32.000Z',
                heldReason: 'Default Spam Scanning Definition',
                operator: 'craig.dean@demo-int.elastic.mime-api.com'
            })
        ]);
        expect(t.records('HeldReleaseLog').every((r) => !('reason' in r))).toBe(true);
    });

    it('saves the published record that has no `released` (without it) and completes the window instead of stopping on it', async () => {
        const records = fixture<Record<string, unknown>[]>('held-release-logs.elastic-pipeline-records');
        const expired = records.find((r) => !('released' in r))!;
        const { t } = await replayLogSync('held-release-logs', PATH, [wrappedPage('heldReleaseLogs', [expired])]);
        expect(t.records('HeldReleaseLog')).toEqual([
            {
                id: 'eNpVj21LhEAUhf_LfN2VnRl1RpclCN...',
                status: 'released',
                subject: "Exclusive Offer - You don't want to miss this!",
                fromEnv: 'from_user@from_domain.tld',
                fromHdr: 'from_user@from_domain.tld',
                to: ['to_user@to_domain.tld'],
                operator: 'admin@domain.tld',
                heldReason: 'High-Confidence Impersonation Protection',
                rejectReason: 'Message contains undesirable content',
                policy: 'Moderate Spam Detection',
                heldGroup: 'IT Staff Global',
                detectionLevel: 'moderate',
                route: 'outbound',
                size: 5043,
                spamScore: 12,
                attachments: true,
                messageInfo: 'Expired in queue - rejected by housekeeping'
            }
        ]);
        // The cursor moved past the window: the next run does not ask for it again.
        expect(t.checkpoint('held-release-logs')).toMatchObject({ windowStart: '', pageToken: '' });
    });

    it("reads the pipeline records' release time with a colon offset (+00:00) as ISO UTC", async () => {
        const records = fixture<Record<string, unknown>[]>('held-release-logs.elastic-pipeline-records');
        const { t } = await replayLogSync('held-release-logs', PATH, [wrappedPage('heldReleaseLogs', records.slice(0, 1))]);
        expect(t.records('HeldReleaseLog')).toEqual([
            expect.objectContaining({ released: '2015-11-25T14:49:18.000Z', to: ['to_user@to_domain.tld'], operator: 'admin@domain.tld' })
        ]);
    });
});

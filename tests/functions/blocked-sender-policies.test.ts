import nock from 'nock';

import { createTestHost, envelope, failEnvelope, mockToken, TEST_BASE } from '../harness.js';

const PATH = '/api/policy/blockedsenders/get-policy';

/** A policy as Mimecast answers it: values in from/to objects, open-ended dates as 1900/2100. */
function policy(id: string, extra: Record<string, unknown> = {}, top: Record<string, unknown> = {}) {
    return {
        id,
        option: 'block_sender',
        policy: {
            description: `policy ${id}`,
            fromPart: 'both',
            from: { type: 'email_domain', emailDomain: 'fraud.example.net' },
            to: { type: 'everyone' },
            fromType: 'email_domain',
            fromValue: 'fraud.example.net',
            toType: 'everyone',
            fromEternal: true,
            toEternal: true,
            fromDate: '1900-01-01T00:00:00+0000',
            toDate: '2100-01-01T23:59:59+0000',
            override: false,
            bidirectional: false,
            conditions: {},
            enabled: true,
            enforced: false,
            createTime: '2024-06-06T08:18:34+0000',
            lastUpdated: '2024-06-07T09:00:00+0000',
            ...extra
        },
        ...top
    };
}

describe('sync blocked-sender-policies', () => {
    it('lists every policy with data: [] and flattens it, omitting open-ended dates', async () => {
        const t = createTestHost();
        mockToken();
        const api = nock(TEST_BASE)
            .post(PATH, { data: [] })
            .reply(
                200,
                envelope([
                    policy('p1'),
                    // Values only in the from/to objects, bounded dates, times at the top level.
                    policy(
                        'p2',
                        {
                            from: { type: 'individual_email_address', emailAddress: 'payroll@provider.example.com' },
                            to: { type: 'profile_group', groupId: 'grp-1' },
                            fromType: undefined,
                            fromValue: undefined,
                            toType: undefined,
                            fromEternal: false,
                            toEternal: false,
                            fromDate: '2026-01-01T00:00:00+0000',
                            toDate: '2026-12-31T23:59:59+0000',
                            comment: 'exception',
                            createTime: undefined,
                            lastUpdated: undefined
                        },
                        { option: 'no_action', createTime: '2025-06-01T09:30:00+0000', lastUpdated: '2025-06-02T09:30:00+0000' }
                    )
                ])
            );

        await t.runSync('blocked-sender-policies');

        expect(api.isDone()).toBe(true);
        expect(t.records('BlockedSenderPolicy')).toEqual([
            {
                id: 'p1',
                description: 'policy p1',
                option: 'block_sender',
                fromPart: 'both',
                fromType: 'email_domain',
                fromValue: 'fraud.example.net',
                toType: 'everyone',
                bidirectional: false,
                enabled: true,
                enforced: false,
                override: false,
                createTime: '2024-06-06T08:18:34.000Z',
                lastUpdated: '2024-06-07T09:00:00.000Z'
            },
            {
                id: 'p2',
                description: 'policy p2',
                option: 'no_action',
                fromPart: 'both',
                fromType: 'individual_email_address',
                fromValue: 'payroll@provider.example.com',
                toType: 'profile_group',
                toValue: 'grp-1',
                bidirectional: false,
                enabled: true,
                enforced: false,
                override: false,
                comment: 'exception',
                fromDate: '2026-01-01T00:00:00.000Z',
                toDate: '2026-12-31T23:59:59.000Z',
                createTime: '2025-06-01T09:30:00.000Z',
                lastUpdated: '2025-06-02T09:30:00.000Z'
            }
        ]);
    });

    it('deletes a policy missing from the next run', async () => {
        const t = createTestHost();
        mockToken();
        nock(TEST_BASE)
            .post(PATH)
            .reply(200, envelope([policy('p1'), policy('p2')]));
        await t.runSync('blocked-sender-policies');

        nock(TEST_BASE)
            .post(PATH)
            .reply(200, envelope([policy('p2')]));
        const second = await t.runSync('blocked-sender-policies');

        expect(second.models['BlockedSenderPolicy']).toMatchObject({ deleted: 1 });
        expect(t.records('BlockedSenderPolicy').map((r) => r['id'])).toEqual(['p2']);
    });

    it('fails on fail[] without deleting anything', async () => {
        const t = createTestHost();
        mockToken();
        nock(TEST_BASE)
            .post(PATH)
            .reply(200, envelope([policy('p1')]));
        await t.runSync('blocked-sender-policies');

        nock(TEST_BASE).post(PATH).reply(200, failEnvelope('err_forbidden', 'Permission denied'));
        await expect(t.runSync('blocked-sender-policies')).rejects.toThrow(/err_forbidden/);
        expect(t.records('BlockedSenderPolicy').map((r) => r['id'])).toEqual(['p1']);
    });
});

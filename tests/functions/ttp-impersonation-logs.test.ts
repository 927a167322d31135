import { describeLogSync } from './log-sync-cases.js';

const raws: [Record<string, unknown>, Record<string, unknown>] = [
    {
        id: 'MTOKEN:imp-1',
        senderName: 'Chief Executive',
        senderIpAddress: '198.51.100.7',
        recipientAddress: 'alice@example.com',
        subject: 'Urgent payment',
        definition: 'Default Impersonation Definition',
        hits: 3,
        identifiers: ['similar_internal_domain', 'internal_user_name', 'mentions_payment'],
        action: 'hold',
        taggedExternal: true,
        taggedMalicious: true,
        senderAddress: 'ceo@examp1e.com',
        eventTime: '2026-11-20T10:00:00+0000',
        impersonationResults: [{ impersonationDomainSource: 'similar_internal_domain', stringSimilarToDomain: 'examp1e.com' }],
        messageId: '<i1@examp1e.com>'
    },
    {
        id: 'MTOKEN:imp-2',
        senderAddress: 'hr@fabrikam.example',
        eventTime: '2026-11-19T08:30:15+0000',
        hits: 1,
        identifiers: [],
        taggedMalicious: false,
        impersonationResults: []
    }
];

describeLogSync({
    sync: 'ttp-impersonation-logs',
    model: 'ImpersonationLog',
    path: '/api/ttp/impersonation/get-logs',
    from: 'from',
    to: 'to',
    key: 'impersonationLogs',
    raws,
    expected: [
        { ...raws[0], eventTime: '2026-11-20T10:00:00.000Z' },
        { id: 'MTOKEN:imp-2', senderAddress: 'hr@fabrikam.example', eventTime: '2026-11-19T08:30:15.000Z', hits: 1, taggedMalicious: false } // empty lists (identifiers, impersonationResults) are not saved
    ]
});

import { contentId } from '../../integrations/mimecast/helpers/records.js';
import { describeLogSync } from './log-sync-cases.js';

const click = (over: Record<string, unknown>) => ({
    userEmailAddress: 'alice@example.com',
    fromUserEmailAddress: 'billing@fabrikam.example',
    url: 'https://docs.fabrikam.example/share/1',
    ttpDefinition: 'Default URL Protection Definition',
    subject: 'Invoice',
    action: 'allow',
    adminOverride: 'N/A',
    userOverride: 'None',
    scanResult: 'clean',
    category: 'Business',
    sendingIp: '192.0.2.10',
    userAwarenessAction: 'n/a',
    date: '2026-11-20T10:00:00+0000',
    actions: 'Allowed',
    route: 'inbound',
    creationMethod: 'User Click',
    emailPartsDescription: ['Body'],
    messageId: '<m1@example.com>',
    ...over
});
const raws: [Record<string, unknown>, Record<string, unknown>] = [
    click({}),
    click({
        url: 'http://invoice-portal.example/view/2',
        action: 'block',
        scanResult: 'malicious',
        category: 'Phishing & Fraud',
        userOverride: '',
        date: '2026-11-19T08:30:15+0000'
    })
];
const { date: _d0, ...rest0 } = raws[0];
const { date: _d1, userOverride: _u1, ...rest1 } = raws[1];

describeLogSync({
    sync: 'ttp-url-logs',
    model: 'ClickLog',
    path: '/api/ttp/url/get-logs',
    from: 'from',
    to: 'to',
    key: 'clickLogs',
    raws,
    expected: [
        { id: contentId('ClickLog', raws[0]), date: '2026-11-20T10:00:00.000Z', ...rest0 },
        { id: contentId('ClickLog', raws[1]), date: '2026-11-19T08:30:15.000Z', ...rest1 }
    ]
});

describe('contentId', () => {
    it('is stable, independent of key order, and differs when any field differs', () => {
        const a = contentId('ClickLog', { url: 'u', date: 'd', n: [1, { b: 2, a: 1 }] });
        expect(contentId('ClickLog', { n: [1, { a: 1, b: 2 }], date: 'd', url: 'u' })).toBe(a);
        expect(contentId('ClickLog', { url: 'u', date: 'd', n: [1, { b: 2, a: 2 }] })).not.toBe(a);
        expect(contentId('DlpLog', { url: 'u', date: 'd', n: [1, { b: 2, a: 1 }] })).not.toBe(a);
        expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    });
});

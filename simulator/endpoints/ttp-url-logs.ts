import { DAY_MS, type SeriesSpec } from '../data.js';
import { formatDate } from '../envelope.js';
import { externalAddress, internalAddress, ipAddress, logEndpoint, messageId, subject } from './log-endpoint.js';

/** One click on a rewritten link (URL Protect). Real click logs carry no id. */
export interface ClickLog {
    userEmailAddress: string;
    fromUserEmailAddress: string;
    url: string;
    ttpDefinition: string;
    subject: string;
    action: string;
    adminOverride: string;
    userOverride: string;
    scanResult: string;
    category: string;
    sendingIp: string;
    userAwarenessAction: string;
    date: string;
    actions: string;
    route: string;
    creationMethod: string;
    emailPartsDescription: string[];
    messageId: string;
    /** The scanners' verdict details, keyed by scanner (published samples: UrlReputationScan, DangerousFileExt). */
    tagMap: { UrlReputationScan: { Status: string[]; Type: string[]; UrlBlock: string[]; Url: string[] } };
}

const SITES = [
    'https://docs.fabrikam.example/share/{n}',
    'https://login-microsoftonline.example/auth?session={n}',
    'http://invoice-portal.example/view/{n}',
    'https://cdn.northwind-traders.example/files/report-{n}.pdf',
    'https://bit.example/{n}',
    'https://news.contoso-mail.example/article/{n}'
];
const VERDICTS = [
    { scanResult: 'clean', action: 'allow', category: 'Business', weight: 70 },
    { scanResult: 'clean', action: 'allow', category: 'News and Media', weight: 10 },
    { scanResult: 'malicious', action: 'block', category: 'Phishing & Fraud', weight: 8 },
    { scanResult: 'malicious', action: 'block', category: 'Malware', weight: 4 },
    { scanResult: 'suspicious', action: 'warn', category: 'Uncategorized', weight: 8 }
];

export const clickLogs: SeriesSpec<ClickLog> = {
    name: 'clickLogs',
    defaultSize: 5_000,
    retentionMs: 30 * DAY_MS,
    make({ id, time, rng }) {
        const verdict = rng.weighted(VERDICTS);
        const inbound = rng.int(10) < 9;
        const url = rng.pick(SITES).replace('{n}', String(rng.int(1_000_000)));
        const blocked = verdict.action === 'block';
        return {
            userEmailAddress: internalAddress(rng),
            fromUserEmailAddress: inbound ? externalAddress(rng) : internalAddress(rng),
            url,
            ttpDefinition: 'Default URL Protection Definition',
            subject: subject(rng),
            action: verdict.action,
            adminOverride: 'N/A',
            userOverride: verdict.action === 'warn' ? rng.pick(['None', 'Continue']) : 'None',
            scanResult: verdict.scanResult,
            category: verdict.category,
            sendingIp: ipAddress(rng),
            userAwarenessAction: verdict.action === 'warn' ? rng.pick(['Continue', 'Cancel']) : 'n/a',
            date: formatDate(time),
            actions: verdict.action === 'block' ? 'Blocked' : 'Allowed',
            route: inbound ? 'inbound' : 'internal',
            creationMethod: 'User Click',
            emailPartsDescription: ['Body'],
            messageId: messageId(id),
            tagMap: {
                UrlReputationScan: {
                    Status: ['CustomerAll', blocked ? 'VerdictBlock' : 'VerdictAllow'],
                    Type: [verdict.category],
                    UrlBlock: blocked ? [`ORIGINAL:${url} (Blocked as ${verdict.category.toUpperCase()})`] : [],
                    Url: [url]
                }
            }
        };
    }
};

export default logEndpoint({
    path: '/api/ttp/url/get-logs',
    spec: clickLogs,
    from: 'from',
    to: 'to',
    key: 'clickLogs',
    filter(v) {
        const scanResult = v.string('scanResult', { oneOf: ['clean', 'malicious', 'all'] });
        return scanResult === undefined || scanResult === 'all' ? undefined : (r) => r.scanResult === scanResult;
    }
});

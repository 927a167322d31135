// siem-ci-events against the published Cloud Integrated records (Elastic's pipeline test data: 20 records of
// tenant AUS2474, entities and mailflow, and the sample record of Elastic's docs). No published body shows
// the CI stream's envelope, so the records are served in the CG stream's (value[], @nextPage, isCaughtUp).
import { contentId } from '../../integrations/mimecast/helpers/records.js';
import { SIEM_CI_PROMOTED, SIEM_CI_RENAMED } from '../ocsf/records.js';
import { fixtureLines } from './fixtures.js';
import { replaySiemStreamPage, warnings } from './log-replay.js';

type Json = Record<string, unknown>;
const published = fixtureLines<Json>('siem-ci-batch-records.elastic-pipeline.ndjson');

const isEmpty = (value: unknown) => value === null || value === '' || (Array.isArray(value) && value.length === 0);

async function syncPublished(): Promise<Json[]> {
    const t = await replaySiemStreamPage('siem-ci-events', '/siem/v1/events/ci', published);
    expect(warnings(t)).toEqual([]);
    return t.records('SiemCiEvent');
}

describe('contract: siem-ci-events', () => {
    it('saves every published record once, under its content id', async () => {
        expect(published).toHaveLength(21);
        const saved = await syncPublished();
        expect(saved.map((r) => r['id'])).toEqual(published.map((raw) => contentId('SiemCiEvent', raw)));
    });

    it('saves an entities record whole: policies as {name, action, mode}, tags null left out, the message fields under details', async () => {
        const [saved] = await syncPublished();
        expect(saved).toEqual({
            id: contentId('SiemCiEvent', published[0]),
            type: 'entities',
            subtype: 'NO_DETECTIONS',
            timestamp: '2024-11-27T16:20:25.453Z',
            accountId: 'AUS2474',
            aggregateId: '4Xz4RX59R6z84lm-ip3sazqogbn7c5haarz3ydiaeg_1732724425',
            processingId: '127b2e8d1334f481d9dda0fe16530c1de6aede980e5313957516c6adddefddbc_1732724425',
            partition: '53',
            offset: '1825747',
            direction: 'INBOUND',
            threatState: 'DELIVERY_IN_PROGRESS',
            threatType: 'NO_DETECTIONS',
            policiesApplied: [{ name: 'Default O365 Mail policy', action: 'DO_NOTHING', mode: 'ACTIVE' }],
            source: 'OFFICE_365_MAIL',
            details: {
                attachments: ['1-MB-Test_PCI-PII.xls'],
                historicalMail: false,
                messageId: '<38989264-3456-4301-b2f9-22b8c78289db@SJ0PR18MB4090.namprd18.prod.outlook.com>',
                recipients: ['darron.giron@demovation-ci.b41.one'],
                senderHeader: 'MicrosoftExchange329e71ec88ae4615bbc36ab6ce41109e@mc-ci.b41.one',
                senderIp: '81.2.69.144',
                subject: 'Undeliverable: Book Request'
            }
        });
    });

    it("keeps a blocked message's verdict and tags, a mailflow record's authResults, and policies with a null action and mode", async () => {
        const saved = await syncPublished();
        const malware = saved.find((r) => r['threatType'] === 'MALWARE');
        expect(malware).toMatchObject({
            threatState: 'BLOCKED',
            subtype: 'MALWARE',
            tags: ['MALWARE'],
            policiesApplied: [{ name: 'Default O365 Mail policy', action: 'BLOCK', mode: 'ACTIVE' }]
        });
        const mailflow = saved.filter((r) => r['type'] === 'mailflow');
        expect(mailflow).toHaveLength(10);
        expect(mailflow.every((r) => !('subtype' in r))).toBe(true);
        expect((mailflow[1]!['details'] as Json)['authResults']).toEqual([
            { aligned: true, result: 'pass', type: 'SPF' },
            { aligned: false, result: 'pass', type: 'DKIM' },
            // null is an empty value: left out, as everywhere (helpers/stream.ts finish).
            { result: 'fail', type: 'DMARC' }
        ]);
        const docsSample = saved[saved.length - 1]!;
        expect(docsSample).toMatchObject({
            direction: 'Inbound',
            tags: ['UNTRUSTWORTHY', 'SPAM'],
            policiesApplied: [{ name: 'Default O365 Mail policy' }, { name: 'Default O365 Mail policy' }]
        });
    });

    it('loses no published value: each non-empty key is on the record (renamed, promoted) or under details', async () => {
        const saved = await syncPublished();
        const lost = published.flatMap((raw, i) => {
            const record = saved[i]!;
            const details = (record['details'] ?? {}) as Json;
            return Object.entries(raw)
                .filter(([, value]) => !isEmpty(value))
                .filter(([key]) => {
                    const kept =
                        SIEM_CI_RENAMED[key] !== undefined ? record[SIEM_CI_RENAMED[key]] : SIEM_CI_PROMOTED.includes(key) ? record[key] : details[key];
                    return kept === undefined;
                })
                .map(([key]) => `${i}.${key}`);
        });
        expect(lost).toEqual([]);
    });
});

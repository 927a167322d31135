// SiemCiEvent in OCSF, from the published Cloud Integrated records (tests/contract/INDEX.md: Elastic's
// pipeline test data) run through the siem-ci-events sync with { "ocsf": true }: what a SIEM reading
// the saved records gets, and zero findings from the checker against the OCSF 1.8.0 definitions.
import { toOcsf } from '../../integrations/mimecast/helpers/ocsf.js';
import { fixtureLines } from '../contract/fixtures.js';
import { replaySiemStreamPage, warnings } from '../contract/log-replay.js';
import { describeWithShared, sharedPath } from '../shared.js';
import { OCSF_FILES, OcsfSchema } from './checker.js';
import * as R from './records.js';

type Json = Record<string, unknown>;
const published = fixtureLines<Json>('siem-ci-batch-records.elastic-pipeline.ndjson');

async function syncPublished(metadata: Json): Promise<Json[]> {
    const t = await replaySiemStreamPage('siem-ci-events', '/siem/v1/events/ci', published, metadata);
    expect(warnings(t)).toEqual([]);
    return t.records('SiemCiEvent');
}

/** The saved record of the published line at `index` (records are saved in the order served). */
const ocsfOf = (saved: Json[], index: number) => saved[index]!['ocsf'] as Json;

describe('SiemCiEvent in OCSF, through the sync', () => {
    let saved: Json[];
    beforeAll(async () => {
        saved = await syncPublished({ ocsf: true });
    });

    it('every entities record carries its OCSF event; mailflow records are saved without one', () => {
        expect(saved).toHaveLength(published.length);
        const kinds = saved.map((r) => [r['type'], 'ocsf' in r]);
        expect(kinds.filter(([type]) => type === 'entities')).toEqual(Array.from({ length: 11 }, () => ['entities', true]));
        expect(kinds.filter(([type]) => type === 'mailflow')).toEqual(Array.from({ length: 10 }, () => ['mailflow', false]));
        const { ocsf: _ocsf, ...mailflow } = saved[10]!;
        expect(() => toOcsf('SiemCiEvent', mailflow)).toThrow('no OCSF mapping for CI mailflow events (entities only)');
    });

    it('a clean message is Email Activity: Scan with its sender, recipient, attachment, source IP, outcome and policy', () => {
        expect(published[0]).toMatchObject({ threatType: 'NO_DETECTIONS', threatState: 'DELIVERY_IN_PROGRESS', senderEnvelope: '' });
        const event = ocsfOf(saved, 0);
        expect(event).toMatchObject({
            class_uid: 4009,
            activity_id: 3,
            type_uid: 400903,
            severity_id: 1,
            time: 1732724425453,
            direction_id: 1,
            direction: 'Inbound',
            email: {
                from: 'MicrosoftExchange329e71ec88ae4615bbc36ab6ce41109e@mc-ci.b41.one',
                to: ['darron.giron@demovation-ci.b41.one'],
                subject: 'Undeliverable: Book Request',
                message_uid: '<38989264-3456-4301-b2f9-22b8c78289db@SJ0PR18MB4090.namprd18.prod.outlook.com>',
                files: [{ name: '1-MB-Test_PCI-PII.xls', type_id: 1, ext: 'xls' }]
            },
            src_endpoint: { ip: '81.2.69.144' },
            message_trace_uid: '4Xz4RX59R6z84lm-ip3sazqogbn7c5haarz3ydiaeg_1732724425',
            action_id: 1,
            disposition_id: 1,
            policy: { name: 'Default O365 Mail policy' }
        });
        // The envelope sender is blank: no `from` rather than a wrong one.
        expect(event['from']).toBeUndefined();
        expect(event['metadata']).toMatchObject({
            log_name: 'SiemCiEvent',
            product: { feature: { name: 'Cloud Integrated' } },
            uid: saved[0]!['id'],
            event_code: 'entities',
            correlation_uid: '4Xz4RX59R6z84lm-ip3sazqogbn7c5haarz3ydiaeg_1732724425',
            tenant_uid: 'AUS2474',
            profiles: ['security_control']
        });
        // What OCSF has no place for keeps its Mimecast name: the verdict, every policy with its action and mode.
        expect(event['unmapped']).toMatchObject({
            threatType: 'NO_DETECTIONS',
            source: 'OFFICE_365_MAIL',
            policiesApplied: [{ name: 'Default O365 Mail policy', action: 'DO_NOTHING', mode: 'ACTIVE' }]
        });
    });

    it('blocked malware is a Detection Finding: High, an alert, Denied/Blocked, the message as evidence', () => {
        expect(published[4]).toMatchObject({ threatType: 'MALWARE', threatState: 'BLOCKED', senderHeader: '' });
        const event = ocsfOf(saved, 4);
        expect(event).toMatchObject({
            class_uid: 2004,
            activity_id: 1,
            severity_id: 4,
            is_alert: true,
            action_id: 2,
            disposition_id: 2,
            disposition: 'Blocked',
            finding_info: {
                uid: saved[4]!['id'],
                title: 'Cloud Integrated: MALWARE',
                types: ['MALWARE'],
                analytic: { name: 'Default O365 Mail policy', type: 'Rule' }
            },
            evidences: [
                {
                    // The header sender is blank: the envelope's names the sender.
                    email: { from: 'announcements@demovation-ci.b41.one', to: ['steve.january@demovation-ci.b41.one'], subject: 'Message from Node-RED' },
                    src_endpoint: { ip: '81.2.69.144' },
                    verdict: 'MALWARE'
                }
            ]
        });
        expect(event['unmapped']).not.toHaveProperty('threatType');
    });

    it('attachment names and tags are kept whole, a comma in a name included', () => {
        const raw = { ...published[4]!, attachments: ['Q1, Q2 report.xlsx', 'notes.txt'], tags: ['MALWARE', 'SPAM'] };
        const event = toOcsf('SiemCiEvent', R.siemCiEvent(raw));
        const evidence = (event['evidences'] as Json[])[0]!;
        expect((evidence['email'] as Json)['files']).toEqual([
            { name: 'Q1, Q2 report.xlsx', type_id: 1, ext: 'xlsx' },
            { name: 'notes.txt', type_id: 1, ext: 'txt' }
        ]);
        expect(event['finding_info']).toMatchObject({ types: ['MALWARE', 'SPAM'] });
    });

    it('a message with policies off is a Scan, delivered, its Mimecast tags kept unmapped', () => {
        expect(published[20]).toMatchObject({ threatType: 'POLICIES_DISABLED', threatState: 'DELIVERED', direction: 'Inbound' });
        const event = ocsfOf(saved, 20);
        expect(event).toMatchObject({ class_uid: 4009, activity_id: 3, direction_id: 1, action_id: 1, disposition: 'Allowed' });
        expect(event['unmapped']).toMatchObject({ threatType: 'POLICIES_DISABLED', tags: ['UNTRUSTWORTHY', 'SPAM'] });
    });

    it('without the flag no record has an ocsf key; the records the docs map (records.ts siemCiEvent) are the saved ones', async () => {
        const plain = await syncPublished({});
        expect(plain.map((r) => r['id'])).toEqual(saved.map((r) => r['id']));
        expect(plain.filter((r) => 'ocsf' in r)).toEqual([]);
        expect(published.map((raw) => R.siemCiEvent(raw))).toEqual(plain);
    });
});

describeWithShared('SiemCiEvent OCSF events hold to the OCSF 1.8.0 definitions', OCSF_FILES, () => {
    it('the checker finds nothing in the OCSF event of any published entities record', async () => {
        const schema = new OcsfSchema(sharedPath('reference/ocsf-1.8.0'));
        const events = (await syncPublished({ ocsf: true })).filter((r) => 'ocsf' in r).map((r) => r['ocsf'] as object);
        expect(events).toHaveLength(11);
        expect(events.flatMap((event) => schema.check(event))).toEqual([]);
    });
});

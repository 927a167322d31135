// Each model's records mapped to OCSF: the class and activity chosen, the key fields where a SIEM or
// a SOC analyst looks for them, and zero findings from the checker against the OCSF 1.8.0 definitions.
import { OCSF_MODELS, OcsfEventSchema, toOcsf } from '../../integrations/mimecast/helpers/ocsf.js';
import { finish } from '../../integrations/mimecast/helpers/stream.js';
import type { OcsfEvent } from '../../integrations/mimecast/helpers/ocsf.js';
import { describeWithShared, sharedPath } from '../shared.js';
import { OCSF_FILES, OcsfSchema } from './checker.js';
import * as R from './records.js';

describeWithShared('OCSF mappings of the log and SIEM models', OCSF_FILES, () => {
    let schema: OcsfSchema;
    beforeAll(() => {
        schema = new OcsfSchema(sharedPath('reference/ocsf-1.8.0'));
    });
    /** Maps and asserts the checker finds nothing. */
    const valid = (model: string, record: object): OcsfEvent => {
        const event = toOcsf(model, record);
        expect(schema.check(event)).toEqual([]);
        expect(event.metadata).toMatchObject({ version: '1.8.0', product: { name: 'Mimecast Email Security', vendor_name: 'Mimecast' }, log_name: model });
        return event;
    };
    const evidence = (event: OcsfEvent) => (event['evidences'] as Record<string, unknown>[])[0]!;

    it('dispatches every mapped model and refuses an unknown one', () => {
        expect(OCSF_MODELS).toEqual([
            'AuditEvent',
            'ClickLog',
            'AttachmentLog',
            'ImpersonationLog',
            'DlpLog',
            'HeldReleaseLog',
            'ArchiveSearchLog',
            'ArchiveViewLog',
            'SiemEvent',
            'SiemBatchEvent',
            'SiemCiEvent'
        ]);
        expect(() => toOcsf('SiemGap', { id: 'x' })).toThrow('no OCSF mapping for model SiemGap');
        // A record whose time the mapper cannot read (the stream reader would have skipped it).
        const undated = { ...R.auditEvent(R.AUDIT_RAW.logon), eventTime: 'yesterday' };
        expect(() => toOcsf('AuditEvent', undated)).toThrow(/unreadable date|no readable time/);
        expect(finish('AuditEvent', undated, { ocsf: true }).ocsfFailure).toMatch(/^(unreadable date|no readable time)$/);
    });

    it('finish adds the OCSF event as `ocsf` only when the metadata says ocsf: true, and keeps a record it cannot map', () => {
        const good = R.dlpLog(R.DLP_RAW.held);
        const rendered = finish('DlpLog', good, { ocsf: true });
        const event = (rendered.record as typeof good & { ocsf?: object }).ocsf;
        expect(rendered).toEqual({ record: { ...finish('DlpLog', good, {}).record, ocsf: toOcsf('DlpLog', good) } });
        expect(OcsfEventSchema.parse(event)).toEqual(event);
        expect(schema.check(event!)).toEqual([]);
        expect(finish('DlpLog', good, {}).record).not.toHaveProperty('ocsf');
        expect(finish('DlpLog', good, { ocsf: 'yes' }).record).not.toHaveProperty('ocsf');
        expect(finish('SiemGap', { id: 'g', from: 'a' }, { ocsf: true })).toEqual({ record: { id: 'g', from: 'a' } });
        const bad = { ...good, id: 'bad', eventTime: 'not a date' };
        expect(finish('DlpLog', bad, { ocsf: true })).toEqual({ record: finish('DlpLog', bad, {}).record, ocsfFailure: 'no readable time' });
    });

    describe('AuditEvent', () => {
        it('logons are Authentication: Logon with the user, source IP, application and outcome', () => {
            const ok = valid('AuditEvent', R.auditEvent(R.AUDIT_RAW.logon));
            expect(ok).toMatchObject({
                class_uid: 3002,
                activity_id: 1,
                type_uid: 300201,
                status_id: 1,
                severity_id: 1,
                time: Date.parse('2021-10-11T17:17:30Z')
            });
            expect(ok).toMatchObject({
                user: { name: 'johndoe@example.com', email_addr: 'johndoe@example.com', full_name: 'John Doe' },
                src_endpoint: { ip: '67.43.156.15' },
                service: { name: 'Administration Console' },
                is_mfa: true
            });
            expect(ok['metadata']).toMatchObject({ event_code: 'User Logged On', uid: R.AUDIT_RAW.logon.id });

            const failed = valid('AuditEvent', R.auditEvent(R.AUDIT_RAW.failedLogon));
            expect(failed).toMatchObject({
                class_uid: 3002,
                activity_id: 1,
                status_id: 2,
                status: 'Failure',
                status_detail: 'Wrong password',
                severity_id: 2,
                service: { name: 'mimecast-moa' }
            });

            const challenge = valid('AuditEvent', R.auditEvent(R.AUDIT_RAW.challenge));
            expect(challenge).toMatchObject({ class_uid: 3002, status_id: 99, status: 'Challenge' });
        });

        it('a password change is Account Change: Password Change of the named user', () => {
            const event = valid('AuditEvent', R.auditEvent(R.AUDIT_RAW.passwordChanged));
            expect(event).toMatchObject({ class_uid: 3001, activity_id: 3, type_uid: 300103, user: { email_addr: 'johndoe@example.com' } });
            // "Remote IP is null": no source endpoint rather than a wrong one.
            expect(event['src_endpoint']).toBeUndefined();
        });

        it('other administrative actions are API Activity with the verb as activity and the actor and IP', () => {
            const deleted = valid('AuditEvent', R.auditEvent(R.AUDIT_RAW.folderDeleted));
            expect(deleted).toMatchObject({
                class_uid: 6003,
                activity_id: 4,
                actor: { user: { email_addr: 'johndoe@example.com' } },
                api: { operation: 'Folder Log Entry', service: { name: 'Administration Console' } },
                src_endpoint: { ip: '67.43.156.15' }
            });
            expect(deleted['unmapped']).toEqual({ category: 'profile_group_logs' });
            expect(valid('AuditEvent', R.auditEvent(R.AUDIT_RAW.remediationCreated))).toMatchObject({ class_uid: 6003, activity_id: 3 });
            expect(valid('AuditEvent', R.auditEvent(R.AUDIT_RAW.messageViewed))).toMatchObject({
                class_uid: 6003,
                activity_id: 2,
                api: { service: { name: 'mimecast-case-review' } }
            });
            // A system event (user ''): Mimecast itself is the actor and the source.
            const sync = valid('AuditEvent', R.auditEvent(R.AUDIT_RAW.directorySync));
            expect(sync).toMatchObject({
                class_uid: 6003,
                activity_id: 3,
                actor: { app_name: 'Mimecast' },
                src_endpoint: { name: 'Mimecast' },
                message: 'No changes found.'
            });
        });
    });

    describe('ClickLog', () => {
        it('is a Detection Finding on the clicked URL with the verdict, the action and the definition', () => {
            const blocked = valid('ClickLog', R.clickLog(R.CLICK_RAW.blocked));
            expect(blocked).toMatchObject({
                class_uid: 2004,
                activity_id: 1,
                type_uid: 200401,
                severity_id: 4,
                is_alert: true,
                action_id: 2,
                disposition_id: 2,
                disposition: 'Blocked',
                policy: { name: 'Default URL Protection Definition' }
            });
            expect(evidence(blocked)).toMatchObject({
                url: {
                    url_string: 'http://invoice-portal.example:8080/view/2?ref=mail',
                    scheme: 'http',
                    hostname: 'invoice-portal.example',
                    port: 8080,
                    path: '/view/2',
                    query_string: 'ref=mail',
                    categories: ['Phishing & Fraud']
                },
                user: { email_addr: 'alice@example.com' },
                email: { from: 'billing@fabrikam.example', to: ['alice@example.com'], subject: 'Invoice', message_uid: '<m1@example.com>' },
                verdict: 'malicious'
            });
            expect(blocked['metadata']).toMatchObject({ profiles: ['security_control'] });
            expect(blocked['unmapped']).toMatchObject({ action: 'block', sendingIp: '192.0.2.10', route: 'inbound', creationMethod: 'User Click' });

            // "warn" (the user was warned and may go on): observed with an alert, not blocked.
            const warned = valid('ClickLog', R.clickLog(R.CLICK_RAW.warned));
            expect(warned).toMatchObject({ action_id: 3, disposition_id: 19, severity_id: 4 });
            expect(warned['unmapped']).toMatchObject({ sendingIp: 'Internal IP' });

            const clean = valid('ClickLog', R.clickLog(R.CLICK_RAW.clean));
            expect(clean).toMatchObject({ severity_id: 1, is_alert: false, action_id: 1, disposition_id: 1 });
        });
    });

    describe('AttachmentLog', () => {
        it('is a Detection Finding on the file, with the detection as malware and the hash when given', () => {
            const bad = valid('AttachmentLog', R.attachmentLog(R.ATTACHMENT_RAW.malicious));
            expect(bad).toMatchObject({
                class_uid: 2004,
                severity_id: 4,
                is_alert: true,
                disposition_id: 2,
                malware: [{ name: 'Macro.Downloader', classification_ids: [6] }]
            });
            expect(evidence(bad)).toMatchObject({
                file: { name: 'invoice_1234.xlsm', type_id: 1, mime_type: 'application/vnd.ms-excel.sheet.macroEnabled.12', ext: 'xlsm' },
                email: { from: 'billing@fabrikam.example', to: ['alice@example.com'], files: [{ name: 'invoice_1234.xlsm' }] }
            });
            const safe = valid('AttachmentLog', R.attachmentLog(R.ATTACHMENT_RAW.safe));
            expect(safe).toMatchObject({ severity_id: 1, is_alert: false, disposition_id: 1, policy: { name: 'Inbound - Safe file with On-Demand Sandbox' } });
            expect(evidence(safe)).toMatchObject({
                file: {
                    name: 'numbers.pdf',
                    hashes: [{ algorithm_id: 3, algorithm: 'SHA-256', value: 'eaeef09b60a59b913e9bfc0a4373e25d6182beff388957473fba517cc09345e3' }]
                },
                // The null sender "<>" is not an address: it is kept as the From mailbox text.
                email: { from_mailbox: '<>', to: ['johndoe@example.com'], subject: 'Important Updated Numbers from the Center for Disease Control' }
            });
            expect(safe['malware']).toBeUndefined();
        });
    });

    describe('ImpersonationLog', () => {
        it('is a Detection Finding on the message with the sender IP, the identifiers hit and the action', () => {
            const held = valid('ImpersonationLog', R.impersonationLog(R.IMPERSONATION_RAW.held));
            expect(held).toMatchObject({
                class_uid: 2004,
                severity_id: 4,
                is_alert: true,
                action_id: 2,
                disposition_id: 3,
                disposition: 'Quarantined',
                policy: { name: 'IP - 2 hits (Hold for Review / User Hold)' }
            });
            expect(held['finding_info']).toMatchObject({
                uid: R.IMPERSONATION_RAW.held.id,
                types: ['Impersonation Protect', 'targeted_threat_dictionary', 'internal_user_name']
            });
            expect(evidence(held)).toMatchObject({
                email: { from: 'johndoe@mimecast.com', to: ['johndoe@example.com'], subject: 'RE: MSP Sales of Managed E2E' },
                src_endpoint: { ip: '67.43.156.15' }
            });
            expect(held['unmapped']).toMatchObject({ hits: 2, taggedMalicious: true, impersonationResults: expect.any(Array) });

            const lookalike = valid('ImpersonationLog', R.impersonationLog(R.IMPERSONATION_RAW.lookalike));
            expect(lookalike).toMatchObject({ severity_id: 3, is_alert: false });
            expect(evidence(lookalike)).toMatchObject({
                email: { from: 'ceo@examp1e.com', from_mailbox: 'Chief Executive <ceo@examp1e.com>' },
                src_endpoint: { ip: '198.51.100.7' }
            });
        });
    });

    describe('DlpLog', () => {
        it('is a Detection Finding on the message with the policy and the action', () => {
            const held = valid('DlpLog', R.dlpLog(R.DLP_RAW.held));
            expect(held).toMatchObject({ class_uid: 2004, severity_id: 3, disposition_id: 3, policy: { name: 'Confidential' } });
            expect(evidence(held)).toMatchObject({
                email: {
                    from: 'kay.mann@demo-int.elastic.mime-api.com',
                    to: ['cbrashear@demo-visionary.b41.one'],
                    message_uid: '<ee36704d0e84b012-226716@hapi.b41.one>'
                }
            });
            expect(held['unmapped']).toMatchObject({ route: 'outbound' });
            expect(valid('DlpLog', R.dlpLog(R.DLP_RAW.notified))).toMatchObject({
                action_id: 3,
                disposition_id: 19,
                policy: { name: 'Content Inspection - Watermark' }
            });
        });
    });

    describe('HeldReleaseLog', () => {
        it('is Email Activity "Release" or "Reject" with the operator as actor and the outcome', () => {
            const rejected = valid('HeldReleaseLog', R.heldReleaseLog(R.HELD_RELEASE_RAW.rejected));
            expect(rejected).toMatchObject({
                class_uid: 4009,
                activity_id: 99,
                activity_name: 'Reject',
                type_uid: 400999,
                direction_id: 1,
                action_id: 2,
                disposition_id: 25,
                status_detail: 'Message contains undesirable content'
            });
            expect(rejected).toMatchObject({
                from: 'spam@contoso.example',
                email: { from: 'spam@contoso.example', to: ['bob@example.com'] },
                actor: { user: { email_addr: 'admin@example.com' } }
            });
            expect(rejected['metadata']).toMatchObject({ profiles: ['host', 'security_control'] });
            expect(rejected['unmapped']).toMatchObject({ reason: 'Spam Signature' });
        });

        it('reads released/rejected from status when the record has one (a released message can carry a rejectReason)', () => {
            const event = toOcsf('HeldReleaseLog', R.heldReleaseLog(R.HELD_RELEASE_RAW.released));
            expect(event).toMatchObject({
                activity_name: 'Release',
                action_id: 1,
                disposition_id: 9,
                disposition: 'Restored',
                direction_id: 1,
                actor: { user: { name: 'admin@domain.tld' } },
                policy: { name: 'Moderate Spam Detection' }
            });
            expect(event['unmapped']).toMatchObject({
                heldReason: 'High-Confidence Impersonation Protection',
                rejectReason: 'Message contains undesirable content',
                status: 'released'
            });
            // This published sample's addresses (from_user@from_domain.tld) are not email_t (an underscore in
            // the domain): they stay as mailbox text, and OCSF's "from or to" constraint is then unmet.
            expect(event['email']).toMatchObject({ from_mailbox: 'from_user@from_domain.tld', to_mailboxes: ['to_user@to_domain.tld'] });
            expect(schema.check(event)).toEqual([{ path: 'email', message: 'Email needs at least one of from, to' }]);
        });
    });

    describe('ArchiveSearchLog', () => {
        it('is API Activity: Read by the searching user, with the client and the search kept', () => {
            const admin = valid('ArchiveSearchLog', R.archiveSearchLog(R.ARCHIVE_RAW.admin));
            expect(admin).toMatchObject({
                class_uid: 6003,
                activity_id: 2,
                actor: { user: { email_addr: 'admin@example.com', type_id: 2 } },
                api: { operation: 'search', service: { name: 'Mimecast Cloud Archive' } },
                src_endpoint: { name: 'archive' }
            });
            expect(admin['unmapped']).toEqual({ searchText: 'invoice contract', searchReason: 'eDiscovery request' });
            expect(valid('ArchiveSearchLog', R.archiveSearchLog(R.ARCHIVE_RAW.user))).toMatchObject({
                actor: { user: { type_id: 1 } },
                src_endpoint: { name: 'Mimecast for Outlook' }
            });
        });
    });

    describe('ArchiveViewLog', () => {
        it('is API Activity: Read by the viewer, from its client, of the message it names', () => {
            const viewed = valid('ArchiveViewLog', R.archiveViewLog(R.ARCHIVE_VIEW_RAW.admin));
            expect(viewed).toMatchObject({
                class_uid: 6003,
                activity_id: 2,
                message: 'Archived message viewed by admin@example.com',
                actor: { user: { email_addr: 'admin@example.com' } },
                api: { operation: 'view', service: { name: 'Mimecast Cloud Archive' } },
                src_endpoint: { name: 'Archive Search' },
                resources: [{ type: 'email', name: 'Board minutes' }]
            });
            expect(viewed['unmapped']).toEqual({
                messageDate: '2026-10-01T08:00:00.000Z',
                from: 'ceo@example.com',
                to: 'legal@example.com',
                discoveryCase: true,
                contentViewed: true
            });
            // Listed, not opened: said so; without a subject there is nothing to name the resource by (OCSF needs a name or uid).
            const listed = valid('ArchiveViewLog', R.archiveViewLog(R.ARCHIVE_VIEW_RAW.listed));
            expect(listed).toMatchObject({ message: 'Archived message listed (content not opened) by bob@example.com' });
            expect(listed['resources']).toBeUndefined();
        });
    });

    describe('SiemEvent', () => {
        const both = (raw: Record<string, unknown>): OcsfEvent => {
            // The kind promoted (type/subtype, eventType/subType) or left in details: the same event either way.
            const promoted = valid('SiemEvent', R.siemEvent(raw));
            expect(valid('SiemEvent', R.siemEvent(raw, false))).toEqual(promoted);
            return promoted;
        };

        it('a SiemBatchEvent record maps as the SiemEvent one, under its own model name', () => {
            const record = R.siemEvent(R.SIEM_BATCH_RAW.receiptAccepted);
            const stream = valid('SiemEvent', record);
            const batch = valid('SiemBatchEvent', record);
            expect(batch).toEqual({ ...stream, metadata: { ...stream.metadata, log_name: 'SiemBatchEvent' } });
        });

        it('a receipt is Email Activity: Receive with sender, recipients, source IP, SPF/DKIM/DMARC and the trace id', () => {
            const accepted = both(R.SIEM_BATCH_RAW.receiptAccepted);
            expect(accepted).toMatchObject({
                class_uid: 4009,
                activity_id: 2,
                direction_id: 1,
                from: 'manintan@evaluation-fuzz.b41.one',
                email: {
                    from: 'manintan@evaluation-fuzz.b41.one',
                    to: ['boucard.john@demo-int.elastic.mime-api.com'],
                    subject: 'new information',
                    message_uid: '<ad3334051e9207bd-36579@hapi.b41.one>'
                },
                email_auth: { spf: 'ALLOW', dkim: 'UNKNOWN', dmarc: 'ALLOW' },
                src_endpoint: { ip: '81.2.69.144' },
                message_trace_uid: 'pZrAa9HUN-WmL2AK6cWduw_1731621818',
                action_id: 1,
                status_id: 1,
                time: 1731621865697
            });
            expect(accepted['metadata']).toMatchObject({
                correlation_uid: 'pZrAa9HUN-WmL2AK6cWduw_1731621818',
                tenant_uid: 'CUSB4A274',
                event_code: 'receipt'
            });
            expect(accepted['unmapped']).toMatchObject({ action: 'Acc', subType: 'Acc', spamScore: '21', tlsVersion: 'TLSv1.3', _offset: 72920 });

            const rejected = both(R.SIEM_BATCH_RAW.receiptRejected);
            expect(rejected).toMatchObject({
                activity_id: 2,
                action_id: 2,
                disposition_id: 25,
                status_id: 2,
                status_code: '550',
                status_detail: 'Envelope blocked - User Entry',
                severity_id: 2
            });
        });

        it('process, delivery and journal events are Scan, Send and Other "Journal"', () => {
            const held = both(R.SIEM_BATCH_RAW.processHeld);
            expect(held).toMatchObject({
                activity_id: 3,
                action_id: 2,
                disposition_id: 3,
                status_detail: 'Spm',
                email: { from: 'oasissupport@demo-visionary.b41.one', size: 4170 }
            });
            const accepted = both(R.SIEM_BATCH_RAW.processAccepted);
            expect(accepted).toMatchObject({
                activity_id: 3,
                disposition_id: 1,
                email: { files: [{ name: 'attach-c567a248-467f-415f-b1ca-da6fde82347a.pdf', type_id: 1, ext: 'pdf' }] }
            });
            const delivered = both(R.SIEM_BATCH_RAW.delivery);
            expect(delivered).toMatchObject({
                activity_id: 1,
                status_id: 1,
                attempt: 1,
                dst_endpoint: { ip: '81.2.69.144' },
                email: { to: ['richard.costigan@demo-int.elastic.mime-api.com'] }
            });
            expect(delivered['action_id']).toBeUndefined();
            expect(both(R.SIEM_BATCH_RAW.journal)).toMatchObject({ activity_id: 99, activity_name: 'Journal', type_uid: 400999, direction_id: 3 });
        });

        it('verdict events are Detection Findings with the file hashes, the URL category or the sender IP', () => {
            const ap = both(R.SIEM_BATCH_RAW.attachmentProtect);
            expect(ap).toMatchObject({ class_uid: 2004, activity_id: 1 });
            expect(evidence(ap)).toEqual({
                file: {
                    name: 'WinZip Attachments.zip',
                    type_id: 1,
                    ext: 'zip',
                    hashes: [
                        { algorithm_id: 1, algorithm: 'MD5', value: 'baab79394970762f6ccefff87e0884ac' },
                        { algorithm_id: 2, algorithm: 'SHA-1', value: '08a3037782976df0defbc4f0650d647b8696e18c' },
                        { algorithm_id: 3, algorithm: 'SHA-256', value: '2184a906a8f705269be0ed65b25c0ecde9cd3bbe0bdadbe1e86492a7ce073c32' }
                    ]
                }
            });
            const iep = both(R.SIEM_BATCH_RAW.internalEmailProtect);
            expect(iep).toMatchObject({ class_uid: 2004, severity_id: 4, is_alert: true });
            expect(iep['finding_info']).toMatchObject({ title: 'Internal Email Protect: Blocked URL Category', types: ['Internal Email Protect'] });
            const spam = both(R.SIEM_BATCH_RAW.spam);
            expect(spam).toMatchObject({ class_uid: 2004, severity_id: 2 });
            expect(evidence(spam)).toMatchObject({
                src_endpoint: { ip: '81.2.69.144' },
                email: { from: 'nikep@arcadia-group.b41.one', subject: 'Weekly Report' }
            });
        });

        it('reads a stream event (eventType/subType) like a batch one', () => {
            const event = both(R.SIEM_STREAM_RAW.receipt);
            expect(event).toMatchObject({
                class_uid: 4009,
                activity_id: 2,
                action_id: 1,
                src_endpoint: { ip: '123.123.123.123' },
                message_trace_uid: 'aggregateId',
                time: 1689685338597
            });
            expect(event['metadata']).toMatchObject({ event_code: 'receipt' });
            // "Spam Processing Detail" is not JSON: kept as it came.
            expect(event['unmapped']).toMatchObject({ subType: 'Allow', spamProcessingDetail: 'Spam Processing Detail' });
        });
    });
});

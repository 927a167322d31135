// Realistic records of each model for the OCSF and message-trace tests and the docs/ocsf.md page.
// Raw bodies are published ones (source named beside each) or the shapes the existing sync tests
// use; each is turned into the model record the way the sync's toRecord does (dates to ISO UTC,
// mailbox objects to addresses, blanks dropped), so the mappers see what Nango stores.
import { toIsoUtc } from '../../integrations/mimecast/helpers/dates.js';
import type {
    ArchiveSearchLogRecord,
    ArchiveViewLogRecord,
    AttachmentLogRecord,
    AuditEventRecord,
    ClickLogRecord,
    DlpLogRecord,
    HeldReleaseLogRecord,
    ImpersonationLogRecord,
    SiemEventRecord
} from '../../integrations/mimecast/helpers/ocsf.js';
import { contentId, optionalAddress } from '../../integrations/mimecast/helpers/records.js';
import { finish } from '../../integrations/mimecast/helpers/stream.js';
import { fixtureLines } from '../contract/fixtures.js';

type Raw = Record<string, unknown>;

/** Blank strings and nulls dropped, like the syncs' optionalString. */
function clean(raw: Raw): Raw {
    return Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== '' && v !== null && v !== undefined));
}

export function auditEvent(raw: Raw): AuditEventRecord {
    const r = clean(raw) as Record<string, string>;
    return {
        id: r['id']!,
        auditType: r['auditType']!,
        user: r['user'],
        eventTime: toIsoUtc(r['eventTime']!),
        eventInfo: r['eventInfo'],
        category: r['category']
    };
}

// elastic/integrations packages/mimecast/data_stream/audit_events/_dev/test/pipeline/test-audit-events.log
// (commit 0925aeac872639a9d8bafe210bcec8173d0d0dcd), verbatim lines.
export const AUDIT_RAW = {
    logon: {
        id: 'eNqrVipOTS4tSs1MUbJSivD0cisuyAirMgpxDy12dPNMMcn1zQlL89c2DXZ1C3eP9AyvijKL9I7Rd_WOzC0ztMg2dzFM1M73s6w09CqoDA1T0lFKLE3JLMnJTwcZaGxoaWxkamhiqKOUXFpckp-bWpScn5IKtMnZxMzR3BSovCy1qDgzP0_JyrAWADo9K8A',
        auditType: 'User Logged On',
        user: 'johndoe@example.com',
        eventTime: '2021-10-11T17:17:30+0000',
        eventInfo:
            'Successful authentication for johndoe@example.com <John Doe>, Date: 2021-10-11, Time: 18:17:30 BST, IP: 67.43.156.15, Application: Administration Console, Method: Two Step Auth, 2FA: TOTP',
        category: 'authentication_logs'
    },
    failedLogon: {
        id: 'eNqrVipOTS4tSs1MUbJSMvCrMHX2MzL1yLFITjJNd8rO9wiJyAlL89c2DXZ1C3eP9AyvijKL9I7Rd_WOzC0ztMg2dzFM1M73s6w09CqoDA1T0lFKLE3JLMnJTwcZaGxoaWxsaGRkoKOUXFpckp-bWpScn5IKtMnZxMzR3BSovCy1qDgzP0_JyrAWAPktKzg',
        auditType: 'Logon Authentication Failed',
        user: 'johndoe@example.com',
        eventTime: '2021-10-12T08:47:55+0000',
        eventInfo:
            'Failed authentication for johndoe@example.com <John Doe>, Date: 2021-10-12, Time: 09:47:55 BST, IP: 67.43.156.15, Application: mimecast-moa, Method: Office 365, Reason: Wrong password',
        category: 'authentication_logs'
    },
    challenge: {
        id: 'eNqrVipOTS4tSs1MUbJSSsos9DMJTPLyMA6NcCt2TA1OCwjLcwtL89c2DXZ1C3eP9AyvijKL9I7Rd_WOzC0ztMg2dzFM1M73s6w09CqoDA1T0lFKLE3JLMnJTwcZaGxoaWxkamhsqaOUXFpckp-bWpScn5IKtMnZxMzR3BSovCy1qDgzP0_JyrAWAC8tK60',
        auditType: 'Logon Requires Challenge',
        user: 'johndoe@example.com',
        eventTime: '2021-10-11T17:17:26+0000',
        eventInfo:
            'Intermediate authentication for johndoe@example.com <John Doe>, Date: 2021-10-11, Time: 18:17:26 BST, IP: 67.43.156.15, Application: Administration Console, Method: Office 365, 2FA: TOTP',
        category: 'authentication_logs'
    },
    passwordChanged: {
        id: 'eNqrVipOTS4tSs1MUbJSCtF28jc2DDLwd_d1NM7ULnLzdnPzdwtL89c2DXZ1C3eP9AyvijKL9I7Rd_WOzC0ztMg2dzFM1M73s6w09CqoDA1T0lFKLE3JLMnJTwcZaGxoaWxiCAQ6SsmlxSX5ualFyfkpqUCbnE3MHM1NgcrLUouKM_PzlKwMawGTZipR',
        auditType: 'User Password Changed',
        user: 'johndoe@example.com',
        eventTime: '2021-10-12T19:56:55+0000',
        eventInfo: 'Password reset for user: johndoe@example.com User Password Changed, Remote IP is null',
        category: 'user_account_and_role_logs'
    },
    folderDeleted: {
        id: 'eNqrVipOTS4tSs1MUbJSCij080lzDChMMjXw8o3IjnCLDIrRT8wJS_PXNg12dQt3j_QMr4oyi_SO0Xf1jswtM7TINncxTNTO97OsNPQqqAwNU9JRSixNySzJyU8HmWhsaGlsZGpiYaqjlFxaXJKfm1qUnJ-SCrTK2cTM0dwUqLwstag4Mz9PycqwFgBNvCvh',
        auditType: 'Folder Log Entry',
        user: 'johndoe@example.com',
        eventTime: '2021-10-11T18:23:10+0000',
        eventInfo:
            'Action Performed - Deleted New Folder by johndoe@example.com<John Doe> Date: 2021-10-11 Time: 19:23:10 +0100 IP: 67.43.156.15 Application: Administration Console',
        category: 'profile_group_logs'
    },
    remediationCreated: {
        id: 'eNqrVipOTS4tSs1MUbJSSgwpLctzzah00TbMTTawdC4NDPAzzwlL89c2DXZ1C3eP9AyvijKL9I7Rd_WOzC0ztMg2dzFM1M73s6w09CqoDA1T0lFKLE3JLMnJTwcZaGxoaWxiaGBhoqOUXFpckp-bWpScn5IKtMnZxMzR3BSovCy1qDgzP0_JyrAWADOfK6w',
        auditType: 'Remediation Incident Adjustment',
        user: 'johndoe@example.com',
        eventTime: '2021-10-12T19:49:30+0000',
        eventInfo:
            'Remediation Incident Created -  TR-C46A75-01420-M, type : manual, search criteria : {"fileHash":"9e6011844705292d5abfe0aa38d8aff02f6d8f69689c2e7cb2338f9484774bb3","start":"2021-09-12T19:48:59+0000","end":"2021-10-12T19:48:59+0000"}, Date: 2021-10-12, Time: 19:49:30+0000, IP: 67.43.156.15, Application: Administration Console',
        category: 'account_logs'
    },
    directorySync: {
        id: 'eNqrVipOTS4tSs1MUbJSKnU29DVI9XJJMs6wMC9LqnAMccoxcwtL89c2DXZ1C3eP9AyvijKL9I7Rd_WOzC0ztMg2dzFM1M73s6w09CqoDA1T0lFKLE3JLMnJTwcZaGxoaWxkZGZqoqOUXFpckp-bWpScn5IKtMnZxMzR3BSovCy1qDgzP0_JyrAWAPQMKys',
        auditType: 'Completed Directory Sync',
        user: '',
        eventTime: '2021-10-11T13:21:06+0000',
        eventInfo: 'No changes found.',
        category: 'account_logs'
    },
    messageViewed: {
        id: 'eNqrVipOTS4tSs1MUbJS0nYKziswMy_18smyMDAs9w8P8PPNNAxL89c2DXZ1C3eP9AyvijKL9I7Rd_WOzC0ztMg2dzFM1M73s6w09CqoDA1T0lFKLE3JLMnJTwcZaGxoaWxkYmxopqOUXFpckp-bWpScn5IKtMnZxMzR3BSovCy1qDgzP0_JyrAWAOifKw8',
        auditType: 'Message Action',
        user: 'johndoe@example.com',
        eventTime: '2021-10-11T15:36:01+0000',
        eventInfo:
            'Viewed Message - Source: Search, From: <John Done> johndoe@example.com, To: <johndoe@example.com> johndoe@example.com, Subject: Test on Tues 28th Sept, Processed: 2021-09-28 07:59:23+0000, Viewed Content: True, Date: 2021-10-11, Time: 15:36:01+0000, IP: 67.43.156.15, Application: mimecast-case-review',
        category: 'case_review_logs'
    }
};

export function clickLog(raw: Raw): ClickLogRecord {
    const r = clean(raw) as Record<string, string>;
    return {
        ...(r as unknown as ClickLogRecord),
        id: contentId('ClickLog', raw),
        date: toIsoUtc(r['date']!),
        emailPartsDescription: raw['emailPartsDescription'] as string[] | undefined
    };
}

export const CLICK_RAW = {
    // rapid7/insightconnect-plugins plugins/mimecast_v2/unit_test/responses/get_url_logs.json.resp
    // (commit 4167cbb31f7dff353a617d82accbcc30db3ba48a), the clickLogs[0] record without tagMap (not in the model).
    warned: {
        userEmailAddress: 'user@example.com',
        fromUserEmailAddress: 'user2@example.com',
        url: 'https://example.com',
        ttpDefinition: 'Default Internal URL Protect Definition',
        subject: 'Test',
        action: 'warn',
        adminOverride: 'N/A',
        userOverride: 'None',
        scanResult: 'malicious',
        category: 'Dangerous file extension',
        sendingIp: 'Internal IP',
        userAwarenessAction: 'N/A',
        date: '2025-08-29T15:38:21+0000',
        actions: 'None',
        route: 'internal',
        creationMethod: 'Entry Scan',
        emailPartsDescription: ['Attachment'],
        messageId: '12345'
    },
    // The shape tests/functions/ttp-url-logs.test.ts replays.
    blocked: {
        userEmailAddress: 'alice@example.com',
        fromUserEmailAddress: 'billing@fabrikam.example',
        url: 'http://invoice-portal.example:8080/view/2?ref=mail',
        ttpDefinition: 'Default URL Protection Definition',
        subject: 'Invoice',
        action: 'block',
        adminOverride: 'N/A',
        scanResult: 'malicious',
        category: 'Phishing & Fraud',
        sendingIp: '192.0.2.10',
        userAwarenessAction: 'n/a',
        date: '2026-11-19T08:30:15+0000',
        actions: 'Blocked',
        route: 'inbound',
        creationMethod: 'User Click',
        emailPartsDescription: ['Body'],
        messageId: '<m1@example.com>'
    },
    clean: {
        userEmailAddress: 'alice@example.com',
        fromUserEmailAddress: 'billing@fabrikam.example',
        url: 'https://docs.fabrikam.example/share/1',
        ttpDefinition: 'Default URL Protection Definition',
        subject: 'Invoice',
        action: 'allow',
        scanResult: 'clean',
        category: 'Business',
        date: '2026-11-20T10:00:00+0000',
        route: 'inbound'
    }
};

export function attachmentLog(raw: Raw): AttachmentLogRecord {
    const r = clean(raw) as Record<string, string>;
    return { ...(r as unknown as AttachmentLogRecord), id: contentId('AttachmentLog', raw), date: toIsoUtc(r['date']!) };
}

export const ATTACHMENT_RAW = {
    // The shape tests/functions/ttp-attachment-logs.test.ts replays.
    malicious: {
        result: 'malicious',
        date: '2026-11-20T10:00:00+0000',
        senderAddress: 'billing@fabrikam.example',
        fileName: 'invoice_1234.xlsm',
        actionTriggered: 'user release none, admin release none, sandbox',
        route: 'inbound',
        details: 'Malicious: Macro.Downloader',
        recipientAddress: 'alice@example.com',
        fileType: 'application/vnd.ms-excel.sheet.macroEnabled.12',
        messageId: '<a1@example.com>'
    },
    // elastic/integrations packages/mimecast/data_stream/ttp_ap_logs/_dev/test/pipeline/test-ttp-ap-logs.log
    // (commit 2140f235cf23e0c949656dffa123d480bbf4bc42), first line verbatim (senderAddress "<>": a null sender).
    safe: {
        senderAddress: '<>',
        recipientAddress: 'johndoe@example.com',
        fileName: 'numbers.pdf',
        fileType: 'application/pdf',
        result: 'safe',
        actionTriggered: 'user release, none',
        date: '2021-10-14T18:54:32+0000',
        details: 'Safe                                              \r\nTime taken: 0 hrs, 0 min, 4 sec',
        route: 'inbound',
        messageId: '<20200806044148.F35F813B435@mail.brianjthronton.com>',
        subject: 'Important Updated Numbers from the Center for Disease Control',
        fileHash: 'eaeef09b60a59b913e9bfc0a4373e25d6182beff388957473fba517cc09345e3',
        definition: 'Inbound - Safe file with On-Demand Sandbox'
    }
};

export function impersonationLog(raw: Raw): ImpersonationLogRecord {
    const r = clean(raw) as unknown as ImpersonationLogRecord;
    return { ...r, eventTime: toIsoUtc(r.eventTime) };
}

export const IMPERSONATION_RAW = {
    // elastic/integrations packages/mimecast/data_stream/ttp_ip_logs/_dev/test/pipeline/test-ttp-ip-logs.log
    // (commit bd879f20b98d00445979fbec21d89b183cfe1a38), third line verbatim.
    held: {
        id: 'MTOKEN:eNqrVkouLS7Jz00tSs5PSVWyUnI2MXM0N1XSUcpMUbIyMjUzMDMz01EqSy0qzszPU7Iy1FEqyQMrNDAwVaoFAGQhEhc',
        senderAddress: 'johndoe@mimecast.com',
        recipientAddress: 'johndoe@example.com',
        subject: 'RE: MSP Sales of Managed E2E',
        definition: 'IP - 2 hits (Hold for Review / User Hold)',
        hits: 2,
        identifiers: ['targeted_threat_dictionary', 'internal_user_name'],
        action: 'hold',
        taggedExternal: false,
        taggedMalicious: true,
        senderIpAddress: '67.43.156.15',
        eventTime: '2021-10-13T16:12:07+0000',
        impersonationResults: [
            {
                impersonationDomainSource: 'internal_user_name',
                similarDomain: 'Emily Doe <emilydoe@example.com>',
                stringSimilarToDomain: 'Emily Doe',
                checkerResult: 'hit'
            },
            { impersonationDomainSource: 'targeted_threat_dictionary', stringSimilarToDomain: 'who' }
        ],
        messageId: '<PR3P194MB06183A3BE81F0831A8402B47D3B79@PR3P194MB0618.EURP194.PROD.OUTLOOK.COM>'
    },
    // The shape tests/functions/ttp-impersonation-logs.test.ts replays.
    lookalike: {
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
        taggedMalicious: false,
        senderAddress: 'ceo@examp1e.com',
        eventTime: '2026-11-20T10:00:00+0000',
        impersonationResults: [{ impersonationDomainSource: 'similar_internal_domain', stringSimilarToDomain: 'examp1e.com' }],
        messageId: '<i1@examp1e.com>'
    }
};

export function dlpLog(raw: Raw): DlpLogRecord {
    const r = clean(raw) as unknown as DlpLogRecord;
    return { ...r, id: contentId('DlpLog', raw), eventTime: toIsoUtc(r.eventTime) };
}

// elastic/integrations packages/mimecast/data_stream/dlp_logs/_dev/test/pipeline/test-dlp-logs.log
// (commit 59c1e082d627ad5a83173e73a1d06fcc87318cf5), lines 12 and 2 verbatim.
export const DLP_RAW = {
    held: {
        senderAddress: 'kay.mann@demo-int.elastic.mime-api.com',
        recipientAddress: 'cbrashear@demo-visionary.b41.one',
        subject: 'RE',
        eventTime: '2024-11-18T05:11:02+0000',
        route: 'outbound',
        policy: 'Confidential',
        action: 'hold',
        messageId: '<ee36704d0e84b012-226716@hapi.b41.one>'
    },
    notified: {
        senderAddress: '<>',
        recipientAddress: 'johndoe@example.com',
        subject: 'Undelivered Mail Returned to Sender',
        eventTime: '2021-10-15T20:41:25+0000',
        route: 'inbound',
        policy: 'Content Inspection - Watermark',
        action: 'notification',
        messageId: '<20211015204122.2CA6DFCAE2@mail.emailsec.ninja>'
    }
};

export function heldReleaseLog(raw: Raw): HeldReleaseLogRecord {
    const r = clean(raw);
    const to = Array.isArray(r['to']) ? r['to'].map(optionalAddress).filter((a): a is string => a !== undefined) : [];
    return {
        ...(r as unknown as HeldReleaseLogRecord),
        id: (r['id'] as string | undefined) ?? contentId('HeldReleaseLog', raw),
        released: typeof r['released'] === 'string' ? toIsoUtc(r['released']) : undefined,
        fromEnv: optionalAddress(r['fromEnv']),
        fromHdr: optionalAddress(r['fromHdr']),
        operator: optionalAddress(r['operator']),
        to: to.length > 0 ? to : undefined
    };
}

export const HELD_RELEASE_RAW = {
    // elastic/integrations packages/mimecast/data_stream/message_release_logs/_dev/test/pipeline/test-release-logs.json
    // (commit a2cb7897fb0c4690e4b8a198989b5be5fa0fe4e6), first event's message, spamProcessingDetail left out (not in the model).
    released: {
        attachments: true,
        detectionLevel: 'moderate',
        fromEnv: { displayableName: 'FromName LastName', emailAddress: 'from_user@from_domain.tld' },
        fromHdr: { displayableName: 'FromName LastName', emailAddress: 'from_user@from_domain.tld' },
        heldGroup: 'IT Staff Global',
        heldReason: 'High-Confidence Impersonation Protection',
        id: 'eNpVj21LhEAUhf_LfN2VnRl1RpclCN...',
        messageInfo: 'Expired in queue - rejected by housekeeping',
        operator: 'admin@domain.tld',
        policy: 'Moderate Spam Detection',
        rejectReason: 'Message contains undesirable content',
        released: '2015-11-25T14:49:18+00:00',
        route: 'inbound',
        size: 5043,
        spamScore: 12,
        status: 'released',
        subject: "Exclusive Offer - You don't want to miss this!",
        to: [{ displayableName: 'ToName LastName', emailAddress: 'to_user@to_domain.tld' }]
    },
    // The shape tests/functions/held-release-logs.test.ts replays (no status; a rejectReason).
    rejected: {
        id: 'eNqHeld2',
        released: '2026-11-19T08:30:15+0000',
        reason: 'Spam Signature',
        rejectReason: 'Message contains undesirable content',
        fromEnv: { displayableName: 'spam', emailAddress: 'spam@contoso.example' },
        route: 'inbound',
        to: [{ displayableName: 'bob', emailAddress: 'bob@example.com' }],
        operator: { displayableName: 'admin', emailAddress: 'admin@example.com' }
    }
};

export function archiveSearchLog(raw: Raw): ArchiveSearchLogRecord {
    const r = clean(raw) as unknown as ArchiveSearchLogRecord;
    return { ...r, id: contentId('ArchiveSearchLog', raw), createTime: toIsoUtc(r.createTime) };
}

export function archiveViewLog(raw: Raw): ArchiveViewLogRecord {
    const r = clean(raw) as unknown as ArchiveViewLogRecord;
    return { ...r, id: contentId('ArchiveViewLog', raw), viewed: toIsoUtc(r.viewed), ...(r.messageDate ? { messageDate: toIsoUtc(r.messageDate) } : {}) };
}

// The fields tests/functions/archive-view-logs.test.ts replays (no published body: the reference's field list).
export const ARCHIVE_VIEW_RAW = {
    admin: {
        viewer: 'admin@example.com',
        source: 'Archive Search',
        viewed: '2026-11-20T10:00:00+0000',
        messageDate: '2026-10-01T08:00:00+0000',
        subject: 'Board minutes',
        from: 'ceo@example.com',
        to: 'legal@example.com',
        discoveryCase: true,
        contentViewed: true
    },
    listed: {
        viewer: 'bob@example.com',
        source: 'Mimecast for Outlook',
        viewed: '2026-11-19T08:30:15+0000',
        subject: '',
        to: 'bob@example.com',
        discoveryCase: false,
        contentViewed: false
    }
};

// The shapes tests/functions/archive-search-logs.test.ts replays.
export const ARCHIVE_RAW = {
    admin: {
        createTime: '2026-11-20T10:00:00+0000',
        emailAddr: 'admin@example.com',
        source: 'archive',
        searchText: 'invoice contract',
        searchReason: 'eDiscovery request',
        isAdmin: true,
        description: 'Administrator archive search'
    },
    user: {
        createTime: '2026-11-19T08:30:15+0000',
        emailAddr: 'bob@example.com',
        source: 'Mimecast for Outlook',
        searchText: 'budget',
        searchReason: '',
        isAdmin: false,
        description: 'End user archive search'
    }
};

const SIEM_PROMOTED = [
    'type',
    'subtype',
    'eventType',
    'subType',
    'timestamp',
    'aggregateId',
    'processingId',
    'accountId',
    'messageId',
    'direction',
    'senderEnvelope',
    'senderHeader',
    'recipients',
    'subject',
    'senderIp',
    'action'
];

/**
 * A SiemEvent record from a raw stream or batch event, promoting the fields the siem-events sync
 * promotes today and keeping the rest in details. `promoteKind: false` leaves the kind fields in
 * details, the other shape the mappers must accept while the sync's model changes.
 */
export function siemEvent(raw: Raw, promoteKind = true): SiemEventRecord {
    const details: Raw = {};
    const top: Raw = {};
    for (const [key, value] of Object.entries(raw)) {
        if (value === null || value === undefined || value === '') continue;
        const promoted = SIEM_PROMOTED.includes(key) && (promoteKind || !['type', 'subtype', 'eventType', 'subType'].includes(key));
        if (promoted) top[key] = typeof value === 'number' && key !== 'timestamp' ? String(value) : value;
        else details[key] = value;
    }
    const timestamp = raw['timestamp'];
    return {
        ...(top as Partial<SiemEventRecord>),
        id: contentId('SiemEvent', raw),
        timestamp: toIsoUtc(typeof timestamp === 'number' ? timestamp : String(timestamp)),
        ...(Object.keys(details).length > 0 ? { details } : {})
    };
}

/** Where siem-ci-events keeps a Mimecast key: renamed, promoted to the record under its own name, or (any other) under details. */
export const SIEM_CI_RENAMED: Record<string, string> = { _offset: 'offset', _partition: 'partition' };
export const SIEM_CI_PROMOTED = [
    'type',
    'subtype',
    'timestamp',
    'accountId',
    'aggregateId',
    'processingId',
    'direction',
    'threatState',
    'threatType',
    'policiesApplied',
    'source',
    'tags'
];

/**
 * A SiemCiEvent record from a raw CI record, as the siem-ci-events sync saves it (tests/ocsf/siem-ci.test.ts
 * holds this to the sync's saved records): the model's fields promoted, the rest under details, empty values
 * dropped at any depth.
 */
export function siemCiEvent(raw: Raw): SiemEventRecord {
    const top: Raw = {};
    const details: Raw = {};
    for (const [key, value] of Object.entries(raw)) {
        const renamed = SIEM_CI_RENAMED[key];
        if (renamed !== undefined) top[renamed] = String(value);
        else if (SIEM_CI_PROMOTED.includes(key)) top[key] = value;
        else details[key] = value;
    }
    return finish('SiemCiEvent', { ...top, id: contentId('SiemCiEvent', raw), timestamp: toIsoUtc(Number(raw['timestamp'])), details }, {}).record;
}

/** The published CI records (tests/contract/INDEX.md: Elastic's pipeline test data), by what they show. */
const SIEM_CI_PUBLISHED = fixtureLines<Raw>('siem-ci-batch-records.elastic-pipeline.ndjson');
export const SIEM_CI_RAW = {
    clean: SIEM_CI_PUBLISHED[0]!,
    malwareBlocked: SIEM_CI_PUBLISHED[4]!,
    mailflow: SIEM_CI_PUBLISHED[10]!,
    policiesDisabled: SIEM_CI_PUBLISHED[20]!
};

// elastic/integrations packages/mimecast/data_stream/siem_logs/_dev/test/pipeline/test-siem-v2-logs.log
// (commit 0b97ab02df57b57303b67e48840bb75dfe5c4738): batch-file events (type/subtype), verbatim lines.
export const SIEM_BATCH_RAW = {
    receiptRejected: {
        _offset: 70936,
        _partition: 60,
        accountId: 'CUSB4A274',
        action: 'Rej',
        aggregateId: 'lf7BP8oVOue0keIDXck0Ww_1731454604',
        direction: 'Inbound',
        messageId: null,
        numberAttachments: '0',
        processingId: 'Ycqry21vB3utdjgPfIFYpj9wQK6HMNkmX_1vFlph1UM_1731454604',
        recipients: 'truorange@demo-int.elastic.mime-api.com',
        rejectionCode: '550',
        rejectionInfo: 'Envelope blocked - User Entry',
        rejectionType: 'Manual Envelope Rejection',
        senderEnvelope: 'truorange@creative-omega.b41.one',
        senderHeader: null,
        senderIp: '81.2.69.144',
        spamDetectionLevel: null,
        spamInfo: null,
        spamProcessingDetail: '{"spf":{"allow":true,"info":"ALLOW"}}',
        spamScore: null,
        subject: null,
        subtype: 'Rej',
        timestamp: 1731454605992,
        tlsCipher: 'TLS_AES_256_GCM_SHA384',
        tlsVersion: 'TLSv1.3',
        type: 'receipt',
        virusFound: null
    },
    receiptAccepted: {
        _offset: 72920,
        _partition: 60,
        accountId: 'CUSB4A274',
        action: 'Acc',
        aggregateId: 'pZrAa9HUN-WmL2AK6cWduw_1731621818',
        direction: 'Inbound',
        messageId: '<ad3334051e9207bd-36579@hapi.b41.one>',
        numberAttachments: '1',
        processingId: 'faqqVpJ4FYKsCgeaEEy23oZYXjIg0lM-UfluCEvSRUs_1731621818',
        receiptErrors: null,
        recipients: 'boucard.john@demo-int.elastic.mime-api.com',
        rejectionCode: null,
        rejectionInfo: null,
        rejectionType: null,
        senderEnvelope: 'manintan@evaluation-fuzz.b41.one',
        senderHeader: 'manintan@evaluation-fuzz.b41.one',
        senderIp: '81.2.69.144',
        spamDetectionLevel: '7',
        spamInfo: '[]',
        spamProcessingDetail: '{"spf":{"allow":true,"info":"ALLOW"},"dkim":{"allow":true,"info":"UNKNOWN"},"dmarc":{"allow":true,"info":"ALLOW"}}',
        spamScore: '21',
        subject: 'new information',
        subtype: 'Acc',
        timestamp: 1731621865697,
        tlsCipher: 'TLS_AES_256_GCM_SHA384',
        tlsVersion: 'TLSv1.3',
        type: 'receipt',
        virusFound: null
    },
    attachmentProtect: {
        _offset: 72919,
        _partition: 60,
        accountId: 'CUSB4A274',
        aggregateId: 'pZrAa9HUN-WmL2AK6cWduw_1731621818',
        fileExtension: 'zip',
        fileName: 'WinZip Attachments.zip',
        md5: 'baab79394970762f6ccefff87e0884ac',
        processingId: 'aZDCqoMHYF9FcjJQ869Lbra7mJvvQIa-VaegH2O8C0g_1731621818',
        sha1: '08a3037782976df0defbc4f0650d647b8696e18c',
        sha256: '2184a906a8f705269be0ed65b25c0ecde9cd3bbe0bdadbe1e86492a7ce073c32',
        subtype: null,
        timestamp: 1731621866023,
        type: 'attachment protect'
    },
    processHeld: {
        _offset: 73606,
        _partition: 60,
        accountId: 'CUSB4A274',
        action: 'Hld',
        aggregateId: '8TCFD0OlO06323_aNlbxVA_1731700047',
        attachments: null,
        emailSize: '4170',
        holdReason: 'Spm',
        messageId: '<4de314882ebce407-15188@hapi.b41.one>',
        numberAttachments: '0',
        processingId: 'f9LiY_x-_ogdIWrf6wkiSVnAHqf_t43V7fXksSco27o_1731700047',
        senderEnvelope: 'oasissupport@demo-visionary.b41.one',
        subject: "Entergy's new OASIS node is now available",
        subtype: 'Hld',
        timestamp: 1731700055957,
        totalSizeAttachments: '0',
        type: 'process'
    },
    processAccepted: {
        _offset: 73837,
        _partition: 60,
        accountId: 'CUSB4A274',
        action: 'Acc',
        aggregateId: 'Oy_S3Lc9PUyDRbsnf0mr6w_1731702540',
        attachments: '"attach-c567a248-467f-415f-b1ca-da6fde82347a.pdf"',
        emailSize: '17236',
        holdReason: null,
        messageId: '<46b1119b6b6a1cce-34862@hapi.b41.one>',
        numberAttachments: '1',
        processingId: 'HP7ykR1aQLQjT0JuuuBzaIITSLHDrLDARlkEm5Nzf_k_1731702540',
        senderEnvelope: 'owner-nyiso_tech_exchange@innovation-asylum.b41.one',
        subject: 'RE',
        subtype: 'Acc',
        timestamp: 1731702739427,
        totalSizeAttachments: '1153',
        type: 'process'
    },
    delivery: {
        Hostname: 'ha.hamilton321.net',
        _offset: 70998,
        _partition: 60,
        accountId: 'CUSB4A274',
        aggregateId: 'aa3dEs_GMim451MhiRrJ9w_1731450139',
        delivered: 'true',
        deliveryAttempts: '1',
        deliveryErrors: null,
        deliveryTime: '10362852',
        destinationIp: '81.2.69.144',
        direction: 'Inbound',
        emailSize: '4031',
        messageId: '<0f94646af53b06e4-170077@hapi.b41.one>',
        numberAttachments: '0',
        processingId: '7Yn6wtD2mT-o3y2anz4Z28snYYvG6yePYw6n50e9VBo_1731450139',
        recipients: 'richard.costigan@demo-int.elastic.mime-api.com',
        rejectionCode: null,
        rejectionInfo: null,
        rejectionType: null,
        route: 'Accept and drop messages',
        senderEnvelope: 'richard.costigan@arcadia-group.b41.one',
        subject: 'Energy Briefing paper for Monday, May 21st',
        subtype: 'true',
        timestamp: 1731460502392,
        tlsCipher: null,
        tlsUsed: 'No',
        tlsVersion: null,
        totalSizeAttachments: '0',
        type: 'delivery'
    },
    internalEmailProtect: {
        _offset: 74462,
        _partition: 60,
        accountId: 'CUSB4A274',
        aggregateId: 'RyZVTDvJMWi-Z68ZSU9WiA_1731862947',
        messageId: '<871dda3d6bf5107e-360815@hapi.b41.one>',
        monitoredDomainSource: null,
        processingId: 'JOsQ81iW842NHWl0bfVsgQ0PO7JYMph14vGQhgmXV4g_1731862947',
        recipients: 'dl-ga-all_enron_worldwide1@demo-int.elastic.mime-api.com',
        route: 'Internal',
        scanResults: 'Blocked URL Category',
        senderEnvelope: 'coo.jeff@demo-int.elastic.mime-api.com',
        similarDomain: null,
        subject: 'Management Changes',
        subtype: null,
        timestamp: 1731862950599,
        type: 'internal email protect',
        urlCategory: 'Compromised'
    },
    journal: {
        _offset: 73595,
        _partition: 60,
        accountId: 'CUSB4A274',
        aggregateId: '0iHRSrQ4PseuWDdA6ANgWg_1731698572',
        direction: 'Internal',
        processingId: '55pOFYRDuAV-PV8mGTczqke6e1QfNVKZRbn7h7YSjYE_1731698572',
        recipients: 'maria.valdes@demo-int.elastic.mime-api.com',
        senderEnvelope: 'rhonda.denton@demo-int.elastic.mime-api.com',
        subtype: null,
        timestamp: 1731698575076,
        type: 'journal'
    },
    spam: {
        _offset: 74369,
        _partition: 60,
        taggedExternal: 'true',
        taggedMalicious: 'false',
        accountId: 'CUSB4A274',
        aggregateId: 'Zyc2YQp5NiebreJzicSY0g_1731827123',
        messageId: '<69b360ac6c02441e-173123@hapi.b41.one>',
        processingId: 'rdbUbf7dO9buFz-hm-jV4eMdfFO2Qnu6iZy__ONwPng_1731827848',
        recipients: 'max.yzaguirre@demo-int.elastic.mime-api.com',
        route: 'Inbound',
        senderDomain: 'arcadia-group.b41.one',
        senderEnvelope: 'nikep@arcadia-group.b41.one',
        senderHeader: 'nikep@arcadia-group.b41.one',
        senderIp: '81.2.69.144',
        subject: 'Weekly Report',
        subtype: null,
        timestamp: 1731827851036,
        type: 'spam'
    }
};

// rapid7/insightconnect-plugins plugins/mimecast_v2/help.md (commit bf76a61bab878d67844c0c824fda2cdc1c03be6b),
// the Monitor SIEM Logs example output: a stream event, kind named eventType/subType.
export const SIEM_STREAM_RAW = {
    receipt: {
        accountId: 'C0A0',
        action: 'Allow',
        aggregateId: 'aggregateId',
        direction: 'Inbound',
        eventType: 'receipt',
        messageId: 'messageId',
        numberAttachments: '1',
        processingId: 'processingId',
        recipients: 'user@example.com',
        rejectionType: 'rejectionType',
        senderEnvelope: 'user@example.com',
        senderHeader: 'user@example.com',
        senderIp: '123.123.123.123',
        spamDetectionLevel: '0',
        spamInfo: null,
        spamProcessingDetail: 'Spam Processing Detail',
        spamScore: '0',
        subType: 'Allow',
        subject: 'siem_recipient - email subject line',
        timestamp: 1689685338597,
        tlsCipher: 'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384',
        tlsVersion: 'TLSv1.2'
    }
};

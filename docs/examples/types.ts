// Generated from integrations/.nango/nango.json by `npm run docs:reference`. Do not edit.
// The JSON schemas `nango compile` wrote for each function, as TypeScript types for a customer app.
/* eslint-disable */

export type ActionInput_mimecast_addgroupmember = {
    /** The Mimecast id of the group */
    id: string;
    emailAddress?: string;
    domain?: string;
    notes?: string;
};

export type ActionInput_mimecast_blocksender = {
    sender: string;
    to: string;
};

export type ActionInput_mimecast_createblockedsenderpolicy = {
    description: string;
    option: "no_action" | "block_sender";
    fromPart?: "envelope_from" | "header_from" | "both";
    fromType: "everyone" | "internal_addresses" | "external_addresses" | "email_domain" | "profile_group" | "address_attribute_value" | "individual_email_address" | "free_mail_domains" | "header_display_name";
    fromValue?: string;
    toType: "everyone" | "internal_addresses" | "external_addresses" | "email_domain" | "profile_group" | "address_attribute_value" | "individual_email_address";
    toValue?: string;
    bidirectional?: boolean;
    enabled?: boolean;
    enforced?: boolean;
    override?: boolean;
    comment?: string;
    fromDate?: string;
    toDate?: string;
};

export type ActionInput_mimecast_creategroup = {
    /** The name of the new group */
    description: string;
    /** The Mimecast id of the parent group */
    parentId?: string;
};

export type ActionInput_mimecast_createmanagedurl = {
    url: string;
    action: "block" | "permit";
    matchType: "explicit" | "domain";
    comment?: string;
    disableRewrite?: boolean;
    disableUserAwareness?: boolean;
    disableLogClick?: boolean;
};

export type ActionInput_mimecast_createremediationincident = {
    reason: string;
    hashOrMessageId: string;
    searchBy: "hash" | "messageId";
    start?: string;
    end?: string;
};

export type ActionInput_mimecast_decodeurl = {
    url: string;
};

export type ActionInput_mimecast_deleteblockedsenderpolicy = {
    id: string;
};

export type ActionInput_mimecast_deletemanagedurl = {
    id: string;
};

export type ActionInput_mimecast_findgroups = {
    query?: string;
    /** cloud (groups created in Mimecast, the default) or ldap (synchronised from a directory) */
    source?: "cloud" | "ldap";
};

export type ActionInput_mimecast_getaccount = Record<string, never>;

export type ActionInput_mimecast_getmessageinfo = {
    id: string;
};

export type ActionInput_mimecast_getremediationincident = {
    id: string;
};

export type ActionInput_mimecast_listinternaldomains = Record<string, never>;

export type ActionInput_mimecast_permitsender = {
    sender: string;
    to: string;
};

export type ActionInput_mimecast_rejectheldmessages = {
    ids: string[];
    message?: string;
    reasonType?: "MESSAGE_CONTAINS_UNDESIRABLE_CONTENT" | "MESSAGE_CONTAINS_CONFIDENTIAL_INFORMATION" | "REVIEWER_DISAPPROVES_OF_CONTENT" | "INAPPROPRIATE_COMMUNICATION" | "MESSAGE_GOES_AGAINST_EMAIL_POLICIES";
    notify?: boolean;
};

export type ActionInput_mimecast_releaseheldmessage = {
    id: string;
};

export type ActionInput_mimecast_removegroupmember = {
    /** The Mimecast id of the group */
    id: string;
    emailAddress?: string;
    domain?: string;
};

export type ActionInput_mimecast_searchfilehash = {
    hashes: string[];
};

export type ActionInput_mimecast_searchmessages = {
    start?: string;
    end?: string;
    searchReason?: string;
    messageId?: string;
    advancedTrackAndTraceOptions?: {
        from?: string;
        to?: string;
        subject?: string;
        senderIP?: string;
        route?: "inbound" | "outbound" | "internal";
    };
};

export type ActionOutput_mimecast_addgroupmember = {
    groupId: string;
    memberId?: string;
    emailAddress?: string;
    domain?: string;
    internal?: boolean;
    added: boolean;
};

export type ActionOutput_mimecast_blocksender = {
    id: string;
    sender: string;
    to: string;
    action: "block" | "permit";
};

export type ActionOutput_mimecast_createblockedsenderpolicy = {
    id: string;
    description?: string;
    option?: string;
    fromPart?: string;
    fromType?: string;
    fromValue?: string;
    toType?: string;
    toValue?: string;
    bidirectional?: boolean;
    enabled?: boolean;
    enforced?: boolean;
    override?: boolean;
    comment?: string;
    fromDate?: string;
    toDate?: string;
    createTime?: string;
    lastUpdated?: string;
};

export type ActionOutput_mimecast_creategroup = {
    id: string;
    description: string;
    source?: string;
    parentId?: string;
    userCount?: number;
    folderCount?: number;
};

export type ActionOutput_mimecast_createmanagedurl = {
    id: string;
    url: string;
    scheme?: string;
    domain: string;
    port?: number;
    path?: string;
    queryString?: string;
    matchType?: string;
    action?: string;
    comment?: string;
    disableRewrite?: boolean;
    disableUserAwareness?: boolean;
    disableLogClick?: boolean;
};

export type ActionOutput_mimecast_createremediationincident = {
    id: string;
    code?: string;
    type?: string;
    reason?: string;
    identified?: number;
    successful?: number;
    failed?: number;
    restored?: number;
    created?: string;
    modified?: string;
    searchFileHash?: string;
    searchMessageId?: string;
    searchFrom?: string;
    searchTo?: string;
    searchStart?: string;
    searchEnd?: string;
};

export type ActionOutput_mimecast_decodeurl = {
    encodedUrl: string;
    url: string;
};

export type ActionOutput_mimecast_deleteblockedsenderpolicy = {
    id: string;
    deleted: boolean;
};

export type ActionOutput_mimecast_deletemanagedurl = {
    id: string;
    deleted: boolean;
};

export type ActionOutput_mimecast_findgroups = {
    groups: {
        id: string;
        description: string;
        source?: string;
        parentId?: string;
        userCount?: number;
        folderCount?: number;
    }[];
    count: number;
    truncated: boolean;
};

export type ActionOutput_mimecast_getaccount = {
    accountCode: string;
    accountName: string;
    region?: string;
    mimecastId?: string;
    userCount?: number;
    packages: string[];
    gateway?: boolean;
    archive?: boolean;
    type?: string;
    maxRetention?: number;
};

export type ActionOutput_mimecast_getmessageinfo = {
    id: string;
    status?: string;
    subject?: string;
    fromHeader?: string;
    fromEnvelope?: string;
    to: string[];
    cc: string[];
    sent?: string;
    processed?: string;
    receiptEvent?: string;
    spamEvent?: string;
    remoteIp?: string;
    remoteHost?: string;
    encryptionInfo?: string;
    transmissionSize?: number;
    spamScore?: number;
    detectionLevel?: string;
    spf?: string;
    dkim?: string;
    dmarc?: string;
    currentPurgeDate?: string;
    components: {
        type?: string;
        name?: string;
        mimeType?: string;
        size?: number;
        hash?: string;
    }[];
    deliveries: {
        recipient: string;
        deliveryEvent?: string;
        route?: string;
        remoteIp?: string;
        remoteHost?: string;
        encryptionInfo?: string;
        transmissionStart?: string;
        transmissionEnd?: string;
    }[];
    policies: {
        policyType: string;
        policyName?: string;
        inherited?: boolean;
    }[];
};

export type ActionOutput_mimecast_getremediationincident = {
    id: string;
    code?: string;
    type?: string;
    reason?: string;
    identified?: number;
    successful?: number;
    failed?: number;
    restored?: number;
    created?: string;
    modified?: string;
    searchFileHash?: string;
    searchMessageId?: string;
    searchFrom?: string;
    searchTo?: string;
    searchStart?: string;
    searchEnd?: string;
};

export type ActionOutput_mimecast_listinternaldomains = {
    domains: {
        id: string;
        domain: string;
        inboundType?: string;
        local?: boolean;
        sendOnly?: boolean;
    }[];
    count: number;
};

export type ActionOutput_mimecast_permitsender = {
    id: string;
    sender: string;
    to: string;
    action: "block" | "permit";
};

export type ActionOutput_mimecast_rejectheldmessages = {
    results: {
        id: string;
        rejected: boolean;
    }[];
    rejectedCount: number;
    failedCount: number;
    allSucceeded: boolean;
};

export type ActionOutput_mimecast_releaseheldmessage = {
    id: string;
    released: boolean;
};

export type ActionOutput_mimecast_removegroupmember = {
    groupId: string;
    emailAddress?: string;
    domain?: string;
    removed: boolean;
};

export type ActionOutput_mimecast_searchfilehash = {
    results: {
        hash: string;
        status: "detected" | "not_detected" | "failed";
        code?: string;
        message?: string;
    }[];
    detectedCount: number;
    failedCount: number;
    allChecked: boolean;
};

export type ActionOutput_mimecast_searchmessages = {
    messages: {
        id: string;
        status?: string;
        info?: string;
        subject?: string;
        from?: string;
        fromHeader?: string;
        fromHeaderName?: string;
        to: string[];
        senderIP?: string;
        route?: string;
        received?: string;
        sent?: string;
        attachments?: boolean;
        spamScore?: number;
        detectionLevel?: string;
    }[];
    count: number;
};

export type ArchiveSearchLog = {
    id: string;
    createTime: string;
    emailAddr?: string;
    source?: string;
    searchText?: string;
    searchReason?: string;
    isAdmin?: boolean;
    description?: string;
};

export type ArchiveViewLog = {
    id: string;
    viewed: string;
    viewer?: string;
    source?: string;
    messageDate?: string;
    subject?: string;
    from?: string;
    to?: string;
    discoveryCase?: boolean;
    contentViewed?: boolean;
};

export type AttachmentLog = {
    id: string;
    date: string;
    result: string;
    fileName?: string;
    fileType?: string;
    senderAddress?: string;
    recipientAddress?: string;
    messageId?: string;
    subject?: string;
    fileHash?: string;
    definition?: string;
    actionTriggered?: string;
    route?: string;
    details?: string;
};

export type AuditEvent = {
    id: string;
    auditType: string;
    user?: string;
    eventTime: string;
    eventInfo?: string;
    category?: string;
};

export type BlockedSenderPolicy = {
    id: string;
    description?: string;
    option?: string;
    fromPart?: string;
    fromType?: string;
    fromValue?: string;
    toType?: string;
    toValue?: string;
    bidirectional?: boolean;
    enabled?: boolean;
    enforced?: boolean;
    override?: boolean;
    comment?: string;
    fromDate?: string;
    toDate?: string;
    createTime?: string;
    lastUpdated?: string;
};

export type ClickLog = {
    id: string;
    date: string;
    url: string;
    userEmailAddress?: string;
    fromUserEmailAddress?: string;
    subject?: string;
    messageId?: string;
    scanResult?: string;
    category?: string;
    action?: string;
    actions?: string;
    adminOverride?: string;
    userOverride?: string;
    userAwarenessAction?: string;
    ttpDefinition?: string;
    route?: string;
    sendingIp?: string;
    creationMethod?: string;
    emailPartsDescription?: string[];
};

export type DlpLog = {
    id: string;
    eventTime: string;
    policy?: string;
    action?: string;
    status?: string;
    senderAddress?: string;
    recipientAddress?: string;
    subject?: string;
    messageId?: string;
    route?: string;
};

export type Group = {
    id: string;
    description: string;
    source?: string;
    parentId?: string;
    userCount?: number;
    folderCount?: number;
};

export type GroupMember = {
    id: string;
    groupId: string;
    emailAddress?: string;
    domain?: string;
    name?: string;
    type?: string;
    internal?: boolean;
    notes?: string;
};

export type HeldMessage = {
    id: string;
    reason?: string;
    reasonId?: string;
    reasonCode?: string;
    from?: string;
    fromName?: string;
    fromHeader?: string;
    fromHeaderName?: string;
    to?: string;
    toName?: string;
    subject?: string;
    route?: string;
    hasAttachments?: boolean;
    size?: number;
    dateReceived: string;
    policyInfo?: string;
};

export type HeldReleaseLog = {
    id: string;
    released?: string;
    status?: string;
    subject?: string;
    fromEnv?: string;
    fromHdr?: string;
    to?: string[];
    operator?: string;
    heldReason?: string;
    reason?: string;
    rejectReason?: string;
    policy?: string;
    heldGroup?: string;
    detectionLevel?: string;
    route?: string;
    size?: number;
    spamScore?: number;
    attachments?: boolean;
    messageInfo?: string;
};

export type ImpersonationLog = {
    id: string;
    eventTime: string;
    senderAddress?: string;
    senderName?: string;
    senderIpAddress?: string;
    recipientAddress?: string;
    subject?: string;
    messageId?: string;
    definition?: string;
    hits?: number;
    identifiers?: string[];
    action?: string;
    taggedExternal?: boolean;
    taggedMalicious?: boolean;
    impersonationResults?: {
        impersonationDomainSource?: string;
        similarDomain?: string;
        stringSimilarToDomain?: string;
        checkerResult?: string;
    }[];
};

export type ManagedUrl = {
    id: string;
    url: string;
    scheme?: string;
    domain: string;
    port?: number;
    path?: string;
    queryString?: string;
    matchType?: string;
    action?: string;
    comment?: string;
    disableRewrite?: boolean;
    disableUserAwareness?: boolean;
    disableLogClick?: boolean;
};

export type SiemCiEvent = {
    id: string;
    type: string;
    subtype?: string;
    timestamp: string;
    accountId?: string;
    aggregateId?: string;
    processingId?: string;
    partition?: string;
    offset?: string;
    direction?: string;
    threatState?: string;
    threatType?: string;
    policiesApplied?: string[];
    source?: string;
    tags?: string[];
    details?: {
        [key: string]: unknown;
    };
};

export type SiemCiGap = {
    id: string;
    from: string;
    to: string;
    detectedAt: string;
    message: string;
};

export type SiemEvent = {
    id: string;
    type: string;
    subtype?: string;
    timestamp: string;
    aggregateId?: string;
    processingId?: string;
    accountId?: string;
    messageId?: string;
    direction?: string;
    senderEnvelope?: string;
    senderHeader?: string;
    recipients?: string;
    subject?: string;
    senderIp?: string;
    action?: string;
    details?: {
        [key: string]: unknown;
    };
};

export type SiemGap = {
    id: string;
    from: string;
    to: string;
    detectedAt: string;
    message: string;
};

export type SyncMetadata_mimecast_archivesearchlogs = {
    backfillDays?: number;
    [key: string]: unknown;
};

export type SyncMetadata_mimecast_archiveviewlogs = {
    backfillDays?: number;
    [key: string]: unknown;
};

export type SyncMetadata_mimecast_auditevents = {
    backfillDays?: number;
    [key: string]: unknown;
};

export type SyncMetadata_mimecast_dlplogs = {
    backfillDays?: number;
    [key: string]: unknown;
};

export type SyncMetadata_mimecast_groupmembers = {
    groupSources?: ("cloud" | "ldap")[];
    [key: string]: unknown;
};

export type SyncMetadata_mimecast_groups = {
    groupSources?: ("cloud" | "ldap")[];
    [key: string]: unknown;
};

export type SyncMetadata_mimecast_heldreleaselogs = {
    backfillDays?: number;
    [key: string]: unknown;
};

export type SyncMetadata_mimecast_siemcievents = {
    backfillHours?: number;
    maxPagesPerRun?: number;
    [key: string]: unknown;
};

export type SyncMetadata_mimecast_siemevents = {
    backfillHours?: number;
    maxPagesPerRun?: number;
    [key: string]: unknown;
};

export type SyncMetadata_mimecast_ttpattachmentlogs = {
    backfillDays?: number;
    [key: string]: unknown;
};

export type SyncMetadata_mimecast_ttpimpersonationlogs = {
    backfillDays?: number;
    [key: string]: unknown;
};

export type SyncMetadata_mimecast_ttpurllogs = {
    backfillDays?: number;
    [key: string]: unknown;
};

export type User = {
    id: string;
    emailAddress: string;
    name?: string;
    domain: string;
    alias?: boolean;
    addressType?: string;
};

/** Each action: its input and output. */
export interface Actions {
    "add-group-member": { input: ActionInput_mimecast_addgroupmember; output: ActionOutput_mimecast_addgroupmember };
    "block-sender": { input: ActionInput_mimecast_blocksender; output: ActionOutput_mimecast_blocksender };
    "create-blocked-sender-policy": { input: ActionInput_mimecast_createblockedsenderpolicy; output: ActionOutput_mimecast_createblockedsenderpolicy };
    "create-group": { input: ActionInput_mimecast_creategroup; output: ActionOutput_mimecast_creategroup };
    "create-managed-url": { input: ActionInput_mimecast_createmanagedurl; output: ActionOutput_mimecast_createmanagedurl };
    "create-remediation-incident": { input: ActionInput_mimecast_createremediationincident; output: ActionOutput_mimecast_createremediationincident };
    "decode-url": { input: ActionInput_mimecast_decodeurl; output: ActionOutput_mimecast_decodeurl };
    "delete-blocked-sender-policy": { input: ActionInput_mimecast_deleteblockedsenderpolicy; output: ActionOutput_mimecast_deleteblockedsenderpolicy };
    "delete-managed-url": { input: ActionInput_mimecast_deletemanagedurl; output: ActionOutput_mimecast_deletemanagedurl };
    "find-groups": { input: ActionInput_mimecast_findgroups; output: ActionOutput_mimecast_findgroups };
    "get-account": { input: ActionInput_mimecast_getaccount; output: ActionOutput_mimecast_getaccount };
    "get-message-info": { input: ActionInput_mimecast_getmessageinfo; output: ActionOutput_mimecast_getmessageinfo };
    "get-remediation-incident": { input: ActionInput_mimecast_getremediationincident; output: ActionOutput_mimecast_getremediationincident };
    "list-internal-domains": { input: ActionInput_mimecast_listinternaldomains; output: ActionOutput_mimecast_listinternaldomains };
    "permit-sender": { input: ActionInput_mimecast_permitsender; output: ActionOutput_mimecast_permitsender };
    "reject-held-messages": { input: ActionInput_mimecast_rejectheldmessages; output: ActionOutput_mimecast_rejectheldmessages };
    "release-held-message": { input: ActionInput_mimecast_releaseheldmessage; output: ActionOutput_mimecast_releaseheldmessage };
    "remove-group-member": { input: ActionInput_mimecast_removegroupmember; output: ActionOutput_mimecast_removegroupmember };
    "search-file-hash": { input: ActionInput_mimecast_searchfilehash; output: ActionOutput_mimecast_searchfilehash };
    "search-messages": { input: ActionInput_mimecast_searchmessages; output: ActionOutput_mimecast_searchmessages };
}

/** Each sync: the models it writes. */
export interface Syncs {
    "archive-search-logs": { models: "ArchiveSearchLog" };
    "archive-view-logs": { models: "ArchiveViewLog" };
    "audit-events": { models: "AuditEvent" };
    "blocked-sender-policies": { models: "BlockedSenderPolicy" };
    "dlp-logs": { models: "DlpLog" };
    "group-members": { models: "GroupMember" };
    "groups": { models: "Group" };
    "held-messages": { models: "HeldMessage" };
    "held-release-logs": { models: "HeldReleaseLog" };
    "managed-urls": { models: "ManagedUrl" };
    "siem-ci-events": { models: "SiemCiEvent" | "SiemCiGap" };
    "siem-events": { models: "SiemEvent" | "SiemGap" };
    "ttp-attachment-logs": { models: "AttachmentLog" };
    "ttp-impersonation-logs": { models: "ImpersonationLog" };
    "ttp-url-logs": { models: "ClickLog" };
    "users": { models: "User" };
}

/** Each synced model by name. */
export interface Models {
    ArchiveSearchLog: ArchiveSearchLog;
    ArchiveViewLog: ArchiveViewLog;
    AttachmentLog: AttachmentLog;
    AuditEvent: AuditEvent;
    BlockedSenderPolicy: BlockedSenderPolicy;
    ClickLog: ClickLog;
    DlpLog: DlpLog;
    Group: Group;
    GroupMember: GroupMember;
    HeldMessage: HeldMessage;
    HeldReleaseLog: HeldReleaseLog;
    ImpersonationLog: ImpersonationLog;
    ManagedUrl: ManagedUrl;
    SiemCiEvent: SiemCiEvent;
    SiemCiGap: SiemCiGap;
    SiemEvent: SiemEvent;
    SiemGap: SiemGap;
    User: User;
}

export type ActionName = keyof Actions;
export type ActionInput<A extends ActionName> = Actions[A]['input'];
export type ActionOutput<A extends ActionName> = Actions[A]['output'];
export type ModelName = keyof Models;
/** A synced record of a model; `nango.listRecords<SyncRecord<M>>()` adds Nango's `_nango_metadata` to it. */
export type SyncRecord<M extends ModelName> = Models[M];

export const ACTION_NAMES = ["add-group-member","block-sender","create-blocked-sender-policy","create-group","create-managed-url","create-remediation-incident","decode-url","delete-blocked-sender-policy","delete-managed-url","find-groups","get-account","get-message-info","get-remediation-incident","list-internal-domains","permit-sender","reject-held-messages","release-held-message","remove-group-member","search-file-hash","search-messages"] as const satisfies readonly ActionName[];
export const MODEL_NAMES = ["ArchiveSearchLog","ArchiveViewLog","AttachmentLog","AuditEvent","BlockedSenderPolicy","ClickLog","DlpLog","Group","GroupMember","HeldMessage","HeldReleaseLog","ImpersonationLog","ManagedUrl","SiemCiEvent","SiemCiGap","SiemEvent","SiemGap","User"] as const satisfies readonly ModelName[];

// Generated from integrations/.nango/nango.json by `npm run docs:reference`. Do not edit.
// The JSON schemas `nango compile` wrote for each function, as TypeScript types for a customer app.

export type ActionInput_mimecast_addgroupmember = {
    /** a directory group id (Group.id from find-groups or the groups sync); letters, digits, - _ (segments joined by : or .), at most 1024 characters */
    id: string;
    /** an email address like user@example.com: local part at most 64 characters, at most 254 in all (RFC 5321) */
    emailAddress?: string;
    /** a domain name like example.com, at most 253 characters */
    domain?: string;
    /** text, at most 255 characters, one line */
    notes?: string;
};

export type ActionInput_mimecast_blocksender = {
    /** an email address like user@example.com: local part at most 64 characters, at most 254 in all (RFC 5321) */
    sender: string;
    /** an email address like user@example.com: local part at most 64 characters, at most 254 in all (RFC 5321) */
    to: string;
};

export type ActionInput_mimecast_checkpermissions = Record<string, never>;

export type ActionInput_mimecast_createaddressalterationpolicy = {
    /** an address alteration set id (the folder of rewrite definitions); letters, digits, - _ (segments joined by : or .), at most 1024 characters */
    addressAlterationSetId: string;
    /** text, at most 200 characters, one line */
    description: string;
    fromPart?: "envelope_from" | "header_from" | "both";
    fromType: "everyone" | "internal_addresses" | "external_addresses" | "email_domain" | "profile_group" | "individual_email_address";
    /** the domain (email_domain), address (individual_email_address) or group id (profile_group) the side matches; at most 1024 characters */
    fromValue?: string;
    toType: "everyone" | "internal_addresses" | "external_addresses" | "email_domain" | "profile_group" | "individual_email_address";
    /** the domain (email_domain), address (individual_email_address) or group id (profile_group) the side matches; at most 1024 characters */
    toValue?: string;
    bidirectional?: boolean;
    enabled?: boolean;
    enforced?: boolean;
    override?: boolean;
    /** text, at most 1000 characters, one line */
    comment?: string;
    /** an ISO 8601 date-time with a time zone, e.g. 2026-01-31T12:00:00Z */
    fromDate?: string;
    /** an ISO 8601 date-time with a time zone, e.g. 2026-01-31T12:00:00Z */
    toDate?: string;
    sourceIPs?: string[];
};

export type ActionInput_mimecast_createantispoofingbypasspolicy = {
    /** text, at most 200 characters, one line */
    description: string;
    fromPart?: "envelope_from" | "header_from" | "both";
    fromType: "everyone" | "internal_addresses" | "external_addresses" | "email_domain" | "profile_group" | "individual_email_address";
    /** the domain (email_domain), address (individual_email_address) or group id (profile_group) the side matches; at most 1024 characters */
    fromValue?: string;
    toType: "everyone" | "internal_addresses" | "external_addresses" | "email_domain" | "profile_group" | "individual_email_address";
    /** the domain (email_domain), address (individual_email_address) or group id (profile_group) the side matches; at most 1024 characters */
    toValue?: string;
    bidirectional?: boolean;
    enabled?: boolean;
    enforced?: boolean;
    override?: boolean;
    /** text, at most 1000 characters, one line */
    comment?: string;
    /** an ISO 8601 date-time with a time zone, e.g. 2026-01-31T12:00:00Z */
    fromDate?: string;
    /** an ISO 8601 date-time with a time zone, e.g. 2026-01-31T12:00:00Z */
    toDate?: string;
    option: "enable_bypass" | "disable_bypass";
    spfDomains?: string[];
};

export type ActionInput_mimecast_createblockedsenderpolicy = {
    /** text, at most 200 characters, one line */
    description: string;
    option: "no_action" | "block_sender";
    fromPart?: "envelope_from" | "header_from" | "both";
    fromType: "everyone" | "internal_addresses" | "external_addresses" | "email_domain" | "profile_group" | "address_attribute_value" | "individual_email_address" | "free_mail_domains" | "header_display_name";
    /** text, at most 1024 characters, one line */
    fromValue?: string;
    toType: "everyone" | "internal_addresses" | "external_addresses" | "email_domain" | "profile_group" | "address_attribute_value" | "individual_email_address";
    /** text, at most 1024 characters, one line */
    toValue?: string;
    bidirectional?: boolean;
    enabled?: boolean;
    enforced?: boolean;
    override?: boolean;
    /** text, at most 1000 characters, one line */
    comment?: string;
    /** an ISO 8601 date-time with a time zone, e.g. 2026-01-31T12:00:00Z */
    fromDate?: string;
    /** an ISO 8601 date-time with a time zone, e.g. 2026-01-31T12:00:00Z */
    toDate?: string;
};

export type ActionInput_mimecast_creategroup = {
    /** The name of the new group (one line, at most 255 characters) */
    description: string;
    /** The Mimecast id of the parent group (Group.id); omit it for a top-level group */
    parentId?: string;
};

export type ActionInput_mimecast_createmanagedurl = {
    /** an absolute http or https URL, at most 2048 characters */
    url: string;
    action: "block" | "permit";
    matchType: "explicit" | "domain";
    /** text, at most 1000 characters, one line */
    comment?: string;
    disableRewrite?: boolean;
    disableUserAwareness?: boolean;
    disableLogClick?: boolean;
};

export type ActionInput_mimecast_createremediationincident = {
    /** text, at most 1000 characters, one line */
    reason: string;
    /** text, at most 998 characters, one line */
    hashOrMessageId: string;
    searchBy: "hash" | "messageId";
    /** an ISO 8601 date-time with a time zone, e.g. 2026-01-31T12:00:00Z */
    start?: string;
    /** an ISO 8601 date-time with a time zone, e.g. 2026-01-31T12:00:00Z */
    end?: string;
};

export type ActionInput_mimecast_decodeurl = {
    /** an absolute http or https URL, at most 2048 characters */
    url: string;
};

export type ActionInput_mimecast_deleteaddressalterationpolicy = {
    /** an address-alteration policy id; letters, digits, - _ (segments joined by : or .), at most 1024 characters */
    id: string;
};

export type ActionInput_mimecast_deleteantispoofingbypasspolicy = {
    /** an anti-spoofing bypass policy id (create-anti-spoofing-bypass-policy id); letters, digits, - _ (segments joined by : or .), at most 1024 characters */
    id: string;
};

export type ActionInput_mimecast_deleteblockedsenderpolicy = {
    /** a blocked-sender policy id (BlockedSenderPolicy.id); letters, digits, - _ (segments joined by : or .), at most 1024 characters */
    id: string;
};

export type ActionInput_mimecast_deletegroup = {
    /** a directory group id (Group.id from find-groups or the groups sync); letters, digits, - _ (segments joined by : or .), at most 1024 characters */
    id: string;
};

export type ActionInput_mimecast_deletemanagedurl = {
    /** a managed URL id (ManagedUrl.id); letters, digits, - _ (segments joined by : or .), at most 1024 characters */
    id: string;
};

export type ActionInput_mimecast_findgroups = {
    /** text, at most 255 characters, one line */
    query?: string;
    /** cloud (groups created in Mimecast, the default) or ldap (synchronised from a directory) */
    source?: "cloud" | "ldap";
};

export type ActionInput_mimecast_getaccount = Record<string, never>;

export type ActionInput_mimecast_getheldmessagesummary = Record<string, never>;

export type ActionInput_mimecast_getmessageinfo = {
    /** a tracked message id (search-messages messages[].id); letters, digits, - _ (segments joined by : or .), at most 1024 characters */
    id: string;
};

export type ActionInput_mimecast_getremediationincident = {
    /** a remediation incident id (create-remediation-incident id); letters, digits, - _ (segments joined by : or .), at most 1024 characters */
    id: string;
};

export type ActionInput_mimecast_listemailqueues = {
    /** an ISO 8601 date-time with a time zone, e.g. 2026-01-31T12:00:00Z */
    start?: string;
    /** an ISO 8601 date-time with a time zone, e.g. 2026-01-31T12:00:00Z */
    end?: string;
};

export type ActionInput_mimecast_listinternaldomains = Record<string, never>;

export type ActionInput_mimecast_permitsender = {
    /** an email address like user@example.com: local part at most 64 characters, at most 254 in all (RFC 5321) */
    sender: string;
    /** an email address like user@example.com: local part at most 64 characters, at most 254 in all (RFC 5321) */
    to: string;
};

export type ActionInput_mimecast_rejectheldmessages = {
    ids: string[];
    /** text, at most 2000 characters (line breaks allowed) */
    message?: string;
    reasonType?: "MESSAGE_CONTAINS_UNDESIRABLE_CONTENT" | "MESSAGE_CONTAINS_CONFIDENTIAL_INFORMATION" | "REVIEWER_DISAPPROVES_OF_CONTENT" | "INAPPROPRIATE_COMMUNICATION" | "MESSAGE_GOES_AGAINST_EMAIL_POLICIES";
    notify?: boolean;
};

export type ActionInput_mimecast_releaseheldmessage = {
    /** a held message id (HeldMessage.id from the held-messages sync); letters, digits, - _ (segments joined by : or .), at most 1024 characters */
    id: string;
};

export type ActionInput_mimecast_removegroupmember = {
    /** a directory group id (Group.id from find-groups or the groups sync); letters, digits, - _ (segments joined by : or .), at most 1024 characters */
    id: string;
    /** an email address like user@example.com: local part at most 64 characters, at most 254 in all (RFC 5321) */
    emailAddress?: string;
    /** a domain name like example.com, at most 253 characters */
    domain?: string;
};

export type ActionInput_mimecast_searcharchive = {
    /** text, at most 500 characters, one line */
    query: string;
    /** an ISO 8601 date-time with a time zone, e.g. 2026-01-31T12:00:00Z */
    start: string;
    /** an ISO 8601 date-time with a time zone, e.g. 2026-01-31T12:00:00Z */
    end: string;
    /** a whole number from 1 to 100 */
    limit?: number;
};

export type ActionInput_mimecast_searchfilehash = {
    hashes: string[];
};

export type ActionInput_mimecast_searchmessages = {
    /** an ISO 8601 date-time with a time zone, e.g. 2026-01-31T12:00:00Z */
    start?: string;
    /** an ISO 8601 date-time with a time zone, e.g. 2026-01-31T12:00:00Z */
    end?: string;
    /** text, at most 500 characters, one line */
    searchReason?: string;
    /** an internet Message-ID like <abc.123@mail.example.com>, at most 998 characters */
    messageId?: string;
    advancedTrackAndTraceOptions?: {
        /** an email address (RFC 5321 limits) or a whole domain like example.com */
        from?: string;
        /** an email address (RFC 5321 limits) or a whole domain like example.com */
        to?: string;
        /** text, at most 998 characters, one line */
        subject?: string;
        /** an IPv4 or IPv6 address */
        senderIP?: string;
        route?: "inbound" | "outbound" | "internal";
    };
};

export type ActionInput_mimecast_searchprocessingmessages = {
    /** an ISO 8601 date-time with a time zone, e.g. 2026-01-31T12:00:00Z */
    start?: string;
    /** an ISO 8601 date-time with a time zone, e.g. 2026-01-31T12:00:00Z */
    end?: string;
    searchBy?: {
        fieldName: "all" | "subject" | "sender" | "recipient";
        /** text, at most 255 characters, one line */
        value: string;
    };
    route?: "all" | "internal" | "outbound" | "inbound" | "external";
    attachments?: boolean;
    sortOrder?: "ascending" | "descending";
    /** a whole number from 1 to 500 */
    limit?: number;
};

export type ActionInput_mimecast_updateaddressalterationpolicy = {
    /** an address-alteration policy id; letters, digits, - _ (segments joined by : or .), at most 1024 characters */
    id: string;
    /** an address alteration set id (the folder of rewrite definitions); letters, digits, - _ (segments joined by : or .), at most 1024 characters */
    addressAlterationSetId: string;
    /** text, at most 200 characters, one line */
    description?: string;
    fromPart?: "envelope_from" | "header_from" | "both";
    fromType?: "everyone" | "internal_addresses" | "external_addresses" | "email_domain" | "profile_group" | "individual_email_address";
    /** the domain (email_domain), address (individual_email_address) or group id (profile_group) the side matches; at most 1024 characters */
    fromValue?: string;
    toType?: "everyone" | "internal_addresses" | "external_addresses" | "email_domain" | "profile_group" | "individual_email_address";
    /** the domain (email_domain), address (individual_email_address) or group id (profile_group) the side matches; at most 1024 characters */
    toValue?: string;
    bidirectional?: boolean;
    enabled?: boolean;
    enforced?: boolean;
    override?: boolean;
    /** text, at most 1000 characters, one line */
    comment?: string;
    /** an ISO 8601 date-time with a time zone, e.g. 2026-01-31T12:00:00Z */
    fromDate?: string;
    /** an ISO 8601 date-time with a time zone, e.g. 2026-01-31T12:00:00Z */
    toDate?: string;
    sourceIPs?: string[];
};

export type ActionInput_mimecast_updateantispoofingbypasspolicy = {
    /** an anti-spoofing bypass policy id (create-anti-spoofing-bypass-policy id); letters, digits, - _ (segments joined by : or .), at most 1024 characters */
    id: string;
    option?: "enable_bypass" | "disable_bypass";
    spfDomains?: string[];
    /** text, at most 200 characters, one line */
    description?: string;
    fromPart?: "envelope_from" | "header_from" | "both";
    fromType?: "everyone" | "internal_addresses" | "external_addresses" | "email_domain" | "profile_group" | "individual_email_address";
    /** the domain (email_domain), address (individual_email_address) or group id (profile_group) the side matches; at most 1024 characters */
    fromValue?: string;
    toType?: "everyone" | "internal_addresses" | "external_addresses" | "email_domain" | "profile_group" | "individual_email_address";
    /** the domain (email_domain), address (individual_email_address) or group id (profile_group) the side matches; at most 1024 characters */
    toValue?: string;
    bidirectional?: boolean;
    enabled?: boolean;
    enforced?: boolean;
    override?: boolean;
    /** text, at most 1000 characters, one line */
    comment?: string;
    /** an ISO 8601 date-time with a time zone, e.g. 2026-01-31T12:00:00Z */
    fromDate?: string;
    /** an ISO 8601 date-time with a time zone, e.g. 2026-01-31T12:00:00Z */
    toDate?: string;
};

export type ActionInput_mimecast_updateblockedsenderpolicy = {
    /** a blocked-sender policy id (BlockedSenderPolicy.id); letters, digits, - _ (segments joined by : or .), at most 1024 characters */
    id: string;
    option?: "no_action" | "block_sender";
    /** text, at most 200 characters, one line */
    description?: string;
    fromPart?: "envelope_from" | "header_from" | "both";
    fromType?: "everyone" | "internal_addresses" | "external_addresses" | "email_domain" | "profile_group" | "individual_email_address";
    /** the domain (email_domain), address (individual_email_address) or group id (profile_group) the side matches; at most 1024 characters */
    fromValue?: string;
    toType?: "everyone" | "internal_addresses" | "external_addresses" | "email_domain" | "profile_group" | "individual_email_address";
    /** the domain (email_domain), address (individual_email_address) or group id (profile_group) the side matches; at most 1024 characters */
    toValue?: string;
    bidirectional?: boolean;
    enabled?: boolean;
    enforced?: boolean;
    override?: boolean;
    /** text, at most 1000 characters, one line */
    comment?: string;
    /** an ISO 8601 date-time with a time zone, e.g. 2026-01-31T12:00:00Z */
    fromDate?: string;
    /** an ISO 8601 date-time with a time zone, e.g. 2026-01-31T12:00:00Z */
    toDate?: string;
};

export type ActionInput_mimecast_updategroup = {
    /** a directory group id (Group.id from find-groups or the groups sync); letters, digits, - _ (segments joined by : or .), at most 1024 characters */
    id: string;
    /** text, at most 255 characters, one line */
    description?: string;
    /** a directory group id (Group.id from find-groups or the groups sync); letters, digits, - _ (segments joined by : or .), at most 1024 characters */
    parentId?: string;
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

export type ActionOutput_mimecast_checkpermissions = {
    products: {
        product: string;
        permission: string;
        granted: boolean | null;
        probe: string;
        reason?: string;
        functions: string[];
    }[];
    summary: {
        granted: number;
        notGranted: number;
        unknown: number;
        runnable: string[];
        notRunnable: string[];
        undetermined: string[];
    };
};

export type ActionOutput_mimecast_createaddressalterationpolicy = {
    id: string;
    addressAlterationSetId?: string;
    description?: string;
    fromPart?: string;
    fromType?: string;
    fromValue?: string;
    toType?: string;
    toValue?: string;
    sourceIPs: string[];
    enabled?: boolean;
    enforced?: boolean;
    override?: boolean;
    bidirectional?: boolean;
    comment?: string;
    fromDate?: string;
    toDate?: string;
    lastUpdated?: string;
};

export type ActionOutput_mimecast_createantispoofingbypasspolicy = {
    id: string;
    description: string;
    option: string;
    fromType: string;
    fromValue?: string;
    toType: string;
    toValue?: string;
    spfDomains: string[];
    enabled?: boolean;
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

export type ActionOutput_mimecast_deleteaddressalterationpolicy = {
    id: string;
    deleted: boolean;
};

export type ActionOutput_mimecast_deleteantispoofingbypasspolicy = {
    id: string;
    deleted: boolean;
};

export type ActionOutput_mimecast_deleteblockedsenderpolicy = {
    id: string;
    deleted: boolean;
};

export type ActionOutput_mimecast_deletegroup = {
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

export type ActionOutput_mimecast_getheldmessagesummary = {
    reasons: {
        policyInfo: string;
        numberOfItems: number;
    }[];
    totalHeld: number;
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

export type ActionOutput_mimecast_listemailqueues = {
    inbound: {
        date: string;
        count: number;
    }[];
    outbound: {
        date: string;
        count: number;
    }[];
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

export type ActionOutput_mimecast_searcharchive = {
    messages: {
        id: string;
        subject?: string;
        from?: string;
        to: string[];
        receivedDate?: string;
        size?: number;
        attachmentCount?: number;
        status?: string;
    }[];
    count: number;
    queryDurationMs?: number;
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

export type ActionOutput_mimecast_searchprocessingmessages = {
    messages: {
        id: string;
        fromEnvelope?: string;
        fromHeader?: string;
        to?: string;
        subject?: string;
        attachment?: boolean;
        routing?: string;
        size?: number;
        remoteIp?: string;
        attempts?: number;
        nextAttempt?: string;
        created?: string;
        info?: string;
        priority?: string;
    }[];
    count: number;
    truncated: boolean;
};

export type ActionOutput_mimecast_updateaddressalterationpolicy = {
    id: string;
    addressAlterationSetId?: string;
    description?: string;
    fromPart?: string;
    fromType?: string;
    fromValue?: string;
    toType?: string;
    toValue?: string;
    sourceIPs: string[];
    enabled?: boolean;
    enforced?: boolean;
    override?: boolean;
    bidirectional?: boolean;
    comment?: string;
    fromDate?: string;
    toDate?: string;
    lastUpdated?: string;
};

export type ActionOutput_mimecast_updateantispoofingbypasspolicy = {
    id: string;
    updated: boolean;
    changed: string[];
};

export type ActionOutput_mimecast_updateblockedsenderpolicy = {
    id: string;
    updated: boolean;
    changed: string[];
};

export type ActionOutput_mimecast_updategroup = {
    id: string;
    description: string;
    source?: string;
    parentId?: string;
    userCount?: number;
    folderCount?: number;
};

export type AntiSpoofingBypassPolicy = {
    id: string;
    description?: string;
    option?: string;
    fromType?: string;
    fromValue?: string;
    toType?: string;
    toValue?: string;
    spfDomains?: string[];
    enabled?: boolean;
    bidirectional?: boolean;
    comment?: string;
    fromDate?: string;
    toDate?: string;
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
    ocsf?: {
        class_uid: number;
        class_name: string;
        category_uid: number;
        activity_id: number;
        type_uid: number;
        severity_id: number;
        time: number;
        metadata: {
            [key: string]: unknown;
        };
        [key: string]: unknown;
    };
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
    ocsf?: {
        class_uid: number;
        class_name: string;
        category_uid: number;
        activity_id: number;
        type_uid: number;
        severity_id: number;
        time: number;
        metadata: {
            [key: string]: unknown;
        };
        [key: string]: unknown;
    };
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
    ocsf?: {
        class_uid: number;
        class_name: string;
        category_uid: number;
        activity_id: number;
        type_uid: number;
        severity_id: number;
        time: number;
        metadata: {
            [key: string]: unknown;
        };
        [key: string]: unknown;
    };
};

export type AuditEvent = {
    id: string;
    auditType: string;
    user?: string;
    eventTime: string;
    eventInfo?: string;
    category?: string;
    ocsf?: {
        class_uid: number;
        class_name: string;
        category_uid: number;
        activity_id: number;
        type_uid: number;
        severity_id: number;
        time: number;
        metadata: {
            [key: string]: unknown;
        };
        [key: string]: unknown;
    };
};

export type AwarenessPerformance = {
    id: string;
    email: string;
    name?: string;
    department?: string;
    userState?: string;
    numCorrect?: number;
    numIncorrect?: number;
    numNotWatched?: number;
    userDetails?: {
        [key: string]: unknown;
    }[];
};

export type AwarenessSafeScore = {
    id: string;
    email: string;
    name?: string;
    department?: string;
    userState?: string;
    risk?: string;
    humanError?: string;
    sentiment?: string;
    engagement?: string;
    knowledge?: string;
};

export type AwarenessWatchlistEntry = {
    id: string;
    email: string;
    name?: string;
    department?: string;
    userState?: string;
    watchlistCount?: number;
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
    ocsf?: {
        class_uid: number;
        class_name: string;
        category_uid: number;
        activity_id: number;
        type_uid: number;
        severity_id: number;
        time: number;
        metadata: {
            [key: string]: unknown;
        };
        [key: string]: unknown;
    };
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
    ocsf?: {
        class_uid: number;
        class_name: string;
        category_uid: number;
        activity_id: number;
        type_uid: number;
        severity_id: number;
        time: number;
        metadata: {
            [key: string]: unknown;
        };
        [key: string]: unknown;
    };
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
    ocsf?: {
        class_uid: number;
        class_name: string;
        category_uid: number;
        activity_id: number;
        type_uid: number;
        severity_id: number;
        time: number;
        metadata: {
            [key: string]: unknown;
        };
        [key: string]: unknown;
    };
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
    ocsf?: {
        class_uid: number;
        class_name: string;
        category_uid: number;
        activity_id: number;
        type_uid: number;
        severity_id: number;
        time: number;
        metadata: {
            [key: string]: unknown;
        };
        [key: string]: unknown;
    };
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

export type MessageTrace = {
    id: string;
    messageId?: string;
    sender?: string;
    recipients: string[];
    subject?: string;
    direction?: string;
    outcome: "delivered" | "partially_delivered" | "held" | "rejected" | "bounced" | "deferred" | "in_progress" | "unknown";
    outcomeReason?: string;
    firstSeen: string;
    updatedAt: string;
    steps: {
        eventId: string;
        kind: string;
        subtype?: string;
        time: string;
        action?: string;
        verdict?: string;
        delivered?: boolean;
        code?: string;
        reason?: string;
        sender?: string;
        recipients?: string[];
        subject?: string;
        direction?: string;
        messageId?: string;
    }[];
    truncated?: boolean;
};

export type PhishingCampaign = {
    id: string;
    name?: string;
    status?: string;
    templateName?: string;
    launchDate?: string;
    numUsers?: number;
    numSent?: number;
    numClicked?: number;
    numReported?: number;
};

export type RemediationIncident = {
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

export type SiemBatchEvent = {
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
    ocsf?: {
        class_uid: number;
        class_name: string;
        category_uid: number;
        activity_id: number;
        type_uid: number;
        severity_id: number;
        time: number;
        metadata: {
            [key: string]: unknown;
        };
        [key: string]: unknown;
    };
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
    policiesApplied?: {
        name?: string;
        action?: string;
        mode?: string;
    }[];
    source?: string;
    tags?: string[];
    details?: {
        [key: string]: unknown;
    };
    ocsf?: {
        class_uid: number;
        class_name: string;
        category_uid: number;
        activity_id: number;
        type_uid: number;
        severity_id: number;
        time: number;
        metadata: {
            [key: string]: unknown;
        };
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
    ocsf?: {
        class_uid: number;
        class_name: string;
        category_uid: number;
        activity_id: number;
        type_uid: number;
        severity_id: number;
        time: number;
        metadata: {
            [key: string]: unknown;
        };
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
    ocsf?: boolean;
    [key: string]: unknown;
};

export type SyncMetadata_mimecast_archiveviewlogs = {
    backfillDays?: number;
    ocsf?: boolean;
    [key: string]: unknown;
};

export type SyncMetadata_mimecast_auditevents = {
    backfillDays?: number;
    ocsf?: boolean;
    [key: string]: unknown;
};

export type SyncMetadata_mimecast_dlplogs = {
    backfillDays?: number;
    ocsf?: boolean;
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
    ocsf?: boolean;
    [key: string]: unknown;
};

export type SyncMetadata_mimecast_siembatchevents = {
    backfillDays?: number;
    maxFilesPerRun?: number;
    ocsf?: boolean;
    [key: string]: unknown;
};

export type SyncMetadata_mimecast_siemcievents = {
    backfillHours?: number;
    maxPagesPerRun?: number;
    ocsf?: boolean;
    [key: string]: unknown;
};

export type SyncMetadata_mimecast_siemevents = {
    backfillHours?: number;
    maxPagesPerRun?: number;
    ocsf?: boolean;
    [key: string]: unknown;
};

export type SyncMetadata_mimecast_threatintelfeed = {
    threatFeedTypes?: ("malware_customer" | "malware_grid")[];
    backfillDays?: number;
    [key: string]: unknown;
};

export type SyncMetadata_mimecast_ttpattachmentlogs = {
    backfillDays?: number;
    ocsf?: boolean;
    [key: string]: unknown;
};

export type SyncMetadata_mimecast_ttpimpersonationlogs = {
    backfillDays?: number;
    ocsf?: boolean;
    [key: string]: unknown;
};

export type SyncMetadata_mimecast_ttpurllogs = {
    backfillDays?: number;
    ocsf?: boolean;
    [key: string]: unknown;
};

export type ThreatIndicator = {
    id: string;
    feedType: "malware_customer" | "malware_grid";
    pattern: string;
    value?: string;
    type?: string;
    labels?: string[];
    created: string;
    modified: string;
    validFrom?: string;
    malwareIds: string[];
    malwareNames: string[];
};

export type User = {
    id: string;
    emailAddress: string;
    name?: string;
    domain: string;
    alias?: boolean;
    addressType?: string;
    source?: string;
};

/** Each action: its input and output. */
export interface Actions {
    "add-group-member": { input: ActionInput_mimecast_addgroupmember; output: ActionOutput_mimecast_addgroupmember };
    "block-sender": { input: ActionInput_mimecast_blocksender; output: ActionOutput_mimecast_blocksender };
    "check-permissions": { input: ActionInput_mimecast_checkpermissions; output: ActionOutput_mimecast_checkpermissions };
    "create-address-alteration-policy": { input: ActionInput_mimecast_createaddressalterationpolicy; output: ActionOutput_mimecast_createaddressalterationpolicy };
    "create-anti-spoofing-bypass-policy": { input: ActionInput_mimecast_createantispoofingbypasspolicy; output: ActionOutput_mimecast_createantispoofingbypasspolicy };
    "create-blocked-sender-policy": { input: ActionInput_mimecast_createblockedsenderpolicy; output: ActionOutput_mimecast_createblockedsenderpolicy };
    "create-group": { input: ActionInput_mimecast_creategroup; output: ActionOutput_mimecast_creategroup };
    "create-managed-url": { input: ActionInput_mimecast_createmanagedurl; output: ActionOutput_mimecast_createmanagedurl };
    "create-remediation-incident": { input: ActionInput_mimecast_createremediationincident; output: ActionOutput_mimecast_createremediationincident };
    "decode-url": { input: ActionInput_mimecast_decodeurl; output: ActionOutput_mimecast_decodeurl };
    "delete-address-alteration-policy": { input: ActionInput_mimecast_deleteaddressalterationpolicy; output: ActionOutput_mimecast_deleteaddressalterationpolicy };
    "delete-anti-spoofing-bypass-policy": { input: ActionInput_mimecast_deleteantispoofingbypasspolicy; output: ActionOutput_mimecast_deleteantispoofingbypasspolicy };
    "delete-blocked-sender-policy": { input: ActionInput_mimecast_deleteblockedsenderpolicy; output: ActionOutput_mimecast_deleteblockedsenderpolicy };
    "delete-group": { input: ActionInput_mimecast_deletegroup; output: ActionOutput_mimecast_deletegroup };
    "delete-managed-url": { input: ActionInput_mimecast_deletemanagedurl; output: ActionOutput_mimecast_deletemanagedurl };
    "find-groups": { input: ActionInput_mimecast_findgroups; output: ActionOutput_mimecast_findgroups };
    "get-account": { input: ActionInput_mimecast_getaccount; output: ActionOutput_mimecast_getaccount };
    "get-held-message-summary": { input: ActionInput_mimecast_getheldmessagesummary; output: ActionOutput_mimecast_getheldmessagesummary };
    "get-message-info": { input: ActionInput_mimecast_getmessageinfo; output: ActionOutput_mimecast_getmessageinfo };
    "get-remediation-incident": { input: ActionInput_mimecast_getremediationincident; output: ActionOutput_mimecast_getremediationincident };
    "list-email-queues": { input: ActionInput_mimecast_listemailqueues; output: ActionOutput_mimecast_listemailqueues };
    "list-internal-domains": { input: ActionInput_mimecast_listinternaldomains; output: ActionOutput_mimecast_listinternaldomains };
    "permit-sender": { input: ActionInput_mimecast_permitsender; output: ActionOutput_mimecast_permitsender };
    "reject-held-messages": { input: ActionInput_mimecast_rejectheldmessages; output: ActionOutput_mimecast_rejectheldmessages };
    "release-held-message": { input: ActionInput_mimecast_releaseheldmessage; output: ActionOutput_mimecast_releaseheldmessage };
    "remove-group-member": { input: ActionInput_mimecast_removegroupmember; output: ActionOutput_mimecast_removegroupmember };
    "search-archive": { input: ActionInput_mimecast_searcharchive; output: ActionOutput_mimecast_searcharchive };
    "search-file-hash": { input: ActionInput_mimecast_searchfilehash; output: ActionOutput_mimecast_searchfilehash };
    "search-messages": { input: ActionInput_mimecast_searchmessages; output: ActionOutput_mimecast_searchmessages };
    "search-processing-messages": { input: ActionInput_mimecast_searchprocessingmessages; output: ActionOutput_mimecast_searchprocessingmessages };
    "update-address-alteration-policy": { input: ActionInput_mimecast_updateaddressalterationpolicy; output: ActionOutput_mimecast_updateaddressalterationpolicy };
    "update-anti-spoofing-bypass-policy": { input: ActionInput_mimecast_updateantispoofingbypasspolicy; output: ActionOutput_mimecast_updateantispoofingbypasspolicy };
    "update-blocked-sender-policy": { input: ActionInput_mimecast_updateblockedsenderpolicy; output: ActionOutput_mimecast_updateblockedsenderpolicy };
    "update-group": { input: ActionInput_mimecast_updategroup; output: ActionOutput_mimecast_updategroup };
}

/** Each sync: the models it writes. */
export interface Syncs {
    "anti-spoofing-bypass-policies": { models: "AntiSpoofingBypassPolicy" };
    "archive-search-logs": { models: "ArchiveSearchLog" };
    "archive-view-logs": { models: "ArchiveViewLog" };
    "audit-events": { models: "AuditEvent" };
    "awareness-performance-details": { models: "AwarenessPerformance" };
    "awareness-phishing-campaigns": { models: "PhishingCampaign" };
    "awareness-safe-scores": { models: "AwarenessSafeScore" };
    "awareness-watchlist": { models: "AwarenessWatchlistEntry" };
    "blocked-sender-policies": { models: "BlockedSenderPolicy" };
    "dlp-logs": { models: "DlpLog" };
    "group-members": { models: "GroupMember" };
    "groups": { models: "Group" };
    "held-messages": { models: "HeldMessage" };
    "held-release-logs": { models: "HeldReleaseLog" };
    "managed-urls": { models: "ManagedUrl" };
    "remediation-incidents": { models: "RemediationIncident" };
    "siem-batch-events": { models: "SiemBatchEvent" };
    "siem-ci-events": { models: "SiemCiEvent" | "SiemCiGap" };
    "siem-events": { models: "SiemEvent" | "SiemGap" | "MessageTrace" };
    "threat-intel-feed": { models: "ThreatIndicator" };
    "ttp-attachment-logs": { models: "AttachmentLog" };
    "ttp-impersonation-logs": { models: "ImpersonationLog" };
    "ttp-url-logs": { models: "ClickLog" };
    "users": { models: "User" };
}

/** Each synced model by name. */
export interface Models {
    AntiSpoofingBypassPolicy: AntiSpoofingBypassPolicy;
    ArchiveSearchLog: ArchiveSearchLog;
    ArchiveViewLog: ArchiveViewLog;
    AttachmentLog: AttachmentLog;
    AuditEvent: AuditEvent;
    AwarenessPerformance: AwarenessPerformance;
    AwarenessSafeScore: AwarenessSafeScore;
    AwarenessWatchlistEntry: AwarenessWatchlistEntry;
    BlockedSenderPolicy: BlockedSenderPolicy;
    ClickLog: ClickLog;
    DlpLog: DlpLog;
    Group: Group;
    GroupMember: GroupMember;
    HeldMessage: HeldMessage;
    HeldReleaseLog: HeldReleaseLog;
    ImpersonationLog: ImpersonationLog;
    ManagedUrl: ManagedUrl;
    MessageTrace: MessageTrace;
    PhishingCampaign: PhishingCampaign;
    RemediationIncident: RemediationIncident;
    SiemBatchEvent: SiemBatchEvent;
    SiemCiEvent: SiemCiEvent;
    SiemCiGap: SiemCiGap;
    SiemEvent: SiemEvent;
    SiemGap: SiemGap;
    ThreatIndicator: ThreatIndicator;
    User: User;
}

export type ActionName = keyof Actions;
export type ActionInput<A extends ActionName> = Actions[A]['input'];
export type ActionOutput<A extends ActionName> = Actions[A]['output'];
export type ModelName = keyof Models;
/** A synced record of a model; `nango.listRecords<SyncRecord<M>>()` adds Nango's `_nango_metadata` to it. */
export type SyncRecord<M extends ModelName> = Models[M];

export const ACTION_NAMES = ["add-group-member","block-sender","check-permissions","create-address-alteration-policy","create-anti-spoofing-bypass-policy","create-blocked-sender-policy","create-group","create-managed-url","create-remediation-incident","decode-url","delete-address-alteration-policy","delete-anti-spoofing-bypass-policy","delete-blocked-sender-policy","delete-group","delete-managed-url","find-groups","get-account","get-held-message-summary","get-message-info","get-remediation-incident","list-email-queues","list-internal-domains","permit-sender","reject-held-messages","release-held-message","remove-group-member","search-archive","search-file-hash","search-messages","search-processing-messages","update-address-alteration-policy","update-anti-spoofing-bypass-policy","update-blocked-sender-policy","update-group"] as const satisfies readonly ActionName[];
export const MODEL_NAMES = ["AntiSpoofingBypassPolicy","ArchiveSearchLog","ArchiveViewLog","AttachmentLog","AuditEvent","AwarenessPerformance","AwarenessSafeScore","AwarenessWatchlistEntry","BlockedSenderPolicy","ClickLog","DlpLog","Group","GroupMember","HeldMessage","HeldReleaseLog","ImpersonationLog","ManagedUrl","MessageTrace","PhishingCampaign","RemediationIncident","SiemBatchEvent","SiemCiEvent","SiemCiGap","SiemEvent","SiemGap","ThreatIndicator","User"] as const satisfies readonly ModelName[];

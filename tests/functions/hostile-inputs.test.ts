// Every action input is bounded before any request: hostile values (injection strings, path traversal,
// control characters, 100,000-character strings, wrong types, unknown fields, over-long addresses and
// lists) are refused with invalid_input naming the field, and nothing reaches Mimecast, not even the token
// exchange. Realistic values (ids and addresses from published Mimecast responses, ids the simulator mints)
// still pass and are sent unchanged.
import { readFileSync } from 'node:fs';

import nock from 'nock';

import * as inputs from '../../integrations/mimecast/helpers/inputs.js';
import { startSimulator, type Simulator } from '../../simulator/index.js';
import { createTestHost, envelope, TEST_BASE } from '../harness.js';
import { call, getToken } from '../simulator/helpers.js';

/** Every request to the Mimecast base URL, whatever the method, is recorded (and answered, so a leak shows). */
function trapMimecast(): Array<{ method: string; path: string; body: unknown }> {
    const calls: Array<{ method: string; path: string; body: unknown }> = [];
    for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']) {
        nock(TEST_BASE)
            .persist()
            .intercept(/.*/, method)
            .reply(function (path, body) {
                calls.push({ method, path, body: typeof body === 'string' && body.startsWith('{') ? (JSON.parse(body) as unknown) : body });
                return path === '/oauth/token' ? [200, { access_token: 'trap-token', token_type: 'Bearer', expires_in: 1799 }] : [200, envelope([])];
            });
    }
    return calls;
}

// ---------------------------------------------------------------------------------------------
// Realistic values. Published ones are verbatim from independent Mimecast clients' test data.

/** demisto/content Packs/Mimecast/Integrations/MimecastV2/test_data/list_hold_messages_response.json (data[5].id, data[1].id). */
const HELD_IDS = [
    'eNpVzskOgjAABNB_6RUPUCyLiQdkCyEiRlE5GYGyacvaYjT-u3j0_GYy8wYDTlmPqwysQHlRYml7V_acuY55qJRk0m4mcWnhI0trn2bhlaXqhL6A7LjOveicJ4z7-i4wghDC-hRJw5ilGHJxQych1i1_OloqItBuRqLJy_a1f8ohF0NjDRagfGTdb1dVZASRqsEFGAn9HWHDiHsiyXOI436oGgpW0qw0w7OKIpqhY5jh61__8wWbVz93',
    'eNpVzrEOgjAABNB_6aoDtJaCiYMKGkKCGBXCZKKtAtoCpUXU-O_C6PzucvcGDbtqyXIKFoCiV4rSIZSPg67KovcSKVXOt-IeYNeq-vXdzzKyiYIJ9k7FzY_T20W3gb0LnTCCsEhis1H0ymBrrEQ3Odlu0B1dgjn0nopbaFYN-x5FrRE5SzAFWUnr3y6ZIwwxIWQKFBe_I7pRTHITjaGWySZ_CrAwRxWUjWoYeIRaM83Of_3PF41HQNY'
];
/** demisto/content .../test_data/search_message_response.json (data[0].trackedEmails[0].id). */
const TRACKED_ID =
    'eNpNj9tugkAQht9lryXuLgTEpBcoWompRsA0EBPCYQKbuqB7oNWm715om7Y3k0nm-2b-eUcSSi2AVWiOuuf0HvTN4lWy0_Rm-zu5M-9m_BgV9OoWblEf8_jyBM4-3TZbvBf2i0oiM2GztPbWK8wTBRsmDgvihsve58Kz3YjnhVjd5VoHOnkLr25X--HGOk3rBzRBHKTMa4hUrrSMbxcYQuSibFgP1d_4oEFDMARs9fk8QYq3v32ppeo4iLKrRnd5jDyCqUdNe9B7EJJ1LZqTQWpH4Fv6ufD1cp2VBmRaYpIRy8n6aqgGIdm_TRnFlGJnJJyBVCA4MQ2MiUGwiym2nJmNPj4BLsdpYw';
/** rapid7/insightconnect-plugins mimecast/help.md, create blocked sender policy example output (response[0].id). */
const POLICY_ID =
    'eNo1jU0LgjAYgP_LrgpusZl2EzWwUoaKJHibb7W-pk4tif57euj-fHyQBjF0IGu0QW0c20cSFkXgKt_Z2Zz6nNN8wjqU5aqyEuOcRmP6arfgGXl_Si_X_UE0-p0pGFhl6RsyUaPuUkxLjzDiONREYtC9ekAnVA3zxc-SgHhrl9GZHqHTUj1n-G_mUwPRYmNM8fcHIHEysg';
/** rapid7/insightconnect-plugins mimecast/help.md, create managed URL example output (response[0].id). */
const MANAGED_URL_ID = 'wOi3MCwjYFYhZfkYlp2RMAhvN30QSmqOT7D-I9Abwlmy7ZH7eCwvY3ImP7QVjTLhQT4SWBA3wB_E-UNk-s0gc6iZeMRZzgizv28dIpyFWXw';
/** demisto/content .../test_data/get_message_info_response.json: the Message-ID header in transmissionInfo. */
const MESSAGE_ID = '<978aeeb7a7bded3d-193351@nodered-mimecast-686cbcb7f9-znlxj.hamilton321.net>';
/** demisto/content .../test_data/get_message_info_response.json: component hashes (SHA-256). */
const SHA256 = 'aa2ddd4d877f651eae159fa334aa8aa304d1c007e60811088caf4d354d3b6197';
const SHA256_B = 'f670f02147a11d3794606bcaedbba07a3e84ea27f27872ecae0e595f0996fe2f';
/** demisto/content list_hold_messages_response.json: from.emailAddress and to.emailAddress. */
const SENDER = 'dbnotes@innovation-asylum.b41.one';
const RECIPIENT = 'caroline@paloaltonetworks.mime.integration.com';
/** Ids in the shapes the simulator mints (its real ids are checked against the blocks at the end of this file). */
const SIM_GROUP_ID = 'eNo1Yy0vrFAx3JqGQ2H4NnZ8rZ6Ff7n1TQ9U0Lk2c1_Pab-M';
const SIM_INCIDENT_ID = 'eNqX3n0-rQ9fE2bY5uHk1cLm8pAs4dGt6vWz7oJiN';
const SIM_TRACKED_ID = 'eNqMTIz.Yy0vrFAx3JqGQ2H4NnZ8rZ6Ff7n1TQ9U';
const SIM_PARENT_GROUP_ID = 'eNo1Zm9sZGVyLXBhcmVudC1ncm91cA';
/** demisto/content .../test_data/update_address_alteration_policy_response.json: data[0].id and conditions.sourceIPs[0]. */
const ALTERATION_POLICY_ID = 'eNo1jrs';
const SOURCE_RANGE = '8.8.8.8/24';
/** The seeded bypass policy and an address alteration set of the simulator. */
const SIM_BYPASS_ID = 'eNo1bypass-seeded-partner';
const SIM_SET_ID = 'eNo1set-support';

// ---------------------------------------------------------------------------------------------
// What each action takes: a valid input and each field's kind. A field whose rule depends on another
// field (a policy value, a remediation target) gets its own valid base.

type Kind =
    | 'id'
    | 'email'
    | 'domain'
    | 'emailOrDomain'
    | 'ip'
    | 'url'
    | 'text'
    | 'multilineText'
    | 'date'
    | 'messageId'
    | 'hash'
    | 'number'
    | 'idList'
    | 'hashList'
    | 'domainList'
    | 'domainListOrEmpty'
    | 'cidrList'
    | 'cidrListOrEmpty';
type Field = [path: string, kind: Kind, base?: Record<string, unknown>];
interface Spec {
    valid: Record<string, unknown>;
    fields: Field[];
    /** A value of `valid` that the Mimecast request must carry unchanged. */
    sent?: string;
}

const POLICY = { description: 'Block a phishing domain', option: 'block_sender', fromType: 'email_domain', fromValue: 'bad.example.net', toType: 'everyone' };
const BYPASS = {
    description: 'Partner sends as us',
    option: 'enable_bypass',
    fromType: 'email_domain',
    fromValue: 'innovation-asylum.b41.one',
    toType: 'internal_addresses',
    spfDomains: ['innovation-asylum.b41.one']
};

const SPECS: Record<string, Spec> = {
    'get-account': { valid: {}, fields: [] },
    'list-internal-domains': { valid: {}, fields: [] },
    'find-groups': { valid: { query: 'Blocked Senders', source: 'cloud' }, fields: [['query', 'text']], sent: 'Blocked Senders' },
    'create-group': {
        valid: { description: 'Blocked Senders - Q4', parentId: SIM_GROUP_ID },
        fields: [
            ['description', 'text'],
            ['parentId', 'id']
        ],
        sent: 'Blocked Senders - Q4'
    },
    'add-group-member': {
        valid: { id: SIM_GROUP_ID, emailAddress: SENDER, notes: 'ticket 42' },
        fields: [
            ['id', 'id'],
            ['emailAddress', 'email'],
            ['domain', 'domain', { id: SIM_GROUP_ID, domain: 'innovation-asylum.b41.one' }],
            ['notes', 'text']
        ],
        sent: SENDER
    },
    'remove-group-member': {
        valid: { id: SIM_GROUP_ID, emailAddress: SENDER },
        fields: [
            ['id', 'id'],
            ['emailAddress', 'email'],
            ['domain', 'domain', { id: SIM_GROUP_ID, domain: 'innovation-asylum.b41.one' }]
        ],
        sent: SENDER
    },
    'block-sender': {
        valid: { sender: SENDER, to: RECIPIENT },
        fields: [
            ['sender', 'email'],
            ['to', 'email']
        ],
        sent: SENDER
    },
    'permit-sender': {
        valid: { sender: SENDER, to: RECIPIENT },
        fields: [
            ['sender', 'email'],
            ['to', 'email']
        ],
        sent: SENDER
    },
    'create-managed-url': {
        valid: { url: 'https://www.test.net/', action: 'permit', matchType: 'explicit', comment: "i'm permitting this because the vendor asked" },
        fields: [
            ['url', 'url'],
            ['comment', 'text']
        ],
        sent: 'https://www.test.net/'
    },
    'decode-url': {
        valid: { url: 'https://protect-eu.mimecast.com/s/AbCdEfGhIjK?domain=www.example.com' },
        fields: [['url', 'url']],
        sent: 'https://protect-eu.mimecast.com/s/AbCdEfGhIjK?domain=www.example.com'
    },
    'delete-managed-url': { valid: { id: MANAGED_URL_ID }, fields: [['id', 'id']], sent: MANAGED_URL_ID },
    'create-blocked-sender-policy': {
        valid: { ...POLICY, comment: 'SOC-1234', fromDate: '2026-01-31T00:00:00Z', toDate: '2026-03-01T00:00:00+0000' },
        fields: [
            ['description', 'text'],
            ['comment', 'text'],
            ['fromValue', 'domain'],
            ['toValue', 'email', { ...POLICY, toType: 'individual_email_address', toValue: RECIPIENT }],
            ['fromValue', 'id', { ...POLICY, fromType: 'profile_group', fromValue: SIM_GROUP_ID }],
            ['fromValue', 'text', { ...POLICY, fromType: 'header_display_name', fromValue: 'IT Helpdesk' }],
            ['fromDate', 'date'],
            ['toDate', 'date']
        ],
        sent: 'bad.example.net'
    },
    'delete-blocked-sender-policy': { valid: { id: POLICY_ID }, fields: [['id', 'id']], sent: POLICY_ID },
    'release-held-message': { valid: { id: HELD_IDS[0] }, fields: [['id', 'id']], sent: HELD_IDS[0] },
    'reject-held-messages': {
        valid: {
            ids: HELD_IDS,
            message: 'Rejected by the SOC.\nQuestions: security@corp.example.com',
            reasonType: 'MESSAGE_GOES_AGAINST_EMAIL_POLICIES',
            notify: true
        },
        fields: [
            ['ids', 'idList'],
            ['message', 'multilineText']
        ],
        sent: HELD_IDS[1]
    },
    'get-message-info': { valid: { id: TRACKED_ID }, fields: [['id', 'id']], sent: TRACKED_ID },
    'search-messages': {
        valid: {
            start: '2022-07-18T00:00:00Z',
            end: '2022-07-19T00:00:00+0000',
            searchReason: 'Phishing investigation SOC-1234',
            advancedTrackAndTraceOptions: {
                from: 'markrobertsny@pilot-meadow.b41.one',
                to: 'paloaltonetworks.mime.integration.com',
                subject: 'Demand Ken Lay Donate Proceeds from Enron Stock Sales',
                senderIP: '54.236.186.184',
                route: 'inbound'
            }
        },
        fields: [
            ['start', 'date'],
            ['end', 'date'],
            ['searchReason', 'text'],
            ['messageId', 'messageId', { messageId: MESSAGE_ID }],
            ['advancedTrackAndTraceOptions.from', 'emailOrDomain'],
            ['advancedTrackAndTraceOptions.to', 'emailOrDomain'],
            ['advancedTrackAndTraceOptions.subject', 'text'],
            ['advancedTrackAndTraceOptions.senderIP', 'ip']
        ],
        sent: 'markrobertsny@pilot-meadow.b41.one'
    },
    'create-remediation-incident': {
        valid: { reason: 'Phishing campaign SOC-1234', hashOrMessageId: SHA256, searchBy: 'hash', start: '2026-11-01T00:00:00Z', end: '2026-11-20T00:00:00Z' },
        fields: [
            ['reason', 'text'],
            ['hashOrMessageId', 'hash'],
            ['hashOrMessageId', 'messageId', { reason: 'Reported by a user', hashOrMessageId: MESSAGE_ID, searchBy: 'messageId' }],
            ['start', 'date'],
            ['end', 'date']
        ],
        sent: SHA256
    },
    'get-remediation-incident': { valid: { id: SIM_INCIDENT_ID }, fields: [['id', 'id']], sent: SIM_INCIDENT_ID },
    'search-file-hash': { valid: { hashes: [SHA256, SHA256_B] }, fields: [['hashes', 'hashList']], sent: SHA256_B },
    'check-permissions': { valid: {}, fields: [] },
    'get-held-message-summary': { valid: {}, fields: [] },
    'list-email-queues': {
        valid: { start: '2026-11-30T00:00:00Z', end: '2026-11-30T05:00:00+0000' },
        fields: [
            ['start', 'date'],
            ['end', 'date']
        ],
        sent: '2026-11-30T05:00:00+0000'
    },
    'search-processing-messages': {
        valid: {
            start: '2026-11-30T00:00:00Z',
            end: '2026-11-30T05:00:00Z',
            searchBy: { fieldName: 'sender', value: SENDER },
            route: 'inbound',
            attachments: true,
            sortOrder: 'descending',
            limit: 50
        },
        fields: [
            ['start', 'date'],
            ['end', 'date'],
            ['searchBy.value', 'text'],
            ['limit', 'number']
        ],
        sent: SENDER
    },
    'search-archive': {
        valid: { query: 'subject: invoice', start: '2026-11-01T00:00:00Z', end: '2026-11-02T00:00:00+0000', limit: 5 },
        fields: [
            ['query', 'text'],
            ['start', 'date'],
            ['end', 'date'],
            ['limit', 'number']
        ],
        sent: 'subject: invoice'
    },
    'update-blocked-sender-policy': {
        valid: {
            id: POLICY_ID,
            description: 'Block a phishing domain',
            enabled: false,
            fromType: 'email_domain',
            fromValue: 'bad.example.net',
            comment: 'SOC-1234',
            fromDate: '2026-01-31T00:00:00Z',
            toDate: '2026-03-01T00:00:00+0000'
        },
        fields: [
            ['id', 'id'],
            ['description', 'text'],
            ['comment', 'text'],
            ['fromValue', 'domain'],
            ['toValue', 'email', { id: POLICY_ID, toType: 'individual_email_address', toValue: RECIPIENT }],
            ['fromValue', 'id', { id: POLICY_ID, fromType: 'profile_group', fromValue: SIM_GROUP_ID }],
            ['fromDate', 'date'],
            ['toDate', 'date']
        ],
        sent: POLICY_ID
    },
    'create-anti-spoofing-bypass-policy': {
        valid: { ...BYPASS, comment: 'Partner relays as us', fromDate: '2026-01-31T00:00:00Z', toDate: '2026-03-01T00:00:00+0000' },
        fields: [
            ['description', 'text'],
            ['comment', 'text'],
            ['fromValue', 'domain'],
            ['toValue', 'email', { ...BYPASS, toType: 'individual_email_address', toValue: RECIPIENT }],
            ['fromValue', 'id', { ...BYPASS, fromType: 'profile_group', fromValue: SIM_GROUP_ID }],
            ['spfDomains', 'domainList'],
            ['fromDate', 'date'],
            ['toDate', 'date']
        ],
        sent: 'innovation-asylum.b41.one'
    },
    'update-anti-spoofing-bypass-policy': {
        valid: { id: SIM_BYPASS_ID, option: 'disable_bypass', spfDomains: ['innovation-asylum.b41.one'], comment: 'Paused during SOC-1234' },
        fields: [
            ['id', 'id'],
            ['description', 'text'],
            ['comment', 'text'],
            ['fromValue', 'domain', { id: SIM_BYPASS_ID, fromType: 'email_domain', fromValue: 'innovation-asylum.b41.one' }],
            ['toValue', 'email', { id: SIM_BYPASS_ID, toType: 'individual_email_address', toValue: RECIPIENT }],
            ['toValue', 'id', { id: SIM_BYPASS_ID, toType: 'profile_group', toValue: SIM_GROUP_ID }],
            ['spfDomains', 'domainListOrEmpty'],
            ['fromDate', 'date'],
            ['toDate', 'date']
        ],
        sent: SIM_BYPASS_ID
    },
    'delete-anti-spoofing-bypass-policy': { valid: { id: SIM_BYPASS_ID }, fields: [['id', 'id']], sent: SIM_BYPASS_ID },
    'create-address-alteration-policy': {
        valid: {
            addressAlterationSetId: SIM_SET_ID,
            description: 'Support alias',
            fromType: 'everyone',
            toType: 'email_domain',
            toValue: 'paloaltonetworks.mime.integration.com',
            sourceIPs: [SOURCE_RANGE],
            comment: 'SOC-1234'
        },
        fields: [
            ['addressAlterationSetId', 'id'],
            ['description', 'text'],
            ['comment', 'text'],
            ['toValue', 'domain'],
            [
                'fromValue',
                'email',
                {
                    addressAlterationSetId: SIM_SET_ID,
                    description: 'Support alias',
                    fromType: 'individual_email_address',
                    fromValue: SENDER,
                    toType: 'everyone'
                }
            ],
            [
                'fromValue',
                'id',
                { addressAlterationSetId: SIM_SET_ID, description: 'Support alias', fromType: 'profile_group', fromValue: SIM_GROUP_ID, toType: 'everyone' }
            ],
            ['sourceIPs', 'cidrList'],
            [
                'fromDate',
                'date',
                { addressAlterationSetId: SIM_SET_ID, description: 'Support alias', fromType: 'everyone', toType: 'everyone', fromDate: '2026-01-31T00:00:00Z' }
            ],
            [
                'toDate',
                'date',
                { addressAlterationSetId: SIM_SET_ID, description: 'Support alias', fromType: 'everyone', toType: 'everyone', toDate: '2026-03-01T00:00:00Z' }
            ]
        ],
        sent: SOURCE_RANGE
    },
    'update-address-alteration-policy': {
        valid: {
            id: ALTERATION_POLICY_ID,
            addressAlterationSetId: SIM_SET_ID,
            description: 'Support alias',
            toType: 'email_domain',
            toValue: 'paloaltonetworks.mime.integration.com',
            sourceIPs: [SOURCE_RANGE],
            comment: 'SOC-1234'
        },
        fields: [
            ['id', 'id'],
            ['addressAlterationSetId', 'id'],
            ['description', 'text'],
            ['comment', 'text'],
            ['toValue', 'domain'],
            ['fromValue', 'email', { id: ALTERATION_POLICY_ID, addressAlterationSetId: SIM_SET_ID, fromType: 'individual_email_address', fromValue: SENDER }],
            ['fromValue', 'id', { id: ALTERATION_POLICY_ID, addressAlterationSetId: SIM_SET_ID, fromType: 'profile_group', fromValue: SIM_GROUP_ID }],
            ['sourceIPs', 'cidrListOrEmpty'],
            ['fromDate', 'date', { id: ALTERATION_POLICY_ID, addressAlterationSetId: SIM_SET_ID, fromDate: '2026-01-31T00:00:00Z' }],
            ['toDate', 'date', { id: ALTERATION_POLICY_ID, addressAlterationSetId: SIM_SET_ID, toDate: '2026-03-01T00:00:00Z' }]
        ],
        sent: SOURCE_RANGE
    },
    'delete-address-alteration-policy': { valid: { id: ALTERATION_POLICY_ID }, fields: [['id', 'id']], sent: ALTERATION_POLICY_ID },
    'update-group': {
        valid: { id: SIM_GROUP_ID, description: 'Blocked Senders - Q1', parentId: SIM_PARENT_GROUP_ID },
        fields: [
            ['id', 'id'],
            ['description', 'text'],
            ['parentId', 'id']
        ],
        sent: 'Blocked Senders - Q1'
    },
    'delete-group': { valid: { id: SIM_GROUP_ID }, fields: [['id', 'id']], sent: SIM_GROUP_ID }
};

// ---------------------------------------------------------------------------------------------
// Hostile values by kind: [label, value, the field the error must name (relative to the field)].

const INJECTION = "x'; DROP TABLE records;--";
const TRAVERSAL = '../../../etc/passwd';
const HUGE = 'a'.repeat(100_000);
const CONTROL: Array<[string, string]> = [
    ['a NUL', 'eNq\u0000abc'],
    ['a CR LF header injection', 'abc\r\nBcc: spy@evil.example'],
    ['an ANSI escape', '\u001b[31mred'],
    ['a C1 NEL', 'abc\u0085def'],
    ['a line separator', 'abc\u2028def']
];
const WRONG_TYPES: Array<[string, unknown]> = [
    ['a number', 42],
    ['a boolean', true],
    ['null', null],
    ['an object', { $ne: '' }]
];
const hex = (n: number) => 'ab'.repeat(n).slice(0, n);
/** A 190-character domain of valid labels, for a 255-character address with a 64-character local part. */
const DOMAIN_190 = `${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(58)}.com`;

type Hostile = [label: string, value: unknown, suffix?: string];

function hostileValues(kind: Kind): Hostile[] {
    const structured: Hostile[] = [
        ['an SQL injection string', INJECTION],
        ['a path traversal', TRAVERSAL]
    ];
    const common: Hostile[] = [...CONTROL.map(([l, v]): Hostile => [`${l}`, v]), ...WRONG_TYPES.map(([l, v]): Hostile => [l, v]), ['an array', ['x']]];
    switch (kind) {
        case 'text':
            // Quotes and slashes are ordinary text (a comment may say "it's ../"): only length, control characters and types are refused.
            return [...common, ['100,000 characters', HUGE]];
        case 'multilineText':
            // A notice body may break lines (CR, LF, tab); every other control character is refused.
            return [
                ...common.filter(([label]) => label !== 'a CR LF header injection'),
                ['a form feed', 'a\u000cb'],
                ['a vertical tab', 'a\u000bb'],
                ['100,000 characters', HUGE]
            ];
        case 'id':
            return [
                ...structured,
                ...common,
                ['100,000 characters', HUGE],
                ['1,025 characters', 'a'.repeat(1025)],
                ['a space', 'eNq abc'],
                ['a slash', 'eNq/abc'],
                ['a quote', 'eNq"abc'],
                ['markup', '<script>alert(1)</script>'],
                ['an empty string', '']
            ];
        case 'email':
            return [
                ...structured,
                ...common,
                ['a 100,000-character local part', `${HUGE}@example.com`],
                ['a 65-character local part', `${'a'.repeat(65)}@example.com`],
                ['255 characters in all', `${'a'.repeat(64)}@${DOMAIN_190}`],
                ['two addresses', 'a@example.com, b@example.com'],
                ['a display name', 'Alice <alice@example.com>'],
                ['no domain', 'alice@'],
                ['an injection in the local part', `${INJECTION}@example.com`]
            ];
        case 'domain':
            return [
                ...structured,
                ...common,
                ['100,000 characters', `${HUGE}.com`],
                ['254 characters', `${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(62)}`],
                ['a 64-character label', `${'a'.repeat(64)}.com`],
                ['a leading hyphen', '-bad.example.net'],
                ['a space', 'bad example.net'],
                ['a path', 'bad.example.net/../x']
            ];
        case 'emailOrDomain':
            return [...hostileValues('email'), ['a 254-character domain', `${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(62)}`]];
        case 'url':
            return [
                ...structured,
                ...common,
                ['100,000 characters', `https://example.com/${HUGE}`],
                ['2,049 characters', `https://example.com/${'a'.repeat(2049 - 20)}`],
                ['a javascript: URL', 'javascript:alert(1)'],
                ['a file: URL', 'file:///etc/passwd'],
                ['a newline the URL parser would drop', 'https://exa\nmple.com/'],
                ['a tab', 'https://example.com/\tx'],
                ['a space', 'https://example.com/a b'],
                ['a relative URL', '//example.com/x']
            ];
        case 'date':
            return [
                ...structured,
                ...common,
                ['100,000 characters', HUGE],
                ['a date without a time', '2026-01-31'],
                ['no time zone', '2026-01-31T00:00:00'],
                ['a word', 'yesterday'],
                ['month 13', '2026-13-01T00:00:00Z'],
                ['February 30', '2026-02-30T00:00:00Z'],
                ['hour 25', '2026-01-31T25:00:00Z'],
                ['a trailing injection', `2026-01-31T00:00:00Z${INJECTION}`]
            ];
        case 'messageId':
            return [
                ...structured,
                ...common,
                ['100,000 characters', `<${HUGE}@example.com>`],
                ['999 characters', `<${'a'.repeat(985)}@example.com>`],
                ['a space', '<a b@example.com>'],
                ['no @', '<abc.example.com>'],
                ['an unbalanced bracket', '<abc@example.com']
            ];
        case 'hash':
            return [...structured, ...common, ['100,000 characters', hex(100_000)], ['non-hex characters', 'g'.repeat(64)], ['33 characters', hex(33)]];
        case 'ip':
            return [
                ...structured,
                ...common,
                ['100,000 characters', HUGE],
                ['an octet over 255', '256.1.1.1'],
                ['a range instead of an address', '192.0.2.0/24'],
                ['a host name', 'mail.example.com'],
                ['a trailing injection', `192.0.2.10${INJECTION}`]
            ];
        case 'number':
            return [
                ['a numeric string', '10'],
                ['a fraction', 1.5],
                ['zero', 0],
                ['a negative number', -1],
                ['a huge number', 1e308],
                ['a boolean', true],
                ['null', null],
                ['an object', { $gt: 0 }],
                ['an array', [5]]
            ];
        case 'domainList':
            return [['an empty list', []], ...hostileValues('domainListOrEmpty')];
        case 'domainListOrEmpty':
            return [
                ['51 domains', Array.from({ length: 51 }, (_, i) => `d${i}.example.com`)],
                ['a string', 'example.com'],
                ['an injection item', ['a.example.com', INJECTION], '.1'],
                ['a traversal item', [TRAVERSAL], '.0'],
                ['a CR LF item', ['a.example.com\r\nBcc: spy@evil.example'], '.0'],
                ['a 100,000-character item', [`${HUGE}.com`], '.0'],
                ['an address item', [SENDER], '.0'],
                ['a number item', [42], '.0']
            ];
        case 'cidrList':
            return [['an empty list', []], ...hostileValues('cidrListOrEmpty')];
        case 'cidrListOrEmpty':
            return [
                ['101 ranges', Array.from({ length: 101 }, (_, i) => `10.0.${i}.0/24`)],
                ['a string', SOURCE_RANGE],
                ['a bare address', ['8.8.8.8'], '.0'],
                ['an octet over 255', ['256.0.0.0/8'], '.0'],
                ['a prefix over 32', ['192.0.2.0/33'], '.0'],
                ['a leading zero', ['192.0.2.010/24'], '.0'],
                ['an IPv6 range', ['2001:db8::/32'], '.0'],
                ['an injection item', [SOURCE_RANGE, `192.0.2.0/24${INJECTION}`], '.1'],
                ['a traversal item', [TRAVERSAL], '.0'],
                ['a newline item', ['192.0.2.0/24\n'], '.0'],
                ['a 100,000-character item', [HUGE], '.0'],
                ['a number item', [42], '.0']
            ];
        case 'idList':
            return [
                ['101 ids', Array.from({ length: 101 }, (_, i) => `held-${i}`)],
                ['an empty list', []],
                ['a string', 'held-1'],
                ['an injection item', ['held-1', INJECTION], '.1'],
                ['a traversal item', [TRAVERSAL], '.0'],
                ['a control-character item', ['held-1', 'held\u0000-2'], '.1'],
                ['a 100,000-character item', [HUGE], '.0'],
                ['a number item', [42], '.0']
            ];
        case 'hashList':
            return [
                ['101 hashes', Array.from({ length: 101 }, (_, i) => i.toString(16).padStart(64, '0'))],
                ['an empty list', []],
                ['a string', SHA256],
                ['an injection item', [SHA256, INJECTION], '.1'],
                ['a 100,000-character item', [hex(100_000)], '.0'],
                ['a number item', [42], '.0']
            ];
    }
}

function withValue(base: Record<string, unknown>, path: string, value: unknown): Record<string, unknown> {
    const [head, ...rest] = path.split('.') as [string, ...string[]];
    if (rest.length === 0) {
        return { ...base, [head]: value };
    }
    const inner = (base[head] ?? {}) as Record<string, unknown>;
    return { ...base, [head]: withValue(inner, rest.join('.'), value) };
}

const cases: Array<[action: string, field: string, label: string, input: unknown, expectedField: string]> = [];
for (const [action, spec] of Object.entries(SPECS)) {
    for (const [path, kind, base] of spec.fields) {
        for (const [label, value, suffix] of hostileValues(kind)) {
            cases.push([action, path, `${kind}: ${label}`, withValue(base ?? spec.valid, path, value), path + (suffix ?? '')]);
        }
    }
    cases.push([action, 'input', 'an unknown field', { ...spec.valid, unexpected: 'x' }, 'input']);
    cases.push([action, 'input', 'an unknown field named like a prototype key', { ...spec.valid, constructor: 'x' }, 'input']);
    cases.push([action, 'input', 'a string instead of an object', INJECTION, 'input']);
    cases.push([action, 'input', 'an array instead of an object', [spec.valid], 'input']);
}
cases.push([
    'search-messages',
    'advancedTrackAndTraceOptions',
    'an unknown nested field',
    { advancedTrackAndTraceOptions: { from: SENDER, bcc: 'x@example.com' } },
    'advancedTrackAndTraceOptions'
]);
cases.push([
    'search-processing-messages',
    'searchBy',
    'an unknown nested field',
    { searchBy: { fieldName: 'sender', value: SENDER, regex: '.*' } },
    'searchBy'
]);

// ---------------------------------------------------------------------------------------------
// Coverage: the compiled manifest (what Nango deploys) lists the actions; each must have a spec here and
// every input field that is not a closed set (an enum, a boolean) must have hostile values, nested ones
// included, so a new action or a new field cannot ship untested.

interface JsonSchema {
    type?: string;
    enum?: unknown[];
    properties?: Record<string, JsonSchema>;
    $ref?: string;
}
interface ManifestAction {
    name: string;
    input?: string;
    json_schema?: { definitions: Record<string, JsonSchema> };
}

const MANIFEST = new URL('../../integrations/.nango/nango.json', import.meta.url);

function compiledActions(): ManifestAction[] {
    let text: string;
    try {
        text = readFileSync(MANIFEST, 'utf8');
    } catch {
        throw new Error(`integrations/.nango/nango.json is missing: run \`npm run -s compile\` first (npm test does)`);
    }
    return (JSON.parse(text) as Array<{ actions: ManifestAction[] }>).flatMap((integration) => integration.actions);
}

/** The dotted paths of an input's open fields (strings, numbers, arrays); enums and booleans are closed. */
function openFields(schema: JsonSchema, definitions: Record<string, JsonSchema>, prefix = ''): string[] {
    const resolved = schema.$ref ? (definitions[schema.$ref.split('/').pop() ?? ''] ?? {}) : schema;
    if (resolved.properties) {
        return Object.entries(resolved.properties).flatMap(([key, value]) => openFields(value, definitions, `${prefix}${key}.`));
    }
    const path = prefix.slice(0, -1);
    return resolved.enum !== undefined || resolved.type === 'boolean' || path === '' ? [] : [path];
}

describe('hostile action inputs are refused before any request', () => {
    const actions = compiledActions();

    it('covers every compiled action, each with hostile cases', () => {
        expect(actions.length).toBeGreaterThan(0);
        expect(Object.keys(SPECS).sort()).toEqual(actions.map((a) => a.name).sort());
        expect(actions.filter((a) => !cases.some(([action]) => action === a.name)).map((a) => a.name)).toEqual([]);
    });

    it.each(actions.map((a): [string, ManifestAction] => [a.name, a]))('%s: every open input field has hostile values', (name, action) => {
        const definitions = action.json_schema?.definitions ?? {};
        const input = action.input !== undefined ? definitions[action.input] : undefined;
        expect(input).toBeDefined();
        const covered = new Set((SPECS[name]?.fields ?? []).map(([path]) => path));
        expect(openFields(input!, definitions).filter((path) => !covered.has(path))).toEqual([]);
    });

    // One host for every case: a refused input leaves it untouched (no token, no records), so cases cannot leak into each other.
    const t = createTestHost();

    it.each(cases)('%s %s: %s', async (action, _field, _label, input, expectedField) => {
        const calls = trapMimecast();
        const err = await t.runAction(action, input).then(
            () => undefined,
            (e: unknown) => e
        );
        expect(err).toMatchObject({ payload: { code: 'invalid_input', field: expectedField } });
        // The message names the field too, so a caller sees which value to fix.
        if (expectedField !== 'input') {
            expect((err as { payload: { message: string } }).payload.message).toContain(`${expectedField}:`);
        }
        expect(calls).toEqual([]);
    });
});

// ---------------------------------------------------------------------------------------------

/** Runs the action against the trap; the input passed validation when a Mimecast call carried the value. */
async function sendsValue(action: string, input: unknown, value: string): Promise<void> {
    const calls = trapMimecast();
    const err = await createTestHost()
        .runAction(action, input)
        .then(
            () => undefined,
            (e: unknown) => e
        );
    // The trap answers an empty envelope: some actions then fail on the answer, never on the input.
    expect((err as { payload?: { code?: string } } | undefined)?.payload?.code).not.toBe('invalid_input');
    const apiCalls = calls.filter((c) => c.path !== '/oauth/token');
    expect(apiCalls.length).toBeGreaterThan(0);
    expect(JSON.stringify(apiCalls)).toContain(JSON.stringify(value).slice(1, -1));
}

describe('realistic inputs still pass and are sent unchanged', () => {
    it.each(Object.entries(SPECS))('%s: its valid input reaches Mimecast', async (action, spec) => {
        const calls = trapMimecast();
        const err = await createTestHost()
            .runAction(action, spec.valid)
            .then(
                () => undefined,
                (e: unknown) => e
            );
        expect((err as { payload?: { code?: string } } | undefined)?.payload?.code).not.toBe('invalid_input');
        const apiCalls = calls.filter((c) => c.path !== '/oauth/token');
        expect(apiCalls.length).toBeGreaterThan(0);
        if (spec.sent !== undefined) {
            expect(JSON.stringify(apiCalls)).toContain(JSON.stringify(spec.sent).slice(1, -1));
        }
    });

    it.each([
        ['a profile_group value (a group id)', 'create-blocked-sender-policy', { ...POLICY, fromType: 'profile_group', fromValue: SIM_GROUP_ID }, SIM_GROUP_ID],
        [
            'a header display name with quotes',
            'create-blocked-sender-policy',
            { ...POLICY, fromType: 'header_display_name', fromValue: `O'Brien "IT" Helpdesk` },
            `O'Brien "IT" Helpdesk`
        ],
        ['a Message-ID from a published header', 'search-messages', { messageId: MESSAGE_ID }, MESSAGE_ID],
        ['a Message-ID without brackets', 'search-messages', { messageId: MESSAGE_ID.slice(1, -1) }, MESSAGE_ID.slice(1, -1)],
        [
            'a Message-ID to remediate',
            'create-remediation-incident',
            { reason: 'Reported by a user', hashOrMessageId: MESSAGE_ID, searchBy: 'messageId' },
            MESSAGE_ID
        ],
        ['a tracked id the simulator mints (with a dot)', 'get-message-info', { id: SIM_TRACKED_ID }, SIM_TRACKED_ID],
        [
            'a 64-character local part, 254 characters in all',
            'block-sender',
            { sender: `${'a'.repeat(64)}@${DOMAIN_190.slice(1)}`, to: RECIPIENT },
            `${'a'.repeat(64)}@${DOMAIN_190.slice(1)}`
        ],
        [
            'an address with RFC 5321 specials',
            'add-group-member',
            { id: SIM_GROUP_ID, emailAddress: "o'brien+phish@bad.example.net" },
            "o'brien+phish@bad.example.net"
        ],
        [
            'a 253-character domain',
            'add-group-member',
            { id: SIM_GROUP_ID, domain: `${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(61)}` },
            `${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(61)}`
        ],
        [
            'a leap day in the +0000 form Mimecast writes',
            'search-messages',
            { start: '2024-02-29T10:00:00+0000', messageId: MESSAGE_ID },
            '2024-02-29T10:00:00+0000'
        ],
        ['a punycode domain', 'search-messages', { advancedTrackAndTraceOptions: { to: 'xn--bcher-kva.example' } }, 'xn--bcher-kva.example'],
        [
            'a URL of exactly 2,048 characters',
            'create-managed-url',
            { url: `https://example.com/${'a'.repeat(2048 - 20)}`, action: 'block' },
            `https://example.com/${'a'.repeat(2048 - 20)}`
        ],
        [
            '100 held ids',
            'reject-held-messages',
            { ids: Array.from({ length: 100 }, (_, i) => `${HELD_IDS[0]!.slice(0, 40)}${i}`) },
            `${HELD_IDS[0]!.slice(0, 40)}99`
        ],
        ['an id of 1,024 characters', 'release-held-message', { id: 'e'.repeat(1024) }, 'e'.repeat(1024)],
        [
            'a multi-line rejection notice',
            'reject-held-messages',
            { ids: [HELD_IDS[0]], message: 'Rejected.\r\n\tReason: policy' },
            'Rejected.\r\n\tReason: policy'
        ],
        [
            'a subject with quotes and slashes',
            'search-messages',
            { advancedTrackAndTraceOptions: { subject: `RE: it's ../done; "really"` } },
            `RE: it's ../done; "really"`
        ],
        ['an IPv6 sender IP', 'search-messages', { advancedTrackAndTraceOptions: { senderIP: '2001:db8::1' } }, '2001:db8::1'],
        [
            'a whole /0 range and a /32 host',
            'update-address-alteration-policy',
            { id: ALTERATION_POLICY_ID, addressAlterationSetId: SIM_SET_ID, sourceIPs: ['0.0.0.0/0', '203.0.113.7/32'] },
            '203.0.113.7/32'
        ],
        ['a policy value that is a group id', 'update-blocked-sender-policy', { id: POLICY_ID, toType: 'profile_group', toValue: SIM_GROUP_ID }, SIM_GROUP_ID],
        [
            'a search value with XML specials',
            'search-archive',
            { query: 'subject: <invoice> & "Q4"', start: '2026-11-01T00:00:00Z', end: '2026-11-02T00:00:00Z' },
            '&lt;invoice&gt; &amp; &quot;Q4&quot;'
        ]
    ])('%s (%s)', async (_label, action, input, value) => {
        await sendsValue(action, input, value);
    });

    /** The one request an action sent for `input`, after validation passed. */
    async function sentBody(action: string, input: unknown): Promise<unknown> {
        nock.cleanAll(); // a trap set earlier in the same test would answer (and record) first
        const calls = trapMimecast();
        await createTestHost()
            .runAction(action, input)
            .catch((e: unknown) => expect((e as { payload?: { code?: string } }).payload?.code).not.toBe('invalid_input'));
        const apiCalls = calls.filter((c) => c.path !== '/oauth/token');
        expect(apiCalls).toHaveLength(1);
        return apiCalls[0]?.body;
    }

    it('a list that replaces a setting may be emptied (it clears the setting)', async () => {
        await expect(
            sentBody('update-address-alteration-policy', { id: ALTERATION_POLICY_ID, addressAlterationSetId: SIM_SET_ID, sourceIPs: [] })
        ).resolves.toEqual({
            data: [{ id: ALTERATION_POLICY_ID, addressAlterationSetId: SIM_SET_ID, policy: { conditions: { sourceIPs: [] } } }]
        });
        await expect(sentBody('update-anti-spoofing-bypass-policy', { id: SIM_BYPASS_ID, spfDomains: [] })).resolves.toEqual({ spfDomains: [] });
    });

    it('the largest limit passes (and is paged at 100 a request)', async () => {
        await expect(sentBody('search-processing-messages', { limit: 500 })).resolves.toMatchObject({ meta: { pagination: { pageSize: 100 } } });
    });
});

// ---------------------------------------------------------------------------------------------

/** elastic/integrations packages/mimecast, ttp_ip_logs test data: an impersonation-log id with Mimecast's MTOKEN: prefix. */
const MTOKEN_ID = 'MTOKEN:eNqrVkouLS7Jz00tSs5PSVWyUnI2MXM0N1XSUcpMUbIyMjM3MzCw0FEqSy0qzszPU7Iy1FEqyQMrNDAwV6oFAGP7Ehc';

describe('every published Mimecast id fits every id kind', () => {
    const kinds = {
        heldMessageId: inputs.heldMessageId,
        trackedEmailId: inputs.trackedEmailId,
        groupId: inputs.groupId,
        blockedSenderPolicyId: inputs.blockedSenderPolicyId,
        antiSpoofingBypassPolicyId: inputs.antiSpoofingBypassPolicyId,
        addressAlterationPolicyId: inputs.addressAlterationPolicyId,
        addressAlterationSetId: inputs.addressAlterationSetId,
        managedUrlId: inputs.managedUrlId,
        remediationIncidentId: inputs.remediationIncidentId
    };
    it.each(Object.entries(kinds))('%s', (_kind, schema) => {
        const published = [...HELD_IDS, TRACKED_ID, POLICY_ID, ALTERATION_POLICY_ID, MANAGED_URL_ID, MTOKEN_ID];
        expect(published.filter((id) => !schema.safeParse(id).success)).toEqual([]);
        expect([INJECTION, TRAVERSAL, `${POLICY_ID}/..`, `${POLICY_ID}\n`].filter((id) => schema.safeParse(id).success)).toEqual([]);
    });
});

describe('every id the simulator mints fits its id kind', () => {
    let sim: Simulator;
    let token: string;
    beforeAll(async () => {
        sim = await startSimulator({ sizes: { heldMessages: 40, trackedEmails: 300, directoryGroups: 30 } });
        token = await getToken(sim);
    });
    afterAll(async () => {
        await sim.close();
    });

    const ids = async (path: string, item: Record<string, unknown> | undefined, key?: string): Promise<string[]> => {
        const { body } = await call(sim, path, { meta: { pagination: { pageSize: 500 } }, data: item === undefined ? [] : [item] }, token);
        expect(body.fail).toEqual([]);
        const records = key === undefined ? body.data : ((body.data[0]?.[key] as Record<string, unknown>[] | undefined) ?? []);
        return records.map((r) => r['id'] as string);
    };
    const fits = (schema: { safeParse(v: unknown): { success: boolean } }, values: string[]) => {
        expect(values.length).toBeGreaterThan(0);
        expect(values.filter((v) => !schema.safeParse(v).success)).toEqual([]);
    };

    it('held messages, tracked emails, policies, managed URLs, groups and incidents', async () => {
        fits(inputs.heldMessageId, await ids('/api/gateway/get-hold-message-list', { admin: true }));
        fits(inputs.trackedEmailId, await ids('/api/message-finder/search', { advancedTrackAndTraceOptions: { route: 'inbound' } }, 'trackedEmails'));
        fits(inputs.blockedSenderPolicyId, await ids('/api/policy/blockedsenders/get-policy', undefined));
        fits(inputs.managedUrlId, await ids('/api/ttp/url/get-all-managed-urls', undefined));
        fits(inputs.groupId, await ids('/api/directory/find-groups', { source: 'cloud' }, 'folders'));
        fits(inputs.groupId, await ids('/api/directory/find-groups', { source: 'ldap' }, 'folders'));
        const created = await ids('/api/ttp/remediation/create', { reason: 'test', hashOrMessageId: SHA256, searchBy: 'hash' });
        fits(inputs.remediationIncidentId, created);
    });

    it('anti-spoofing bypass and address-alteration policies, and their alteration sets', async () => {
        const bypassPath = '/policy-management/cloud-gateway/v1/anti-spoofing-bypass/policies';
        const made = await call(
            sim,
            bypassPath,
            {
                ...BYPASS,
                fromType: undefined,
                toType: undefined,
                from: { type: 'email_domain', domain: 'innovation-asylum.b41.one' },
                to: { type: 'internal_addresses' }
            },
            token
        );
        expect(made.status).toBe(201);
        const listed = await call(sim, bypassPath, undefined, token, 'GET');
        const bypassIds = ((listed.body as unknown as { policies: Array<{ id: string }> }).policies ?? []).map((p) => p.id);
        expect(bypassIds).toContain((made.body as unknown as { id: string }).id);
        fits(inputs.antiSpoofingBypassPolicyId, bypassIds);
        const { body } = await call(sim, '/api/policy/address-alteration/get-policy', { data: [] }, token);
        expect(body.fail).toEqual([]);
        const policies = body.data as Array<{ id: string; addressAlterationSetId: string }>;
        fits(
            inputs.addressAlterationPolicyId,
            policies.map((p) => p.id)
        );
        fits(
            inputs.addressAlterationSetId,
            policies.map((p) => p.addressAlterationSetId)
        );
    });

    it('the Message-IDs of the simulated mail fit internetMessageId', async () => {
        const now = Date.now();
        const window = { from: new Date(now - 7 * 86_400_000).toISOString(), to: new Date(now).toISOString() };
        const { body } = await call(sim, '/api/dlp/get-logs', { meta: { pagination: { pageSize: 500 } }, data: [window] }, token);
        expect(body.fail).toEqual([]);
        const logs = (body.data[0]?.['dlpLogs'] as Array<{ messageId: string }> | undefined) ?? [];
        fits(
            inputs.internetMessageId,
            logs.map((l) => l.messageId)
        );
    });
});

// Which of this project's syncs and actions the connection's API 2.0 application may run: one cheap read
// per API 2.0 product (its "API products" are granted per application). A 403 means the product or
// permission is not granted; a 200, or a fail[] that is not a permission error (e.g. "not found" for the
// probe's dummy id), means it is; anything else (401, 5xx, network) is unknown, with the reason.
// Reads only, one call per product, no retries beyond the shared transport's.
// Products and permissions: https://developer.services.mimecast.com/api-overview (API 2.0 products)
import { createAction } from 'nango';
import * as z from 'zod';

import { parseInput } from '../helpers/actions.js';
import { callMimecast, callMimecastGet, MimecastError } from '../helpers/api.js';
import { AWARENESS_SCOPE } from '../helpers/awareness.js';
import { toMimecastDate } from '../helpers/dates.js';
import { noInput } from '../helpers/inputs.js';

type Probe =
    { kind: 'api'; path: string; data?: Record<string, unknown>; pageSize?: number } | { kind: 'get'; path: string; params: Record<string, string | number> };

interface Product {
    product: string;
    /** The permissions (this project's `scopes`) its functions need. */
    permission: string;
    functions: string[];
    probe: (now: number) => Probe;
}

const minuteAgo = (now: number) => now - 60_000;

/** fail[] codes that say "not allowed" rather than "bad request" or "not found". */
const PERMISSION_CODE = /forbidden|permission|not_?authori[sz]ed|access_denied|unauthori[sz]ed|not_entitled|not_licensed/i;

// Grouped by the API 2.0 product each endpoint belongs to in Mimecast's API catalogue; a function whose
// endpoints span two products (users: directory and domains) is listed under both.
const PRODUCTS: readonly Product[] = [
    {
        product: 'Account Management',
        permission: 'Account | Dashboard | Read',
        functions: ['get-account'],
        probe: () => ({ kind: 'api', path: '/api/account/get-account' })
    },
    {
        product: 'Audit Events',
        permission:
            'Audit Events | Read; Mimecast Cloud Archive | Archive | Search Logs | Read; Mimecast Cloud Archive | Archive | View Logs | Read; Email Security Cloud Gateway | Gateway | Held Messages | Read',
        functions: ['audit-events', 'archive-search-logs', 'archive-view-logs', 'held-release-logs'],
        probe: (now) => ({
            kind: 'api',
            path: '/api/audit/get-audit-events',
            pageSize: 1,
            data: { startDateTime: toMimecastDate(minuteAgo(now)), endDateTime: toMimecastDate(now) }
        })
    },
    {
        product: 'Email Security Cloud Gateway',
        permission:
            'Account | Dashboard | Read; Account | Monitoring | Held | Edit; Account | Monitoring | Held Summary | Read; Monitoring | Processing | Read; Gateway | Managed Senders | Edit; Gateway | Tracking | Read; Services | Targeted Threat Protection - URL Protect | Read',
        functions: [
            'held-messages',
            'release-held-message',
            'reject-held-messages',
            'get-held-message-summary',
            'list-email-queues',
            'search-processing-messages',
            'block-sender',
            'permit-sender',
            'search-messages',
            'get-message-info',
            'decode-url'
        ],
        probe: () => ({ kind: 'api', path: '/api/gateway/get-hold-summary-list' })
    },
    {
        product: 'Security Events',
        permission:
            'Data Leak Prevention | Logs | Read; Targeted Threat Protection - URL Protect | Logs | Read; Targeted Threat Protection - Attachment Protect | Logs | Read; Targeted Threat Protection - Impersonation Protect | Logs | Read',
        functions: ['dlp-logs', 'ttp-url-logs', 'ttp-attachment-logs', 'ttp-impersonation-logs'],
        probe: (now) => ({ kind: 'api', path: '/api/dlp/get-logs', pageSize: 1, data: { from: toMimecastDate(minuteAgo(now)), to: toMimecastDate(now) } })
    },
    {
        product: 'Threats, Security Events and Data for CG',
        permission: 'Threats, Security Events and Data for CG | Security Events and Data Retrieval | Threat and Security Events (SIEM) | Read',
        functions: ['siem-events', 'siem-batch-events'],
        probe: (now) => ({
            kind: 'get',
            path: '/siem/v1/events/cg',
            params: { dateRangeStartsAt: new Date(Math.floor(minuteAgo(now) / 1000) * 1000).toISOString(), pageSize: 1 }
        })
    },
    {
        product: 'Threats, Security Events and Data for CI',
        permission: 'Threats, Security Events and Data for CI | Security Events and Data Retrieval | Threat and Security Events (SIEM) | Read',
        functions: ['siem-ci-events'],
        probe: (now) => ({
            kind: 'get',
            path: '/siem/v1/events/ci',
            params: { dateRangeStartsAt: new Date(Math.floor(minuteAgo(now) / 1000) * 1000).toISOString(), pageSize: 1 }
        })
    },
    {
        product: 'Threat Intelligence',
        permission: 'Threat Intelligence | Threat Intel Feed | Read',
        functions: ['threat-intel-feed'],
        // "No result found" in a fail[] is a granted read that found nothing.
        probe: (now) => ({
            kind: 'api',
            path: '/api/ttp/threat-intel/get-feed',
            data: { feedType: 'malware_customer', fileType: 'stix', start: toMimecastDate(minuteAgo(now)), end: toMimecastDate(now) }
        })
    },
    {
        product: 'Awareness Training',
        permission: AWARENESS_SCOPE,
        functions: ['awareness-performance-details', 'awareness-watchlist', 'awareness-safe-scores', 'awareness-phishing-campaigns'],
        probe: () => ({ kind: 'api', path: '/api/awareness-training/company/get-safe-score-details', pageSize: 1 })
    },
    {
        product: 'Policy Management',
        permission:
            'Gateway | Policies | Read; Gateway | Policies | Edit; Services | Targeted Threat Protection - URL Protect | Read; Services | Targeted Threat Protection - URL Protect | Edit',
        functions: [
            'blocked-sender-policies',
            'create-blocked-sender-policy',
            'update-blocked-sender-policy',
            'delete-blocked-sender-policy',
            'create-anti-spoofing-bypass-policy',
            'update-anti-spoofing-bypass-policy',
            'delete-anti-spoofing-bypass-policy',
            'create-address-alteration-policy',
            'update-address-alteration-policy',
            'delete-address-alteration-policy',
            'anti-spoofing-bypass-policies',
            'managed-urls',
            'create-managed-url',
            'delete-managed-url'
        ],
        probe: () => ({ kind: 'api', path: '/api/policy/blockedsenders/get-policy', pageSize: 1 })
    },
    {
        product: 'User and Group Management',
        permission: 'Directories | Internal Users | Read; Directories | Groups | Read; Directories | Groups | Edit',
        functions: [
            'users',
            'groups',
            'group-members',
            'find-groups',
            'create-group',
            'update-group',
            'delete-group',
            'add-group-member',
            'remove-group-member'
        ],
        probe: () => ({ kind: 'api', path: '/api/directory/find-groups', pageSize: 1 })
    },
    {
        product: 'Domain Management',
        permission: 'Gateway | Domains | Read',
        functions: ['list-internal-domains', 'users'],
        probe: () => ({ kind: 'api', path: '/api/domain/get-internal-domain', pageSize: 1 })
    },
    {
        product: 'Threat Management',
        permission: 'Services | Threat Remediation | Read; Services | Threat Remediation | Edit',
        functions: ['create-remediation-incident', 'get-remediation-incident', 'search-file-hash', 'remediation-incidents'],
        // A dummy id: "not found" proves the read is allowed without touching any incident.
        probe: () => ({ kind: 'api', path: '/api/ttp/remediation/get-incident', data: { id: 'check-permissions-probe' } })
    },
    {
        product: 'Data Retention',
        permission: 'Archive | Search | Read',
        functions: ['search-archive'],
        probe: (now) => ({
            kind: 'api',
            path: '/api/archive/search',
            data: {
                query:
                    '<?xml version="1.0"?><xmlquery trace="iql,muse"><metadata query-type="emailarchive" archive="true" active="false" page-size="1" startrow="0"><smartfolders/><return-fields><return-field>id</return-field></return-fields></metadata>' +
                    `<muse><text>check-permissions</text><date select="between" from="${toMimecastDate(minuteAgo(now))}" to="${toMimecastDate(now)}"/></muse></xmlquery>`
            }
        })
    }
];

const CheckPermissionsInput = noInput;

const ProductAccess = z.object({
    product: z.string(),
    permission: z.string(),
    /** true: granted; false: not granted (403 or a permission error); null: could not tell (see reason). */
    granted: z.boolean().nullable(),
    /** The endpoint read to find out. */
    probe: z.string(),
    reason: z.string().optional(),
    functions: z.array(z.string())
});

const CheckPermissionsOutput = z.object({
    products: z.array(ProductAccess),
    summary: z.object({
        granted: z.number(),
        notGranted: z.number(),
        unknown: z.number(),
        /** Functions whose every product is granted. */
        runnable: z.array(z.string()),
        /** Functions with at least one product not granted. */
        notRunnable: z.array(z.string()),
        /** Functions whose access could not be told (and none is denied). */
        undetermined: z.array(z.string())
    })
});

const action = createAction({
    description:
        "Checks which syncs and actions the connection's API 2.0 application may run: one read per Mimecast product, reporting the product and permission to grant for each missing one. Changes nothing.",
    version: '1.0.0',
    scopes: ['Account | Dashboard | Read'],
    endpoint: { method: 'GET', path: '/permissions', group: 'Account' },
    input: CheckPermissionsInput,
    output: CheckPermissionsOutput,

    exec: async (nango, rawInput) => {
        parseInput(nango, CheckPermissionsInput, rawInput);
        const now = Date.now();
        const products: z.infer<typeof ProductAccess>[] = [];
        for (const p of PRODUCTS) {
            const probe = p.probe(now);
            const verdict = await tryProbe(nango, probe);
            products.push({ product: p.product, permission: p.permission, ...verdict, probe: probe.path, functions: p.functions });
        }
        const names = [...new Set(PRODUCTS.flatMap((p) => p.functions))];
        const of = (name: string) => products.filter((p) => p.functions.includes(name)).map((p) => p.granted);
        return {
            products,
            summary: {
                granted: products.filter((p) => p.granted === true).length,
                notGranted: products.filter((p) => p.granted === false).length,
                unknown: products.filter((p) => p.granted === null).length,
                runnable: names.filter((n) => of(n).every((g) => g === true)),
                notRunnable: names.filter((n) => of(n).some((g) => g === false)),
                undetermined: names.filter((n) => !of(n).some((g) => g === false) && of(n).some((g) => g === null))
            }
        };
    }
});

async function tryProbe(nango: Parameters<typeof callMimecast>[0], probe: Probe): Promise<{ granted: boolean | null; reason?: string }> {
    // @allowTryCatch: a probe's failure is its answer (not granted, or undetermined), not the action's failure
    try {
        if (probe.kind === 'api') {
            await callMimecast(nango, {
                path: probe.path,
                ...(probe.data ? { data: probe.data } : {}),
                ...(probe.pageSize ? { pageSize: probe.pageSize } : {})
            });
        } else {
            await callMimecastGet(nango, probe.path, probe.params);
        }
        return { granted: true };
    } catch (err) {
        if (!(err instanceof MimecastError)) {
            return { granted: null, reason: err instanceof Error ? err.message : String(err) };
        }
        if (err.status === 403 || PERMISSION_CODE.test(err.code)) {
            return { granted: false, reason: `${err.code}: ${err.message}` };
        }
        if (err.status === 200) {
            // fail[] inside HTTP 200 that is not about permissions: the endpoint ran, so access is granted.
            return { granted: true, reason: `answered ${err.code} (not a permission error)` };
        }
        return { granted: null, reason: `${err.code}${err.status !== undefined ? ` (HTTP ${err.status})` : ''}: ${err.message}` };
    }
}

export type NangoActionLocal = Parameters<(typeof action)['exec']>[0];
export default action;

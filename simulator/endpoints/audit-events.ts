import { DAY_MS, type RecordContext, type Rng, type SeriesSpec } from '../data.js';
import { Validator, fail, formatDate, ok, openPage, pageMeta } from '../envelope.js';
import { defineEndpoint } from '../router.js';
import { ACCOUNT } from './account.js';

export interface AuditEvent {
    id: string;
    auditType: string;
    /** An email address; '' for system events (real Mimecast sends '' for e.g. directory syncs). */
    user: string;
    eventTime: string;
    eventInfo: string;
    category: string;
}

export const TENANT_DOMAIN = 'simulated-tenant.example';
const FIRST = [
    'alice',
    'bob',
    'carol',
    'dave',
    'erin',
    'frank',
    'grace',
    'heidi',
    'ivan',
    'judy',
    'karl',
    'liam',
    'mia',
    'nina',
    'oscar',
    'peggy',
    'quentin',
    'rosa',
    'sam',
    'tara',
    'uma',
    'victor',
    'wendy',
    'xavier',
    'yara'
];
const LAST = [
    'archer',
    'baker',
    'clarke',
    'dawson',
    'evans',
    'fisher',
    'green',
    'hughes',
    'irving',
    'jones',
    'khan',
    'lewis',
    'morgan',
    'nolan',
    'owens',
    'patel',
    'quinn',
    'reid',
    'shaw',
    'turner',
    'underwood',
    'vance',
    'walsh',
    'young',
    'zimmer',
    'abbott',
    'brooks',
    'carter',
    'doyle',
    'ellis',
    'foster',
    'grant',
    'hayes',
    'ingram',
    'jensen',
    'keller',
    'lowe',
    'marsh',
    'novak',
    'oakley',
    'pryce',
    'russo',
    'stone',
    'tran',
    'ueda',
    'vogel',
    'wong',
    'xu',
    'yates',
    'zhou'
];
const capital = (s: string): string => s[0]!.toUpperCase() + s.slice(1);

/** Tenant user i (0 <= i < userCount): the same directory the account reports. */
export function tenantUser(i: number): { email: string; name: string } {
    const first = FIRST[i % FIRST.length]!;
    const last = LAST[Math.floor(i / FIRST.length) % LAST.length]!;
    return { email: `${first}.${last}@${TENANT_DOMAIN}`, name: `${capital(first)} ${capital(last)}` };
}

// Documentation address ranges only (RFC 5737).
const ip = (rng: Rng): string => `${rng.pick(['192.0.2', '198.51.100', '203.0.113'])}.${1 + rng.int(254)}`;
const APPS = ['Administration Console', 'mimecast-moa', 'Mimecast for Outlook', 'Mimecast Personal Portal', 'POP-POP2'];
const POLICIES = ['Anti-Spoofing', 'Attachment Protection', 'URL Protection', 'Blocked Senders', 'Impersonation Protection', 'Content Examination'];
const REASONS = ['Wrong Password', 'Account Locked', 'Unknown User'];

interface Info {
    user: string;
    name: string;
    stamp: string;
    rng: Rng;
}
interface AuditType {
    auditType: string;
    category: string;
    weight: number;
    /** system = no user (''), admin = one of the few administrators. */
    actor?: 'system' | 'admin';
    info(i: Info): string;
}

/** Weighted catalogue: mostly logons, some admin changes, a few rare system events. */
const TYPES: readonly AuditType[] = [
    {
        auditType: 'User Logged On',
        category: 'authentication_logs',
        weight: 30,
        info: (i) => `Successful authentication for ${i.user} <${i.name}>, ${i.stamp}, IP: ${ip(i.rng)}, Application: ${i.rng.pick(APPS)}, Method: Cloud`
    },
    {
        auditType: 'Logon Authentication Failed',
        category: 'authentication_logs',
        weight: 10,
        info: (i) =>
            `Failed authentication for ${i.user} <${i.name}>, ${i.stamp}, IP: ${ip(i.rng)}, Application: ${i.rng.pick(APPS)}, Method: Cloud, Reason: ${i.rng.pick(REASONS)}`
    },
    {
        auditType: 'Logon Requires Challenge',
        category: 'authentication_logs',
        weight: 5,
        info: (i) =>
            `Intermediate authentication for ${i.user} <${i.name}>, ${i.stamp}, IP: ${ip(i.rng)}, Application: Administration Console, Method: Cloud, 2FA: TOTP`
    },
    {
        auditType: 'Policy Modified',
        category: 'account_logs',
        weight: 6,
        actor: 'admin',
        info: (i) =>
            `Action Performed - ${i.rng.pick(POLICIES)} policy "Default ${i.rng.int(9) + 1}" modified by ${i.user}, ${i.stamp}, IP: ${ip(i.rng)}, Application: Administration Console`
    },
    {
        auditType: 'Held Message Released',
        category: 'account_logs',
        weight: 8,
        actor: 'admin',
        info: (i) =>
            `Held message released - To: ${tenantUser(i.rng.int(ACCOUNT.userCount)).email}, Reason: ${i.rng.pick(['Spam Signature', 'Policy Hold', 'Attachment Hold'])}, by ${i.user}, ${i.stamp}, Application: Administration Console`
    },
    {
        auditType: 'Message Action',
        category: 'case_review_logs',
        weight: 5,
        actor: 'admin',
        info: (i) =>
            `Viewed Message - Source: Search, To: ${tenantUser(i.rng.int(ACCOUNT.userCount)).email}, Viewed Content: True, ${i.stamp}, IP: ${ip(i.rng)}, Application: mimecast-case-review`
    },
    {
        auditType: 'Search Action',
        category: 'case_review_logs',
        weight: 4,
        actor: 'admin',
        info: (i) =>
            `Executed Search - Source: Search, Search Criteria: {"keywords":"invoice ${i.rng.int(1000)}"}, ${i.stamp}, IP: ${ip(i.rng)}, Application: mimecast-case-review`
    },
    {
        auditType: 'User Password Changed',
        category: 'user_account_and_role_logs',
        weight: 3,
        info: (i) => `Password reset for user: ${i.user} User Password Changed, Remote IP is ${ip(i.rng)}`
    },
    {
        auditType: 'Completed Directory Sync',
        category: 'account_logs',
        weight: 3,
        actor: 'system',
        info: (i) => (i.rng.int(3) === 0 ? 'No changes found.' : `Directory sync completed: ${i.rng.int(20)} users added, ${i.rng.int(50)} updated.`)
    },
    {
        auditType: 'Archive Mailbox Restore',
        category: 'archive_service_logs',
        weight: 2,
        actor: 'admin',
        info: (i) =>
            `Archive mailbox restore created. Restored data to ${tenantUser(i.rng.int(ACCOUNT.userCount)).email} by ${i.user}, ${i.stamp}, Application: Administration Console`
    },
    {
        auditType: 'Threat Intel Feed Download',
        category: 'reporting_logs',
        weight: 2,
        actor: 'admin',
        info: (i) => `Threat intel feed download - malware_customer, ${i.stamp}, IP: ${ip(i.rng)}, Application: Integrations`
    },
    {
        auditType: 'Mimecast Support Login',
        category: 'mimecast_access_logs',
        weight: 1,
        info: (i) => `Action Performed - support engineer logged into this account, ${i.stamp}, IP: ${ip(i.rng)}, Application: Administration Console`
    },
    {
        auditType: 'Connectors Management',
        category: 'integrations_and_apis',
        weight: 1,
        actor: 'admin',
        info: (i) => `Connector updated for Microsoft O365, Success: true, ${i.stamp}, Application: Administration Console`
    }
];

export const AUDIT_CATEGORIES = [...new Set(TYPES.map((t) => t.category))];
const ADMINS = 5; // the first few tenant users act as administrators

export const auditEvents: SeriesSpec<AuditEvent> = {
    name: 'auditEvents',
    defaultSize: 2_000,
    retentionMs: 30 * DAY_MS,
    make({ id, time, rng }: RecordContext): AuditEvent {
        const type = rng.weighted(TYPES);
        const who = type.actor === 'system' ? undefined : tenantUser(type.actor === 'admin' ? rng.int(ADMINS) : rng.int(ACCOUNT.userCount));
        const eventTime = formatDate(time);
        const stamp = `Date: ${eventTime.slice(0, 10)}, Time: ${eventTime.slice(11)}`;
        const eventInfo = type.info({ user: who?.email ?? '', name: who?.name ?? '', stamp, rng });
        return { id, auditType: type.auditType, user: who?.email ?? '', eventTime, eventInfo, category: type.category };
    }
};

/** Window is [startDateTime, endDateTime): back-to-back windows never return a record twice. */
export default defineEndpoint({
    path: '/api/audit/get-audit-events',
    dataSets: [auditEvents],
    handle(ctx) {
        const v = new Validator(ctx.item);
        const from = v.date('startDateTime', { required: true });
        const to = v.date('endDateTime', { required: true });
        v.dateOrder('startDateTime', from, 'endDateTime', to);
        const query = v.string('query')?.toLowerCase();
        const categories = v.strings('categories');
        if (!v.ok || from === undefined || to === undefined) return v.fail();

        const page = openPage(ctx.request, ctx.path, ctx.item, 500);
        if ('code' in page) return fail(ctx.item, [page]);

        const filter =
            query === undefined && categories === undefined
                ? undefined
                : (e: AuditEvent): boolean =>
                      (categories === undefined || categories.includes(e.category)) &&
                      (query === undefined || `${e.auditType} ${e.user} ${e.eventInfo}`.toLowerCase().includes(query));
        const result = ctx.series(auditEvents).page({ from, to, offset: page.offset, limit: page.pageSize, snapshot: page.snapshot, filter });
        return ok(result.items, pageMeta(page, result.total, result.snapshot));
    }
});

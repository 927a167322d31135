import type { Rng, SeriesSpec } from '../data.js';
import { Validator, fail, ok, openPage, pageMeta } from '../envelope.js';
import { defineEndpoint, type Endpoint } from '../router.js';
import { TENANT_DOMAIN, tenantUser } from './audit-events.js';
import { ACCOUNT } from './account.js';

/**
 * A Mimecast log endpoint: POST, a required time window `[from, to)` under the endpoint's own field
 * names, pages of at most 500, records newest first, wrapped in `data[0].<key>[]` (or flat in `data[]`). Optional
 * `filter` reads extra request filters (validated like Mimecast) and narrows the records.
 */
export function logEndpoint<T>(o: {
    path: string;
    spec: SeriesSpec<T>;
    from: string;
    to: string;
    /** The key under data[0] that holds the records (clickLogs, dlpLogs, logs, ...); absent = flat `data[]` (view logs). */
    key?: string;
    /** Also answer `data[0].resultCount` (the window's total), as published impersonation-log responses do. */
    resultCount?: boolean;
    filter?: (v: Validator) => ((record: T) => boolean) | undefined;
}): Endpoint {
    return defineEndpoint({
        path: o.path,
        dataSets: [o.spec],
        handle(ctx) {
            const v = new Validator(ctx.item);
            const from = v.date(o.from, { required: true });
            const to = v.date(o.to, { required: true });
            v.dateOrder(o.from, from, o.to, to);
            const filter = o.filter?.(v);
            if (!v.ok || from === undefined || to === undefined) return v.fail();
            const page = openPage(ctx.request, ctx.path, ctx.item, 500);
            if ('code' in page) return fail(ctx.item, [page]);
            const r = ctx.series(o.spec).page({ from, to, offset: page.offset, limit: page.pageSize, snapshot: page.snapshot, ...(filter ? { filter } : {}) });
            const data = o.key === undefined ? r.items : [{ [o.key]: r.items, ...(o.resultCount ? { resultCount: r.total } : {}) }];
            return ok(data, pageMeta(page, r.total, r.snapshot));
        }
    });
}

// ------------------------------------------------------------ shared record pieces

const EXTERNAL_DOMAINS = [
    'northwind-traders.example',
    'contoso-mail.example',
    'fabrikam.example',
    'globex-billing.example',
    'initech.example',
    'acme-invoices.example'
];
const LOOKALIKE_DOMAINS = ['simu1ated-tenant.example', 'simulated-tenant-example.com', 'simulatedtenant.example', 'sirnulated-tenant.example'];
const SENDER_NAMES = ['accounts', 'billing', 'noreply', 'support', 'ceo', 'hr', 'payroll', 'it-helpdesk', 'newsletter', 'orders'];
export const SUBJECTS = [
    'Invoice #{n} overdue',
    'Your parcel {n} is on its way',
    'Quarterly results Q{q}',
    'Password expiry notice',
    'Re: contract draft v{n}',
    'Team offsite agenda',
    'Payment confirmation {n}',
    'Shared document: budget {n}.xlsx',
    'Action required: verify your mailbox',
    'Meeting notes {n}'
];

/** An internal address of the simulated tenant. */
export function internalAddress(rng: Rng): string {
    return tenantUser(rng.int(ACCOUNT.userCount)).email;
}

/** An external sender; `lookalike` picks a domain that imitates the tenant's. */
export function externalAddress(rng: Rng, lookalike = false): string {
    return `${rng.pick(SENDER_NAMES)}@${rng.pick(lookalike ? LOOKALIKE_DOMAINS : EXTERNAL_DOMAINS)}`;
}

export function subject(rng: Rng): string {
    return rng
        .pick(SUBJECTS)
        .replace('{n}', String(1000 + rng.int(9000)))
        .replace('{q}', String(1 + rng.int(4)));
}

/** Documentation address ranges only (RFC 5737). */
export function ipAddress(rng: Rng): string {
    return `${rng.pick(['192.0.2', '198.51.100', '203.0.113'])}.${1 + rng.int(254)}`;
}

/** A Message-ID that is unique per record (derived from the record's stable id). */
export function messageId(id: string): string {
    return `<${id.slice(3, 27)}@${TENANT_DOMAIN}>`;
}

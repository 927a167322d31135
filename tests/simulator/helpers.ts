import { SIMULATOR_CLIENT_ID, SIMULATOR_CLIENT_SECRET, type Simulator } from '../../simulator/index.js';

export interface FailEntry {
    key?: Record<string, unknown>;
    errors?: Array<{ code: string; message: string; field?: string; retryable: boolean }>;
    code?: string;
    message?: string;
    field?: string;
}
export interface Envelope<T = Record<string, unknown>> {
    meta: { status: number; pagination?: { pageSize: number; totalCount: number; next?: string; previous?: string } };
    data: T[];
    fail: FailEntry[];
}
export interface Result<T = Record<string, unknown>> {
    status: number;
    headers: Headers;
    body: Envelope<T>;
}

/** A fake clock tests can move. */
export function fakeClock(start = Date.UTC(2026, 5, 1, 12, 0, 0)): { now: () => number; advance(ms: number): void; set(ms: number): void } {
    let t = start;
    return { now: () => t, advance: (ms) => void (t += ms), set: (ms) => void (t = ms) };
}

export async function tokenRequest(
    sim: Simulator,
    form: Record<string, string>,
    contentType = 'application/x-www-form-urlencoded'
): Promise<{ status: number; body: Record<string, unknown> }> {
    const res = await fetch(`${sim.url}/oauth/token`, { method: 'POST', headers: { 'content-type': contentType }, body: new URLSearchParams(form).toString() });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

export async function getToken(sim: Simulator): Promise<string> {
    const { status, body } = await tokenRequest(sim, {
        client_id: SIMULATOR_CLIENT_ID,
        client_secret: SIMULATOR_CLIENT_SECRET,
        grant_type: 'client_credentials'
    });
    if (status !== 200 || typeof body['access_token'] !== 'string') throw new Error(`token request failed: ${status}`);
    return body['access_token'];
}

export async function call<T = Record<string, unknown>>(
    sim: Simulator,
    path: string,
    body: unknown,
    token: string | undefined,
    method = 'POST'
): Promise<Result<T>> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (token) headers['authorization'] = `Bearer ${token}`;
    const res = await fetch(`${sim.url}${path}`, {
        method,
        headers,
        body: method === 'GET' ? undefined : typeof body === 'string' ? body : JSON.stringify(body)
    });
    return { status: res.status, headers: res.headers, body: (await res.json()) as Envelope<T> };
}

export interface AuditEventRecord {
    id: string;
    auditType: string;
    user: string;
    eventTime: string;
    eventInfo: string;
    category: string;
}

export const AUDIT = '/api/audit/get-audit-events';

/** Mimecast date form for a request. */
export const mc = (ms: number): string => new Date(ms).toISOString().slice(0, 19) + '+0000';

/** Walks every page of an audit window; `between` runs before each follow-up page. */
export async function walkAudit(
    sim: Simulator,
    token: string,
    item: Record<string, unknown>,
    pageSize: number,
    between?: () => void
): Promise<{ records: AuditEventRecord[]; pages: Array<Result<AuditEventRecord>> }> {
    const records: AuditEventRecord[] = [];
    const pages: Array<Result<AuditEventRecord>> = [];
    let pageToken: string | undefined;
    for (let i = 0; i < 10_000; i++) {
        const pagination: Record<string, unknown> = { pageSize };
        if (pageToken) pagination['pageToken'] = pageToken;
        const page = await call<AuditEventRecord>(sim, AUDIT, { meta: { pagination }, data: [item] }, token);
        if (page.status !== 200 || page.body.fail.length > 0) throw new Error(`page failed: ${JSON.stringify(page.body)}`);
        pages.push(page);
        records.push(...page.body.data);
        pageToken = page.body.meta.pagination?.next;
        if (!pageToken || page.body.data.length === 0) break;
        between?.();
    }
    return { records, pages };
}

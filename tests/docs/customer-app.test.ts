// The customer-app example, run for real: its @nangohq/node calls reach a loopback stand-in for Nango's
// API whose actions and records come from this project's functions run by the local host against the
// simulator. So the example's generated types and calls agree with what the functions really return.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { IncomingMessage, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import {
    checkMimecastConnection,
    countAllModels,
    createMimecastConnectSession,
    createNango,
    listSyncedRecords,
    playbookExample,
    triggerMimecastAction
} from '../../docs/examples/customer-app.js';
import { MODEL_NAMES } from '../../docs/examples/types.js';
import { openLocalHost } from '../../host/local.js';
import type { LocalHost } from '../../host/local.js';
import { findFunction } from '../../host/runner.js';

const API_KEY = 'test-nango-api-key-0001';
let local: LocalHost;
let server: Server;
let url: string;
let dir: string;
const seen: { method: string; path: string; headers: IncomingMessage['headers']; body: unknown }[] = [];

async function body(req: IncomingMessage): Promise<unknown> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    return text ? JSON.parse(text) : undefined;
}

beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'customer-app-'));
    local = await openLocalHost({
        env: { NANGO_LOCAL_DIR: dir },
        simulator: { sizes: { auditEvents: 250 } },
        logger: { log: () => {}, addSecret: () => {}, redact: (t) => t }
    });
    await local.host.runSync(findFunction('audit-events'));
    server = createServer((req, res) => {
        void (async () => {
            const u = new URL(req.url ?? '/', 'http://x');
            const payload = await body(req);
            seen.push({ method: req.method ?? '', path: u.pathname, headers: req.headers, body: payload });
            const reply = (status: number, data: unknown) => {
                res.writeHead(status, { 'content-type': 'application/json' });
                res.end(JSON.stringify(data));
            };
            if (req.headers.authorization !== `Bearer ${API_KEY}`) return reply(401, { error: { code: 'unauthorized' } });
            if (req.method === 'POST' && u.pathname === '/connect/sessions') {
                return reply(201, {
                    data: {
                        token: 'nango_connect_session_abc',
                        connect_link: 'https://connect.nango.dev/?session_token=abc',
                        expires_at: '2026-01-01T00:30:00.000Z'
                    }
                });
            }
            if (req.method === 'POST' && u.pathname === '/action/trigger') {
                const { action_name, input } = payload as { action_name: string; input: unknown };
                try {
                    return reply(200, await local.host.runAction(findFunction(action_name), input));
                } catch (err) {
                    // As Nango answers a failed action: HTTP 500, the function's ActionError as the payload.
                    return reply(500, {
                        error: {
                            code: 'action_script_runtime_error',
                            message: 'The action script failed with a runtime error',
                            payload: (err as { payload?: unknown }).payload
                        }
                    });
                }
            }
            if (req.method === 'GET' && u.pathname.replace(/\/$/, '') === '/records') {
                const model = u.searchParams.get('model') ?? '';
                const limit = Number(u.searchParams.get('limit') ?? 100);
                const offset = Number(u.searchParams.get('cursor') ?? 0);
                const all = local.store.listRecords(local.connection.connectionId, model, { includeDeleted: true });
                const records = all.slice(offset, offset + limit).map((r, i) => ({
                    ...r.data,
                    _nango_metadata: {
                        deleted_at: r.deletedAt,
                        last_action: r.deletedAt ? 'DELETED' : 'ADDED',
                        first_seen_at: r.lastModifiedAt,
                        last_modified_at: r.lastModifiedAt,
                        cursor: String(offset + i + 1)
                    }
                }));
                return reply(200, { records, next_cursor: offset + limit < all.length ? String(offset + limit) : null });
            }
            reply(404, { error: { code: 'not_found' } });
        })();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
    await new Promise<void>((resolve) => server?.close(() => resolve()));
    await local?.close();
    rmSync(dir, { recursive: true, force: true });
});

test('creates a connect session limited to mimecast', async () => {
    const nango = createNango({ apiKey: API_KEY, host: url });
    const session = await createMimecastConnectSession(nango, { id: 'user-42', email: 'admin@example.com' });
    expect(session.token).toBe('nango_connect_session_abc');
    const call = seen.find((c) => c.path === '/connect/sessions');
    expect(call?.body).toEqual({ end_user: { id: 'user-42', email: 'admin@example.com' }, allowed_integrations: ['mimecast'] });
});

test('triggers an action with typed input and output', async () => {
    const nango = createNango({ apiKey: API_KEY, host: url });
    const account = await triggerMimecastAction(nango, 'simulator', 'get-account', {});
    expect(account.accountName).toBe('Simulated Tenant Ltd');
    const trigger = seen.filter((c) => c.path === '/action/trigger').pop();
    expect(trigger?.headers['provider-config-key']).toBe('mimecast');
    expect(trigger?.body).toEqual({ action_name: 'get-account', input: {} });
});

test('lists every synced record of a model across pages', async () => {
    const nango = createNango({ apiKey: API_KEY, host: url });
    const records = [];
    for await (const event of listSyncedRecords(nango, 'simulator', 'AuditEvent', { pageSize: 40 })) {
        records.push(event);
    }
    expect(records.length).toBe(local.store.listRecords('simulator', 'AuditEvent').length);
    expect(records.length).toBeGreaterThan(40);
    expect(new Set(records.map((r) => r.id)).size).toBe(records.length);
    expect(typeof records[0]!.eventTime).toBe('string');
});

test('the playbook example and the per-model count run end to end', async () => {
    const nango = createNango({ apiKey: API_KEY, host: url });
    const lines = await playbookExample(nango, 'simulator');
    expect(lines[0]).toContain('Simulated Tenant Ltd');
    expect(lines[2]).toContain('blocked phisher@example.net for ceo@example.com');
    expect(lines[3]).toMatch(/^\d+ functions runnable; missing products: none$/);
    expect(seen.some((c) => c.path === '/action/trigger' && (c.body as { action_name?: string }).action_name === 'check-permissions')).toBe(true);
    const counts = await countAllModels(nango, 'simulator');
    expect(Object.keys(counts).sort()).toEqual([...MODEL_NAMES].sort());
    expect(counts.AuditEvent).toBeGreaterThan(0);
});

test("checks a new connection: the account when Mimecast reads it, Mimecast's own reason when it refuses", async () => {
    const nango = createNango({ apiKey: API_KEY, host: url });
    expect(await checkMimecastConnection(nango, 'simulator')).toEqual({ ok: true, accountName: 'Simulated Tenant Ltd', accountCode: 'CDE22A102' });
    local.simulator!.addFault({ kind: 'status', status: 403, path: '/api/account/get-account' });
    const refused = await checkMimecastConnection(nango, 'simulator');
    expect(refused).toMatchObject({ ok: false, status: 403, retryable: false });
    expect(refused.ok === false && refused.code).toBe('err_forbidden');
    expect(seen.filter((c) => c.path === '/action/trigger').pop()?.body).toEqual({ action_name: 'get-account', input: {} });
});

// API 1.0 end to end against the simulator: the key CLI (happy path and its error paths), the
// simulator's signature checks (bad, stale, replayed), and audit-events / get-account running
// through the host with the mimecast-api-v1 provider (and delete-blocked-sender-policy on the 1.0 route).
import { createHmac, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';

import { main } from '../../host/cli/v1-keys.js';
import type { CliIo } from '../../host/cli/v1-keys.js';
import { openLocalHost } from '../../host/local.js';
import { createLogger } from '../../host/log.js';
import { findFunction } from '../../host/runner.js';
import { startSimulator } from '../../simulator/index.js';
import type { Simulator } from '../../simulator/index.js';
import {
    SIMULATOR_V1_ACCESS_KEY,
    SIMULATOR_V1_APP_ID,
    SIMULATOR_V1_APP_KEY,
    SIMULATOR_V1_DOMAIN_USER,
    SIMULATOR_V1_EMAIL,
    SIMULATOR_V1_EXPIRED_USER,
    SIMULATOR_V1_PASSWORD,
    SIMULATOR_V1_SECRET_KEY
} from '../../simulator/endpoints/v1-login.js';

let sim: Simulator;
let dir: string;

beforeAll(async () => {
    sim = await startSimulator();
    dir = mkdtempSync(join(tmpdir(), 'mimecast-v1-'));
});
afterAll(async () => {
    await sim.close();
    rmSync(dir, { recursive: true, force: true });
});

/** Runs the CLI's main in-process with the given env and piped stdin. */
async function cli(args: string[], env: Record<string, string>, stdin = ''): Promise<{ code: number; out: string; err: string }> {
    let out = '';
    let err = '';
    const io: CliIo = {
        env,
        stdin: Readable.from(stdin ? [stdin] : []),
        stdout: { write: (t: string) => (out += t) },
        stderr: { write: (t: string) => (err += t) }
    };
    const code = await main(args, io);
    return { code, out, err };
}

const demoEnv = (): Record<string, string> => ({
    MIMECAST_V1_DISCOVER_URL: sim.url,
    MIMECAST_APP_ID: SIMULATOR_V1_APP_ID,
    MIMECAST_V1_EMAIL: SIMULATOR_V1_EMAIL,
    MIMECAST_V1_PASSWORD: SIMULATOR_V1_PASSWORD
});

describe('npm run v1:keys', () => {
    it('prints region, Access Key and Secret Key one per line, and nothing secret on stderr', async () => {
        const r = await cli([], demoEnv());
        expect(r.code).toBe(0);
        expect(r.out).toBe(`Region: ${sim.url}\nAccess Key: ${SIMULATOR_V1_ACCESS_KEY}\nSecret Key: ${SIMULATOR_V1_SECRET_KEY}\n`);
        expect(r.err).not.toContain(SIMULATOR_V1_SECRET_KEY);
        expect(r.err).not.toContain(SIMULATOR_V1_PASSWORD);
    });

    it('prints JSON with --json, reading the answers from piped stdin', async () => {
        const r = await cli(['--json', '--discover-url', sim.url], {}, `${SIMULATOR_V1_APP_ID}\n${SIMULATOR_V1_EMAIL}\n${SIMULATOR_V1_PASSWORD}\n`);
        expect(r.code).toBe(0);
        expect(JSON.parse(r.out)).toEqual({ region: sim.url, accessKey: SIMULATOR_V1_ACCESS_KEY, secretKey: SIMULATOR_V1_SECRET_KEY });
    });

    it('runs against its own embedded simulator with --simulator', async () => {
        const r = await cli(['--simulator', '--json'], {});
        expect(r.code).toBe(0);
        expect(JSON.parse(r.out)).toMatchObject({ accessKey: SIMULATOR_V1_ACCESS_KEY, secretKey: SIMULATOR_V1_SECRET_KEY });
    });

    it('says the password is wrong, without echoing it', async () => {
        const r = await cli([], { ...demoEnv(), MIMECAST_V1_PASSWORD: 'not-the-password-123' });
        expect(r.code).toBe(1);
        expect(r.out).toBe('');
        expect(r.err).toMatch(/refused the password for api-service@sim\.example \(err_authentication_failed\)/);
        expect(r.err).not.toContain('not-the-password-123');
    });

    it('says a user who does not sign in with a cloud password cannot get keys', async () => {
        const r = await cli([], { ...demoEnv(), MIMECAST_V1_EMAIL: SIMULATOR_V1_DOMAIN_USER });
        expect(r.code).toBe(1);
        expect(r.err).toMatch(/ad-user@sim\.example does not sign in with a Mimecast cloud password \(domain\)/);
    });

    it('says Mimecast does not know an unknown email', async () => {
        const r = await cli([], { ...demoEnv(), MIMECAST_V1_EMAIL: 'nobody@sim.example' });
        expect(r.code).toBe(1);
        expect(r.err).toMatch(/Mimecast does not know nobody@sim\.example.*err_discover_authentication_unknown_user/);
    });

    it('says an unknown App ID is refused', async () => {
        const r = await cli([], { ...demoEnv(), MIMECAST_APP_ID: 'no-such-app' });
        expect(r.code).toBe(1);
        expect(r.err).toMatch(/refused the App ID/);
    });

    it('names the variable to set when there is no terminal to ask', async () => {
        const r = await cli([], { MIMECAST_V1_DISCOVER_URL: sim.url });
        expect(r.code).toBe(1);
        expect(r.err).toMatch(/set MIMECAST_APP_ID/);
    });
});

describe('the simulator verifies API 1.0 signatures', () => {
    const path = '/api/account/get-account';
    function signed(overrides: { date?: string; reqId?: string; secretKey?: string; accessKey?: string } = {}): Record<string, string> {
        const date = overrides.date ?? new Date().toUTCString().replace('GMT', 'UTC');
        const reqId = overrides.reqId ?? randomUUID();
        const signature = createHmac('sha1', Buffer.from(overrides.secretKey ?? SIMULATOR_V1_SECRET_KEY, 'base64'))
            .update(`${date}:${reqId}:${path}:${SIMULATOR_V1_APP_KEY}`)
            .digest('base64');
        return {
            'content-type': 'application/json',
            'x-mc-app-id': SIMULATOR_V1_APP_ID,
            'x-mc-date': date,
            'x-mc-req-id': reqId,
            authorization: `MC ${overrides.accessKey ?? SIMULATOR_V1_ACCESS_KEY}:${signature}`
        };
    }
    async function call(headers: Record<string, string>): Promise<{ status: number; code: string | undefined }> {
        const res = await fetch(`${sim.url}${path}`, { method: 'POST', headers, body: '{"data":[]}' });
        const body = (await res.json()) as { fail?: { errors?: { code: string }[] }[] };
        return { status: res.status, code: body.fail?.[0]?.errors?.[0]?.code };
    }

    it('accepts a good signature once and refuses the replayed request id', async () => {
        const headers = signed();
        expect(await call(headers)).toEqual({ status: 200, code: undefined });
        expect(await call(headers)).toEqual({ status: 401, code: 'err_xdk_request_id_replayed' });
    });

    it('refuses a wrong signature', async () => {
        expect(await call(signed({ secretKey: Buffer.from('some other key').toString('base64') }))).toEqual({ status: 401, code: 'err_xdk_signature_invalid' });
    });

    it('refuses a stale x-mc-date (more than 15 minutes off)', async () => {
        const stale = new Date(Date.now() - 20 * 60 * 1000).toUTCString().replace('GMT', 'UTC');
        expect(await call(signed({ date: stale }))).toEqual({ status: 401, code: 'err_xdk_date_out_of_range' });
    });

    it('refuses an unknown access key and keeps bearer auth as before', async () => {
        expect(await call(signed({ accessKey: 'unknown-access-key' }))).toEqual({ status: 401, code: 'err_xdk_access_key_unknown' });
        expect(await call({ 'content-type': 'application/json', authorization: 'Bearer nope' })).toEqual({ status: 401, code: 'token_verification_failed' });
    });
});

describe('functions on the mimecast-api-v1 provider, through the host', () => {
    it('runs audit-events end to end with signed requests and no bearer token', async () => {
        const lines: string[] = [];
        const local = await openLocalHost({
            env: { NANGO_LOCAL_DIR: join(dir, 'audit'), MIMECAST_PROVIDER: 'mimecast-api-v1' },
            logger: createLogger({ level: 'debug', write: (l) => lines.push(l) })
        });
        try {
            expect(local.connection.providerConfigKey).toBe('mimecast-api-v1');
            expect(local.host.auth).toBeUndefined();
            const result = await local.host.runSync(findFunction('audit-events'));
            expect(result.models['AuditEvent']?.added).toBeGreaterThan(0);
            expect(local.simulator?.stats.tokensIssued).toBe(0);
            expect(local.simulator?.stats.byPath['/api/audit/get-audit-events']).toBeGreaterThan(0);
            expect(lines.join('\n')).not.toContain(SIMULATOR_V1_SECRET_KEY);
        } finally {
            await local.close();
        }
    });

    it('deletes a blocked-sender policy with the API 1.0 delete-policy (signed), which get-policy then no longer lists', async () => {
        const local = await openLocalHost({
            env: { NANGO_LOCAL_DIR: join(dir, 'policies'), MIMECAST_PROVIDER: 'mimecast-api-v1' },
            logger: createLogger({ level: 'error', write: () => undefined })
        });
        try {
            await local.host.runSync(findFunction('blocked-sender-policies'));
            const [first] = local.store.listRecords(local.connection.connectionId, 'BlockedSenderPolicy').map((r) => String(r.data['id']));
            await expect(local.host.runAction(findFunction('delete-blocked-sender-policy'), { id: first })).resolves.toEqual({ id: first, deleted: true });
            expect(local.simulator?.stats.byPath['/api/policy/blockedsenders/delete-policy']).toBe(1);
            const after = await local.host.runSync(findFunction('blocked-sender-policies'));
            expect(after.models['BlockedSenderPolicy']).toMatchObject({ deleted: 1 });
            expect(local.simulator?.stats.tokensIssued).toBe(0);
        } finally {
            await local.close();
        }
    });

    it('reports an expired key binding (HTTP 418) clearly', async () => {
        // Keys of the demo user whose binding has expired, fetched with the CLI.
        const keys = await cli(['--json'], { ...demoEnv(), MIMECAST_V1_EMAIL: SIMULATOR_V1_EXPIRED_USER });
        expect({ code: keys.code, err: keys.err }).toEqual({ code: 0, err: expect.any(String) }); // on failure, shows what the CLI said
        const { region, accessKey, secretKey } = JSON.parse(keys.out) as { region: string; accessKey: string; secretKey: string };
        const local = await openLocalHost({
            env: {
                NANGO_LOCAL_DIR: join(dir, 'expired'),
                MIMECAST_PROVIDER: 'mimecast-api-v1',
                MIMECAST_V1_BASE_URL: region,
                MIMECAST_APP_ID: SIMULATOR_V1_APP_ID,
                MIMECAST_APP_KEY: SIMULATOR_V1_APP_KEY,
                MIMECAST_ACCESS_KEY: accessKey,
                MIMECAST_SECRET_KEY: secretKey
            },
            logger: createLogger({ level: 'error', write: () => undefined })
        });
        try {
            expect(local.simulator).toBeUndefined();
            await expect(local.host.runAction(findFunction('get-account'), {})).rejects.toMatchObject({
                payload: { code: 'key_binding_expired', status: 418, message: expect.stringMatching(/Never Expires/) }
            });
        } finally {
            await local.close();
        }
    });
});

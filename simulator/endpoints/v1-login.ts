// Mimecast API 1.0 in the simulator: the two login endpoints that hand out a service user's keys, and
// the verification of `Authorization: MC accessKey:signature` on signed /api calls. Wired into the
// server by a marked hook in simulator/index.ts (these routes read request headers, which endpoint
// handlers do not see). Bearer (API 2.0) requests never reach this file.
//
//   POST /api/login/discover-authentication  headers x-mc-app-id, x-mc-req-id; {"data":[{"emailAddress"}]}
//        → data[0] = {emailAddress, authenticate:[...], region:{code, api}}
//   POST /api/login/login  Authorization: Basic-Cloud base64(email:password); {"data":[{"username"}]}
//        → data[0] = {accessKey, secretKey, bindingType, username}
//
// Signed request checks (each a Mimecast-like 401 fail[]): unknown application id, unknown access key,
// x-mc-date missing or more than 15 minutes from the clock, x-mc-req-id seen before, wrong signature.
// Keys of the EXPIRED demo user answer HTTP 418 (the binding lapsed with the Authentication Profile TTL).
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

import { errorReply, fail, ok, parseApiRequest, isReply, type Reply } from '../envelope.js';

// Public demo values: they only open this local fake and are printed in docs and tests on purpose.
export const SIMULATOR_V1_APP_ID = 'sim-v1-app-id';
export const SIMULATOR_V1_APP_KEY = 'sim-v1-app-key';
/** The cloud-password service user whose keys work. */
export const SIMULATOR_V1_EMAIL = 'api-service@sim.example';
export const SIMULATOR_V1_PASSWORD = 'sim-v1-password';
export const SIMULATOR_V1_ACCESS_KEY = 'sim-v1-access-key';
/** base64, as Mimecast returns secret keys. */
export const SIMULATOR_V1_SECRET_KEY = Buffer.from('simulator demo secret key, not a real secret').toString('base64');
/** A user who signs in with domain (AD) authentication: login with Basic-Cloud is refused. */
export const SIMULATOR_V1_DOMAIN_USER = 'ad-user@sim.example';
/** A cloud user whose keys log in fine but whose key binding has expired: signed calls answer 418. */
export const SIMULATOR_V1_EXPIRED_USER = 'expired-binding@sim.example';
export const SIMULATOR_V1_EXPIRED_ACCESS_KEY = 'sim-v1-expired-access-key';

/** How far x-mc-date may be from the simulator clock. */
export const V1_MAX_SKEW_MS = 15 * 60 * 1000;

interface V1User {
    authenticate: string[];
    password?: string;
    keys?: { accessKey: string; secretKey: string; expired: boolean };
}

const USERS: Record<string, V1User> = {
    [SIMULATOR_V1_EMAIL]: {
        authenticate: ['cloud'],
        password: SIMULATOR_V1_PASSWORD,
        keys: { accessKey: SIMULATOR_V1_ACCESS_KEY, secretKey: SIMULATOR_V1_SECRET_KEY, expired: false }
    },
    [SIMULATOR_V1_EXPIRED_USER]: {
        authenticate: ['cloud'],
        password: SIMULATOR_V1_PASSWORD,
        keys: { accessKey: SIMULATOR_V1_EXPIRED_ACCESS_KEY, secretKey: Buffer.from('expired binding demo key').toString('base64'), expired: true }
    },
    [SIMULATOR_V1_DOMAIN_USER]: { authenticate: ['domain'] }
};
const APPS: Record<string, string> = { [SIMULATOR_V1_APP_ID]: SIMULATOR_V1_APP_KEY };

const LOGIN_PATHS = new Set(['/api/login/discover-authentication', '/api/login/login']);

/** Mimecast-like 401 with fail[].errors[] (the key echoes the request item). */
function denied(code: string, message: string, status = 401): Reply {
    return errorReply(status, code, message);
}

function header(req: IncomingMessage, name: string): string | undefined {
    const value = req.headers[name];
    return Array.isArray(value) ? value[0] : value;
}

/** `Mon, 23 Nov 2026 10:00:00 UTC` (or GMT) → epoch ms. */
export function parseMcDate(value: string): number | undefined {
    if (!/^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} (UTC|GMT)$/.test(value)) return undefined;
    const ms = Date.parse(value.replace(/UTC$/, 'GMT'));
    return Number.isFinite(ms) ? ms : undefined;
}

export class V1Auth {
    /** x-mc-req-id → when it was seen; pruned once older than the skew window (a replay then fails the date check). */
    private readonly seen = new Map<string, number>();

    constructor(private readonly clock: () => number) {}

    /** True when the request is API 1.0 signed (so the bearer check does not apply). */
    isSigned(req: IncomingMessage): boolean {
        return /^MC\s/i.test(header(req, 'authorization') ?? '');
    }

    /** The login endpoints, answered here (they need headers); undefined for every other path. */
    route(req: IncomingMessage, path: string, raw: string): Reply | undefined {
        if (!LOGIN_PATHS.has(path)) return undefined;
        if (req.method !== 'POST') return errorReply(405, 'err_method_not_allowed', `${req.method} is not allowed; /api endpoints take POST`);
        const appId = header(req, 'x-mc-app-id');
        if (!appId || !APPS[appId]) return denied('err_xdk_app_id_unknown', 'The x-mc-app-id header is missing or names no registered API 1.0 application');
        if (!header(req, 'x-mc-req-id')) return denied('err_request_id_missing', 'The x-mc-req-id header is required', 400);
        const parsed = parseApiRequest(raw);
        if (isReply(parsed)) return parsed;
        const item = parsed.data[0] ?? {};
        return path === '/api/login/discover-authentication' ? this.discover(req, item) : this.login(req, item);
    }

    private discover(req: IncomingMessage, item: Record<string, unknown>): Reply {
        const email = typeof item['emailAddress'] === 'string' ? item['emailAddress'].trim().toLowerCase() : '';
        if (!email) return fail(item, [{ code: 'err_validation_blank', message: 'emailAddress is required', field: 'emailAddress', retryable: false }]);
        const user = USERS[email];
        if (!user)
            return fail(item, [
                {
                    code: 'err_discover_authentication_unknown_user',
                    message: `No Mimecast account is known for ${email}`,
                    field: 'emailAddress',
                    retryable: false
                }
            ]);
        // The region's base URL is this simulator itself (whatever address the client reached it on).
        const api = `http://${header(req, 'host') ?? '127.0.0.1'}`;
        return ok([{ emailAddress: email, authenticate: user.authenticate, region: { code: 'sim', api } }]);
    }

    private login(req: IncomingMessage, item: Record<string, unknown>): Reply {
        const m = /^Basic-Cloud\s+(\S+)$/i.exec(header(req, 'authorization') ?? '');
        if (!m) return denied('err_authentication_header_invalid', 'Authorization must be "Basic-Cloud base64(email:password)"');
        const decoded = Buffer.from(m[1]!, 'base64').toString('utf8');
        const colon = decoded.indexOf(':');
        const email = (colon > 0 ? decoded.slice(0, colon) : '').trim().toLowerCase();
        const password = colon > 0 ? decoded.slice(colon + 1) : '';
        const username = typeof item['username'] === 'string' ? item['username'].trim().toLowerCase() : '';
        if (!username) return fail(item, [{ code: 'err_validation_blank', message: 'username is required', field: 'username', retryable: false }]);
        if (username !== email) return denied('err_authentication_failed', 'The username does not match the Basic-Cloud credentials');
        const user = USERS[email];
        if (!user) return denied('err_authentication_failed', 'Authentication failed: unknown user or wrong password');
        if (!user.authenticate.includes('cloud') || !user.keys) {
            return denied(
                'err_authentication_type_not_supported',
                `This user does not sign in with a Mimecast cloud password (authentication: ${user.authenticate.join(', ')})`
            );
        }
        if (password !== user.password) return denied('err_authentication_failed', 'Authentication failed: unknown user or wrong password');
        return ok([
            { username: email, accessKey: user.keys.accessKey, secretKey: user.keys.secretKey, bindingType: 'one_step', duration: user.keys.expired ? 0 : -1 }
        ]);
    }

    /** Verifies a signed request; undefined = accepted. */
    verify(req: IncomingMessage, path: string): Reply | undefined {
        const m = /^MC\s+([^:\s]+):(\S+)$/i.exec(header(req, 'authorization') ?? '');
        if (!m) return denied('err_authentication_header_invalid', 'Authorization must be "MC accessKey:signature"');
        const [, accessKey, signature] = m as unknown as [string, string, string];
        const appId = header(req, 'x-mc-app-id') ?? '';
        const appKey = APPS[appId];
        if (!appKey) return denied('err_xdk_app_id_unknown', 'The x-mc-app-id header is missing or names no registered API 1.0 application');
        const owner = Object.values(USERS).find((u) => u.keys?.accessKey === accessKey);
        if (!owner?.keys) return denied('err_xdk_access_key_unknown', 'The access key is not known (generate keys with /api/login/login)');
        const date = header(req, 'x-mc-date') ?? '';
        const at = parseMcDate(date);
        const now = this.clock();
        if (at === undefined) return denied('err_xdk_date_invalid', 'x-mc-date is missing or not like "Mon, 23 Nov 2026 10:00:00 UTC"');
        if (Math.abs(now - at) > V1_MAX_SKEW_MS) return denied('err_xdk_date_out_of_range', 'x-mc-date is more than 15 minutes from the server time');
        const requestId = header(req, 'x-mc-req-id') ?? '';
        if (!requestId) return denied('err_request_id_missing', 'The x-mc-req-id header is required');
        const expected = createHmac('sha1', Buffer.from(owner.keys.secretKey, 'base64')).update(`${date}:${requestId}:${path}:${appKey}`).digest();
        const given = Buffer.from(signature, 'base64');
        if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
            return denied('err_xdk_signature_invalid', 'The request signature does not match (check the secret key, app key, date, request id and path)');
        }
        for (const [id, seenAt] of this.seen) if (now - seenAt > V1_MAX_SKEW_MS) this.seen.delete(id);
        if (this.seen.has(requestId)) return denied('err_xdk_request_id_replayed', 'This x-mc-req-id was already used: every request needs a new one');
        this.seen.set(requestId, now);
        if (owner.keys.expired) {
            return denied('err_xdk_binding_expired', "The key binding has expired: the user's Authentication Profile TTL lapsed", 418);
        }
        return undefined;
    }
}

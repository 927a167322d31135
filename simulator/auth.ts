import { randomBytes } from 'node:crypto';
import { errorReply, type Reply } from './envelope.js';

/** Token endpoint errors use the short `{fail:[{code,message}]}` shape, not errors[]. */
function tokenError(status: number, code: string, message: string, field?: string): Reply {
    return { status, body: { fail: [field ? { code, message, field } : { code, message }] } };
}

/** Issues opaque bearer tokens and checks them against the injected clock. */
export class TokenStore {
    private readonly expiries = new Map<string, number>();

    constructor(
        private readonly clientId: string,
        private readonly clientSecret: string,
        private readonly ttlSeconds: number,
        private readonly clock: () => number
    ) {}

    /** POST /oauth/token. The real endpoint only takes a form body. */
    tokenRequest(contentType: string | undefined, raw: string): Reply {
        const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
        if (type !== 'application/x-www-form-urlencoded') {
            return tokenError(400, 'invalid_request', 'The token request must be an application/x-www-form-urlencoded form body');
        }
        const form = new URLSearchParams(raw);
        for (const field of ['client_id', 'client_secret', 'grant_type']) {
            if (!form.get(field)) return tokenError(400, 'invalid_request', `Missing required parameter: ${field}`, field);
        }
        if (form.get('grant_type') !== 'client_credentials') {
            return tokenError(400, 'unsupported_grant_type', 'grant_type must be client_credentials', 'grant_type');
        }
        if (form.get('client_id') !== this.clientId || form.get('client_secret') !== this.clientSecret) {
            return tokenError(401, 'invalid_client', 'Client authentication failed: unknown client id or wrong secret');
        }
        const token = randomBytes(24).toString('base64url');
        this.expiries.set(token, this.clock() + this.ttlSeconds * 1000);
        // Mimecast answers 1799 for a 30-minute token: one second less than the real lifetime.
        return { status: 200, body: { access_token: token, token_type: 'Bearer', expires_in: this.ttlSeconds - 1, scope: '' } };
    }

    /** Returns a 401 reply, or undefined when the Authorization header carries a live token. */
    check(authorization: string | undefined): Reply | undefined {
        const m = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
        const expiry = m ? this.expiries.get(m[1]!) : undefined;
        if (expiry === undefined) {
            return errorReply(401, 'token_verification_failed', 'Missing or unknown bearer token');
        }
        if (this.clock() >= expiry) return errorReply(401, 'token_expired', 'The access token has expired');
        return undefined;
    }
}

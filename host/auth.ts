// Client-credentials tokens the way Nango's server handles OAUTH2_CC: the token request is built
// from the provider definition (token_url, body_format, token_params, token_request_auth_method),
// the token is cached and reused until `token_expiration_buffer` seconds before it expires (Nango
// refreshes ahead of expiry; a 401 does not force a refresh, see proxy.ts).
import type { Connection } from './connection.js';
import { send } from './http.js';
import type { HttpReply } from './http.js';
import type { Logger } from './log.js';
import { interpolate } from './providers.js';
import { assertEgressAllowed, explicitOrigins } from './proxy.js';

/** Nango's default buffer when a provider sets none. */
const DEFAULT_BUFFER_SECONDS = 15 * 60;
/** Nango assumes this lifetime when the token response has no expires_in. */
const DEFAULT_LIFETIME_SECONDS = 55 * 60;

/**
 * A refused or failed token exchange. It carries the token endpoint's response like an AxiosError does,
 * uninterpreted: the function's helpers read the provider's own code and message from it (Mimecast's
 * fail[], e.g. invalid_client), so a function sees them rather than a bare network error.
 */
export class AuthError extends Error {
    readonly response: { status: number; data: unknown; headers: Record<string, string> } | undefined;
    constructor(
        message: string,
        public readonly status: number,
        public readonly code: string,
        body?: unknown
    ) {
        super(message);
        this.name = 'AuthError';
        this.response = status > 0 ? { status, data: body ?? {}, headers: {} } : undefined;
    }
}

export interface TokenStats {
    tokensFetched: number;
}

export class ClientCredentials {
    readonly stats: TokenStats = { tokensFetched: 0 };
    private token: { value: string; expiresAt: number } | undefined;
    private pending: Promise<string> | undefined;

    constructor(
        private readonly connection: Connection,
        private readonly logger: Logger,
        private readonly now: () => number = Date.now
    ) {
        logger.addSecret(connection.credentials['client_secret']);
    }

    /** A valid access token: the cached one, or a new one when it is within the buffer of expiring. */
    async accessToken(options: { forceRefresh?: boolean } = {}): Promise<string> {
        const bufferMs = (this.connection.provider.token_expiration_buffer ?? DEFAULT_BUFFER_SECONDS) * 1000;
        if (!options.forceRefresh && this.token && this.token.expiresAt - bufferMs > this.now()) {
            return this.token.value;
        }
        // Concurrent callers share one token request.
        this.pending ??= this.fetchToken().finally(() => {
            this.pending = undefined;
        });
        return this.pending;
    }

    tokenUrl(): string {
        const template = this.connection.provider.token_url;
        if (!template) {
            throw new AuthError(`provider ${this.connection.providerConfigKey} has no token_url`, 0, 'invalid_provider');
        }
        const url = new URL(interpolate(template, this.connection.connectionConfig));
        return this.connection.baseUrlOverride ? `${this.connection.baseUrlOverride}${url.pathname}${url.search}` : url.toString();
    }

    private async fetchToken(): Promise<string> {
        const { provider, credentials } = this.connection;
        const clientId = credentials['client_id'] ?? '';
        const clientSecret = credentials['client_secret'] ?? '';
        const params: Record<string, string> = { ...(provider.token_params ?? {}) };
        const headers: Record<string, string> = { accept: 'application/json' };
        if (provider.token_request_auth_method === 'basic') {
            headers['authorization'] = `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}`;
        } else {
            params['client_id'] = clientId;
            params['client_secret'] = clientSecret;
        }
        let url = this.tokenUrl();
        // Nango's egress policy applies to the token request too; the host's base URL override is the one allowance.
        assertEgressAllowed(url, explicitOrigins(this.connection));
        let body: string | undefined;
        switch (provider.body_format ?? 'form') {
            case 'json':
                headers['content-type'] = 'application/json';
                body = JSON.stringify(params);
                break;
            case 'query':
                url = `${url}${url.includes('?') ? '&' : '?'}${new URLSearchParams(params).toString()}`;
                break;
            default:
                headers['content-type'] = 'application/x-www-form-urlencoded';
                body = new URLSearchParams(params).toString();
        }

        let response: HttpReply;
        try {
            response = await send(url, { method: 'POST', headers, ...(body !== undefined ? { body } : {}), timeoutMs: 30_000 });
        } catch (err) {
            throw new AuthError(`token request to ${new URL(url).origin} failed: ${err instanceof Error ? err.message : String(err)}`, 0, 'network_error');
        }
        const text = response.text;
        const json = parseJson(text);
        if (response.status >= 300) {
            // The provider's answer stays on the error (response.data) for the function to read; the host
            // does not interpret it (Nango marks the connection's refresh as failed).
            throw new AuthError(
                `the token endpoint refused the client credentials (HTTP ${response.status})`,
                response.status,
                `http_${response.status}`,
                json ?? text
            );
        }
        const accessToken = json && typeof json['access_token'] === 'string' ? json['access_token'] : undefined;
        if (!accessToken) {
            throw new AuthError('the token response has no access_token', response.status, 'invalid_token_response');
        }
        const expiresIn = Number(json?.['expires_in']);
        const lifetimeMs = Number.isFinite(expiresIn) && expiresIn > 0 ? expiresIn * 1000 : DEFAULT_LIFETIME_SECONDS * 1000;
        this.logger.addSecret(accessToken);
        this.token = { value: accessToken, expiresAt: this.now() + lifetimeMs };
        this.stats.tokensFetched += 1;
        this.logger.log('debug', `new access token, valid ${Math.round(lifetimeMs / 1000)} s`);
        return accessToken;
    }
}

function parseJson(text: string): Record<string, unknown> | undefined {
    try {
        const value: unknown = JSON.parse(text);
        return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
    } catch {
        return undefined;
    }
}

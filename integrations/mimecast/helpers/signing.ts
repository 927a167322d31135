// Mimecast API 1.0 request signing, for connections made with the legacy `mimecast-api-v1` provider.
// API 1.0 has no bearer token: every request carries x-mc-app-id, x-mc-date, x-mc-req-id and
// `Authorization: MC {accessKey}:{signature}` computed from the service user's keys and the
// application's App Key. A header set by the function overrides the provider's in Nango's proxy, so
// the same functions run on either provider: API 2.0 connections are left to the proxy's bearer token.
// https://integrations.mimecast.com/documentation/api-overview/authorization/ (API 1.0)
import { createHmac, randomUUID } from 'crypto';

import type { NangoAction } from 'nango';

import { isObject } from './builtins.js';

/** The provider key of the API 1.0 entry in providers.yaml. */
export const MIMECAST_API_V1_PROVIDER = 'mimecast-api-v1';

/** What signing needs from a connection: App ID + App Key of the application, Access Key + Secret Key of the service user. */
export interface MimecastV1Keys {
    appId: string;
    appKey: string;
    accessKey: string;
    /** Base64, as Mimecast returns it from login. */
    secretKey: string;
}

/** x-mc-date in the RFC 1123 form Mimecast documents, in UTC: `Mon, 23 Nov 2026 10:00:00 UTC`. */
export function mimecastDate(at: Date = new Date()): string {
    return at.toUTCString().replace(/GMT$/, 'UTC');
}

/** base64(HMAC-SHA1(base64decode(secretKey), "{date}:{reqId}:{path}:{appKey}")). */
export function mimecastSignature(secretKey: string, date: string, requestId: string, path: string, appKey: string): string {
    return createHmac('sha1', Buffer.from(secretKey, 'base64')).update(`${date}:${requestId}:${path}:${appKey}`).digest('base64');
}

/** The four headers of one signed request. `path` is the URI path alone (no origin, no query). */
export function signedHeaders(keys: MimecastV1Keys, path: string, at: Date = new Date(), requestId: string = randomUUID()): Record<string, string> {
    const uriPath = path.split('?')[0] ?? path;
    const date = mimecastDate(at);
    return {
        'x-mc-app-id': keys.appId,
        'x-mc-date': date,
        'x-mc-req-id': requestId,
        authorization: `MC ${keys.accessKey}:${mimecastSignature(keys.secretKey, date, requestId, uriPath, keys.appKey)}`
    };
}

export type SigningNango = Pick<NangoAction, 'getConnection'> & { provider?: string | undefined };

/** Signs one request path with fresh date and request id. */
export type RequestSigner = (path: string) => Record<string, string>;

/**
 * The signer of this connection, or undefined for an API 2.0 connection (the proxy sends its bearer
 * token). Reads the keys with nango.getConnection(), which Nango's SDK memoizes for a minute.
 */
export async function requestSignerFor(nango: SigningNango): Promise<RequestSigner | undefined> {
    // Nango's own `mimecast` provider is API 2.0: no connection read needed.
    if (nango.provider === 'mimecast') {
        return undefined;
    }
    const keys = v1KeysOf(await nango.getConnection());
    return keys ? (path) => signedHeaders(keys, path) : undefined;
}

/**
 * The API 1.0 keys of a connection as Nango returns it: an API_KEY connection whose apiKey is the
 * Secret Key, with appId, appKey and accessKey in connection_config (see providers.yaml). Undefined
 * for an API 2.0 (OAUTH2_CC) connection; an API_KEY connection with a field missing is an error.
 */
export function v1KeysOf(connection: unknown): MimecastV1Keys | undefined {
    const record = asRecord(connection);
    const credentials = asRecord(record['credentials']);
    if (credentials['type'] !== 'API_KEY') {
        return undefined;
    }
    const config = asRecord(record['connection_config']);
    const keys = {
        appId: text(config['appId']),
        appKey: text(config['appKey']),
        accessKey: text(config['accessKey']),
        secretKey: text(credentials['apiKey'])
    };
    const missing = Object.entries(keys)
        .filter(([, value]) => value === '')
        .map(([name]) => name);
    if (missing.length > 0) {
        throw new Error(`Mimecast API 1.0 connection is missing ${missing.join(', ')}: reconnect with the App ID, App Key, Access Key and Secret Key`);
    }
    return keys;
}

function asRecord(value: unknown): Record<string, unknown> {
    return isObject(value) ? value : {};
}

function text(value: unknown): string {
    return typeof value === 'string' ? value.trim() : '';
}

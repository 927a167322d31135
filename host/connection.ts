// One connection to Mimecast: which provider definition, which credentials, which gateway. Built
// from the environment, or pointed at the embedded simulator when no credentials are set.
import { getProviderDefinition, withDefaults } from './providers.js';
import type { ProviderDefinition } from './providers.js';

export interface Connection {
    connectionId: string;
    providerConfigKey: string;
    provider: ProviderDefinition;
    /** OAUTH2_CC: client_id and client_secret. Never printed. */
    credentials: Record<string, string>;
    connectionConfig: Record<string, string>;
    /** Replaces the gateway's origin (an egress proxy, a test server, the simulator). */
    baseUrlOverride?: string;
    metadata: Record<string, unknown>;
}

export interface ConnectionEnv {
    MIMECAST_CLIENT_ID?: string | undefined;
    MIMECAST_CLIENT_SECRET?: string | undefined;
    MIMECAST_GATEWAY?: string | undefined;
    MIMECAST_BASE_URL?: string | undefined;
    MIMECAST_CONNECTION_ID?: string | undefined;
    /** `mimecast` (API 2.0, default) or `mimecast-api-v1` (API 1.0, signed requests). */
    MIMECAST_PROVIDER?: string | undefined;
    MIMECAST_V1_BASE_URL?: string | undefined;
    MIMECAST_APP_ID?: string | undefined;
    MIMECAST_APP_KEY?: string | undefined;
    MIMECAST_ACCESS_KEY?: string | undefined;
    MIMECAST_SECRET_KEY?: string | undefined;
}

/** The API 1.0 provider key (providers.yaml). */
export const V1_PROVIDER = 'mimecast-api-v1';

/** API 1.0 keys from the environment, by the connection field each fills. */
function v1Env(env: ConnectionEnv): Record<'baseUrl' | 'appId' | 'appKey' | 'accessKey' | 'secretKey', string | undefined> {
    return {
        baseUrl: env.MIMECAST_V1_BASE_URL,
        appId: env.MIMECAST_APP_ID,
        appKey: env.MIMECAST_APP_KEY,
        accessKey: env.MIMECAST_ACCESS_KEY,
        secretKey: env.MIMECAST_SECRET_KEY
    };
}
const V1_ENV_NAMES = {
    baseUrl: 'MIMECAST_V1_BASE_URL',
    appId: 'MIMECAST_APP_ID',
    appKey: 'MIMECAST_APP_KEY',
    accessKey: 'MIMECAST_ACCESS_KEY',
    secretKey: 'MIMECAST_SECRET_KEY'
};

/** Demo API 1.0 keys of the simulator, used when MIMECAST_PROVIDER=mimecast-api-v1 and no keys are set. */
export interface V1Fallback {
    appId: string;
    appKey: string;
    accessKey: string;
    secretKey: string;
}

/** True when the environment names a real tenant (both halves of the client pair). */
export function hasRealCredentials(env: ConnectionEnv): boolean {
    if (env.MIMECAST_PROVIDER === V1_PROVIDER) {
        return Object.values(v1Env(env)).every(Boolean);
    }
    return Boolean(env.MIMECAST_CLIENT_ID && env.MIMECAST_CLIENT_SECRET);
}

export function connectionFromEnv(
    env: ConnectionEnv,
    fallback: { clientId: string; clientSecret: string; baseUrl: string; v1?: V1Fallback },
    providerConfigKey = 'mimecast'
): Connection {
    if (env.MIMECAST_PROVIDER && env.MIMECAST_PROVIDER !== 'mimecast' && env.MIMECAST_PROVIDER !== V1_PROVIDER) {
        throw new Error(`MIMECAST_PROVIDER: expected mimecast or ${V1_PROVIDER}, got ${env.MIMECAST_PROVIDER}`);
    }
    if ((env.MIMECAST_PROVIDER || providerConfigKey) === V1_PROVIDER) {
        return v1ConnectionFromEnv(env, fallback);
    }
    const provider = getProviderDefinition(providerConfigKey);
    const real = hasRealCredentials(env);
    if (!real && (env.MIMECAST_CLIENT_ID || env.MIMECAST_CLIENT_SECRET)) {
        throw new Error('Set both MIMECAST_CLIENT_ID and MIMECAST_CLIENT_SECRET (or neither, to use the simulator)');
    }
    const baseUrlOverride = env.MIMECAST_BASE_URL || (real ? undefined : fallback.baseUrl);
    return {
        connectionId: env.MIMECAST_CONNECTION_ID || (real ? 'mimecast-tenant' : 'simulator'),
        providerConfigKey,
        provider,
        credentials: real
            ? { client_id: env.MIMECAST_CLIENT_ID ?? '', client_secret: env.MIMECAST_CLIENT_SECRET ?? '' }
            : { client_id: fallback.clientId, client_secret: fallback.clientSecret },
        connectionConfig: withDefaults(provider, env.MIMECAST_GATEWAY ? { gateway: env.MIMECAST_GATEWAY } : {}),
        ...(baseUrlOverride ? { baseUrlOverride: baseUrlOverride.replace(/\/+$/, '') } : {}),
        metadata: {}
    };
}

/**
 * An API 1.0 connection shaped as Nango stores one for the `mimecast-api-v1` provider (auth_mode
 * API_KEY): credentials.apiKey = Secret Key, connection_config = baseUrl, appId, appKey, accessKey.
 * Without keys it points at the simulator with its demo keys.
 */
function v1ConnectionFromEnv(env: ConnectionEnv, fallback: { baseUrl: string; v1?: V1Fallback }): Connection {
    const provider = getProviderDefinition(V1_PROVIDER);
    const given = v1Env(env);
    const real = hasRealCredentials({ ...env, MIMECAST_PROVIDER: V1_PROVIDER });
    const missing = (Object.keys(given) as (keyof typeof given)[]).filter((name) => !given[name]).map((name) => V1_ENV_NAMES[name]);
    if (!real && missing.length < Object.keys(given).length) {
        throw new Error(`API 1.0: also set ${missing.join(', ')} (or none of the keys, to use the simulator)`);
    }
    if (!real && !fallback.v1) {
        throw new Error(`API 1.0: set ${missing.join(', ')}`);
    }
    const keys = real ? (given as Record<keyof typeof given, string>) : { ...fallback.v1!, baseUrl: fallback.baseUrl };
    const baseUrlOverride = env.MIMECAST_BASE_URL || (real ? undefined : fallback.baseUrl);
    return {
        connectionId: env.MIMECAST_CONNECTION_ID || (real ? 'mimecast-v1-tenant' : 'simulator-v1'),
        providerConfigKey: V1_PROVIDER,
        provider,
        credentials: { apiKey: keys.secretKey },
        connectionConfig: { baseUrl: keys.baseUrl.replace(/\/+$/, ''), appId: keys.appId, appKey: keys.appKey, accessKey: keys.accessKey },
        ...(baseUrlOverride ? { baseUrlOverride: baseUrlOverride.replace(/\/+$/, '') } : {}),
        metadata: {}
    };
}

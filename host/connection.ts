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
}

/** True when the environment names a real tenant (both halves of the client pair). */
export function hasRealCredentials(env: ConnectionEnv): boolean {
    return Boolean(env.MIMECAST_CLIENT_ID && env.MIMECAST_CLIENT_SECRET);
}

export function connectionFromEnv(
    env: ConnectionEnv,
    fallback: { clientId: string; clientSecret: string; baseUrl: string },
    providerConfigKey = 'mimecast'
): Connection {
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

// Opens the local host for one connection: the embedded simulator when no real credentials are set,
// the store under NANGO_LOCAL_DIR, and a Host whose token cache serves every function run.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { SIMULATOR_CLIENT_ID, SIMULATOR_CLIENT_SECRET, startSimulator } from '../simulator/index.js';
import type { Simulator, SimulatorOptions } from '../simulator/index.js';
import { SIMULATOR_V1_ACCESS_KEY, SIMULATOR_V1_APP_ID, SIMULATOR_V1_APP_KEY, SIMULATOR_V1_SECRET_KEY } from '../simulator/endpoints/v1-login.js';
import { connectionFromEnv, hasRealCredentials } from './connection.js';
import type { Connection, ConnectionEnv } from './connection.js';
import { createLogger } from './log.js';
import type { Logger, LogLevel } from './log.js';
import { Host } from './runner.js';
import type { ProxyOptions } from './proxy.js';
import { Store } from './store.js';

export const DEFAULT_LOCAL_DIR = fileURLToPath(new URL('../.local/', import.meta.url));

export interface LocalEnv extends ConnectionEnv {
    NANGO_LOCAL_DIR?: string | undefined;
    LOG_LEVEL?: string | undefined;
}

export interface LocalHost {
    host: Host;
    store: Store;
    connection: Connection;
    logger: Logger;
    simulator: Simulator | undefined;
    target: string;
    storeFile: string;
    close(): Promise<void>;
}

export async function openLocalHost(
    options: { env?: LocalEnv; simulator?: SimulatorOptions; logger?: Logger; proxy?: ProxyOptions; storeFile?: string } = {}
): Promise<LocalHost> {
    const env = options.env ?? (process.env as LocalEnv);
    const logger = options.logger ?? createLogger({ level: (env.LOG_LEVEL as LogLevel | undefined) ?? 'info' });
    const useSimulator = !hasRealCredentials(env) && !env.MIMECAST_BASE_URL;
    const simulator = useSimulator ? await startSimulator(options.simulator ?? {}) : undefined;
    try {
        const connection = connectionFromEnv(env, {
            clientId: SIMULATOR_CLIENT_ID,
            clientSecret: SIMULATOR_CLIENT_SECRET,
            baseUrl: simulator?.url ?? '',
            // API 1.0 (MIMECAST_PROVIDER=mimecast-api-v1) with no keys: the simulator's demo service user.
            v1: { appId: SIMULATOR_V1_APP_ID, appKey: SIMULATOR_V1_APP_KEY, accessKey: SIMULATOR_V1_ACCESS_KEY, secretKey: SIMULATOR_V1_SECRET_KEY }
        });
        const storeFile = options.storeFile ?? join(env.NANGO_LOCAL_DIR || DEFAULT_LOCAL_DIR, 'store.sqlite');
        const store = new Store(storeFile);
        const host = new Host({ connection, store, logger, ...(options.proxy ? { proxy: options.proxy } : {}) });
        const target = simulator
            ? `embedded Mimecast simulator at ${simulator.url}`
            : connection.baseUrlOverride
              ? `${connection.baseUrlOverride} (MIMECAST_BASE_URL)`
              : `${connection.connectionConfig['baseUrl'] ?? `https://${connection.connectionConfig['gateway']}`} (your Mimecast tenant)`;
        return {
            host,
            store,
            connection,
            logger,
            simulator,
            target,
            storeFile,
            async close() {
                store.close();
                await simulator?.close();
            }
        };
    } catch (err) {
        await simulator?.close();
        throw err;
    }
}

// Test harness: a local Host on an in-memory store whose Mimecast is nock (TEST_BASE), running the
// compiled artifacts in the sandbox, exactly as `npm start` does. `npm test` compiles before jest.
import nock from 'nock';

import { connectionFromEnv } from '../host/connection.js';
import { createLogger } from '../host/log.js';
import { findFunction, Host } from '../host/runner.js';
import type { SyncRunResult } from '../host/runner.js';
import { Store } from '../host/store.js';

export const TEST_BASE = 'https://mimecast.test';
export const TEST_CLIENT_ID = 'test-client-id';
export const TEST_CLIENT_SECRET = 'test-client-secret-value';
export const TEST_TOKEN = 'test-access-token-1';
/** The functions' setTimeout runs this much faster under test (see createTestHost). */
export const TEST_TIME_SCALE = 0.001;

export interface TestHost {
    host: Host;
    store: Store;
    logs: string[];
    connectionId: string;
    runSync(name: string): Promise<SyncRunResult>;
    runAction(name: string, input?: unknown): Promise<unknown>;
    records(model: string): Record<string, unknown>[];
    checkpoint(name: string): Record<string, string | number | boolean> | null;
}

export function createTestHost(
    options: {
        providerConfigKey?: string;
        metadata?: Record<string, unknown>;
        store?: Store;
        /** 1 = the functions' waits in real time. */ timeScale?: number;
    } = {}
): TestHost {
    const logs: string[] = [];
    const logger = createLogger({ level: 'debug', write: (line) => logs.push(line) });
    const connection = connectionFromEnv(
        { MIMECAST_CLIENT_ID: TEST_CLIENT_ID, MIMECAST_CLIENT_SECRET: TEST_CLIENT_SECRET, MIMECAST_BASE_URL: TEST_BASE },
        { clientId: '', clientSecret: '', baseUrl: '' },
        options.providerConfigKey ?? 'mimecast'
    );
    const store = options.store ?? new Store(':memory:');
    if (options.metadata) {
        store.setMetadata(connection.connectionId, options.metadata);
    }
    // Test-only speedups, explicit: the proxy's backoff in 1 ms steps, and the functions' own waits
    // (the helpers' backoff and rate-limit waits) at 1/1000 of real time; the logs still show the
    // intended wait. Records are validated against the model schemas (off on Nango in production).
    const host = new Host({
        connection,
        store,
        logger,
        proxy: { backoffBaseMs: 1, maxWaitMs: 50 },
        sandbox: { timeScale: options.timeScale ?? TEST_TIME_SCALE },
        validateRecords: true
    });
    return {
        host,
        store,
        logs,
        connectionId: connection.connectionId,
        runSync: (name) => host.runSync(findFunction(name)),
        runAction: (name, input = {}) => host.runAction(findFunction(name), input),
        records: (model) => store.listRecords(connection.connectionId, model).map((r) => r.data),
        checkpoint: (name) => store.getCheckpoint(connection.connectionId, name)
    };
}

/** The token exchange, answered once (or `times`). */
export function mockToken(times = 1, token = TEST_TOKEN): nock.Scope {
    return nock(TEST_BASE)
        .post(
            '/oauth/token',
            (body: Record<string, string>) =>
                body['grant_type'] === 'client_credentials' && body['client_id'] === TEST_CLIENT_ID && body['client_secret'] === TEST_CLIENT_SECRET
        )
        .times(times)
        .reply(200, { access_token: token, token_type: 'Bearer', expires_in: 1799, scope: '' });
}

/** A Mimecast success envelope. */
/** A socket failure as Node raises it (an Error with a code), for nock's replyWithError. */
export function networkError(code: string, message: string): Error {
    return Object.assign(new Error(message), { code });
}

export function envelope(data: unknown[], next?: string): Record<string, unknown> {
    return { meta: { status: 200, pagination: { pageSize: data.length, ...(next ? { next } : {}) } }, data, fail: [] };
}

/** A Mimecast function-level failure: HTTP 200 with fail[]. */
export function failEnvelope(code: string, message: string, field?: string): Record<string, unknown> {
    return { meta: { status: 200 }, data: [], fail: [{ key: {}, errors: [{ code, message, ...(field ? { field } : {}), retryable: false }] }] };
}

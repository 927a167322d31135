// This project's credential check, beyond what Nango does: the client-credentials exchange Nango performs
// at connect time (stage 'token'), then one read (`get-account`, the compiled function run by the local
// host; stage 'read', which Nango never makes), and the outcome in plain words. Mimecast's own code and
// message are kept, redacted of every credential. A customer app gets the same read on Nango with
// `nango.triggerAction('mimecast', connectionId, 'get-account')` (see the connect guide, Step 5).
import type { Connection } from '../host/connection.js';
import { AuthError } from '../host/auth.js';
import type { Logger } from '../host/log.js';
import { describe } from '../host/log.js';
import type { ProviderDefinition } from '../host/providers.js';
import { interpolate, withDefaults } from '../host/providers.js';
import { findFunction, Host, INTEGRATIONS_DIR } from '../host/runner.js';
import { Store } from '../host/store.js';
import { firstFailure } from '../integrations/mimecast/helpers/api.js';

/** The function the check runs: a cheap read every API 2.0 application with Account access can make. */
export const CHECK_FUNCTION = 'get-account';

export interface CheckRequest {
    providerConfigKey: string;
    provider: ProviderDefinition;
    credentials: Record<string, string>;
    connectionConfig: Record<string, string>;
    /** The simulator or MIMECAST_BASE_URL; unset = the gateway the form chose. */
    baseUrlOverride?: string;
    logger: Logger;
    integrationsDir?: string;
    /** Per-request timeout of the read call (the token request has the host's own 30 s). */
    timeoutMs?: number;
}

export interface CheckedAccount {
    accountName: string;
    accountCode: string;
    region?: string;
    packages: string[];
}

export type CheckFailureKind = 'invalid_credentials' | 'unreachable' | 'wrong_gateway' | 'forbidden' | 'rate_limited' | 'unavailable' | 'error';

export type CheckResult =
    | { ok: true; account: CheckedAccount; gatewayUrl: string }
    | {
          ok: false;
          /** 'token': the exchange Nango also makes failed; 'read': the token worked, the account read did not. */
          stage: 'token' | 'read';
          kind: CheckFailureKind;
          title: string;
          details: string[];
          gatewayUrl: string;
          /** Mimecast's answer in short, e.g. `HTTP 401 invalid_client` (absent on a network error). */
          mimecast?: string;
      };

export async function checkCredentials(request: CheckRequest): Promise<CheckResult> {
    const { logger, provider } = request;
    // Registered before anything can print: the host also registers them, this covers the early failures.
    for (const value of Object.values(request.credentials)) {
        logger.addSecret(value);
    }
    const connection: Connection = {
        connectionId: 'connect-preview',
        providerConfigKey: request.providerConfigKey,
        provider,
        credentials: request.credentials,
        connectionConfig: withDefaults(provider, request.connectionConfig),
        ...(request.baseUrlOverride ? { baseUrlOverride: request.baseUrlOverride.replace(/\/+$/, '') } : {}),
        metadata: {}
    };
    const gatewayUrl = connection.baseUrlOverride ?? safeOrigin(interpolate(provider.proxy.base_url, connection.connectionConfig));
    const failAt =
        (stage: 'token' | 'read', mimecast: string | undefined): Fail =>
        (kind, title, ...details) => ({
            ok: false,
            stage,
            kind,
            title,
            details: details.map((d) => logger.redact(d)),
            gatewayUrl,
            ...(mimecast ? { mimecast: logger.redact(mimecast) } : {})
        });

    const fn = findFunction(CHECK_FUNCTION, request.integrationsDir ?? INTEGRATIONS_DIR);
    const store = new Store(':memory:');
    try {
        const host = new Host({
            connection,
            store,
            logger,
            // A person is waiting: short backoff, bounded waits.
            proxy: { backoffBaseMs: 250, maxWaitMs: 2_000, timeoutMs: request.timeoutMs ?? 20_000 }
        });

        // 1. The token exchange, exactly as Nango does it when the form is submitted.
        try {
            await host.auth?.accessToken();
        } catch (err) {
            if (!(err instanceof AuthError)) {
                throw err;
            }
            // Mimecast's own code and message, from the body the token endpoint answered with.
            const failure = firstFailure(err.response?.data);
            const answer = err.status > 0 ? `HTTP ${err.status} ${failure?.code ?? err.code}` : undefined;
            const said = failure ? `${answer}, ${failure.message}` : answer;
            logger.log('warn', `connect check: token request to ${gatewayUrl} failed: ${said ?? err.message}`);
            return tokenFailure(err, gatewayUrl, failAt('token', answer), said);
        }

        // 2. One read through the compiled function, as any sync or action would make it.
        try {
            const output = (await host.runAction(fn, {})) as Record<string, unknown>;
            const account: CheckedAccount = {
                accountName: String(output['accountName'] ?? ''),
                accountCode: String(output['accountCode'] ?? ''),
                ...(typeof output['region'] === 'string' ? { region: output['region'] } : {}),
                packages: Array.isArray(output['packages']) ? output['packages'].map(String) : []
            };
            logger.log('info', `connect check: ${gatewayUrl} accepted the credentials; account ${account.accountName} (${account.accountCode})`);
            return { ok: true, account, gatewayUrl };
        } catch (err) {
            const payload = actionPayload(err);
            logger.log('warn', `connect check: ${CHECK_FUNCTION} failed: ${describe(err)}`);
            const answer =
                payload.status !== undefined ? `HTTP ${payload.status} ${payload.code}` : payload.code === 'network_error' ? undefined : payload.code;
            return readFailure(payload, fn.scopes, gatewayUrl, failAt('read', answer));
        }
    } finally {
        store.close();
    }
}

type Fail = (kind: CheckFailureKind, title: string, ...details: string[]) => CheckResult;

function tokenFailure(err: AuthError, gatewayUrl: string, fail: Fail, answer: string | undefined): CheckResult {
    const host = safeHost(gatewayUrl);
    if (err.code === 'network_error') {
        return fail(
            'unreachable',
            `Could not reach the Mimecast gateway ${host}`,
            'Check the API Gateway you chose and that this machine can reach it (proxy, firewall, DNS).',
            `Details: ${err.message}`
        );
    }
    if (err.status === 404 || err.status === 405 || err.code === 'invalid_token_response' || (err.status >= 300 && err.status < 400)) {
        return fail(
            'wrong_gateway',
            `${host} did not answer like a Mimecast API 2.0 gateway`,
            'Check the API Gateway you chose: it must be api.services.mimecast.com (global), uk-api.services.mimecast.com or us-api.services.mimecast.com.',
            `Details: ${err.message}`
        );
    }
    if (err.status === 400 || err.status === 401 || err.status === 403) {
        return fail(
            'invalid_credentials',
            'Mimecast refused the Client ID / Client Secret',
            'Copy both values again from the same API 2.0 application (Integrations > API Applications). If the secret was lost, generate new keys: Mimecast shows a secret only once.',
            `Mimecast answered: ${answer ?? err.message}`
        );
    }
    if (err.status === 429) {
        return fail('rate_limited', 'Mimecast is rate-limiting this application', 'Wait a minute and try again.', `Details: ${err.message}`);
    }
    return fail('unavailable', `The Mimecast gateway ${host} could not issue a token right now`, 'Try again in a few minutes.', `Details: ${err.message}`);
}

interface ErrorPayload {
    code: string;
    message: string;
    status: number | undefined;
}

function readFailure(payload: ErrorPayload, scopes: string[], gatewayUrl: string, fail: Fail): CheckResult {
    const said = `Mimecast said: ${payload.code}: ${payload.message.replace(/^Mimecast \S+: /, '')}`;
    const permission = scopes.length > 0 ? scopes.join(', ') : 'Account | Dashboard | Read';
    if (payload.status === 403) {
        return fail(
            'forbidden',
            'Mimecast accepted the credentials, but the application is missing a permission',
            `The check reads the account (${CHECK_FUNCTION}), which needs "${permission}". Add it to the role of the API 2.0 application, then try again.`,
            said
        );
    }
    if (payload.status === 401) {
        return fail(
            'wrong_gateway',
            `Mimecast issued a token but ${safeHost(gatewayUrl)} refused it`,
            'This usually means the API Gateway does not match your account: try the global gateway api.services.mimecast.com.',
            said
        );
    }
    if (payload.status === 429) {
        return fail('rate_limited', 'Mimecast is rate-limiting this application', 'Wait a minute and try again.', said);
    }
    if (payload.code === 'network_error') {
        return fail('unreachable', `Lost the connection to ${safeHost(gatewayUrl)}`, 'Check the network and try again.', said);
    }
    if (payload.status !== undefined && payload.status >= 500) {
        return fail('unavailable', 'Mimecast could not answer right now', 'The credentials were accepted; try again in a few minutes.', said);
    }
    return fail('error', 'Mimecast accepted the credentials, but reading the account failed', said);
}

/** An ActionError's payload ({ code, message, status }) or any other error, as one shape. */
function actionPayload(err: unknown): ErrorPayload {
    const payload = err && typeof err === 'object' && 'payload' in err ? (err as { payload: unknown }).payload : undefined;
    if (payload && typeof payload === 'object') {
        const p = payload as Record<string, unknown>;
        return {
            code: String(p['code'] ?? 'unknown_error'),
            message: String(p['message'] ?? describe(err)),
            status: typeof p['status'] === 'number' ? p['status'] : undefined
        };
    }
    return { code: 'unknown_error', message: describe(err), status: undefined };
}

function safeOrigin(url: string): string {
    try {
        return new URL(url).origin;
    } catch {
        return url;
    }
}

function safeHost(url: string): string {
    try {
        return new URL(url).host;
    } catch {
        return url;
    }
}

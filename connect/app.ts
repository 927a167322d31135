// The connect preview server: GET / renders the form from providers.yaml (read on every request, so an
// edit shows on reload), POST /connect runs the credential check and renders the outcome twice: what
// Nango's Connect UI would show (it only exchanges the token), and, apart, this project's own check.
// The secret arrives in the POST body only, is never written back into the page, and every log line is redacted.
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { startSimulator } from '../simulator/index.js';
import type { Simulator, SimulatorOptions } from '../simulator/index.js';
import { createLogger, describe } from '../host/log.js';
import type { Logger } from '../host/log.js';
import { getProviderDefinition, PROVIDERS_FILE } from '../host/providers.js';
import type { ProviderDefinition } from '../host/providers.js';
import { checkCredentials } from './check.js';
import type { CheckResult } from './check.js';
import { formFields, NANGO_TOKEN_FETCH_ERROR, renderConnectPage, validateSubmission } from './form.js';
import type { ConnectOutcome, NangoOutcome, RenderOptions } from './form.js';

export type ConnectTarget = 'simulator' | 'real';

export interface ConnectServerOptions {
    /** 'simulator' (default) starts the simulator in-process; 'real' talks to the gateway chosen in the form. */
    target?: ConnectTarget;
    /** Replaces the gateway's origin in 'real' mode (MIMECAST_BASE_URL: an egress proxy, a test server). */
    baseUrl?: string;
    port?: number;
    providerConfigKey?: string;
    providersFile?: string;
    simulator?: SimulatorOptions;
    logger?: Logger;
    integrationsDir?: string;
}

export interface ConnectServer {
    url: string;
    simulator: Simulator | undefined;
    /** What submissions are checked against, in words. */
    target: string;
    close(): Promise<void>;
}

const MAX_BODY_BYTES = 64 * 1024;

export async function startConnectServer(options: ConnectServerOptions = {}): Promise<ConnectServer> {
    const providerConfigKey = options.providerConfigKey ?? 'mimecast';
    const providersFile = options.providersFile ?? PROVIDERS_FILE;
    const logger = options.logger ?? createLogger();
    const mode = options.target ?? 'simulator';
    // Fail at start, not at the first request, when providers.yaml is broken.
    getProviderDefinition(providerConfigKey, providersFile);

    const simulator = mode === 'simulator' ? await startSimulator(options.simulator ?? {}) : undefined;
    const baseUrlOverride = simulator?.url ?? options.baseUrl;
    const target = simulator
        ? 'the embedded Mimecast simulator'
        : baseUrlOverride
          ? `${baseUrlOverride} (MIMECAST_BASE_URL)`
          : 'the Mimecast gateway you choose';

    const page = (provider: ProviderDefinition, extra: Omit<RenderOptions, 'providerConfigKey' | 'target'> = {}) =>
        renderConnectPage(provider, { ...extra, providerConfigKey, target });

    async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
        const url = new URL(req.url ?? '/', 'http://localhost');
        const provider = getProviderDefinition(providerConfigKey, providersFile);
        if (req.method === 'GET' && url.pathname === '/') {
            return send(res, 200, page(provider));
        }
        if (url.pathname === '/connect' && req.method === 'GET') {
            res.writeHead(303, { location: '/' });
            return void res.end();
        }
        if (url.pathname === '/connect' && req.method === 'POST') {
            const body = await readBody(req);
            if (body === undefined) {
                return send(res, 413, 'request too large', 'text/plain; charset=utf-8');
            }
            const form = new URLSearchParams(body);
            const values: Record<string, string> = {};
            for (const field of formFields(provider)) {
                values[field.inputName] = (form.get(field.inputName) ?? '').trim();
                if (field.definition.secret) {
                    logger.addSecret(values[field.inputName]);
                }
            }
            const problems = validateSubmission(provider, values);
            if (Object.keys(problems).length > 0) {
                return send(res, 422, page(provider, { values, problems }));
            }
            const credentials: Record<string, string> = {};
            const connectionConfig: Record<string, string> = {};
            for (const field of formFields(provider)) {
                const value = values[field.inputName] ?? '';
                if (value !== '') {
                    (field.group === 'credentials' ? credentials : connectionConfig)[field.name] = value;
                }
            }
            logger.log('info', `connect check: ${JSON.stringify(connectionConfig)} → ${target}`);
            const result = await checkCredentials({
                providerConfigKey,
                provider,
                credentials,
                connectionConfig,
                ...(baseUrlOverride ? { baseUrlOverride } : {}),
                logger,
                ...(options.integrationsDir ? { integrationsDir: options.integrationsDir } : {})
            });
            const outcome = toOutcome(provider, result, connectionConfig, simulator !== undefined);
            // Nango answers a failed token exchange with HTTP 400; the preview does the same.
            return send(res, outcome.nango.ok ? 200 : 400, page(provider, { values, outcome }));
        }
        send(res, 404, 'not found', 'text/plain; charset=utf-8');
    }

    const server = createServer((req, res) => {
        handle(req, res).catch((err: unknown) => {
            logger.log('error', `connect preview: ${describe(err)}`);
            if (!res.headersSent) {
                send(res, 500, `internal error: ${logger.redact(describe(err))}`, 'text/plain; charset=utf-8');
            } else {
                res.destroy();
            }
        });
    });
    await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(options.port ?? 0, '127.0.0.1', () => {
            server.off('error', reject);
            resolve();
        });
    });
    const { port } = server.address() as AddressInfo;
    return {
        url: `http://127.0.0.1:${port}`,
        simulator,
        target,
        async close() {
            await new Promise<void>((resolve) => {
                server.close(() => resolve());
                server.closeAllConnections();
            });
            await simulator?.close();
        }
    };
}

/**
 * What Nango's Connect UI would show, and this project's own check beside it. Nango fetches a token for an
 * OAUTH2_CC provider and nothing else: any token failure is "Connection failed" with the same empty error
 * details; a token that works is "Success!", even when the account read below it fails (a 403 appears
 * only later, on a sync). Other auth modes without verification are saved without any call: "Success!".
 */
export function toOutcome(provider: ProviderDefinition, result: CheckResult, connectionConfig: Record<string, string>, simulated: boolean): ConnectOutcome {
    const tokenFailed = !result.ok && result.stage === 'token' && provider.auth_mode === 'OAUTH2_CC';
    const nango: NangoOutcome = tokenFailed ? { ok: false, errorDetails: NANGO_TOKEN_FETCH_ERROR } : { ok: true };
    if (!result.ok) {
        const details = nango.ok
            ? [...result.details, 'Nango shows "Success!" here: it only fetched the token, so on Nango this shows when a sync or action first runs.']
            : result.details;
        return { nango, check: { ok: false, title: result.title, details, ...(result.mimecast ? { mimecast: result.mimecast } : {}) } };
    }
    const { account } = result;
    const via = simulated ? 'the simulator' : (connectionConfig['gateway'] ?? new URL(result.gatewayUrl).host);
    return {
        nango,
        check: {
            ok: true,
            title: `Connected to ${account.accountName}`,
            details: [
                `Account code ${account.accountCode}${account.region ? `, region ${account.region}` : ''}, through ${via}.`,
                `A token was issued and get-account read the account: ${account.packages.length} licensed package(s). Nango itself only fetches the token; run get-account from your app after connecting to check the same.`
            ]
        }
    };
}

function send(res: ServerResponse, status: number, body: string, type = 'text/html; charset=utf-8'): void {
    res.writeHead(status, {
        'content-type': type,
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'no-referrer',
        'content-security-policy':
            "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; connect-src 'self'; form-action 'self'; base-uri 'none'"
    });
    res.end(body);
}

async function readBody(req: IncomingMessage): Promise<string | undefined> {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req) {
        size += (chunk as Buffer).length;
        if (size > MAX_BODY_BYTES) {
            return undefined;
        }
        chunks.push(chunk as Buffer);
    }
    return Buffer.concat(chunks).toString('utf8');
}

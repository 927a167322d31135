// npm run v1:keys [-- --json] [--simulator] [--discover-url URL]
// Gets an API 1.0 service user's Access Key and Secret Key on any OS (what Mimecast's PowerShell
// script does): discover-authentication finds the account's regional base URL, then login with
// `Basic-Cloud` returns the keys. Prints the region, the Access Key and the Secret Key, one per line
// (or JSON). Input: the App ID, the user's email and password, from MIMECAST_APP_ID,
// MIMECAST_V1_EMAIL and MIMECAST_V1_PASSWORD or asked for (the password with hidden input).
// The password is sent to Mimecast only, never written or logged; the keys go to stdout only.
// https://integrations.mimecast.com/documentation/api-overview/authentication-scripts-server-apps/
import { randomUUID } from 'node:crypto';
import { realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

import { firstFailure } from '../../integrations/mimecast/helpers/api.js';
import { SIMULATOR_V1_APP_ID, SIMULATOR_V1_EMAIL, SIMULATOR_V1_PASSWORD } from '../../simulator/endpoints/v1-login.js';

export const DEFAULT_DISCOVER_URL = 'https://api.mimecast.com';

export interface V1Keys {
    /** The regional base URL, e.g. https://eu-api.mimecast.com */
    region: string;
    accessKey: string;
    secretKey: string;
}

/** A failure the user can act on; `message` never contains the password or a key. */
export class V1KeysError extends Error {
    constructor(
        message: string,
        readonly code: string
    ) {
        super(message);
        this.name = 'V1KeysError';
    }
}

// Mimecast-like fail[] codes, and the advice each deserves (the simulator models the same codes).
const UNKNOWN_USER_CODES = /unknown_user|user_not_found|no_such_user|invalid_email/;
const NOT_CLOUD_CODES = /authentication_type|not_cloud|auth_type/;
const WRONG_PASSWORD_CODES = /authentication_failed|invalid_password|password|credentials/;
const APP_ID_CODES = /app_id|developer_key|application/;

interface Failure {
    status: number;
    code: string;
    message: string;
}

async function post(url: string, headers: Record<string, string>, body: unknown): Promise<{ data: Record<string, unknown>[]; failure?: Failure }> {
    let response: Response;
    try {
        response = await fetch(url, {
            method: 'POST',
            headers: {
                accept: 'application/json',
                'content-type': 'application/json',
                'x-mc-req-id': randomUUID(),
                'x-mc-date': new Date().toUTCString().replace(/GMT$/, 'UTC'),
                ...headers
            },
            body: JSON.stringify(body),
            signal: AbortSignal.timeout(30_000)
        });
    } catch (err) {
        const cause = err instanceof Error && err.cause instanceof Error ? err.cause.message : err instanceof Error ? err.message : String(err);
        throw new V1KeysError(`could not reach ${new URL(url).origin}: ${cause}`, 'network_error');
    }
    const text = await response.text();
    let json: unknown;
    try {
        json = JSON.parse(text);
    } catch {
        json = undefined;
    }
    const body_ = json && typeof json === 'object' && !Array.isArray(json) ? (json as Record<string, unknown>) : {};
    const data = Array.isArray(body_['data']) ? (body_['data'] as unknown[]).filter((d): d is Record<string, unknown> => !!d && typeof d === 'object') : [];
    const failure = firstFailure(body_);
    if (failure || response.status >= 300) {
        return {
            data,
            failure: { status: response.status, code: failure?.code ?? `http_${response.status}`, message: failure?.message ?? `HTTP ${response.status}` }
        };
    }
    if (!json) {
        throw new V1KeysError(`${new URL(url).pathname} answered HTTP ${response.status} with a body that is not JSON`, 'malformed_response');
    }
    return { data };
}

function describeFailure(step: string, f: Failure): string {
    return `${step} failed (HTTP ${f.status}, ${f.code}: ${f.message})`;
}

/** The regional base URL for this user: POST {discover}/api/login/discover-authentication. */
export async function discoverRegion(discoverUrl: string, appId: string, email: string): Promise<{ region: string; authenticate: string[] | undefined }> {
    const { data, failure } = await post(
        `${discoverUrl.replace(/\/+$/, '')}/api/login/discover-authentication`,
        { 'x-mc-app-id': appId },
        { data: [{ emailAddress: email }] }
    );
    if (failure) {
        if (UNKNOWN_USER_CODES.test(failure.code)) {
            throw new V1KeysError(`Mimecast does not know ${email}: check the service user's primary email address (${failure.code})`, 'unknown_email');
        }
        if (APP_ID_CODES.test(failure.code)) {
            throw new V1KeysError(
                `Mimecast refused the App ID: use the Application ID of your API 1.0 application (${failure.code}: ${failure.message})`,
                'invalid_app_id'
            );
        }
        throw new V1KeysError(describeFailure('discover-authentication', failure), failure.code);
    }
    const first = data[0];
    const region = first?.['region'] && typeof first['region'] === 'object' ? (first['region'] as Record<string, unknown>)['api'] : undefined;
    if (typeof region !== 'string' || region === '') {
        throw new V1KeysError(`discover-authentication returned no region for ${email}`, 'malformed_response');
    }
    let url: URL;
    try {
        url = new URL(region);
    } catch {
        throw new V1KeysError(`discover-authentication returned a region that is not a URL: ${region}`, 'malformed_response');
    }
    // The password goes to this URL next: only over TLS (plain http only to a loopback simulator).
    const loopback = url.hostname === '127.0.0.1' || url.hostname === 'localhost';
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
        throw new V1KeysError(`refusing to send the password to ${url.origin}: the region must be an https URL`, 'insecure_region');
    }
    const authenticate = Array.isArray(first?.['authenticate']) ? (first['authenticate'] as unknown[]).map(String) : undefined;
    return { region: url.origin, authenticate };
}

/** discover-authentication, then login with Basic-Cloud. */
export async function generateKeys(options: { discoverUrl: string; appId: string; email: string; password: string }): Promise<V1Keys> {
    const { appId, email, password } = options;
    const { region, authenticate } = await discoverRegion(options.discoverUrl, appId, email);
    if (authenticate && authenticate.length > 0 && !authenticate.some((a) => /cloud/i.test(a))) {
        throw new V1KeysError(notCloud(email, authenticate.join(', ')), 'not_cloud_user');
    }
    const { data, failure } = await post(
        `${region}/api/login/login`,
        { 'x-mc-app-id': appId, authorization: `Basic-Cloud ${Buffer.from(`${email}:${password}`).toString('base64')}` },
        { data: [{ username: email }] }
    );
    if (failure) {
        if (NOT_CLOUD_CODES.test(failure.code)) {
            throw new V1KeysError(notCloud(email, failure.message), 'not_cloud_user');
        }
        if (WRONG_PASSWORD_CODES.test(failure.code) || failure.status === 401) {
            throw new V1KeysError(
                `Mimecast refused the password for ${email} (${failure.code}). Check the password of the service user (a Mimecast cloud password, not a domain password)`,
                'wrong_password'
            );
        }
        if (APP_ID_CODES.test(failure.code)) {
            throw new V1KeysError(
                `Mimecast refused the App ID: use the Application ID of your API 1.0 application (${failure.code}: ${failure.message})`,
                'invalid_app_id'
            );
        }
        throw new V1KeysError(describeFailure('login', failure), failure.code);
    }
    const accessKey = data[0]?.['accessKey'];
    const secretKey = data[0]?.['secretKey'];
    if (typeof accessKey !== 'string' || typeof secretKey !== 'string' || !accessKey || !secretKey) {
        throw new V1KeysError('login returned no accessKey/secretKey', 'malformed_response');
    }
    return { region, accessKey, secretKey };
}

function notCloud(email: string, detail: string): string {
    return (
        `${email} does not sign in with a Mimecast cloud password (${detail}). API 1.0 keys need a service user ` +
        'whose Authentication Profile allows Mimecast cloud authentication: see docs/api-integrations/mimecast-api-v1/connect.mdx'
    );
}

// ---------------------------------------------------------------------------------------------
// The command line.

export interface CliIo {
    env: Record<string, string | undefined>;
    stdin: NodeJS.ReadStream | (NodeJS.ReadableStream & { isTTY?: boolean });
    stdout: { write(text: string): unknown };
    stderr: { write(text: string): unknown };
}

const USAGE = `usage: npm run v1:keys [-- --json] [--simulator] [--discover-url URL]
  Asks for the App ID, the service user's email and password (or reads MIMECAST_APP_ID,
  MIMECAST_V1_EMAIL, MIMECAST_V1_PASSWORD), then prints the region, Access Key and Secret Key.
  --json            print {"region","accessKey","secretKey"}
  --simulator       run against the embedded simulator and its demo service user
  --discover-url    instead of ${DEFAULT_DISCOVER_URL} (also MIMECAST_V1_DISCOVER_URL)
`;

export async function main(
    argv: string[],
    io: CliIo = { env: process.env, stdin: process.stdin, stdout: process.stdout, stderr: process.stderr }
): Promise<number> {
    let values: { json?: boolean; simulator?: boolean; 'discover-url'?: string; help?: boolean };
    try {
        ({ values } = parseArgs({
            args: argv,
            options: {
                json: { type: 'boolean', default: false },
                simulator: { type: 'boolean', default: false },
                'discover-url': { type: 'string' },
                help: { type: 'boolean', short: 'h', default: false }
            }
        }));
    } catch (err) {
        io.stderr.write(`${err instanceof Error ? err.message : String(err)}\n${USAGE}`);
        return 2;
    }
    if (values.help) {
        io.stdout.write(USAGE);
        return 0;
    }
    // The embedded simulator: its demo App ID and service user fill whatever the environment leaves out.
    const simulator = values.simulator ? await (await import('../../simulator/index.js')).startSimulator() : undefined;
    try {
        const discoverUrl = simulator?.url ?? values['discover-url'] ?? io.env['MIMECAST_V1_DISCOVER_URL'] ?? DEFAULT_DISCOVER_URL;
        const prompter = new Prompter(io);
        const appId = io.env['MIMECAST_APP_ID'] || (simulator ? SIMULATOR_V1_APP_ID : await prompter.ask('App ID: '));
        const email = io.env['MIMECAST_V1_EMAIL'] || (simulator ? SIMULATOR_V1_EMAIL : await prompter.ask("Service user's email: "));
        const password = io.env['MIMECAST_V1_PASSWORD'] || (simulator ? SIMULATOR_V1_PASSWORD : await prompter.ask('Password: ', { hidden: true }));
        prompter.close();
        if (simulator) {
            io.stderr.write(`Using the embedded simulator at ${simulator.url} (user ${email})\n`);
        }
        const keys = await generateKeys({ discoverUrl, appId: appId.trim(), email: email.trim(), password });
        // The keys are the user's own and printing them is the point of this tool: stdout only.
        if (values.json) {
            io.stdout.write(`${JSON.stringify(keys)}\n`);
        } else {
            io.stdout.write(`Region: ${keys.region}\nAccess Key: ${keys.accessKey}\nSecret Key: ${keys.secretKey}\n`);
        }
        io.stderr.write(
            'Connect with provider mimecast-api-v1: Region Base URL, Application ID, Application Key, Access Key and Secret Key ' +
                '(locally: MIMECAST_PROVIDER=mimecast-api-v1 MIMECAST_V1_BASE_URL MIMECAST_APP_ID MIMECAST_APP_KEY MIMECAST_ACCESS_KEY MIMECAST_SECRET_KEY).\n'
        );
        return 0;
    } catch (err) {
        const message =
            err instanceof V1KeysError || err instanceof MissingInputError
                ? err.message
                : `unexpected error: ${err instanceof Error ? err.message : String(err)}`;
        io.stderr.write(`v1:keys: ${message}\n`);
        return 1;
    } finally {
        await simulator?.close();
    }
}

class MissingInputError extends Error {}

/** Reads answers from a terminal (hidden for the password) or, when piped, one line each from stdin. */
class Prompter {
    private lines: AsyncIterator<string> | undefined;

    constructor(private readonly io: CliIo) {}

    async ask(question: string, options: { hidden?: boolean } = {}): Promise<string> {
        const stdin = this.io.stdin as NodeJS.ReadStream;
        if (stdin.isTTY && typeof stdin.setRawMode === 'function') {
            return options.hidden ? this.askHidden(question, stdin) : this.askLine(question, stdin);
        }
        // No terminal: a line of piped input, else say which variable to set.
        const answer = await this.nextPipedLine();
        if (answer === undefined || answer === '') {
            const variable = question.startsWith('App') ? 'MIMECAST_APP_ID' : question.startsWith('Password') ? 'MIMECAST_V1_PASSWORD' : 'MIMECAST_V1_EMAIL';
            throw new MissingInputError(`no terminal to ask "${question.trim()}": set ${variable} (or use --simulator)`);
        }
        return answer;
    }

    close(): void {
        void this.lines?.return?.();
    }

    private async nextPipedLine(): Promise<string | undefined> {
        if (!this.lines) {
            const { createInterface } = await import('node:readline');
            this.lines = createInterface({ input: this.io.stdin as NodeJS.ReadableStream, crlfDelay: Infinity })[Symbol.asyncIterator]();
        }
        const next = await this.lines.next();
        return next.done ? undefined : String(next.value).trim();
    }

    private async askLine(question: string, stdin: NodeJS.ReadStream): Promise<string> {
        const { createInterface } = await import('node:readline/promises');
        const rl = createInterface({ input: stdin, output: process.stderr, terminal: true });
        try {
            return (await rl.question(question)).trim();
        } finally {
            rl.close();
        }
    }

    /** Raw mode: characters are read one by one and nothing is echoed. */
    private askHidden(question: string, stdin: NodeJS.ReadStream): Promise<string> {
        this.io.stderr.write(question);
        return new Promise((resolve, reject) => {
            let value = '';
            const wasRaw = stdin.isRaw;
            stdin.setRawMode(true);
            stdin.resume();
            stdin.setEncoding('utf8');
            const done = (err?: Error) => {
                stdin.off('data', onData);
                stdin.setRawMode(wasRaw);
                stdin.pause();
                this.io.stderr.write('\n');
                if (err) reject(err);
                else resolve(value);
            };
            const onData = (chunk: string) => {
                for (const ch of chunk) {
                    if (ch === '\r' || ch === '\n' || ch === '\u0004') return done();
                    if (ch === '\u0003') return done(new MissingInputError('cancelled'));
                    if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1);
                    else value += ch;
                }
            };
            stdin.on('data', onData);
        });
    }
}

// Run when invoked as a script (tsx host/cli/v1-keys.ts), not when imported by a test.
if (process.argv[1] && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href) {
    process.exitCode = await main(process.argv.slice(2));
}

// The connect form is generated from the provider definition and laid out as Nango's Connect UI; after
// Connect the page shows what Nango would show (Success! / Connection failed with Nango's error details)
// and, apart, the project's credential check, which says what went wrong in plain words without ever
// echoing or logging the secret.
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { checkCredentials } from '../../connect/check.js';
import { startConnectServer, toOutcome } from '../../connect/app.js';
import { formFields, NANGO_TOKEN_FETCH_ERROR, renderConnectPage, validateSubmission } from '../../connect/form.js';
import { createLogger } from '../../host/log.js';
import { getProviderDefinition, PROVIDERS_FILE } from '../../host/providers.js';
import type { ProviderDefinition } from '../../host/providers.js';
import { SIMULATOR_CLIENT_ID, SIMULATOR_CLIENT_SECRET, startSimulator } from '../../simulator/index.js';
import type { Simulator } from '../../simulator/index.js';

const real = (): ProviderDefinition => getProviderDefinition('mimecast');

describe('form generated from the provider definition', () => {
    test('every field: title, description, placeholder, pattern, help link, masked secret, enum select', () => {
        const provider = real();
        const html = renderConnectPage(provider, { providerConfigKey: 'mimecast' });
        const fields = formFields(provider);
        expect(fields.map((f) => f.inputName)).toEqual(['connection_config.gateway', 'credentials.client_id', 'credentials.client_secret']);
        for (const { definition, helpUrl } of fields) {
            expect(html).toContain(`>${definition.title}</label>`);
            expect(html).toContain(definition.description.replace(/>/g, '&gt;'));
            if (definition.example) expect(html).toContain(`placeholder="${definition.example}"`);
            if (definition.pattern) expect(html).toContain(`pattern="${definition.pattern}"`);
            expect(helpUrl).toBe(`${provider.docs_connect}${definition.doc_section}`);
            expect(html).toContain(`href="${helpUrl}"`);
        }
        expect(html).toMatch(/<input type="password" id="field-client_secret"/);
        expect(html).toMatch(/<select id="field-gateway"[^>]*><option value="api.services.mimecast.com" selected>/);
        expect(html).toContain(`id="guide-link" href="${provider.docs_connect}"`);
    });

    test("Nango's layout: Link <name> Account, a required mark per field, help text before the control, Connect disabled", () => {
        const provider = real();
        const html = renderConnectPage(provider, { providerConfigKey: 'mimecast' });
        expect(html).toContain('<h1 id="title">Link Mimecast Account</h1>');
        expect(html.match(/<span class="required" aria-hidden="true">\*<\/span>/g)?.length).toBe(formFields(provider).length);
        for (const field of formFields(provider)) {
            const start = html.indexOf(`data-field="${field.inputName}"`);
            const description = html.indexOf('class="description"', start);
            const control = html.indexOf(`name="${field.inputName}"`, start);
            expect({ field: field.name, helpFirst: description > start && description < control }).toEqual({ field: field.name, helpFirst: true });
        }
        expect(html).toMatch(/<button type="submit" id="submit" class="primary" disabled>Connect<\/button>/);
        expect(html).toContain('Need help? <a id="guide-link"');
        expect(html).toContain('>View connection guide</a>');
        // With every required field valid (here the secret made optional) the server renders Connect enabled,
        // and the optional field carries no red mark.
        const optional = structuredClone(provider);
        optional.credentials!['client_secret']!.optional = true;
        const filled = renderConnectPage(optional, { providerConfigKey: 'mimecast', values: { 'credentials.client_id': 'abc' } });
        expect(filled).toMatch(/<button type="submit" id="submit" class="primary">Connect<\/button>/);
        expect(filled.match(/<span class="required" aria-hidden="true">\*<\/span>/g)?.length).toBe(formFields(provider).length - 1);
    });

    test('a changed definition changes the page (titles, enum, order)', () => {
        const provider = structuredClone(real());
        provider.credentials!['client_id']!.title = 'Application Client Identifier';
        provider.connection_config!['gateway']!.enum = ['us-api.services.mimecast.com', 'api.services.mimecast.com'];
        provider.connection_config!['gateway']!.default_value = 'us-api.services.mimecast.com';
        provider.connection_config!['gateway']!.order = 9;
        const html = renderConnectPage(provider, { providerConfigKey: 'mimecast' });
        expect(html).toContain('>Application Client Identifier</label>');
        expect(html).not.toContain('>Client ID</label>');
        expect(html).toMatch(/<option value="us-api.services.mimecast.com" selected>/);
        expect(html).not.toContain('uk-api.services.mimecast.com');
        expect(formFields(provider).map((f) => f.name)).toEqual(['client_id', 'client_secret', 'gateway']);
    });

    test('the server reads providers.yaml on every request: edit a copy, reload, the title changed', async () => {
        const dir = mkdtempSync(join(tmpdir(), 'connect-providers-'));
        const file = join(dir, 'providers.yaml');
        copyFileSync(PROVIDERS_FILE, file);
        const server = await startConnectServer({
            target: 'real',
            baseUrl: 'http://127.0.0.1:9',
            providersFile: file,
            logger: createLogger({ write: () => {} })
        });
        try {
            expect(await (await fetch(server.url)).text()).toContain('>Client Secret</label>');
            writeFileSync(file, readFileSync(file, 'utf8').replace('title: Client Secret', 'title: Application Secret'));
            const html = await (await fetch(server.url)).text();
            expect(html).toContain('>Application Secret</label>');
            expect(html).not.toContain('>Client Secret</label>');
        } finally {
            await server.close();
            rmSync(dir, { recursive: true, force: true });
        }
    });

    test('server-side validation repeats the pattern and enum checks', () => {
        const provider = real();
        expect(
            validateSubmission(provider, {
                'connection_config.gateway': 'api.services.mimecast.com',
                'credentials.client_id': 'a',
                'credentials.client_secret': 'b'
            })
        ).toEqual({});
        const problems = validateSubmission(provider, {
            'connection_config.gateway': 'eu-api.evil.example',
            'credentials.client_id': 'has space',
            'credentials.client_secret': ''
        });
        expect(Object.keys(problems).sort()).toEqual(['connection_config.gateway', 'credentials.client_id', 'credentials.client_secret']);
        // Nango's own words.
        expect(problems).toEqual({
            'connection_config.gateway': 'Incorrect API Gateway',
            'credentials.client_id': 'Incorrect Client ID',
            'credentials.client_secret': 'This field is required'
        });
    });

    test('a rejected submission never writes the secret back into the page', async () => {
        const server = await startConnectServer({ target: 'real', baseUrl: 'http://127.0.0.1:9', logger: createLogger({ write: () => {} }) });
        try {
            const secret = 'secret-that-must-not-echo';
            const body = new URLSearchParams({
                'connection_config.gateway': 'api.services.mimecast.com',
                'credentials.client_id': 'bad id',
                'credentials.client_secret': secret
            });
            const res = await fetch(`${server.url}/connect`, { method: 'POST', body });
            expect(res.status).toBe(422);
            const html = await res.text();
            expect(html).toContain('Incorrect Client ID');
            expect(html).not.toContain(secret);
        } finally {
            await server.close();
        }
    });
});

describe('credential check', () => {
    let simulator: Simulator;
    const lines: string[] = [];
    const logger = createLogger({ level: 'debug', write: (line) => lines.push(line) });
    const base = { providerConfigKey: 'mimecast', connectionConfig: { gateway: 'api.services.mimecast.com' }, logger };

    beforeAll(async () => {
        simulator = await startSimulator();
    });
    afterAll(async () => {
        await simulator.close();
    });

    test('success: token exchange, then get-account through the host', async () => {
        simulator.resetStats();
        const result = await checkCredentials({
            ...base,
            provider: real(),
            credentials: { client_id: SIMULATOR_CLIENT_ID, client_secret: SIMULATOR_CLIENT_SECRET },
            baseUrlOverride: simulator.url
        });
        expect(result).toMatchObject({ ok: true, account: { accountName: 'Simulated Tenant Ltd', accountCode: 'CDE22A102' } });
        expect(simulator.stats.tokensIssued).toBe(1);
        expect(simulator.stats.byPath['/api/account/get-account']).toBe(1);
        expect(lines.join('\n')).not.toContain(SIMULATOR_CLIENT_SECRET);
    });

    test('wrong secret: refused, in plain words, with Mimecast code; no read call', async () => {
        simulator.resetStats();
        const result = await checkCredentials({
            ...base,
            provider: real(),
            credentials: { client_id: SIMULATOR_CLIENT_ID, client_secret: 'definitely-wrong' },
            baseUrlOverride: simulator.url
        });
        expect(result).toMatchObject({
            ok: false,
            stage: 'token',
            kind: 'invalid_credentials',
            title: 'Mimecast refused the Client ID / Client Secret',
            mimecast: 'HTTP 401 invalid_client'
        });
        expect(JSON.stringify(result)).toContain('invalid_client');
        expect(JSON.stringify(result)).not.toContain('definitely-wrong');
        expect(lines.join('\n')).not.toContain('definitely-wrong');
        expect(simulator.stats.byPath['/api/account/get-account']).toBeUndefined();
    });

    test('missing permission: 403 from the read call', async () => {
        simulator.addFault({ kind: 'status', status: 403, path: '/api/account/get-account' });
        const result = await checkCredentials({
            ...base,
            provider: real(),
            credentials: { client_id: SIMULATOR_CLIENT_ID, client_secret: SIMULATOR_CLIENT_SECRET },
            baseUrlOverride: simulator.url
        });
        expect(result).toMatchObject({ ok: false, stage: 'read', kind: 'forbidden' });
        expect(!result.ok && result.details.join(' ')).toContain('Account | Dashboard | Read');
    });

    test('unreachable gateway', async () => {
        const result = await checkCredentials({
            ...base,
            provider: real(),
            credentials: { client_id: 'x', client_secret: 'y-secret' },
            baseUrlOverride: 'http://127.0.0.1:9'
        });
        expect(result).toMatchObject({ ok: false, stage: 'token', kind: 'unreachable' });
        expect(!result.ok && result.mimecast).toBeUndefined();
        expect(!result.ok && result.title).toContain('Could not reach the Mimecast gateway 127.0.0.1:9');
    });

    test('wrong gateway: something that is not a Mimecast token endpoint', async () => {
        const other = createServer((_req, res) => {
            res.writeHead(404, { 'content-type': 'text/html' });
            res.end('<h1>Not Found</h1>');
        });
        await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
        try {
            const url = `http://127.0.0.1:${(other.address() as AddressInfo).port}`;
            const result = await checkCredentials({
                ...base,
                provider: real(),
                credentials: { client_id: 'x', client_secret: 'y-secret' },
                baseUrlOverride: url
            });
            expect(result).toMatchObject({ ok: false, kind: 'wrong_gateway' });
        } finally {
            other.close();
        }
    });

    test('a token refused by the API (wrong region): 401 on the read call', async () => {
        simulator.addFault({ kind: 'status', status: 401, path: '/api/account/get-account', times: 5 });
        const result = await checkCredentials({
            ...base,
            provider: real(),
            credentials: { client_id: SIMULATOR_CLIENT_ID, client_secret: SIMULATOR_CLIENT_SECRET },
            baseUrlOverride: simulator.url
        });
        simulator.clearFaults();
        expect(result).toMatchObject({ ok: false, kind: 'wrong_gateway' });
    });
});

describe('POST /connect: what Nango shows, and the project check apart', () => {
    let server: Awaited<ReturnType<typeof startConnectServer>>;
    const lines: string[] = [];
    const post = (secret: string) =>
        fetch(`${server.url}/connect`, {
            method: 'POST',
            body: new URLSearchParams({
                'connection_config.gateway': 'api.services.mimecast.com',
                'credentials.client_id': SIMULATOR_CLIENT_ID,
                'credentials.client_secret': secret
            })
        });

    beforeAll(async () => {
        server = await startConnectServer({ target: 'simulator', logger: createLogger({ level: 'debug', write: (line) => lines.push(line) }) });
    });
    afterAll(async () => {
        await server.close();
    });

    test('wrong secret: HTTP 400 and Nango\'s "Connection failed" with its empty error details; Mimecast\'s code only in the panel', async () => {
        const res = await post('wrong-secret-for-the-page');
        expect(res.status).toBe(400);
        const html = await res.text();
        expect(html).toContain('data-state="failed"');
        expect(html).toContain('<h2>Connection failed</h2>');
        expect(html).toContain('An error occurred during authorization. Please reach out to our support team.');
        expect(NANGO_TOKEN_FETCH_ERROR).toBe('Failed to fetch client credentials token: "{}"');
        expect(html).toContain('<pre id="error-text">Failed to fetch client credentials token: &quot;{}&quot;</pre>');
        expect(html).toContain('<summary>Show error details</summary>');
        expect(html).toContain('<button type="button" id="back" class="primary">Back</button>');
        const nangoPart = html.slice(html.indexOf('id="result-view"'), html.indexOf('</main>'));
        expect(nangoPart).not.toContain('invalid_client');
        const panel = html.slice(html.indexOf('<aside id="project-check"'));
        expect(panel).toContain("Not part of Nango: this project's credential check");
        expect(panel).toContain('HTTP 401 invalid_client');
        expect(panel).toContain('Mimecast refused the Client ID / Client Secret');
        expect(html).not.toContain('wrong-secret-for-the-page');
        expect(lines.join('\n')).not.toContain('wrong-secret-for-the-page');
    });

    test('good pair: HTTP 200 and Nango\'s "Success!" without account details; the account in the panel', async () => {
        const res = await post(SIMULATOR_CLIENT_SECRET);
        expect(res.status).toBe(200);
        const html = await res.text();
        expect(html).toContain('data-state="success"');
        expect(html).toContain('<h2>Success!</h2>');
        expect(html).toContain("You've successfully set up your Mimecast integration. You can now close this tab.");
        const nangoPart = html.slice(html.indexOf('id="result-view"'), html.indexOf('</main>'));
        expect(nangoPart).not.toContain('Simulated Tenant Ltd');
        expect(html.slice(html.indexOf('<aside id="project-check"'))).toContain('Connected to Simulated Tenant Ltd');
        expect(html).not.toContain(SIMULATOR_CLIENT_SECRET);
    });

    test('token fine, account read refused (403): Nango says "Success!", the panel says which permission is missing', async () => {
        server.simulator!.addFault({ kind: 'status', status: 403, path: '/api/account/get-account' });
        const res = await post(SIMULATOR_CLIENT_SECRET);
        expect(res.status).toBe(200);
        const html = await res.text();
        expect(html).toContain('<h2>Success!</h2>');
        const panel = html.slice(html.indexOf('<aside id="project-check"'));
        expect(panel).toContain('data-ok="false"');
        expect(panel).toContain('Account | Dashboard | Read');
        expect(panel).toContain('HTTP 403');
        expect(panel).toContain('Nango shows &quot;Success!&quot; here');
    });

    test('an auth mode Nango saves without a call (API_KEY, no verification) is always "Success!" on Nango', () => {
        const v1 = getProviderDefinition('mimecast-api-v1');
        const outcome = toOutcome(
            v1,
            { ok: false, stage: 'token', kind: 'invalid_credentials', title: 'x', details: [], gatewayUrl: 'https://eu-api.mimecast.com' },
            {},
            false
        );
        expect(outcome.nango).toEqual({ ok: true });
        expect(outcome.check.ok).toBe(false);
        const cc = toOutcome(
            real(),
            { ok: false, stage: 'token', kind: 'unreachable', title: 'x', details: [], gatewayUrl: 'https://api.services.mimecast.com' },
            {},
            false
        );
        expect(cc.nango).toEqual({ ok: false, errorDetails: NANGO_TOKEN_FETCH_ERROR });
    });
});

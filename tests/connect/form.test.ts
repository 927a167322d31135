// The connect form is generated from the provider definition, and the credential check says what went
// wrong in plain words without ever echoing or logging the secret.
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { checkCredentials } from '../../connect/check.js';
import { startConnectServer } from '../../connect/app.js';
import { formFields, renderConnectPage, validateSubmission } from '../../connect/form.js';
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
        const server = await startConnectServer({ target: 'real', baseUrl: 'http://127.0.0.1:9', providersFile: file, logger: createLogger({ write: () => {} }) });
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
        expect(validateSubmission(provider, { 'connection_config.gateway': 'api.services.mimecast.com', 'credentials.client_id': 'a', 'credentials.client_secret': 'b' })).toEqual({});
        const problems = validateSubmission(provider, { 'connection_config.gateway': 'eu-api.evil.example', 'credentials.client_id': 'has space', 'credentials.client_secret': '' });
        expect(Object.keys(problems).sort()).toEqual(['connection_config.gateway', 'credentials.client_id', 'credentials.client_secret']);
        expect(problems['credentials.client_secret']).toBe('Client Secret is required.');
    });

    test('a rejected submission never writes the secret back into the page', async () => {
        const server = await startConnectServer({ target: 'real', baseUrl: 'http://127.0.0.1:9', logger: createLogger({ write: () => {} }) });
        try {
            const secret = 'secret-that-must-not-echo';
            const body = new URLSearchParams({ 'connection_config.gateway': 'api.services.mimecast.com', 'credentials.client_id': 'bad id', 'credentials.client_secret': secret });
            const res = await fetch(`${server.url}/connect`, { method: 'POST', body });
            expect(res.status).toBe(422);
            const html = await res.text();
            expect(html).toContain('Client ID has an unexpected format');
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
        const result = await checkCredentials({ ...base, provider: real(), credentials: { client_id: SIMULATOR_CLIENT_ID, client_secret: SIMULATOR_CLIENT_SECRET }, baseUrlOverride: simulator.url });
        expect(result).toMatchObject({ ok: true, account: { accountName: 'Simulated Tenant Ltd', accountCode: 'CDE22A102' } });
        expect(simulator.stats.tokensIssued).toBe(1);
        expect(simulator.stats.byPath['/api/account/get-account']).toBe(1);
        expect(lines.join('\n')).not.toContain(SIMULATOR_CLIENT_SECRET);
    });

    test('wrong secret: refused, in plain words, with Mimecast code; no read call', async () => {
        simulator.resetStats();
        const result = await checkCredentials({ ...base, provider: real(), credentials: { client_id: SIMULATOR_CLIENT_ID, client_secret: 'definitely-wrong' }, baseUrlOverride: simulator.url });
        expect(result).toMatchObject({ ok: false, kind: 'invalid_credentials', title: 'Mimecast refused the Client ID / Client Secret' });
        expect(JSON.stringify(result)).toContain('invalid_client');
        expect(JSON.stringify(result)).not.toContain('definitely-wrong');
        expect(lines.join('\n')).not.toContain('definitely-wrong');
        expect(simulator.stats.byPath['/api/account/get-account']).toBeUndefined();
    });

    test('missing permission: 403 from the read call', async () => {
        simulator.addFault({ kind: 'status', status: 403, path: '/api/account/get-account' });
        const result = await checkCredentials({ ...base, provider: real(), credentials: { client_id: SIMULATOR_CLIENT_ID, client_secret: SIMULATOR_CLIENT_SECRET }, baseUrlOverride: simulator.url });
        expect(result).toMatchObject({ ok: false, kind: 'forbidden' });
        expect(!result.ok && result.details.join(' ')).toContain('Account | Dashboard | Read');
    });

    test('unreachable gateway', async () => {
        const result = await checkCredentials({ ...base, provider: real(), credentials: { client_id: 'x', client_secret: 'y-secret' }, baseUrlOverride: 'http://127.0.0.1:9' });
        expect(result).toMatchObject({ ok: false, kind: 'unreachable' });
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
            const result = await checkCredentials({ ...base, provider: real(), credentials: { client_id: 'x', client_secret: 'y-secret' }, baseUrlOverride: url });
            expect(result).toMatchObject({ ok: false, kind: 'wrong_gateway' });
        } finally {
            other.close();
        }
    });

    test('a token refused by the API (wrong region): 401 on the read call', async () => {
        simulator.addFault({ kind: 'status', status: 401, path: '/api/account/get-account', times: 5 });
        const result = await checkCredentials({ ...base, provider: real(), credentials: { client_id: SIMULATOR_CLIENT_ID, client_secret: SIMULATOR_CLIENT_SECRET }, baseUrlOverride: simulator.url });
        simulator.clearFaults();
        expect(result).toMatchObject({ ok: false, kind: 'wrong_gateway' });
    });
});

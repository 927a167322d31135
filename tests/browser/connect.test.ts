// The connect preview in a real browser (Debian's chromium via playwright-core): fill the form, submit
// against the simulator, read the result; the secret never comes back; every help link resolves.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { Browser, BrowserContext, Page } from 'playwright-core';

import { startConnectServer } from '../../connect/app.js';
import type { ConnectServer } from '../../connect/app.js';
import { createLogger } from '../../host/log.js';
import { getProviderDefinition } from '../../host/providers.js';
import { SIMULATOR_CLIENT_ID, SIMULATOR_CLIENT_SECRET } from '../../simulator/index.js';
import { launchChromium } from '../../scripts/docs/browser.js';
import { DOCS_DIR, headingAnchors } from '../../scripts/docs/reference.js';

const WRONG_SECRET = 'wrong-secret-7f3a9c';
let browser: Browser;
let context: BrowserContext;
let server: ConnectServer;
let page: Page;
const logLines: string[] = [];

beforeAll(async () => {
    // No skip: without Chromium this fails with the install command in the message.
    browser = await launchChromium();
    context = await browser.newContext();
    server = await startConnectServer({ target: 'simulator', logger: createLogger({ level: 'debug', write: (line) => logLines.push(line) }) });
});

afterAll(async () => {
    await browser?.close();
    await server?.close();
});

beforeEach(async () => {
    page = await context.newPage();
    await page.goto(server.url);
});

afterEach(async () => {
    await page.close();
});

async function fillAndSubmit(clientId: string, secret: string): Promise<string> {
    await page.fill('input[name="credentials.client_id"]', clientId);
    await page.fill('input[name="credentials.client_secret"]', secret);
    await Promise.all([page.waitForURL(/\/connect$/), page.click('#submit')]);
    return (await page.locator('#result').innerText()).replace(/\s+/g, ' ');
}

test('renders every field of the provider definition', async () => {
    const provider = getProviderDefinition('mimecast');
    for (const field of [...Object.values(provider.connection_config ?? {}), ...Object.values(provider.credentials ?? {})]) {
        expect(await page.locator('label', { hasText: field.title }).count()).toBe(1);
    }
    expect(await page.inputValue('select[name="connection_config.gateway"]')).toBe('api.services.mimecast.com');
    expect(await page.getAttribute('input[name="credentials.client_secret"]', 'type')).toBe('password');
});

test('valid credentials: success with the account name, and the secret is nowhere in the page', async () => {
    const result = await fillAndSubmit(SIMULATOR_CLIENT_ID, SIMULATOR_CLIENT_SECRET);
    expect(result).toContain('Connected to Simulated Tenant Ltd');
    expect(await page.getAttribute('#result', 'data-ok')).toBe('true');
    expect(await page.content()).not.toContain(SIMULATOR_CLIENT_SECRET);
    expect(await page.inputValue('input[name="credentials.client_secret"]')).toBe('');
    expect(page.url()).not.toContain(SIMULATOR_CLIENT_SECRET);
    // The non-secret values stay filled in for the next try.
    expect(await page.inputValue('input[name="credentials.client_id"]')).toBe(SIMULATOR_CLIENT_ID);
});

test('wrong secret: Mimecast refused the credentials, said in plain words, secret not echoed or logged', async () => {
    const result = await fillAndSubmit(SIMULATOR_CLIENT_ID, WRONG_SECRET);
    expect(result).toContain('Mimecast refused the Client ID / Client Secret');
    expect(result).toContain('invalid_client');
    expect(await page.getAttribute('#result', 'data-ok')).toBe('false');
    expect(await page.content()).not.toContain(WRONG_SECRET);
    expect(page.url()).not.toContain(WRONG_SECRET);
    expect(logLines.join('\n')).not.toContain(WRONG_SECRET);
    expect(logLines.join('\n')).not.toContain(SIMULATOR_CLIENT_SECRET);
    expect(logLines.some((line) => line.includes('invalid_client'))).toBe(true);
});

test('missing permission: a 403 from get-account names the permission to add', async () => {
    server.simulator!.addFault({ kind: 'status', status: 403, path: '/api/account/get-account' });
    const result = await fillAndSubmit(SIMULATOR_CLIENT_ID, SIMULATOR_CLIENT_SECRET);
    expect(result).toContain('missing a permission');
    expect(result).toContain('Account | Dashboard | Read');
});

test('the browser refuses a value that breaks the pattern, before any request', async () => {
    const before = server.simulator!.stats.tokensIssued + server.simulator!.stats.requests;
    await page.fill('input[name="credentials.client_id"]', 'has a space');
    await page.fill('input[name="credentials.client_secret"]', SIMULATOR_CLIENT_SECRET);
    await page.click('#submit');
    await page.waitForSelector('.problem');
    expect(await page.locator('[data-field="credentials.client_id"] .problem').innerText()).toContain('Client ID');
    expect(page.url()).toBe(`${server.url}/`);
    expect(server.simulator!.stats.tokensIssued + server.simulator!.stats.requests).toBe(before);
});

test('every help link points at an anchor of docs/mimecast/connect.mdx, the footer at the guide', async () => {
    const provider = getProviderDefinition('mimecast');
    const docsConnect = provider.docs_connect!;
    const anchors = headingAnchors(readFileSync(join(DOCS_DIR, 'mimecast', 'connect.mdx'), 'utf8'));
    const hrefs = await page.locator('a.help').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
    expect(hrefs.length).toBe(Object.keys({ ...provider.connection_config, ...provider.credentials }).length);
    for (const href of hrefs) {
        expect(href.startsWith(`${docsConnect}#`)).toBe(true);
        const anchor = href.slice(docsConnect.length + 1);
        expect({ href, exists: anchors.has(anchor) }).toEqual({ href, exists: true });
    }
    expect(await page.getAttribute('#guide-link', 'href')).toBe(docsConnect);
    // docs_connect is the published address of this very file.
    expect(docsConnect.endsWith('/mimecast/connect')).toBe(true);
});

// The connect preview in a real browser (Debian's chromium via playwright-core), state by state as Nango's
// Connect UI shows them (reference: ../shared/reference/nango-connect-ui/): the form, the messages as you
// type, "Success!", "Connection failed" with Nango's error details, Back; and apart from Nango's card, the
// project's own credential check. The secret never comes back from the server; every help link resolves.
import { readFileSync } from 'node:fs';

import type { Browser, BrowserContext, Page } from 'playwright-core';

import { startConnectServer } from '../../connect/app.js';
import type { ConnectServer } from '../../connect/app.js';
import { createLogger } from '../../host/log.js';
import { getProviderDefinition } from '../../host/providers.js';
import { SIMULATOR_CLIENT_ID, SIMULATOR_CLIENT_SECRET } from '../../simulator/index.js';
import { launchChromium } from '../../scripts/docs/browser.js';
import { connectGuidePath, nangoStepAnchors } from '../../scripts/docs/reference.js';
import { describeWithChromium } from './chromium.js';

describeWithChromium('the connect preview in Chromium', () => {
    const WRONG_SECRET = 'wrong-secret-7f3a9c';
    let browser: Browser;
    let context: BrowserContext;
    let server: ConnectServer;
    let page: Page;
    const logLines: string[] = [];

    beforeAll(async () => {
        // In CI a missing Chromium fails here, with the install command in the message.
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

    const PANEL_LABEL = "Not part of Nango: this project's credential check";

    function text(locator: ReturnType<Page['locator']>): Promise<string> {
        return locator.innerText().then((t) => t.replace(/\s+/g, ' ').trim());
    }

    async function fill(clientId: string, secret: string): Promise<void> {
        await page.fill('input[name="credentials.client_id"]', clientId);
        await page.fill('input[name="credentials.client_secret"]', secret);
    }

    /** Clicks Connect and waits for Nango's outcome page; returns the server's HTML answer. */
    async function connect(): Promise<string> {
        const [response] = await Promise.all([
            page.waitForResponse((r) => r.url().endsWith('/connect') && r.request().method() === 'POST'),
            page.click('#submit')
        ]);
        await page.waitForSelector('#nango-result');
        return response.text();
    }

    test('the form as Nango renders it: title, required marks, help text above each control, Connect disabled', async () => {
        const provider = getProviderDefinition('mimecast');
        expect(await text(page.locator('h1'))).toBe('Link Mimecast Account');
        for (const field of [...Object.values(provider.connection_config ?? {}), ...Object.values(provider.credentials ?? {})]) {
            const box = page.locator('.field', { has: page.locator('label', { hasText: field.title }) });
            expect(await box.count()).toBe(1);
            expect(await text(box.locator('.required'))).toBe('*');
            // Help text first, then the control (DOM order inside the field).
            const order = await box.evaluate((el) => Array.from(el.querySelectorAll('.description, input, select')).map((n) => n.tagName.toLowerCase()));
            expect(order[0]).toBe('p');
            expect(order.length).toBe(2);
            expect(await text(box.locator('.description'))).toBe(field.description);
        }
        expect(await page.inputValue('select[name="connection_config.gateway"]')).toBe('api.services.mimecast.com');
        expect(await page.getAttribute('input[name="credentials.client_secret"]', 'type')).toBe('password');
        expect(await page.getAttribute('input[name="credentials.client_id"]', 'placeholder')).toBe('Client ID from Generate Keys');
        expect(await page.isDisabled('#submit')).toBe(true);
        expect(await text(page.locator('#help-footer'))).toContain('Need help? View connection guide');
        expect(await page.locator('#project-check').count()).toBe(0);
    });

    test("Nango's messages as you type, Connect enabled only when valid, nothing sent before", async () => {
        const before = server.simulator!.stats.tokensIssued + server.simulator!.stats.requests;
        const clientIdProblem = page.locator('[data-field="credentials.client_id"] .problem');
        await page.fill('input[name="credentials.client_id"]', 'a b');
        expect(await text(clientIdProblem)).toBe('Incorrect Client ID');
        expect(await page.isDisabled('#submit')).toBe(true);
        await page.fill('input[name="credentials.client_id"]', '');
        expect(await text(clientIdProblem)).toBe('This field is required');
        await fill(SIMULATOR_CLIENT_ID, SIMULATOR_CLIENT_SECRET);
        expect(await clientIdProblem.isVisible()).toBe(false);
        expect(await page.isDisabled('#submit')).toBe(false);
        await page.fill('input[name="credentials.client_secret"]', '');
        expect(await text(page.locator('[data-field="credentials.client_secret"] .problem'))).toBe('This field is required');
        expect(await page.isDisabled('#submit')).toBe(true);
        expect(server.simulator!.stats.tokensIssued + server.simulator!.stats.requests).toBe(before);
    });

    test('valid credentials: "Success!" and nothing more from Nango; the account read is in the separate project panel', async () => {
        await fill(SIMULATOR_CLIENT_ID, SIMULATOR_CLIENT_SECRET);
        const html = await connect();
        expect(await page.getAttribute('#nango-result', 'data-state')).toBe('success');
        expect(await text(page.locator('#nango-result h2'))).toBe('Success!');
        expect(await text(page.locator('#nango-result'))).toContain("You've successfully set up your Mimecast integration. You can now close this tab.");
        expect(await text(page.locator('#nango-result'))).not.toContain('Simulated Tenant Ltd');
        expect(await page.locator('#form-view').isVisible()).toBe(false);
        const panel = page.locator('#project-check');
        expect(await text(panel.locator('.project-label'))).toBe(PANEL_LABEL);
        expect(await text(panel)).toContain('Connected to Simulated Tenant Ltd');
        expect(await panel.getAttribute('data-ok')).toBe('true');
        // The panel is not part of Nango's card.
        expect(await page.locator('.nango #project-check').count()).toBe(0);
        // The server never sent the secret back, and it is in no URL.
        expect(html).not.toContain(SIMULATOR_CLIENT_SECRET);
        expect(await page.content()).not.toContain(SIMULATOR_CLIENT_SECRET);
        expect(page.url()).toBe(`${server.url}/`);
    });

    test('wrong secret: "Connection failed", Nango\'s error details on demand, Mimecast\'s code only in the project panel, Back keeps the values', async () => {
        await fill(SIMULATOR_CLIENT_ID, WRONG_SECRET);
        const html = await connect();
        const result = page.locator('#nango-result');
        expect(await result.getAttribute('data-state')).toBe('failed');
        expect(await text(result.locator('h2'))).toBe('Connection failed');
        expect(await text(result)).toContain('An error occurred during authorization. Please reach out to our support team.');
        expect(await page.locator('#error-text').isVisible()).toBe(false);
        expect(await text(page.locator('#error-details summary'))).toBe('Show error details');
        await page.click('#error-details summary');
        expect(await page.locator('#error-text').innerText()).toBe('Failed to fetch client credentials token: "{}"');
        // The label follows the details' toggle event, which the browser fires as a task after the click.
        await page
            .waitForFunction(() => document.querySelector('#error-details summary')?.textContent?.trim() === 'Hide error details', undefined, {
                timeout: 5_000
            })
            .catch(() => undefined);
        expect(await text(page.locator('#error-details summary'))).toBe('Hide error details');
        expect(await text(result)).not.toContain('invalid_client');
        const panel = page.locator('#project-check');
        expect(await text(panel.locator('.project-label'))).toBe(PANEL_LABEL);
        expect(await text(panel)).toContain('Mimecast refused the Client ID / Client Secret');
        expect(await text(panel)).toContain('HTTP 401 invalid_client');
        expect(html).not.toContain(WRONG_SECRET);
        expect(logLines.join('\n')).not.toContain(WRONG_SECRET);
        expect(logLines.some((line) => line.includes('invalid_client'))).toBe(true);

        await page.click('#back');
        expect(await page.locator('#form-view').isVisible()).toBe(true);
        expect(await page.locator('#result-view').isVisible()).toBe(false);
        expect(await page.inputValue('input[name="credentials.client_id"]')).toBe(SIMULATOR_CLIENT_ID);
        expect(await page.inputValue('input[name="credentials.client_secret"]')).toBe(WRONG_SECRET);
        expect(await page.isDisabled('#submit')).toBe(false);
        expect(await page.locator('#project-check').count()).toBe(0);

        // Correct the one field and connect again, from the same form.
        await page.fill('input[name="credentials.client_secret"]', SIMULATOR_CLIENT_SECRET);
        await connect();
        expect(await page.getAttribute('#nango-result', 'data-state')).toBe('success');
    });

    test('missing permission: Nango would say "Success!" (token only); the project panel names the permission', async () => {
        server.simulator!.addFault({ kind: 'status', status: 403, path: '/api/account/get-account' });
        await fill(SIMULATOR_CLIENT_ID, SIMULATOR_CLIENT_SECRET);
        await connect();
        expect(await page.getAttribute('#nango-result', 'data-state')).toBe('success');
        const panel = text(page.locator('#project-check'));
        expect(await panel).toContain('missing a permission');
        expect(await panel).toContain('Account | Dashboard | Read');
        expect(await panel).toContain('HTTP 403');
        expect(await page.getAttribute('#project-check', 'data-ok')).toBe('false');
    });

    test('every help link points at a Step heading of docs/api-integrations/mimecast/connect.mdx, the footer at the guide', async () => {
        const provider = getProviderDefinition('mimecast');
        const docsConnect = provider.docs_connect!;
        const anchors = nangoStepAnchors(readFileSync(connectGuidePath('mimecast'), 'utf8'));
        const hrefs = await page.locator('a.help').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
        expect(hrefs.length).toBe(Object.keys({ ...provider.connection_config, ...provider.credentials }).length);
        for (const href of hrefs) {
            expect(href.startsWith(`${docsConnect}#`)).toBe(true);
            const anchor = href.slice(docsConnect.length);
            expect({ href, exists: anchors.has(anchor) }).toEqual({ href, exists: true });
        }
        expect(await page.getAttribute('#guide-link', 'href')).toBe(docsConnect);
        // docs_connect is the published address of this very file in Nango's docs.
        expect(docsConnect).toBe('https://nango.dev/docs/api-integrations/mimecast/connect');
    });
});

// npm run docs:screenshots: opens the connect preview (against the embedded simulator) in headless
// Chromium and writes the PNGs the connect guide embeds: the empty form, the filled form, an error
// (a wrong Client Secret) and a success. Only the connect form is captured, never Mimecast's console.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

import { startConnectServer } from '../connect/app.js';
import { createLogger } from '../host/log.js';
import { SIMULATOR_CLIENT_ID, SIMULATOR_CLIENT_SECRET } from '../simulator/index.js';
import { launchChromium } from './docs/browser.js';
import { DOCS_DIR } from './docs/reference.js';

const IMAGES = join(DOCS_DIR, 'images');
mkdirSync(IMAGES, { recursive: true });

const server = await startConnectServer({ target: 'simulator', logger: createLogger({ level: 'warn' }) });
const browser = await launchChromium();
try {
    const context = await browser.newContext({ viewport: { width: 560, height: 640 }, deviceScaleFactor: 1, colorScheme: 'light', locale: 'en-US' });
    const page = await context.newPage();
    const shot = async (name: string): Promise<void> => {
        await page.locator('main.card').screenshot({ path: join(IMAGES, name), animations: 'disabled' });
        process.stdout.write(`wrote docs/images/${name}\n`);
    };
    const fill = async (secret: string): Promise<void> => {
        await page.goto(server.url);
        await page.selectOption('select[name="connection_config.gateway"]', { index: 0 });
        await page.fill('input[name="credentials.client_id"]', SIMULATOR_CLIENT_ID);
        await page.fill('input[name="credentials.client_secret"]', secret);
    };
    const submit = async (): Promise<void> => {
        await Promise.all([page.waitForURL(/\/connect$/), page.click('#submit')]);
        await page.waitForSelector('#result');
    };

    await page.goto(server.url);
    await shot('connect-empty.png');

    await fill(SIMULATOR_CLIENT_SECRET);
    await page.locator('#submit').focus();
    await shot('connect-filled.png');

    await submit();
    await shot('connect-success.png');

    await fill('not-the-right-secret');
    await submit();
    await shot('connect-error.png');
} finally {
    await browser.close();
    await server.close();
}

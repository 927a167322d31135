// npm run docs:screenshots: opens the connect preview (against the embedded simulator) in headless
// Chromium at the size Nango's reference screenshots were taken (500 x 1000) and writes the same states
// to .local/connect-preview/ (git-ignored), named like Nango's (real-01-empty.png -> preview-01-empty.png),
// so the preview can be compared with Nango's Connect UI side by side. The connect guide embeds Nango's
// own screenshots, not these. Only the form is captured, never Mimecast's console.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

import { startConnectServer } from '../connect/app.js';
import { createLogger } from '../host/log.js';
import { SIMULATOR_CLIENT_ID, SIMULATOR_CLIENT_SECRET } from '../simulator/index.js';
import { launchChromium } from './docs/browser.js';
import { ROOT } from './docs/reference.js';

const OUT = join(ROOT, '.local', 'connect-preview');
mkdirSync(OUT, { recursive: true });

const server = await startConnectServer({ target: 'simulator', logger: createLogger({ level: 'warn' }) });
const browser = await launchChromium();
try {
    const context = await browser.newContext({ viewport: { width: 500, height: 1000 }, deviceScaleFactor: 1, colorScheme: 'light', locale: 'en-US' });
    const page = await context.newPage();
    const shot = async (name: string): Promise<void> => {
        await page.screenshot({ path: join(OUT, name), fullPage: true, animations: 'disabled' });
        process.stdout.write(`wrote .local/connect-preview/${name}\n`);
    };
    const fill = async (secret: string): Promise<void> => {
        await page.goto(server.url);
        await page.fill('input[name="credentials.client_id"]', SIMULATOR_CLIENT_ID);
        await page.fill('input[name="credentials.client_secret"]', secret);
    };
    const connect = async (): Promise<void> => {
        await page.click('#submit');
        await page.waitForSelector('#nango-result');
    };

    await page.goto(server.url);
    await shot('preview-01-empty.png');

    await page.fill('input[name="credentials.client_id"]', 'a b');
    await shot('preview-04-invalid-client-id.png');

    await fill(SIMULATOR_CLIENT_SECRET);
    await page.locator('input[name="credentials.client_secret"]').focus();
    await shot('preview-05-filled.png');

    await connect();
    await shot('preview-06-success.png');

    await fill('not-the-right-secret');
    await connect();
    await shot('preview-08-wrong-secret.png');
    await page.click('#error-details summary');
    await shot('preview-09-wrong-secret-details.png');
    await page.click('#back');
    await shot('preview-10-after-back.png');

    // Beyond Nango: the token works, the account read is refused. Nango would show "Success!".
    server.simulator!.addFault({ kind: 'status', status: 403, path: '/api/account/get-account' });
    await fill(SIMULATOR_CLIENT_SECRET);
    await connect();
    await shot('preview-11-success-but-forbidden.png');
} finally {
    await browser.close();
    await server.close();
}

// Headless Chromium for the screenshots and the browser test: Debian's `chromium` driven by playwright-core.
import { existsSync } from 'node:fs';

import { chromium } from 'playwright-core';
import type { Browser } from 'playwright-core';

export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync'
];

export class ChromiumMissingError extends Error {
    constructor() {
        super(
            `Chromium is not installed at ${CHROMIUM_PATH}. Install it with \`apt-get update && apt-get install -y chromium\` (.ci/run does this in CI), or set CHROMIUM_PATH.`
        );
        this.name = 'ChromiumMissingError';
    }
}

export async function launchChromium(): Promise<Browser> {
    if (!existsSync(CHROMIUM_PATH)) {
        throw new ChromiumMissingError();
    }
    return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}

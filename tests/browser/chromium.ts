// The browser tests need Debian's chromium, which npm cannot install. On a user's machine without it they
// are skipped with a line saying how to install it; in CI (CI=true, where .ci/run installs chromium first)
// they always run, so a missing browser fails there instead of skipping.
import { existsSync } from 'node:fs';

import { CHROMIUM_PATH } from '../../scripts/docs/browser.js';

export function describeWithChromium(title: string, body: () => void): void {
    if (existsSync(CHROMIUM_PATH) || process.env['CI']) {
        describe(title, body);
        return;
    }
    process.stderr.write(`skipped "${title}": Chromium is not installed at ${CHROMIUM_PATH} (apt-get install -y chromium, or set CHROMIUM_PATH)\n`);
    describe.skip(title, body);
    // One test that runs, so that jest runs this file's hooks (tests/setup.ts hands nock over in an afterAll).
    it(`skips "${title}": Chromium is not installed at ${CHROMIUM_PATH}`, () => {
        expect(existsSync(CHROMIUM_PATH)).toBe(false);
    });
}

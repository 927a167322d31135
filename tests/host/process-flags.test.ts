// The host's process runs with the young generation runner.ts sets for the isolates it starts: set at
// runtime, V8 applies it only partly to the isolate already running, so the npm scripts that run the
// host pass it on the command line.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { SEMI_SPACE_MB } from '../../host/runner.js';

const ROOT = join(import.meta.dirname, '..', '..');
const scripts = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;

test.each(['start', 'function', 'bench'])(`npm run %s starts the host with ${SEMI_SPACE_MB} MB semi-spaces`, (name) => {
    expect(scripts[name]).toMatch(new RegExp(`^tsx --max-semi-space-size=${SEMI_SPACE_MB} `));
});

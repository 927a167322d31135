// npm run docs:reference: writes docs/reference/*.md, docs/examples/types.ts and the generated sections of
// docs/mimecast.mdx and docs/api-integrations/mimecast/connect.mdx from the compiled integrations/.nango/nango.json.
import { mkdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

import { DOCS_DIR, generateDocs, staleReferencePages } from './docs/reference.js';

const files = generateDocs();
let changed = 0;
for (const [path, content] of files) {
    const file = join(DOCS_DIR, path);
    if (existsSync(file) && readFileSync(file, 'utf8') === content) {
        continue;
    }
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, content);
    changed += 1;
    process.stdout.write(`wrote docs/${path}\n`);
}
for (const path of staleReferencePages(files)) {
    rmSync(join(DOCS_DIR, path));
    changed += 1;
    process.stdout.write(`removed docs/${path} (no such function any more)\n`);
}
process.stdout.write(`${files.size} generated file(s), ${changed} changed\n`);

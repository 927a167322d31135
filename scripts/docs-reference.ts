// npm run docs:reference (after `npm run compile`): the function reference with `nango generate:docs`
// (integrations/mimecast/{syncs,actions}/<name>.md), then what the CLI cannot write, from the compiled
// integrations/.nango/nango.json: the provider pages' PreBuiltUseCases snippet, docs/examples/types.ts and the
// generated sections of the README and docs/api-integrations/mimecast/connect.mdx.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

import { generateDocs, readManifest, ROOT, runGenerateDocs, staleFunctionDocs } from './docs/reference.js';

let changed = 0;
for (const path of staleFunctionDocs(readManifest())) {
    rmSync(join(ROOT, path));
    changed += 1;
    process.stdout.write(`removed ${path} (no such function any more)\n`);
}
runGenerateDocs();
process.stdout.write('nango generate:docs wrote integrations/mimecast/{syncs,actions}/*.md\n');

const files = generateDocs();
for (const [path, content] of files) {
    const file = join(ROOT, path);
    if (existsSync(file) && readFileSync(file, 'utf8') === content) {
        continue;
    }
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, content);
    changed += 1;
    process.stdout.write(`wrote ${path}\n`);
}
process.stdout.write(`${files.size} generated file(s) besides the function pages, ${changed} changed\n`);

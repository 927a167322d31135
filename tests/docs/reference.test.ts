// The docs cannot drift: the reference pages, the example types and the generated tables are what the
// generator makes from the compiled manifest today, and every doc_section anchor exists.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { loadProviders } from '../../host/providers.js';
import { DOCS_DIR, fillSections, functionPage, generateDocs, headingAnchors, readManifest, slugify, staleReferencePages, typesFile } from '../../scripts/docs/reference.js';

test('committed docs match the generator output (run `npm run docs:reference` when this fails)', () => {
    const generated = generateDocs();
    const stale: string[] = [];
    for (const [path, content] of generated) {
        const file = join(DOCS_DIR, path);
        if (!existsSync(file) || readFileSync(file, 'utf8') !== content) {
            stale.push(`docs/${path}`);
        }
    }
    stale.push(...staleReferencePages(generated).map((p) => `docs/${p} (no such function)`));
    expect(stale).toEqual([]);
});

test('every function has a reference page, a row in the provider page and one in the permissions table', () => {
    const fns = readManifest();
    expect(fns.length).toBeGreaterThan(0);
    const provider = readFileSync(join(DOCS_DIR, 'mimecast.mdx'), 'utf8');
    const connect = readFileSync(join(DOCS_DIR, 'mimecast', 'connect.mdx'), 'utf8');
    for (const fn of fns) {
        expect(existsSync(join(DOCS_DIR, 'reference', `${fn.name}.md`))).toBe(true);
        expect(provider).toContain(`[\`${fn.name}\`](./reference/${fn.name}.md)`);
        expect(connect).toContain(`| \`${fn.name}\` | ${fn.type} |`);
    }
});

test('a function page shows its input, output, schedule and permissions from the schema', () => {
    const page = functionPage({
        name: 'demo-action',
        type: 'action',
        description: 'Does a thing.',
        version: '2.0.0',
        group: 'Demo',
        endpoint: 'POST /demo',
        scopes: ['Demo | Things | Edit'],
        runs: undefined,
        autoStart: undefined,
        syncType: undefined,
        trackDeletes: undefined,
        input: 'DemoInput',
        outputs: ['DemoOutput'],
        definitions: {
            DemoInput: { type: 'object', properties: { ids: { type: 'array', items: { type: 'string' }, minItems: 1 }, mode: { enum: ['a', 'b'] } }, required: ['ids'] },
            DemoOutput: { type: 'object', properties: { ok: { type: 'boolean' } }, required: ['ok'] }
        }
    });
    expect(page).toContain('# demo-action');
    expect(page).toContain('| Mimecast API 2.0 permissions | `Demo \\| Things \\| Edit` |');
    expect(page).toContain('| `ids` | `string[]` | yes | min items 1 |');
    expect(page).toContain('| `mode` | `"a" \\| "b"` | no |');
    expect(page).toContain('| `ok` | `boolean` | yes |');
    const types = typesFile([
        { name: 'demo-action', type: 'action', description: '', version: '1', group: 'Demo', endpoint: undefined, scopes: [], runs: undefined, autoStart: undefined, syncType: undefined, trackDeletes: undefined, input: 'DemoInput', outputs: ['DemoOutput'], definitions: { DemoInput: { type: 'object', properties: { ids: { type: 'array', items: { type: 'string' } } }, required: ['ids'] }, DemoOutput: { type: 'object', properties: {} } } }
    ]);
    expect(types).toContain('export type DemoInput = {\n    ids: string[];\n};');
    expect(types).toContain('"demo-action": { input: DemoInput; output: DemoOutput };');
});

test('generated sections are replaced, unknown ones are an error', () => {
    const text = 'a\n{/* <!-- BEGIN GENERATED functions --> */}\nold\n{/* <!-- END GENERATED functions --> */}\nb\n';
    const once = fillSections(text, { functions: '| x |' }, 'page.mdx');
    expect(once).toBe('a\n{/* <!-- BEGIN GENERATED functions --> */}\n\n| x |\n\n{/* <!-- END GENERATED functions --> */}\nb\n');
    expect(fillSections(once, { functions: '| x |' }, 'page.mdx')).toBe(once);
    expect(() => fillSections(text, {}, 'page.mdx')).toThrow(/unknown generated section 'functions'/);
});

test('every doc_section of providers.yaml is a heading anchor of that provider\'s docs/<key>/connect.mdx', () => {
    const providers = loadProviders();
    expect(Object.keys(providers)).toContain('mimecast');
    for (const [key, provider] of Object.entries(providers)) {
        const sections = [...Object.values(provider.connection_config ?? {}), ...Object.values(provider.credentials ?? {})].map((f) => f.doc_section);
        if (!provider.docs_connect) {
            expect({ key, sections: sections.filter(Boolean) }).toEqual({ key, sections: [] });
            continue;
        }
        // docs_connect is the published address of docs/<key>/connect.mdx (Nango's layout).
        expect(provider.docs_connect).toMatch(new RegExp(`/${key}/connect$`));
        const guide = join(DOCS_DIR, key, 'connect.mdx');
        expect({ guide, exists: existsSync(guide) }).toEqual({ guide, exists: true });
        const anchors = headingAnchors(readFileSync(guide, 'utf8'));
        for (const section of sections) {
            expect({ key, section, exists: section !== undefined && anchors.has(section.slice(1)) }).toEqual({ key, section, exists: true });
        }
    }
    expect(slugify('Step 2: Copy your credentials')).toBe('step-2-copy-your-credentials');
    expect(slugify('Step 1: Create an API 2.0 application')).toBe('step-1-create-an-api-20-application');
});

test('the connect guide embeds the four screenshots and every image it names exists', () => {
    const connect = readFileSync(join(DOCS_DIR, 'mimecast', 'connect.mdx'), 'utf8');
    const images = [...connect.matchAll(/src="([^"]+\.png)"/g)].map((m) => m[1]!);
    expect(images.sort()).toEqual(['../images/connect-empty.png', '../images/connect-error.png', '../images/connect-filled.png', '../images/connect-success.png']);
    for (const image of images) {
        expect(existsSync(join(DOCS_DIR, 'mimecast', image))).toBe(true);
    }
    for (const heading of ['step-1-create-an-api-20-application', 'step-2-copy-your-credentials', 'step-3-enter-them-in-the-connect-form', 'choosing-a-gateway', 'prerequisites']) {
        expect(headingAnchors(connect).has(heading)).toBe(true);
    }
});

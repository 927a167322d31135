// The docs cannot drift: the reference pages, the example types and the generated tables are what the
// generator makes from the compiled manifest today, and every doc_section anchor exists.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { loadProviders } from '../../host/providers.js';
import { connectGuidePath, DOCS_DIR, fillSections, functionPage, generateDocs, headingAnchors, nangoStepAnchors, readManifest, slugify, staleReferencePages, typesFile } from '../../scripts/docs/reference.js';

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
    const connect = readFileSync(connectGuidePath('mimecast'), 'utf8');
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

test("every doc_section of providers.yaml is a Step heading of that provider's docs/api-integrations/<key>/connect.mdx", () => {
    const providers = loadProviders();
    expect(Object.keys(providers)).toContain('mimecast');
    for (const [key, provider] of Object.entries(providers)) {
        const sections = [...Object.values(provider.connection_config ?? {}), ...Object.values(provider.credentials ?? {})].map((f) => f.doc_section);
        if (!provider.docs_connect) {
            expect({ key, sections: sections.filter(Boolean) }).toEqual({ key, sections: [] });
            continue;
        }
        // docs_connect is the published address of docs/api-integrations/<key>/connect.mdx (Nango's current layout).
        expect(provider.docs_connect).toBe(`https://nango.dev/docs/api-integrations/${key}/connect`);
        const guide = connectGuidePath(key);
        expect({ guide, exists: existsSync(guide) }).toEqual({ guide, exists: true });
        const markdown = readFileSync(guide, 'utf8');
        // Nango's validator accepts only "Step ..." headings; the docs site slugs them the same way.
        const steps = nangoStepAnchors(markdown);
        const anchors = headingAnchors(markdown);
        for (const section of sections) {
            expect({ key, section, step: section !== undefined && steps.has(section), exists: section !== undefined && anchors.has(section.slice(1)) }).toEqual({ key, section, step: true, exists: true });
        }
    }
    expect(slugify('Step 2: Copy your credentials')).toBe('step-2-copy-your-credentials');
    expect(slugify('Step 1: Create an API 2.0 application')).toBe('step-1-create-an-api-20-application');
    expect(nangoStepAnchors('## Choosing a gateway\n#### Step 3: Choose the API gateway\n')).toEqual(new Set(['#step-3-choose-the-api-gateway']));
});

test("the connect guide embeds Nango's Connect UI screenshots from its own folder, by absolute path, and each exists", () => {
    const connect = readFileSync(connectGuidePath('mimecast'), 'utf8');
    const images = [...connect.matchAll(/src="([^"]+\.png)"/g)].map((m) => m[1]!);
    expect(images.length).toBeGreaterThanOrEqual(8);
    for (const image of images) {
        // Nango's docs site resolves /api-integrations/... from docs/.
        expect(image.startsWith('/api-integrations/mimecast/images/real-')).toBe(true);
        expect({ image, exists: existsSync(join(DOCS_DIR, image)) }).toEqual({ image, exists: true });
    }
    expect(connect).toContain("Nango's Connect UI");
    // What an admin really sees on Nango, not the preview's own wording.
    for (const text of ['Link Mimecast Account', 'Incorrect Client ID', 'This field is required', 'Connection failed', 'Failed to fetch client credentials token: "{}"', 'Success!']) {
        expect({ text, found: connect.includes(text) }).toEqual({ text, found: true });
    }
    expect(connect).not.toContain('Mimecast refused the Client ID / Client Secret');
    expect(connect).toContain("nango.triggerAction('mimecast', connectionId, 'get-account'");
    expect(connect).toContain('check-permissions');
    for (const heading of ['step-1-create-an-api-20-application', 'step-2-copy-your-credentials', 'step-3-choose-the-api-gateway', 'step-4-enter-them-in-the-nango-connect-form', 'step-5-check-the-connection-from-your-app', 'troubleshooting', 'prerequisites']) {
        expect({ heading, exists: headingAnchors(connect).has(heading) }).toEqual({ heading, exists: true });
    }
});

test('no doc links to the old guide paths', () => {
    for (const page of ['mimecast.mdx', join('api-integrations', 'mimecast', 'connect.mdx'), join('api-integrations', 'mimecast-api-v1', 'connect.mdx'), join('..', 'README.md')]) {
        const text = readFileSync(join(DOCS_DIR, page), 'utf8');
        expect({ page, old: /integrations\/all\/mimecast(-api-v1)?\/connect|\.\.\/mimecast\/connect\.mdx|docs\/mimecast(-api-v1)?\/connect\.mdx|#choosing-a-gateway/.test(text) }).toEqual({ page, old: false });
    }
});

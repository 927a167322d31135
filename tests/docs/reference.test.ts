// The docs cannot drift: the function pages are what `nango generate:docs` writes today, the snippet, the
// example types and the generated tables are what the generator makes from the compiled manifest, every
// doc_section anchor exists, and the provider pages follow Nango's current layout.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { loadProviders } from '../../host/providers.js';
import {
    connectGuidePath,
    DOCS_DIR,
    fillSections,
    functionDocPath,
    generateDocs,
    headingAnchors,
    nangoStepAnchors,
    readManifest,
    ROOT,
    runGenerateDocs,
    slugify,
    SNIPPET,
    snippetFile,
    staleFunctionDocs,
    typesFile
} from '../../scripts/docs/reference.js';

test('committed generated files match the generator output (run `npm run docs:reference` when this fails)', () => {
    const stale: string[] = [];
    for (const [path, content] of generateDocs()) {
        const file = join(ROOT, path);
        if (!existsSync(file) || readFileSync(file, 'utf8') !== content) {
            stale.push(path);
        }
    }
    expect(stale).toEqual([]);
});

// The CLI reads the functions' source (about 15 s on a quiet machine): run once, into a temporary folder.
test('committed function pages are what `nango generate:docs` writes (run `npm run docs:reference` when this fails)', () => {
    const fns = readManifest();
    const out = mkdtempSync(join(tmpdir(), 'mimecast-generate-docs-'));
    try {
        runGenerateDocs(out);
        const written = readdirSync(out).sort();
        expect(written).toEqual(fns.map((fn) => `${fn.name}.md`).sort());
        const stale = fns.filter((fn) => {
            const file = join(ROOT, functionDocPath(fn));
            return !existsSync(file) || readFileSync(file, 'utf8') !== readFileSync(join(out, `${fn.name}.md`), 'utf8');
        });
        expect(stale.map(functionDocPath)).toEqual([]);
        expect(staleFunctionDocs(fns).map((p) => `${p} (no such function)`)).toEqual([]);
        // What a reader finds on a page: the CLI's markers, the function's description and its group.
        const page = readFileSync(join(ROOT, functionDocPath(fns[0]!)), 'utf8');
        expect(page.startsWith('<!-- BEGIN GENERATED CONTENT -->')).toBe(true);
        expect(page).toContain(`- **Description:** ${fns[0]!.description}`);
        expect(page).toContain(`- **Group:** ${fns[0]!.group}`);
    } finally {
        rmSync(out, { recursive: true, force: true });
    }
}, 240_000);

test('every function has a page, a row in the snippet under its area, one in the permissions table and one in the README catalog', () => {
    const fns = readManifest();
    expect(fns.length).toBeGreaterThan(0);
    const snippet = readFileSync(join(ROOT, SNIPPET), 'utf8');
    const connect = readFileSync(connectGuidePath('mimecast'), 'utf8');
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const areas = snippet.split(/^### /m).slice(1);
    for (const fn of fns) {
        expect({ fn: fn.name, page: existsSync(join(ROOT, functionDocPath(fn))) }).toEqual({ fn: fn.name, page: true });
        const area = areas.find((section) => section.startsWith(`${fn.group}\n`));
        expect({ fn: fn.name, inArea: area?.includes(`| \`${fn.name}\` |`) }).toEqual({ fn: fn.name, inArea: true });
        expect(connect).toContain(`| \`${fn.name}\` | ${fn.type} |`);
        expect(readme).toContain(`[\`${fn.name}\`](${functionDocPath(fn)})`);
    }
    expect(existsSync(join(DOCS_DIR, 'reference'))).toBe(false);
});

test("the snippet is written like Nango's generated ones: a table per area, Others last, source in integration-templates", () => {
    const fn = (name: string, type: 'sync' | 'action', group: string, description: string) => ({
        name,
        type,
        description,
        version: '1.0.0',
        group,
        endpoint: undefined,
        scopes: [],
        runs: undefined,
        autoStart: undefined,
        syncType: undefined,
        trackDeletes: undefined,
        input: undefined,
        outputs: [],
        definitions: {}
    });
    const snippet = snippetFile([fn('misc', 'action', 'Others', 'Misc.'), fn('users', 'sync', 'Directory', 'Users | all.')]);
    expect(snippet).toBe(
        [
            '### Directory',
            '',
            '| Function name | Description | Type | Source code |',
            '| - | - | - | - |',
            '| `users` | Users \\| all. | [Sync](/guides/use-cases/syncs) | [🔗 Github](https://github.com/NangoHQ/integration-templates/blob/main/integrations/mimecast/syncs/users.ts) |',
            '',
            '### Others',
            '',
            '| Function name | Description | Type | Source code |',
            '| - | - | - | - |',
            '| `misc` | Misc. | [Action](/guides/use-cases/actions) | [🔗 Github](https://github.com/NangoHQ/integration-templates/blob/main/integrations/mimecast/actions/misc.ts) |',
            ''
        ].join('\n')
    );
    const types = typesFile([
        {
            ...fn('demo-action', 'action', 'Demo', ''),
            input: 'DemoInput',
            outputs: ['DemoOutput'],
            definitions: {
                DemoInput: { type: 'object', properties: { ids: { type: 'array', items: { type: 'string' } } }, required: ['ids'] },
                DemoOutput: { type: 'object', properties: {} }
            }
        }
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
            expect({ key, section, step: section !== undefined && steps.has(section), exists: section !== undefined && anchors.has(section.slice(1)) }).toEqual(
                { key, section, step: true, exists: true }
            );
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
    for (const text of [
        'Link Mimecast Account',
        'Incorrect Client ID',
        'This field is required',
        'Connection failed',
        'Failed to fetch client credentials token: "{}"',
        'Success!'
    ]) {
        expect({ text, found: connect.includes(text) }).toEqual({ text, found: true });
    }
    expect(connect).not.toContain('Mimecast refused the Client ID / Client Secret');
    expect(connect).toContain("nango.triggerAction('mimecast', connectionId, 'get-account'");
    expect(connect).toContain('check-permissions');
    for (const heading of [
        'step-1-create-an-api-20-application',
        'step-2-copy-your-credentials',
        'step-3-choose-the-api-gateway',
        'step-4-enter-them-in-the-nango-connect-form',
        'step-5-check-the-connection-from-your-app',
        'troubleshooting',
        'prerequisites'
    ]) {
        expect({ heading, exists: headingAnchors(connect).has(heading) }).toEqual({ heading, exists: true });
    }
});

const PROVIDER_PAGES = ['mimecast', 'mimecast-api-v1'].map((key) => join(DOCS_DIR, 'api-integrations', `${key}.mdx`));

test("each provider page has Nango's four-step quickstart and imports the generated snippet", () => {
    for (const page of PROVIDER_PAGES) {
        const text = readFileSync(page, 'utf8');
        expect(text).toMatch(/^---\ntitle: '.+'\nsidebarTitle: '.+'\ndescription: '.+'\n---\n/);
        const steps = [...text.matchAll(/<Step title="([^"]+)">/g)].map((m) => m[1]!);
        expect({ page, count: steps.length, last: steps.at(-1) }).toEqual({ page, count: 4, last: 'Implement Nango in your app' });
        expect(steps[0]).toBe('Create an integration');
        expect(steps[2]).toMatch(/^Call the Mimecast API/);
        // Step 3 shows the call with cURL and with @nangohq/node.
        expect(text).toContain('<Tab title="cURL">');
        expect(text).toContain("import { Nango } from '@nangohq/node';");
        expect(text).toContain('## 🧩 Pre-built syncs & actions for ');
        expect(text).toContain('import PreBuiltUseCases from "/snippets/generated/mimecast/PreBuiltUseCases.mdx"\n\n<PreBuiltUseCases />');
    }
});

test('docs links resolve on the docs site: no relative paths, every /api-integrations/ link and image exists', () => {
    const pages = [...PROVIDER_PAGES, connectGuidePath('mimecast'), connectGuidePath('mimecast-api-v1'), join(ROOT, SNIPPET)];
    for (const page of pages) {
        const text = readFileSync(page, 'utf8');
        const targets = [...text.matchAll(/\]\(([^)\s]+)\)|src="([^"]+)"/g)].map((m) => (m[1] ?? m[2])!);
        for (const target of targets) {
            // Full URLs, absolute docs paths and in-page anchors only.
            expect({ page, target, ok: /^(https:\/\/|\/|#)/.test(target) }).toEqual({ page, target, ok: true });
            const local = /^\/api-integrations\/([^#]+?)(?:#(.+))?$/.exec(target);
            if (!local) {
                continue;
            }
            const [, path, anchor] = local;
            const file = [join(DOCS_DIR, 'api-integrations', path!), join(DOCS_DIR, 'api-integrations', `${path}.mdx`)].find(
                (f) => existsSync(f) && !f.endsWith('/')
            );
            expect({ page, target, exists: file !== undefined }).toEqual({ page, target, exists: true });
            if (anchor && file) {
                expect({ page, target, anchor: headingAnchors(readFileSync(file, 'utf8')).has(anchor) }).toEqual({ page, target, anchor: true });
            }
        }
    }
});

test('the old locations are gone and no doc links to them', () => {
    expect(existsSync(join(DOCS_DIR, 'mimecast.mdx'))).toBe(false);
    expect(existsSync(join(DOCS_DIR, 'reference'))).toBe(false);
    for (const page of [...PROVIDER_PAGES, connectGuidePath('mimecast'), connectGuidePath('mimecast-api-v1'), join(ROOT, 'README.md')]) {
        const text = readFileSync(page, 'utf8');
        expect({
            page,
            old: /integrations\/all\/mimecast(-api-v1)?\/connect|\.\.\/mimecast\/connect\.mdx|docs\/mimecast(-api-v1)?\/connect\.mdx|docs\/mimecast\.mdx|docs\/reference\/|\.\/reference\/|#choosing-a-gateway/.test(
                text
            )
        }).toEqual({ page, old: false });
    }
});

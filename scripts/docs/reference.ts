// The docs that `nango generate:docs` cannot write, made from the compiled manifest
// (integrations/.nango/nango.json) so they cannot drift from the code. The function reference itself is the
// CLI's: one page per function, integrations/mimecast/{syncs,actions}/<name>.md (runGenerateDocs below).
// What is made here: the "Pre-built syncs & actions" snippet of the provider pages
// (docs/snippets/generated/mimecast/PreBuiltUseCases.mdx, in the form of Nango's generated snippets), the
// TypeScript types a customer app uses (docs/examples/types.ts), and the generated tables inside the README
// (catalog) and docs/api-integrations/mimecast/connect.mdx (permissions), between
// `<!-- BEGIN GENERATED name -->` and `<!-- END GENERATED name -->` (wrapped in {/* */} in .mdx files).
// Nothing here names a Mimecast function: syncs and actions added later appear on the next run.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const MANIFEST = join(ROOT, 'integrations', '.nango', 'nango.json');
export const DOCS_DIR = join(ROOT, 'docs');
export const INTEGRATIONS_DIR = join(ROOT, 'integrations');
/** The integration id: the functions' folder name, and Nango's provider key for API 2.0. */
export const INTEGRATION = 'mimecast';

type JsonSchema = {
    type?: string | string[];
    properties?: Record<string, JsonSchema>;
    required?: string[];
    items?: JsonSchema;
    enum?: unknown[];
    const?: unknown;
    anyOf?: JsonSchema[];
    oneOf?: JsonSchema[];
    allOf?: JsonSchema[];
    $ref?: string;
    format?: string;
    pattern?: string;
    description?: string;
    minimum?: number;
    maximum?: number;
    exclusiveMinimum?: number;
    exclusiveMaximum?: number;
    minLength?: number;
    maxLength?: number;
    minItems?: number;
    maxItems?: number;
    default?: unknown;
    additionalProperties?: boolean | JsonSchema;
};

interface ManifestFunction {
    name: string;
    type: 'sync' | 'action';
    description?: string;
    version?: string;
    input?: string | null;
    output?: string[] | null;
    runs?: string;
    auto_start?: boolean;
    sync_type?: string;
    track_deletes?: boolean;
    scopes?: string[];
    endpoint?: { method: string; path: string; group?: string };
    endpoints?: { method: string; path: string; group?: string }[];
    json_schema?: { definitions?: Record<string, JsonSchema> };
}

export interface FunctionDoc {
    name: string;
    type: 'sync' | 'action';
    description: string;
    version: string | undefined;
    group: string;
    endpoint: string | undefined;
    scopes: string[];
    runs: string | undefined;
    autoStart: boolean | undefined;
    syncType: string | undefined;
    trackDeletes: boolean | undefined;
    /** An action's input model, or a sync's metadata model. */
    input: string | undefined;
    /** An action's output model, or a sync's record models. */
    outputs: string[];
    definitions: Record<string, JsonSchema>;
}

export function readManifest(file = MANIFEST, providerConfigKey = 'mimecast'): FunctionDoc[] {
    if (!existsSync(file)) {
        throw new Error(`${relative(ROOT, file)} is missing: run \`npm run compile\` first`);
    }
    const manifest = JSON.parse(readFileSync(file, 'utf8')) as { providerConfigKey: string; syncs?: ManifestFunction[]; actions?: ManifestFunction[] }[];
    const integration = manifest.find((entry) => entry.providerConfigKey === providerConfigKey);
    const all = [...(integration?.syncs ?? []), ...(integration?.actions ?? [])];
    return all
        .map((fn): FunctionDoc => {
            const endpoint = fn.endpoint ?? fn.endpoints?.[0];
            return {
                name: fn.name,
                type: fn.type,
                description: (fn.description ?? '').trim(),
                version: fn.version,
                group: endpoint?.group ?? 'Others',
                endpoint: endpoint ? `${endpoint.method} ${endpoint.path}` : undefined,
                scopes: fn.scopes ?? [],
                runs: fn.runs,
                autoStart: fn.auto_start,
                syncType: fn.sync_type,
                trackDeletes: fn.track_deletes,
                input: fn.input ?? undefined,
                outputs: fn.output ?? [],
                definitions: fn.json_schema?.definitions ?? {}
            };
        })
        .sort((a, b) => a.group.localeCompare(b.group) || (a.type === b.type ? 0 : a.type === 'sync' ? -1 : 1) || a.name.localeCompare(b.name));
}

// ------------------------------------------------------------------------------------------------
// JSON schema → TypeScript

function refName(ref: string): string {
    return ref.replace(/^#\/definitions\//, '');
}

function typesOf(schema: JsonSchema): string[] {
    return Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
}

function mdEscape(text: string): string {
    return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function byGroup(fns: FunctionDoc[]): Map<string, FunctionDoc[]> {
    const groups = new Map<string, FunctionDoc[]>();
    for (const fn of fns) {
        groups.set(fn.group, [...(groups.get(fn.group) ?? []), fn]);
    }
    return groups;
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** A TypeScript type for a JSON schema, indented for nesting. */
export function toTypeScript(schema: JsonSchema, indent = ''): string {
    if (schema.$ref) {
        return refName(schema.$ref);
    }
    if (schema.const !== undefined) {
        return JSON.stringify(schema.const);
    }
    if (schema.enum) {
        return schema.enum.map((v) => JSON.stringify(v)).join(' | ');
    }
    const union = schema.anyOf ?? schema.oneOf;
    if (union) {
        return [...new Set(union.map((s) => toTypeScript(s, indent)))].join(' | ');
    }
    if (schema.allOf) {
        return schema.allOf.map((s) => toTypeScript(s, indent)).join(' & ');
    }
    const types = typesOf(schema);
    if (types.length === 0) {
        return 'unknown';
    }
    return types
        .map((type) => {
            switch (type) {
                case 'string':
                    return 'string';
                case 'number':
                case 'integer':
                    return 'number';
                case 'boolean':
                    return 'boolean';
                case 'null':
                    return 'null';
                case 'array': {
                    const item = schema.items ? toTypeScript(schema.items, indent) : 'unknown';
                    return `${/[ |&]/.test(item) && !item.startsWith('{') ? `(${item})` : item}[]`;
                }
                case 'object': {
                    const required = new Set(schema.required ?? []);
                    const inner = `${indent}    `;
                    const lines = Object.entries(schema.properties ?? {}).map(([key, child]) => {
                        const name = IDENTIFIER.test(key) ? key : JSON.stringify(key);
                        const doc = child.description ? `${inner}/** ${child.description.replace(/\*\//g, '* /')} */\n` : '';
                        return `${doc}${inner}${name}${required.has(key) ? '' : '?'}: ${toTypeScript(child, inner)};`;
                    });
                    if (schema.additionalProperties && typeof schema.additionalProperties === 'object') {
                        lines.push(`${inner}[key: string]: ${toTypeScript(schema.additionalProperties, inner)};`);
                    } else if (schema.additionalProperties === true || (!schema.properties && schema.additionalProperties === undefined)) {
                        lines.push(`${inner}[key: string]: unknown;`);
                    }
                    return lines.length === 0 ? 'Record<string, never>' : `{\n${lines.join('\n')}\n${indent}}`;
                }
                default:
                    return 'unknown';
            }
        })
        .join(' | ');
}

// ------------------------------------------------------------------------------------------------
// The function reference: `nango generate:docs`

/** Where `nango generate:docs` writes a function's page, relative to the project root. */
export function functionDocPath(fn: Pick<FunctionDoc, 'name' | 'type'>): string {
    return join('integrations', INTEGRATION, `${fn.type}s`, `${fn.name}.md`);
}

/**
 * Runs `nango generate:docs` (offline; it reads the functions' source). Without `outDir` it writes
 * integrations/<integration>/{syncs,actions}/<name>.md, keeping what follows each page's end marker; with it,
 * the same pages flat as `<outDir>/<name>.md`, for comparing with the committed ones.
 */
export function runGenerateDocs(outDir?: string): void {
    const cli = join(ROOT, 'node_modules', 'nango', 'dist', 'index.js');
    const args = [cli, 'generate:docs', '--no-dependency-update', '--no-interactive', '--auto-confirm'];
    if (outDir) {
        // The CLI resolves --path under the project folder, so it must be relative to it.
        args.push('--path', relative(INTEGRATIONS_DIR, outDir));
    }
    execFileSync(process.execPath, args, { cwd: INTEGRATIONS_DIR, stdio: ['ignore', 'pipe', 'pipe'], timeout: 300_000 });
}

/** Function pages on disk that no function produces any more (a renamed or deleted function). */
export function staleFunctionDocs(fns: FunctionDoc[], root = ROOT): string[] {
    const expected = new Set(fns.map(functionDocPath));
    const stale: string[] = [];
    for (const type of ['syncs', 'actions']) {
        const dir = join(root, 'integrations', INTEGRATION, type);
        if (existsSync(dir)) {
            stale.push(
                ...readdirSync(dir)
                    .filter((n) => n.endsWith('.md'))
                    .map((n) => join('integrations', INTEGRATION, type, n))
                    .filter((p) => !expected.has(p))
            );
        }
    }
    return stale;
}

// ------------------------------------------------------------------------------------------------
// The provider pages' snippet

export const SNIPPET = join('docs', 'snippets', 'generated', INTEGRATION, 'PreBuiltUseCases.mdx');
/** Where the functions will live once in NangoHQ/integration-templates (Nango's snippets link their source there). */
const TEMPLATES_URL = 'https://github.com/NangoHQ/integration-templates/blob/main/integrations';

/**
 * docs/snippets/generated/<integration>/PreBuiltUseCases.mdx, as Nango's own generated snippets are written:
 * one `### <group>` table per area (Nango puts "Others" last), each function with its description, type and source.
 */
export function snippetFile(fns: FunctionDoc[]): string {
    const groups = [...byGroup(fns)].sort(([a], [b]) => Number(a === 'Others') - Number(b === 'Others') || a.localeCompare(b));
    const out: string[] = [];
    for (const [group, members] of groups) {
        out.push(`### ${group}`, '', '| Function name | Description | Type | Source code |', '| - | - | - | - |');
        for (const fn of members) {
            const type = fn.type === 'sync' ? '[Sync](/guides/use-cases/syncs)' : '[Action](/guides/use-cases/actions)';
            out.push(`| \`${fn.name}\` | ${mdEscape(fn.description)} | ${type} | [🔗 Github](${TEMPLATES_URL}/${INTEGRATION}/${fn.type}s/${fn.name}.ts) |`);
        }
        out.push('');
    }
    return `${out.join('\n').trimEnd()}\n`;
}

/** The connect guide's table: which API 2.0 product/permission each function needs. */
export function permissionsSection(fns: FunctionDoc[]): string {
    const out = ['| Function | Type | Area | API 2.0 product / permission |', '|---|---|---|---|'];
    for (const fn of fns) {
        out.push(`| \`${fn.name}\` | ${fn.type} | ${fn.group} | ${mdEscape(fn.scopes.join(', ') || '-')} |`);
    }
    const all = [...new Set(fns.flatMap((fn) => fn.scopes))].sort();
    out.push('', `To use every function, grant all of: ${all.map((s) => `\`${s}\``).join(', ') || '-'}.`);
    return out.join('\n');
}

/** docs/examples/types.ts: every model as a TypeScript type, and maps from function name to input/output. */
export function typesFile(fns: FunctionDoc[]): string {
    const models = new Map<string, JsonSchema>();
    for (const fn of fns) {
        for (const [name, schema] of Object.entries(fn.definitions)) {
            if (!models.has(name)) {
                models.set(name, schema);
            }
        }
    }
    const out: string[] = [
        '// Generated from integrations/.nango/nango.json by `npm run docs:reference`. Do not edit.',
        '// The JSON schemas `nango compile` wrote for each function, as TypeScript types for a customer app.',
        ''
    ];
    for (const name of [...models.keys()].sort()) {
        const schema = models.get(name)!;
        if (schema.description) {
            out.push(`/** ${schema.description.replace(/\*\//g, '* /')} */`);
        }
        out.push(`export type ${name} = ${toTypeScript(schema)};`, '');
    }
    const actions = fns.filter((fn) => fn.type === 'action');
    const syncs = fns.filter((fn) => fn.type === 'sync');
    out.push('/** Each action: its input and output. */', 'export interface Actions {');
    for (const fn of [...actions].sort((a, b) => a.name.localeCompare(b.name))) {
        out.push(`    ${JSON.stringify(fn.name)}: { input: ${fn.input ?? 'Record<string, never>'}; output: ${fn.outputs[0] ?? 'unknown'} };`);
    }
    out.push('}', '', '/** Each sync: the models it writes. */', 'export interface Syncs {');
    for (const fn of [...syncs].sort((a, b) => a.name.localeCompare(b.name))) {
        out.push(`    ${JSON.stringify(fn.name)}: { models: ${fn.outputs.map((m) => JSON.stringify(m)).join(' | ') || 'never'} };`);
    }
    out.push('}', '', '/** Each synced model by name. */', 'export interface Models {');
    for (const model of [...new Set(syncs.flatMap((fn) => fn.outputs))].sort()) {
        out.push(`    ${model}: ${model};`);
    }
    out.push(
        '}',
        '',
        'export type ActionName = keyof Actions;',
        "export type ActionInput<A extends ActionName> = Actions[A]['input'];",
        "export type ActionOutput<A extends ActionName> = Actions[A]['output'];",
        'export type ModelName = keyof Models;',
        "/** A synced record of a model; `nango.listRecords<SyncRecord<M>>()` adds Nango's `_nango_metadata` to it. */",
        'export type SyncRecord<M extends ModelName> = Models[M];',
        '',
        `export const ACTION_NAMES = ${JSON.stringify(actions.map((fn) => fn.name).sort())} as const satisfies readonly ActionName[];`,
        `export const MODEL_NAMES = ${JSON.stringify([...new Set(syncs.flatMap((fn) => fn.outputs))].sort())} as const satisfies readonly ModelName[];`,
        ''
    );
    return out.join('\n');
}

// ------------------------------------------------------------------------------------------------
// Generated sections inside hand-written pages

const SECTION = /(<!-- BEGIN GENERATED ([a-z0-9-]+) -->[^\n]*\n)([\s\S]*?)(^[^\n]*<!-- END GENERATED \2 -->)/gm;

/** Replaces the body of every `BEGIN GENERATED <name>` section with `sections[name]`; an unknown name is an error. */
export function fillSections(text: string, sections: Record<string, string>, file: string): string {
    return text.replace(SECTION, (_m, begin: string, name: string, _body: string, end: string) => {
        const body = sections[name];
        if (body === undefined) {
            throw new Error(`${file}: unknown generated section '${name}' (known: ${Object.keys(sections).join(', ')})`);
        }
        // Blank lines around the body keep Markdown tables tables, whatever wraps the markers.
        return `${begin}\n${body.trim()}\n\n${end}`;
    });
}

/** The README's catalog: every sync with its models and schedule, every action with input and output, and the product each needs. */
export function catalogSection(fns: FunctionDoc[]): string {
    const link = (fn: FunctionDoc) => `[\`${fn.name}\`](${functionDocPath(fn)})`;
    const products = (fn: FunctionDoc) => mdEscape(fn.scopes.join(', ') || '-');
    const out = ['**Syncs**', '', '| Sync | Models | Schedule | Kind | Mimecast API 2.0 product / permission |', '|---|---|---|---|---|'];
    for (const fn of fns.filter((f) => f.type === 'sync')) {
        const kind = fn.syncType === 'incremental' ? 'incremental' : 'full refresh + deletes';
        out.push(`| ${link(fn)} | ${fn.outputs.map((m) => `\`${m}\``).join(', ')} | ${fn.runs ?? '-'} | ${kind} | ${products(fn)} |`);
    }
    out.push('', '**Actions**', '', '| Action | Input → output | Mimecast API 2.0 product / permission |', '|---|---|---|');
    for (const fn of fns.filter((f) => f.type === 'action')) {
        out.push(`| ${link(fn)} | ${fieldList(fn, fn.input)} → ${fieldList(fn, fn.outputs[0])} | ${products(fn)} |`);
    }
    return out.join('\n');
}

/** `{ a, b? }`: the top-level fields of a model, optional ones marked. */
function fieldList(fn: FunctionDoc, model: string | undefined): string {
    const schema = model ? fn.definitions[model] : undefined;
    const names = Object.keys(schema?.properties ?? {});
    if (names.length === 0) {
        return '`{}`';
    }
    const required = new Set(schema?.required ?? []);
    return `\`{ ${names.map((n) => (required.has(n) ? n : `${n}?`)).join(', ')} }\``;
}

/** The connect guide of a provider, in Nango's docs layout: docs/api-integrations/<key>/connect.mdx. */
export function connectGuidePath(providerKey: string, docsDir = DOCS_DIR): string {
    return join(docsDir, 'api-integrations', providerKey, 'connect.mdx');
}

/** Hand-written pages with generated sections, relative to the project root. */
export const PAGES_WITH_SECTIONS = [join('docs', 'api-integrations', INTEGRATION, 'connect.mdx'), 'README.md'];

/**
 * Every file this generator writes, path relative to the project root → content: the snippet, the example
 * types and the pages whose generated sections it fills. The function pages are `nango generate:docs`'s.
 */
export function generateDocs(options: { manifest?: string; root?: string } = {}): Map<string, string> {
    const root = options.root ?? ROOT;
    const fns = readManifest(options.manifest ?? MANIFEST);
    const files = new Map<string, string>();
    files.set(SNIPPET, snippetFile(fns));
    files.set(join('docs', 'examples', 'types.ts'), typesFile(fns));
    const sections = { permissions: permissionsSection(fns), catalog: catalogSection(fns) };
    for (const page of PAGES_WITH_SECTIONS) {
        const file = join(root, page);
        if (existsSync(file)) {
            files.set(page, fillSections(readFileSync(file, 'utf8'), sections, page));
        }
    }
    return files;
}

/** Heading anchors as Mintlify makes them: `#### Step 2: Copy your credentials` → `step-2-copy-your-credentials`. */
export function headingAnchors(markdown: string): Set<string> {
    const anchors = new Set<string>();
    let inFence = false;
    for (const line of markdown.split('\n')) {
        if (/^\s*```/.test(line)) {
            inFence = !inFence;
            continue;
        }
        const m = !inFence && /^#{1,6}\s+(.+?)\s*#*\s*$/.exec(line);
        if (m) {
            anchors.add(slugify(m[1]!));
        }
    }
    return anchors;
}

/**
 * The anchors Nango's provider validator accepts for doc_section (scripts/validation/providers/validate.ts):
 * only headings that start with "Step", made into `#step-2-copy-your-credentials`.
 */
export function nangoStepAnchors(markdown: string): Set<string> {
    return new Set(
        [...markdown.matchAll(/^[#]+\sStep[a-zA-Z0-9:()._ -]+$/gim)].map((m) =>
            m[0]
                .toLowerCase()
                .replace(/^[#]+ /, '#')
                .replaceAll(/\s/g, '-')
                .replaceAll(/[:()._]/g, '')
        )
    );
}

export function slugify(heading: string): string {
    return heading
        .replace(/`/g, '')
        .toLowerCase()
        .replace(/[^a-z0-9 _-]/g, '')
        .trim()
        .replace(/\s+/g, '-');
}

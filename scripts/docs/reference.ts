// Generates the function reference from the compiled manifest (integrations/.nango/nango.json), so the
// docs cannot drift from the code: one page per function (input, output, models with their fields,
// schedule, permissions), an index, the TypeScript types a customer app uses (docs/examples/types.ts),
// and the generated tables inside docs/mimecast.mdx and docs/api-integrations/mimecast/connect.mdx (between
// `<!-- BEGIN GENERATED name -->` and `<!-- END GENERATED name -->`, wrapped in {/* */} in .mdx files).
// Nothing here names a Mimecast function: syncs and actions added later appear on the next run.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const MANIFEST = join(ROOT, 'integrations', '.nango', 'nango.json');
export const DOCS_DIR = join(ROOT, 'docs');

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
                group: endpoint?.group ?? 'Other',
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
// JSON schema → words and TypeScript

function refName(ref: string): string {
    return ref.replace(/^#\/definitions\//, '');
}

function typesOf(schema: JsonSchema): string[] {
    return Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
}

/** A short type for tables: `string`, `"a" | "b"`, `AuditEvent[]`, `object`. */
export function describeType(schema: JsonSchema): string {
    if (schema.$ref) {
        return refName(schema.$ref);
    }
    if (schema.const !== undefined) {
        return JSON.stringify(schema.const);
    }
    if (schema.enum) {
        return schema.enum.map((v) => JSON.stringify(v)).join(' \\| ');
    }
    const union = schema.anyOf ?? schema.oneOf;
    if (union) {
        return [...new Set(union.map(describeType))].join(' \\| ');
    }
    if (schema.allOf) {
        return schema.allOf.map(describeType).join(' & ');
    }
    const types = typesOf(schema);
    if (types.length === 0) {
        return 'any';
    }
    return types.map((t) => (t === 'array' ? `${schema.items ? wrapArray(describeType(schema.items)) : 'any'}[]` : t)).join(' \\| ');
}

function wrapArray(type: string): string {
    return /[ |&]/.test(type) ? `(${type})` : type;
}

/** Constraints in words: format, pattern, bounds, default, description. */
function notes(schema: JsonSchema): string {
    const out: string[] = [];
    if (schema.description) {
        out.push(schema.description);
    }
    const formats = [schema.format, ...(schema.anyOf ?? schema.oneOf ?? []).map((s) => s.format)].filter((f): f is string => Boolean(f));
    if (formats.length > 0) {
        out.push(`format: ${[...new Set(formats)].join(' or ')}`);
    }
    if (schema.pattern) {
        out.push(`pattern: \`${schema.pattern}\``);
    }
    const bound = (label: string, value: number | undefined) => value !== undefined && out.push(`${label} ${value}`);
    bound('min', schema.minimum);
    bound('max', schema.maximum);
    bound('greater than', schema.exclusiveMinimum);
    bound('less than', schema.exclusiveMaximum);
    bound('min length', schema.minLength);
    bound('max length', schema.maxLength);
    bound('min items', schema.minItems ?? schema.items?.minItems);
    bound('max items', schema.maxItems);
    if (schema.default !== undefined) {
        out.push(`default ${JSON.stringify(schema.default)}`);
    }
    return out.join('; ').replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

interface FieldRow {
    path: string;
    type: string;
    required: boolean;
    notes: string;
}

/** Every field of an object schema, nested objects flattened as `parent.child`, arrays of objects as `parent[].child`. */
export function fieldRows(schema: JsonSchema, prefix = ''): FieldRow[] {
    const rows: FieldRow[] = [];
    const required = new Set(schema.required ?? []);
    for (const [key, child] of Object.entries(schema.properties ?? {})) {
        const path = `${prefix}${key}`;
        rows.push({ path, type: describeType(child), required: required.has(key), notes: notes(child) });
        if (child.properties) {
            rows.push(...fieldRows(child, `${path}.`));
        } else if (child.items?.properties) {
            rows.push(...fieldRows(child.items, `${path}[].`));
        }
    }
    return rows;
}

function fieldTable(schema: JsonSchema | undefined): string {
    if (!schema) {
        return '_No schema._\n';
    }
    const rows = fieldRows(schema);
    if (rows.length === 0) {
        return '_No fields._\n';
    }
    const lines = ['| Field | Type | Required | Notes |', '|---|---|---|---|'];
    for (const row of rows) {
        lines.push(`| \`${row.path}\` | \`${row.type}\` | ${row.required ? 'yes' : 'no'} | ${row.notes} |`);
    }
    return `${lines.join('\n')}\n`;
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
// Pages

const HEADER = '<!-- Generated from integrations/.nango/nango.json by `npm run docs:reference`. Do not edit: change the function and regenerate. -->';

function camel(name: string): string {
    return name.replace(/-([a-z0-9])/g, (_m, c: string) => c.toUpperCase());
}

function mdEscape(text: string): string {
    return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

export function functionPage(fn: FunctionDoc, provider = 'mimecast'): string {
    const facts: [string, string][] = [
        ['Type', fn.type],
        ['Area', fn.group],
        ...(fn.endpoint ? ([['Endpoint', `\`${fn.endpoint}\``]] as [string, string][]) : []),
        ['Version', fn.version ?? '-'],
        ['Mimecast API 2.0 permissions', fn.scopes.length > 0 ? fn.scopes.map((s) => `\`${s}\``).join(', ') : '-']
    ];
    if (fn.type === 'sync') {
        facts.push(
            ['Schedule', fn.runs ?? '-'],
            ['Starts automatically', fn.autoStart === false ? 'no' : 'yes'],
            ['Sync type', fn.syncType ?? '-'],
            ['Detects deletions', fn.trackDeletes ? 'yes' : 'no']
        );
    }
    const out: string[] = [HEADER, '', `# ${fn.name}`, '', fn.description, '', '| | |', '|---|---|'];
    for (const [label, value] of facts) {
        out.push(`| ${label} | ${mdEscape(value)} |`);
    }
    out.push('');
    if (fn.type === 'action') {
        out.push(`## Input \`${fn.input ?? '-'}\``, '', fieldTable(fn.input ? fn.definitions[fn.input] : undefined));
        const output = fn.outputs[0];
        out.push(`## Output \`${output ?? '-'}\``, '', fieldTable(output ? fn.definitions[output] : undefined));
        out.push(
            '## Call it',
            '',
            '```ts',
            "import type { Nango } from '@nangohq/node';",
            `import type { ActionInput, ActionOutput } from '../examples/types.js';`,
            '',
            `async function ${camel(fn.name)}(nango: Nango, connectionId: string, input: ActionInput<'${fn.name}'>): Promise<ActionOutput<'${fn.name}'>> {`,
            `    return (await nango.triggerAction('${provider}', connectionId, '${fn.name}', input)) as ActionOutput<'${fn.name}'>;`,
            '}',
            '```',
            ''
        );
    } else {
        for (const model of fn.outputs) {
            out.push(`## Model \`${model}\``, '', fieldTable(fn.definitions[model]));
        }
        if (fn.input && fn.definitions[fn.input]) {
            out.push(`## Connection metadata \`${fn.input}\``, '', 'Optional settings read from the connection metadata (`nango.setMetadata`).', '', fieldTable(fn.definitions[fn.input]));
        }
        out.push(
            '## Read the records',
            '',
            '```ts',
            "import type { Nango } from '@nangohq/node';",
            `import type { SyncRecord } from '../examples/types.js';`,
            '',
            ...fn.outputs.map(
                (model) =>
                    `const { records, next_cursor } = await nango.listRecords<SyncRecord<'${model}'>>({ providerConfigKey: '${provider}', connectionId, model: '${model}' });`
            ),
            '```',
            ''
        );
    }
    return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}

export function indexPage(fns: FunctionDoc[]): string {
    const out: string[] = [HEADER, '', '# Function reference', '', 'Every sync and action of the Mimecast integration, generated from the compiled functions.', ''];
    for (const [group, members] of byGroup(fns)) {
        out.push(`## ${group}`, '', '| Function | Type | Description | Permissions |', '|---|---|---|---|');
        for (const fn of members) {
            out.push(`| [${fn.name}](./${fn.name}.md) | ${fn.type} | ${mdEscape(fn.description)} | ${mdEscape(fn.scopes.join(', ') || '-')} |`);
        }
        out.push('');
    }
    return `${out.join('\n').trimEnd()}\n`;
}

function byGroup(fns: FunctionDoc[]): Map<string, FunctionDoc[]> {
    const groups = new Map<string, FunctionDoc[]>();
    for (const fn of fns) {
        groups.set(fn.group, [...(groups.get(fn.group) ?? []), fn]);
    }
    return groups;
}

/** The provider page's table of pre-built syncs and actions, grouped by area. */
export function functionsSection(fns: FunctionDoc[]): string {
    const out: string[] = [];
    for (const [group, members] of byGroup(fns)) {
        out.push(`### ${group}`, '', '| Function | Type | Description | Schedule |', '|---|---|---|---|');
        for (const fn of members) {
            out.push(`| [\`${fn.name}\`](./reference/${fn.name}.md) | ${fn.type} | ${mdEscape(fn.description)} | ${fn.type === 'sync' ? (fn.runs ?? '-') : 'on demand'} |`);
        }
        out.push('');
    }
    return out.join('\n').trimEnd();
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
        '/* eslint-disable */',
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
        '/** A synced record of a model; `nango.listRecords<SyncRecord<M>>()` adds Nango\'s `_nango_metadata` to it. */',
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
    const link = (fn: FunctionDoc) => `[\`${fn.name}\`](docs/reference/${fn.name}.md)`;
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

export const PAGES_WITH_SECTIONS = ['mimecast.mdx', join('api-integrations', 'mimecast', 'connect.mdx'), join('..', 'README.md')];

/** Every generated file, path relative to docs/ → content. Also the pages whose generated sections it fills. */
export function generateDocs(options: { manifest?: string; docsDir?: string } = {}): Map<string, string> {
    const docsDir = options.docsDir ?? DOCS_DIR;
    const fns = readManifest(options.manifest ?? MANIFEST);
    const files = new Map<string, string>();
    for (const fn of fns) {
        files.set(join('reference', `${fn.name}.md`), functionPage(fn));
    }
    files.set(join('reference', 'index.md'), indexPage(fns));
    files.set(join('examples', 'types.ts'), typesFile(fns));
    const sections = { functions: functionsSection(fns), permissions: permissionsSection(fns), catalog: catalogSection(fns) };
    for (const page of PAGES_WITH_SECTIONS) {
        const file = join(docsDir, page);
        if (existsSync(file)) {
            files.set(page, fillSections(readFileSync(file, 'utf8'), sections, page));
        }
    }
    return files;
}

/** Reference pages on disk that no function produces any more (a renamed or deleted function). */
export function staleReferencePages(generated: Map<string, string>, docsDir = DOCS_DIR): string[] {
    const dir = join(docsDir, 'reference');
    if (!existsSync(dir)) {
        return [];
    }
    return readdirSync(dir)
        .filter((name) => name.endsWith('.md'))
        .map((name) => join('reference', name))
        .filter((path) => !generated.has(path));
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
            m[0].toLowerCase().replace(/^[#]+ /, '#').replaceAll(/\s/g, '-').replaceAll(/[:()._]/g, '')
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

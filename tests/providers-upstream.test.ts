// Nango's own provider validator (scripts/validation/providers/validate.ts in NangoHQ/nango), rule by rule,
// so a pull request that adds these entries to Nango's providers.yaml passes its CI. The JSON-schema rule
// needs Nango's schema from ../shared (skipped, naming the file, without it); the rest needs only this project.
// Paths are this project's equivalents of Nango's: docs/api-integrations/ here is docs/api-integrations/ there;
// a logo is either one Nango already has or one UPSTREAM.md says to add.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import AjvModule from 'ajv';
import { parse, stringify } from 'yaml';

import { PROVIDERS_FILE } from '../host/providers.js';
import { describeWithShared, sharedPath } from './shared.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const DOCS = `${ROOT}docs/api-integrations/`;
const UPSTREAM = `${ROOT}UPSTREAM.md`;
/** Keys Nango's repository already has a logo for (template-logos/<key>.svg): its own mimecast entry. */
const LOGOS_IN_NANGO = new Set(['mimecast']);

interface Field {
    doc_section?: string;
}
interface ProviderEntry {
    auth_mode: string;
    docs?: string;
    docs_connect?: string;
    alias?: string;
    credentials?: Record<string, Field>;
    connection_config?: Record<string, Field>;
    integration_config?: Record<string, Field>;
    token_response_metadata?: string[];
    proxy?: { verification?: unknown };
    credentials_verification_script?: string;
    webhook_routing_script?: string;
    post_connection_script?: string;
    pre_connection_deletion_script?: string;
}

const providers = parse(readFileSync(PROVIDERS_FILE, 'utf8')) as Record<string, ProviderEntry>;

/** Every `${connectionConfig.x}` in the entry, with where it is used. */
function connectionConfigReferences(value: unknown, path: string[] = []): { path: string; key: string }[] {
    if (typeof value === 'string') {
        return [...value.matchAll(/\$\{connectionConfig\.([^}]+)\}/g)].map((m) => ({ path: path.join(' > '), key: m[1]! }));
    }
    if (value && typeof value === 'object') {
        return Object.entries(value).flatMap(([key, inner]) => connectionConfigReferences(inner, [...path, key]));
    }
    return [];
}

/** The anchors Nango derives from the connect guide's "Step" headings (`#### Step 2: Copy x` → `#step-2-copy-x`). */
function stepAnchors(markdown: string): Set<string> {
    const anchors = new Set<string>();
    for (const match of markdown.matchAll(/^#+\sStep[a-zA-Z0-9:()._ -]+$/gim)) {
        anchors.add(
            match[0]
                .toLowerCase()
                .replace(/^#+ /, '#')
                .replace(/\s/g, '-')
                .replace(/[:()._]/g, '')
        );
    }
    return anchors;
}

/** What Nango's validator reports for one entry: errors only (its warnings are listed separately). */
function upstreamErrors(key: string, provider: ProviderEntry): string[] {
    const errors: string[] = [];
    const { credentials, connection_config, integration_config, ...rest } = provider;
    // Interpolation: a `{` that is not `${` (or `]{`) is a typo Nango rejects; `{}` is allowed.
    if (/(?<!(\$|]))\{(?!\s*})/.test(stringify({ [key]: rest }))) {
        errors.push('a `{` without `$` in front of it');
    }
    // Nango requires docs and docs_connect of every non-OAuth entry it has docs for (its check skips 'OAUTH2CC',
    // a spelling no entry uses, so OAUTH2_CC entries are held to it too).
    if (!['OAUTH1', 'OAUTH2'].includes(provider.auth_mode)) {
        if (!provider.docs_connect) {
            errors.push('no docs_connect');
        }
        if (!provider.docs) {
            errors.push('no docs');
        }
    }
    const docName = provider.docs?.split('/').pop() ?? '';
    if (!existsSync(`${DOCS}${docName}.mdx`)) {
        errors.push(`docs page docs/api-integrations/${docName}.mdx is missing`);
    }
    if (!LOGOS_IN_NANGO.has(key) && !(existsSync(UPSTREAM) && readFileSync(UPSTREAM, 'utf8').includes(`template-logos/${key}.svg`))) {
        errors.push(`no logo template-logos/${key}.svg in Nango and none planned in UPSTREAM.md`);
    }
    let anchors: Set<string> | undefined;
    if (provider.docs_connect) {
        const connect = `${DOCS}${docName}/connect.mdx`;
        if (existsSync(connect)) {
            anchors = stepAnchors(readFileSync(connect, 'utf8'));
        } else {
            errors.push(`connect guide docs/api-integrations/${docName}/connect.mdx is missing`);
        }
    }
    const references = connectionConfigReferences(provider);
    if (references.length > 0) {
        for (const ref of references) {
            if (
                !(connection_config && ref.key in connection_config) &&
                !(integration_config && ref.key in integration_config) &&
                !provider.token_response_metadata?.includes(ref.key)
            ) {
                errors.push(`${ref.path} uses connectionConfig.${ref.key}, which connection_config does not declare`);
            }
        }
        for (const [group, fields] of [
            ['connection_config', connection_config],
            ['credentials', credentials]
        ] as const) {
            for (const [name, field] of Object.entries(fields ?? {})) {
                if (!field.doc_section) {
                    continue;
                }
                if (!provider.docs_connect) {
                    errors.push(`${group} > ${name} has a doc_section but the entry has no docs_connect`);
                } else if (anchors && !anchors.has(field.doc_section)) {
                    errors.push(`${group} > ${name} > doc_section ${field.doc_section} is not a "Step" heading of the connect guide`);
                }
            }
        }
    } else if (connection_config && !provider.alias) {
        errors.push('connection_config is declared but nothing interpolates it');
    }
    if (provider.auth_mode === 'API_KEY' && !credentials?.['apiKey']) {
        errors.push('API_KEY without credentials > apiKey');
    }
    if (!['API_KEY', 'BASIC', 'SIGNATURE', 'TWO_STEP', 'JWT', 'OAUTH2_CC', 'AWS_SIGV4', 'APP_STORE'].includes(provider.auth_mode) && credentials) {
        errors.push(`credentials are declared but ${provider.auth_mode} takes none`);
    }
    if (provider.proxy?.verification && provider.credentials_verification_script) {
        errors.push('both proxy.verification and credentials_verification_script');
    }
    // Nango checks these name a script in its server's hook and webhook indexes; a contribution without server
    // code must not use them.
    for (const script of ['webhook_routing_script', 'post_connection_script', 'pre_connection_deletion_script', 'credentials_verification_script'] as const) {
        if (provider[script]) {
            errors.push(`${script} names server code this contribution does not add`);
        }
    }
    return errors;
}

/** What Nango's validator prints as warnings (they do not fail its CI). */
function upstreamWarnings(provider: ProviderEntry): string[] {
    const warnings: string[] = [];
    if (['API_KEY', 'BASIC', 'SIGNATURE'].includes(provider.auth_mode) && !provider.proxy?.verification) {
        warnings.push('no proxy.verification');
    }
    if (['TWO_STEP', 'JWT', 'OAUTH2_CC'].includes(provider.auth_mode) && !provider.credentials) {
        warnings.push(`no credentials for ${provider.auth_mode}`);
    }
    return warnings;
}

describe("Nango's provider validator rules", () => {
    it('checks both providers', () => {
        expect(Object.keys(providers).sort()).toEqual(['mimecast', 'mimecast-api-v1']);
    });

    it.each(Object.keys(providers))('%s passes every rule', (key) => {
        expect(upstreamErrors(key, providers[key]!)).toEqual([]);
    });

    it('warns only where this project chose to: the API 1.0 entry has no proxy.verification', () => {
        // An unsigned verification call would always be refused by API 1.0 (see the comment in providers.yaml).
        expect(Object.fromEntries(Object.entries(providers).map(([key, p]) => [key, upstreamWarnings(p)]))).toEqual({
            mimecast: [],
            'mimecast-api-v1': ['no proxy.verification']
        });
    });

    it('reports what Nango reports for a broken entry', () => {
        const broken: ProviderEntry = {
            ...providers['mimecast']!,
            docs: 'https://nango.dev/docs/api-integrations/not-there',
            connection_config: { gateway: { doc_section: '#choosing-a-gateway' } }
        };
        expect(upstreamErrors('mimecast', broken)).toEqual(
            expect.arrayContaining([
                'docs page docs/api-integrations/not-there.mdx is missing',
                'connect guide docs/api-integrations/not-there/connect.mdx is missing'
            ])
        );
        const typo = { ...providers['mimecast']!, token_url: 'https://{connectionConfig.gateway}/oauth/token' };
        expect(upstreamErrors('mimecast', typo)).toContain('a `{` without `$` in front of it');
        const unknownSection = { ...providers['mimecast']!, connection_config: { gateway: { doc_section: '#choosing-a-gateway' } } };
        expect(upstreamErrors('mimecast', unknownSection)).toContain(
            'connection_config > gateway > doc_section #choosing-a-gateway is not a "Step" heading of the connect guide'
        );
        // `{}` is allowed; a connection_config nothing interpolates is not.
        expect(upstreamErrors('mimecast', { ...providers['mimecast']!, token_params: {} } as ProviderEntry)).toEqual([]);
        const { proxy: _proxy, ...unusedConfig } = providers['mimecast-api-v1']!;
        expect(upstreamErrors('mimecast-api-v1', unusedConfig)).toContain('connection_config is declared but nothing interpolates it');
        const { apiKey: _apiKey, ...noApiKey } = providers['mimecast-api-v1']!.credentials!;
        expect(upstreamErrors('mimecast-api-v1', { ...providers['mimecast-api-v1']!, credentials: noApiKey })).toContain(
            'API_KEY without credentials > apiKey'
        );
        expect(upstreamErrors('new-provider', { ...providers['mimecast']! })).toContain(
            'no logo template-logos/new-provider.svg in Nango and none planned in UPSTREAM.md'
        );
        expect(upstreamErrors('mimecast', { ...providers['mimecast']!, auth_mode: 'NONE' })).toContain('credentials are declared but NONE takes none');
        expect(upstreamErrors('mimecast', { ...providers['mimecast']!, post_connection_script: 'mimecastPostConnection' })).toContain(
            'post_connection_script names server code this contribution does not add'
        );
    });
});

const NANGO_SCHEMA_FILE = 'reference/nango-providers.schema.json';
describeWithShared("Nango's provider validator: its JSON schema, with its ajv options", [NANGO_SCHEMA_FILE], () => {
    it('accepts the whole file as Nango validates its own providers.yaml', () => {
        // validate.ts: new Ajv({ allErrors: true, discriminator: true }) over the whole parsed file (strict mode on).
        const Ajv = AjvModule.default;
        const validate = new Ajv({ allErrors: true, discriminator: true, logger: false }).compile(
            JSON.parse(readFileSync(sharedPath(NANGO_SCHEMA_FILE), 'utf8'))
        );
        expect(validate(providers) ? [] : validate.errors).toEqual([]);
    });
});

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import AjvModule from 'ajv';
import { parse } from 'yaml';

import { interpolate, loadProviders, parseProviders, PROVIDERS_FILE, withDefaults } from '../host/providers.js';
import { nangoStepAnchors } from '../scripts/docs/reference.js';
import { describeWithShared, sharedPath } from './shared.js';

const NANGO_SCHEMA_FILE = 'reference/nango-providers.schema.json';
const NANGO_SCHEMA = sharedPath(NANGO_SCHEMA_FILE);
// Nango's docs layout: docs/api-integrations/<key>/connect.mdx, published at .../docs/api-integrations/<key>/connect.
const CONNECT_GUIDE = fileURLToPath(new URL('../docs/api-integrations/mimecast/connect.mdx', import.meta.url));

function yamlWith(mutate: (doc: Record<string, Record<string, unknown>>) => void): string {
    const doc = parse(readFileSync(PROVIDERS_FILE, 'utf8')) as Record<string, Record<string, unknown>>;
    mutate(doc);
    return JSON.stringify(doc);
}

describe('providers.yaml', () => {
    const providers = loadProviders();
    const mimecast = providers['mimecast']!;

    it('declares API 2.0 client credentials on the chosen gateway with a 30-minute-token buffer', () => {
        expect(mimecast.auth_mode).toBe('OAUTH2_CC');
        expect(mimecast.body_format).toBe('form');
        expect(mimecast.token_params).toEqual({ grant_type: 'client_credentials' });
        expect(interpolate(mimecast.token_url!, { gateway: 'uk-api.services.mimecast.com' })).toBe('https://uk-api.services.mimecast.com/oauth/token');
        expect(interpolate(mimecast.proxy.base_url, { gateway: 'us-api.services.mimecast.com' })).toBe('https://us-api.services.mimecast.com');
        // A token lives 1800 s; refreshing 300 s early keeps one token for 25 minutes.
        expect(mimecast.token_expiration_buffer).toBe(300);
        expect(mimecast.proxy.paginate).toEqual({
            type: 'cursor',
            cursor_name_in_request: 'meta.pagination.pageToken',
            cursor_path_in_response: 'meta.pagination.next',
            limit_name_in_request: 'meta.pagination.pageSize',
            response_path: 'data'
        });
    });

    it('offers the global gateway by default and the UK and US instances', () => {
        const gateway = mimecast.connection_config!['gateway']!;
        expect(gateway.enum).toEqual(['api.services.mimecast.com', 'uk-api.services.mimecast.com', 'us-api.services.mimecast.com']);
        expect(withDefaults(mimecast, {})).toEqual({ gateway: 'api.services.mimecast.com' });
        expect(() => withDefaults(mimecast, { gateway: 'eu-api.mimecast.com' })).toThrow(
            'connection_config.gateway: expected one of api.services.mimecast.com'
        );
    });

    it("gives every form field a help anchor at a Step heading of the connect guide (Nango's validator rule)", () => {
        const guide = readFileSync(CONNECT_GUIDE, 'utf8');
        // Only "Step ..." headings count upstream: `#choosing-a-gateway` would fail Nango's validator.
        const anchors = nangoStepAnchors(guide);
        expect(anchors.has('#step-3-choose-the-api-gateway')).toBe(true);
        expect(mimecast.docs_connect).toBe('https://nango.dev/docs/api-integrations/mimecast/connect');
        for (const provider of Object.values(providers).filter((p) => p.docs_connect?.endsWith('/api-integrations/mimecast/connect'))) {
            const fields = { ...provider.credentials, ...provider.connection_config };
            expect(Object.keys(fields).length).toBeGreaterThan(0);
            for (const [name, field] of Object.entries(fields)) {
                expect({ name, anchor: field.doc_section && anchors.has(field.doc_section) }).toEqual({ name, anchor: true });
            }
        }
    });

    it('rejects an invalid definition with an error naming the field', () => {
        expect(() => parseProviders(yamlWith((d) => (d['mimecast']!['auth_mode'] = 'OAUTH3')))).toThrow(/^providers\.yaml: mimecast\.auth_mode: /);
        expect(() => parseProviders(yamlWith((d) => delete d['mimecast']!['docs']))).toThrow(/mimecast\.docs: /);
        expect(() => parseProviders(yamlWith((d) => (d['mimecast']!['token_urll'] = 'x')))).toThrow(/mimecast\.token_urll/);
        expect(() => parseProviders(yamlWith((d) => (d['mimecast']!['token_url'] = 'https://${connectionConfig.region}/oauth/token')))).toThrow(
            /mimecast\.connection_config\.region: \$\{connectionConfig\.region\} is used but not declared/
        );
        expect(() =>
            parseProviders(
                yamlWith((d) => {
                    const creds = d['mimecast']!['credentials'] as Record<string, Record<string, unknown>>;
                    creds['client_id']!['doc_section'] = 'step 2';
                })
            )
        ).toThrow(/mimecast\.credentials\.client_id\.doc_section/);
    });

    it('refuses to interpolate a connection config value that is missing', () => {
        expect(() => interpolate(mimecast.token_url!, {})).toThrow('connection_config.gateway: no value in this connection');
    });
});

// Nango's own JSON schema for a providers.yaml entry is one of the team's reference files (../shared): the
// project does not ship it, so on a clone without ../shared this check is skipped, saying which file is missing.
describeWithShared("providers.yaml against Nango's provider schema", [NANGO_SCHEMA_FILE], () => {
    it('is valid against Nango provider schema', () => {
        // ajv is CommonJS: under NodeNext its class is the default export's `default`.
        const Ajv = AjvModule.default;
        const validate = new Ajv({ allErrors: true, strict: false }).compile(JSON.parse(readFileSync(NANGO_SCHEMA, 'utf8')));
        const ok = validate(parse(readFileSync(PROVIDERS_FILE, 'utf8')));
        expect(validate.errors ?? []).toEqual([]);
        expect(ok).toBe(true);
    });
});

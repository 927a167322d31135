// The API 1.0 provider entry: loadable by host/providers.ts, a masked form for the keys, and help anchors
// that exist in its connect guide (Nango's validator turns "#### Step 3: ..." headings into anchors).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { interpolate, loadProviders } from '../host/providers.js';
import { nangoStepAnchors } from '../scripts/docs/reference.js';

const GUIDE = fileURLToPath(new URL('../docs/api-integrations/mimecast-api-v1/connect.mdx', import.meta.url));

describe('providers.yaml: mimecast-api-v1', () => {
    const v1 = loadProviders()['mimecast-api-v1']!;

    it('is an API_KEY provider whose base URL is the region from discover-authentication', () => {
        expect(v1.auth_mode).toBe('API_KEY');
        expect(v1.token_url).toBeUndefined();
        expect(interpolate(v1.proxy.base_url, { baseUrl: 'https://eu-api.mimecast.com' })).toBe('https://eu-api.mimecast.com');
        expect(v1.docs_connect).toBe('https://nango.dev/docs/api-integrations/mimecast-api-v1/connect');
    });

    it('asks for base URL, App ID, App Key, Access Key and Secret Key, the keys masked', () => {
        const fields = { ...v1.connection_config, ...v1.credentials };
        expect(Object.keys(fields).sort()).toEqual(['accessKey', 'apiKey', 'appId', 'appKey', 'baseUrl']);
        expect(v1.credentials!['apiKey']!.title).toBe('Secret Key');
        for (const name of ['appKey', 'accessKey']) {
            expect({ name, secret: v1.connection_config![name]!.secret }).toEqual({ name, secret: true });
        }
        expect(v1.credentials!['apiKey']!.secret).toBe(true);
        expect(v1.connection_config!['baseUrl']!.secret).toBeUndefined();
        expect(new RegExp(v1.connection_config!['baseUrl']!.pattern!).test('https://eu-api.mimecast.com')).toBe(true);
        expect(new RegExp(v1.connection_config!['baseUrl']!.pattern!).test('https://eu-api.mimecast.com/')).toBe(false);
    });

    it('links every field to a Step heading of its connect guide, as Nango derives anchors', () => {
        const guide = readFileSync(GUIDE, 'utf8');
        const anchors = nangoStepAnchors(guide);
        for (const [name, field] of Object.entries({ ...v1.connection_config, ...v1.credentials })) {
            expect({ name, anchor: field.doc_section && anchors.has(field.doc_section) }).toEqual({ name, anchor: true });
        }
    });
});

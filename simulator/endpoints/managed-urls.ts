// URL Protect's managed URLs (block/permit list) and the decoder of rewritten links.
// State is per simulator instance: a URL created here appears in the next get-all-managed-urls,
// a deleted one disappears from it.
import { mintId } from '../data.js';
import { Validator, fail, ok, openPage, pageMeta, type Reply } from '../envelope.js';
import { defineEndpoint, type Endpoint, type HandlerContext } from '../router.js';

export interface ManagedUrl {
    id: string;
    scheme: string;
    domain: string;
    /** -1 when the URL names no port, as Mimecast answers. */
    port: number;
    path: string;
    queryString: string;
    matchType: 'explicit' | 'domain';
    action: 'block' | 'permit';
    comment: string;
    disableRewrite: boolean;
    disableUserAwareness: boolean;
    disableLogClick: boolean;
}

/** The host of simulated rewritten links: https://protect-eu.mimecast.com/s/<code>?domain=<host>. */
export const PROTECT_HOST = 'protect-eu.mimecast.com';

/** A rewritten link for `original`: the code is the original URL in base64url, so decoding is deterministic. */
export function rewriteUrl(original: string): string {
    return `https://${PROTECT_HOST}/s/${Buffer.from(original, 'utf8').toString('base64url')}?domain=${new URL(original).hostname}`;
}

const SEED_URLS: Array<Pick<ManagedUrl, 'matchType' | 'action' | 'comment'> & { url: string }> = [
    { url: 'https://login-microsoft-verify.example.net/owa/', matchType: 'explicit', action: 'block', comment: 'Credential phishing reported by SOC' },
    { url: 'http://invoice-portal.example.org/', matchType: 'domain', action: 'block', comment: 'Malware distribution domain' },
    { url: 'https://partner-portal.example.com/', matchType: 'domain', action: 'permit', comment: 'Trusted partner portal' },
    { url: 'https://docs.example.com/shared/file?id=42', matchType: 'explicit', action: 'permit', comment: '' },
    { url: 'https://track.example.info:8443/c/', matchType: 'explicit', action: 'block', comment: '' }
];

function idOf(seed: number, u: Pick<ManagedUrl, 'scheme' | 'domain' | 'port' | 'path' | 'queryString' | 'matchType'>): string {
    return mintId('', `${seed}|managedUrl|${u.matchType}|${u.scheme}://${u.domain}:${u.port}${u.path}?${u.queryString}`, 43);
}

function build(
    seed: number,
    url: URL,
    fields: Pick<ManagedUrl, 'matchType' | 'action' | 'comment' | 'disableRewrite' | 'disableUserAwareness' | 'disableLogClick'>
): ManagedUrl {
    const parts = {
        scheme: url.protocol.replace(/:$/, ''),
        domain: url.hostname,
        port: url.port === '' ? -1 : Number(url.port),
        path: fields.matchType === 'domain' ? '' : url.pathname,
        queryString: fields.matchType === 'domain' ? '' : url.search.replace(/^\?/, ''),
        matchType: fields.matchType
    };
    return { id: idOf(seed, parts), ...parts, ...fields };
}

/** The managed URLs of this simulator, keyed by id, seeded with a few entries. */
export function managedUrls(ctx: HandlerContext): Map<string, ManagedUrl> {
    return ctx.state('managedUrls', () => {
        const map = new Map<string, ManagedUrl>();
        for (const s of SEED_URLS) {
            const entry = build(ctx.seed, new URL(s.url), {
                matchType: s.matchType,
                action: s.action,
                comment: s.comment,
                disableRewrite: false,
                disableUserAwareness: false,
                disableLogClick: false
            });
            map.set(entry.id, entry);
        }
        return map;
    });
}

/** An http(s) URL without a fragment, else a Mimecast-style validation error on `url`. */
function readUrl(v: Validator, field: string): URL | undefined {
    const raw = v.string(field, { required: true });
    if (raw === undefined) return undefined;
    if (raw.includes('#')) {
        v.add(field, 'err_validation_invalid_url', `${field} must not contain a fragment (#)`);
        return undefined;
    }
    try {
        const url = new URL(raw);
        if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('scheme');
        return url;
    } catch {
        v.add(field, 'err_validation_invalid_url', `${field} must be an http or https URL`);
        return undefined;
    }
}

const getAll = defineEndpoint({
    path: '/api/ttp/url/get-all-managed-urls',
    handle(ctx) {
        const page = openPage(ctx.request, ctx.path, ctx.item, 500);
        if ('code' in page) return fail(ctx.item, [page]);
        const all = [...managedUrls(ctx).values()];
        return ok(all.slice(page.offset, page.offset + page.pageSize), pageMeta(page, all.length));
    }
});

const create = defineEndpoint({
    path: '/api/ttp/url/create-managed-url',
    handle(ctx) {
        const v = new Validator(ctx.item);
        const url = readUrl(v, 'url');
        const action = v.string('action', { required: true, oneOf: ['block', 'permit'] }) as ManagedUrl['action'] | undefined;
        const matchType = (v.string('matchType', { oneOf: ['explicit', 'domain'] }) ?? 'explicit') as ManagedUrl['matchType'];
        const comment = v.string('comment') ?? '';
        const disableRewrite = v.boolean('disableRewrite') ?? false;
        const disableUserAwareness = v.boolean('disableUserAwareness') ?? false;
        const disableLogClick = v.boolean('disableLogClick') ?? false;
        if (!v.ok || url === undefined || action === undefined) return v.fail();
        const entry = build(ctx.seed, url, { matchType, action, comment, disableRewrite, disableUserAwareness, disableLogClick });
        const store = managedUrls(ctx);
        if (store.has(entry.id)) {
            return fail(ctx.item, [
                { code: 'err_managed_url_exists_code', message: 'The managed URL already exists; to update it, delete and recreate', retryable: false }
            ]);
        }
        store.set(entry.id, entry);
        return ok([entry]);
    }
});

const remove = defineEndpoint({
    path: '/api/ttp/url/delete-managed-url',
    handle(ctx) {
        const v = new Validator(ctx.item);
        const id = v.string('id', { required: true });
        if (!v.ok || id === undefined) return v.fail();
        if (!managedUrls(ctx).delete(id)) {
            return fail(ctx.item, [{ code: 'err_managed_url_not_found', message: 'The managed URL could not be found', field: 'id', retryable: false }]);
        }
        return ok([]);
    }
});

/** Decodes links made by rewriteUrl; anything else is not a URL Protect link. */
const decode = defineEndpoint({
    path: '/api/ttp/url/decode-url',
    handle(ctx): Reply {
        const v = new Validator(ctx.item);
        const url = readUrl(v, 'url');
        if (!v.ok || url === undefined) return v.fail();
        const original = decodeRewritten(url);
        if (original === undefined) {
            return fail(ctx.item, [{ code: 'err_url_decode_failed', message: 'The URL is not a Mimecast rewritten URL', field: 'url', retryable: false }]);
        }
        return ok([{ url: original, success: true }]);
    }
});

function decodeRewritten(url: URL): string | undefined {
    const m = /^\/s\/([A-Za-z0-9_-]+)$/.exec(url.pathname);
    if (url.hostname !== PROTECT_HOST || !m) return undefined;
    const original = Buffer.from(m[1]!, 'base64url').toString('utf8');
    try {
        const parsed = new URL(original);
        return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? original : undefined;
    } catch {
        return undefined;
    }
}

export const managedUrlEndpoints: readonly Endpoint[] = [getAll, create, remove, decode];
export default managedUrlEndpoints;

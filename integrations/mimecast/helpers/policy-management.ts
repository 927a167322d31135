// API 2.0 policy management (`/policy-management/cloud-gateway/v1/...`): plain REST, not the `/api`
// envelope. Lists are GET with `pageSize`/`pageToken` in the query and the records under a key of
// the body (`policies` or `definitions`; public clients read both), the next token in
// meta.pagination.next. Errors come as `{"error":[{code, message}]}` or, on a 403, a bare
// `{"message":"Forbidden"}`. Transport (pacing, 429 waits) is the shared one in api.ts.
// https://developer.services.mimecast.com/docs/policymanagement/1/overview
import { callMimecastWith, isObject, MimecastError } from './api.js';
import type { MimecastNango, MimecastRawResponse } from './api.js';

export const POLICY_PAGE_SIZE = 100;
/** Keys a list's records sit under, in the order tried. */
const LIST_KEYS = ['policies', 'definitions'] as const;

export interface PolicyPage {
    records: unknown[];
    next: string | undefined;
}

/** Every page of one policy-management list, following the next token. */
export async function* policyManagementPages(nango: MimecastNango, path: string): AsyncGenerator<PolicyPage> {
    let pageToken: string | undefined;
    const seen = new Set<string>();
    for (;;) {
        const params: Record<string, string | number> = { pageSize: POLICY_PAGE_SIZE, ...(pageToken ? { pageToken } : {}) };
        const page = await callMimecastWith(nango, { method: 'GET', endpoint: path, params }, (response) => readPolicyPage(path, response));
        yield page;
        if (!page.next || page.records.length === 0 || seen.has(page.next)) {
            return;
        }
        seen.add(page.next);
        pageToken = page.next;
    }
}

function readPolicyPage(path: string, response: MimecastRawResponse): PolicyPage | MimecastError {
    const body: unknown = typeof response.data === 'string' ? parse(response.data) : response.data;
    const error = policyError(body);
    if (response.status >= 400) {
        return new MimecastError({
            code: error?.code ?? `http_${response.status}`,
            message: error?.message ?? `${path} answered HTTP ${response.status}`,
            status: response.status,
            retryable: response.status === 429 || response.status >= 500
        });
    }
    if (error) {
        return new MimecastError({ ...error, status: response.status });
    }
    if (!isObject(body)) {
        return new MimecastError({ code: 'malformed_response', message: `${path} returned a body that is not a JSON object`, status: response.status, retryable: true });
    }
    const key = LIST_KEYS.find((k) => Array.isArray(body[k]));
    const meta = isObject(body['meta']) ? body['meta'] : {};
    const pagination = isObject(meta['pagination']) ? meta['pagination'] : {};
    const next = typeof pagination['next'] === 'string' && pagination['next'] !== '' ? pagination['next'] : undefined;
    return { records: key ? (body[key] as unknown[]) : [], next };
}

/** `{"error":[{code, message}]}`, `{"error":{code, message}}` or `{"message":"Forbidden"}`; undefined for a success body. */
function policyError(body: unknown): { code: string; message: string } | undefined {
    if (!isObject(body)) {
        return undefined;
    }
    const raw = Array.isArray(body['error']) ? body['error'][0] : body['error'];
    if (isObject(raw)) {
        return { code: typeof raw['code'] === 'string' ? raw['code'] : 'unknown_failure', message: typeof raw['message'] === 'string' ? raw['message'] : 'no message' };
    }
    if (typeof body['message'] === 'string' && !LIST_KEYS.some((k) => k in body)) {
        return { code: body['message'].toLowerCase() === 'forbidden' ? 'forbidden' : 'unknown_failure', message: body['message'] };
    }
    return undefined;
}

function parse(text: string): unknown {
    try {
        return JSON.parse(text);
    } catch {
        return text;
    }
}

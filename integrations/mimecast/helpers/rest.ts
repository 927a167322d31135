// API 2.0's REST families (`/policy-management/...`): real GET/POST/PATCH/DELETE with bare JSON bodies,
// no `{meta, data, fail}` envelope. Same transport as every other call (api.ts `exchange`: pacing, 429
// waits, API 1.0 signing); only the reading of the answer differs. Errors in this family come as
// `{"error":[{code, message}]}`, a bare `{"message":"Forbidden"}` on a 403, or (seen elsewhere) fail[].
// https://developer.services.mimecast.com/docs/policymanagement/1
import type { RawResponse } from './api.js';
import { exchange, firstFailure, isObject, MimecastError } from './api.js';
import type { MimecastNango } from './api.js';

export interface RestRequest {
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
    /** e.g. `/policy-management/cloud-gateway/v1/blocked-senders/policies/{id}`, ids already encoded. */
    path: string;
    /** The JSON body (POST, PATCH); sent as is, without an envelope. */
    data?: Record<string, unknown>;
    params?: Record<string, string | number>;
}

export interface RestResponse {
    status: number;
    /** The parsed JSON object, or undefined for an empty answer (204 No Content). */
    body: Record<string, unknown> | undefined;
}

/** One REST call; a 4xx/5xx or an error body becomes a MimecastError with Mimecast's code and message. */
export async function callMimecastRest(nango: MimecastNango, request: RestRequest): Promise<RestResponse> {
    return exchange(
        nango,
        {
            method: request.method,
            endpoint: request.path,
            ...(request.data !== undefined ? { data: request.data } : {}),
            ...(request.params !== undefined ? { params: request.params } : {})
        },
        (response) => readRest(request.method, request.path, response)
    );
}

function readRest(method: string, path: string, response: RawResponse): RestResponse | MimecastError {
    const raw = typeof response.data === 'string' ? parseOrText(response.data) : response.data;
    const body = isObject(raw) ? raw : undefined;
    const error = restError(body);
    if (response.status >= 400) {
        // A bare {"message":"Forbidden"} (the gateway's 403) names no code: keep the HTTP status as the code.
        const bare = body && typeof body['message'] === 'string' ? body['message'] : undefined;
        return new MimecastError({
            code: error?.code ?? `http_${response.status}`,
            message: error?.message ?? `${method} ${path} answered HTTP ${response.status}${bare ? `: ${bare}` : ''}${response.status === 403 ? ' (the API application lacks the product or permission for this endpoint)' : ''}`,
            status: response.status,
            retryable: response.status === 429 || response.status >= 500,
            ...(error?.field ? { field: error.field } : {})
        });
    }
    if (error) {
        return new MimecastError({ ...error, status: response.status });
    }
    if (raw !== undefined && raw !== '' && body === undefined) {
        return new MimecastError({ code: 'malformed_response', message: `${method} ${path} returned a body that is not a JSON object`, status: response.status, retryable: true });
    }
    return { status: response.status, body };
}

/** `{"error":[{code,message}]}`, `{"error":{code,message}}` or fail[]. */
function restError(body: Record<string, unknown> | undefined): { code: string; message: string; field?: string } | undefined {
    if (!body) {
        return undefined;
    }
    const errors = Array.isArray(body['error']) ? body['error'] : isObject(body['error']) ? [body['error']] : Array.isArray(body['errors']) ? body['errors'] : [];
    const first: unknown = errors[0];
    if (isObject(first)) {
        return {
            code: typeof first['code'] === 'string' ? first['code'] : 'unknown_failure',
            message: typeof first['message'] === 'string' ? first['message'] : 'no message',
            ...(typeof first['field'] === 'string' ? { field: first['field'] } : {})
        };
    }
    return firstFailure(body);
}

function parseOrText(text: string): unknown {
    if (text.trim() === '') {
        return undefined;
    }
    try {
        return JSON.parse(text);
    } catch {
        return text;
    }
}

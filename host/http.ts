// The host's one HTTP client: node:http(s) on Node's global agents (keep-alive since Node 19), as
// under axios, the client of Nango's proxy and of its runner. A request is written to its socket as soon as the event loop turns (a
// function that sends its next page request, then waits one timer tick, has it on the wire while it
// works on the page it holds); fetch (undici) held such a request until the function's thread went idle.
// Errors keep Node's codes (ECONNRESET, ECONNREFUSED, ...), which are the codes axios reports.
// The modules' default objects, read at call time: a test's nock replaces their `request`.
import http from 'node:http';
import type { IncomingMessage } from 'node:http';
import https from 'node:https';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';

export interface HttpReply {
    status: number;
    statusText: string;
    /** Lower-case names; a repeated header's values joined with ", ". */
    headers: Record<string, string>;
    text: string;
}

export interface HttpOptions {
    method: string;
    headers: Record<string, string>;
    body?: string;
    timeoutMs: number;
}

/** Thrown for a request that got no response; `code` is Node's (ECONNRESET, ...) or ECONNABORTED for a timeout, as axios names it. */
export class HttpError extends Error {
    constructor(
        message: string,
        readonly code: string
    ) {
        super(message);
        this.name = 'HttpError';
    }
}

export function send(url: string, options: HttpOptions): Promise<HttpReply> {
    const target = new URL(url);
    const client = target.protocol === 'https:' ? https : http;
    const headers: Record<string, string> = { 'accept-encoding': 'gzip, deflate, br', ...options.headers };
    if (options.body !== undefined) {
        headers['content-length'] = String(Buffer.byteLength(options.body));
    }
    return new Promise<HttpReply>((resolve, reject) => {
        const fail = (err: unknown) => reject(asHttpError(err, `${options.method} ${target.pathname}`));
        const req = client.request(target, { method: options.method, headers }, (res) => {
            readBody(res).then(
                (text) =>
                    resolve({
                        status: res.statusCode ?? 0,
                        statusText: res.statusMessage ?? '',
                        headers: flatHeaders(res),
                        text
                    }),
                fail
            );
        });
        // One deadline for the whole exchange, like axios' `timeout`.
        const timer = setTimeout(() => req.destroy(new HttpError(`timeout of ${options.timeoutMs}ms exceeded`, 'ECONNABORTED')), options.timeoutMs);
        req.once('close', () => clearTimeout(timer));
        req.once('error', fail);
        req.end(options.body);
    });
}

function readBody(res: IncomingMessage): Promise<string> {
    const encoding = String(res.headers['content-encoding'] ?? '').toLowerCase();
    const decoder =
        encoding === 'gzip' || encoding === 'x-gzip'
            ? createGunzip()
            : encoding === 'deflate'
              ? createInflate()
              : encoding === 'br'
                ? createBrotliDecompress()
                : undefined;
    const stream = decoder ? res.pipe(decoder) : res;
    if (decoder) {
        res.once('error', (err) => decoder.destroy(err));
    }
    return new Promise<string>((resolve, reject) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.once('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
        stream.once('error', reject);
        res.once('aborted', () => reject(new HttpError('the response was cut off', 'ECONNRESET')));
    });
}

function flatHeaders(res: IncomingMessage): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [name, value] of Object.entries(res.headers)) {
        if (value !== undefined) {
            out[name] = Array.isArray(value) ? value.join(', ') : value;
        }
    }
    return out;
}

function asHttpError(err: unknown, what: string): HttpError {
    if (err instanceof HttpError) {
        return err;
    }
    const code = err && typeof err === 'object' && 'code' in err && typeof err.code === 'string' ? err.code : 'ECONNRESET';
    const message = err instanceof Error ? err.message : String(err);
    return new HttpError(`${what} failed: ${code} ${message}`, code);
}

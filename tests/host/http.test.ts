// The host's HTTP client (host/http.ts), against a real loopback server: what reaches the server and
// when, what comes back, and how a failure is named.
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Worker } from 'node:worker_threads';
import { gzipSync } from 'node:zlib';

import nock from 'nock';

import { HttpError, send } from '../../host/http.js';

let server: Server;
let base: string;
let handler: (req: IncomingMessage, res: ServerResponse, body: string) => void;
const received: { at: number; method: string; url: string; headers: IncomingMessage['headers']; body: string }[] = [];

// Every request here goes to a server of this file on 127.0.0.1. nock, even for a loopback request it
// lets through, takes extra turns of the event loop before the request is written: the timing test
// below measures the client, so nock is off for this file (tests/setup.ts turns it off after each file).
beforeAll(() => {
    nock.restore();
});

beforeAll(async () => {
    server = createServer((req, res) => {
        const at = performance.now();
        const chunks: Buffer[] = [];
        req.on('data', (c: Buffer) => chunks.push(c));
        req.on('end', () => {
            const body = Buffer.concat(chunks).toString('utf8');
            received.push({ at, method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
            handler(req, res, body);
        });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
});

beforeEach(() => {
    received.length = 0;
    handler = (_req, res) => res.end('{}');
});

describe('host HTTP client', () => {
    it('sends the method, headers and body, and returns status, lower-case headers and text', async () => {
        handler = (_req, res) => {
            res.writeHead(201, 'Created', { 'X-RateLimit-Remaining': '99', 'Content-Type': 'application/json' });
            res.end('{"ok":true}');
        };
        const reply = await send(`${base}/api/x?y=1`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"a":"é"}', timeoutMs: 5_000 });
        expect(received[0]).toMatchObject({ method: 'POST', url: '/api/x?y=1', body: '{"a":"é"}' });
        expect(received[0]?.headers['content-length']).toBe(String(Buffer.byteLength('{"a":"é"}')));
        expect(reply).toMatchObject({ status: 201, statusText: 'Created', text: '{"ok":true}' });
        expect(reply.headers['x-ratelimit-remaining']).toBe('99');
    });

    it('asks for compressed bodies and decodes a gzip answer, as axios does', async () => {
        handler = (_req, res) => {
            res.writeHead(200, { 'content-encoding': 'gzip' });
            res.end(gzipSync(JSON.stringify({ value: ['événement'] })));
        };
        const reply = await send(`${base}/siem`, { method: 'GET', headers: {}, timeoutMs: 5_000 });
        expect(received[0]?.headers['accept-encoding']).toMatch(/gzip/);
        expect(JSON.parse(reply.text)).toEqual({ value: ['événement'] });
    });

    it('puts a request on the wire within one timer tick, while the caller then keeps its thread busy', async () => {
        // A server on a thread of its own, which answers with the time it got the request: one in this
        // thread could only take it when this thread's event loop turns.
        const worker = new Worker(
            `const { createServer } = require('node:http');
            const { parentPort } = require('node:worker_threads');
            const server = createServer((req, res) => res.end(JSON.stringify({ at: performance.timeOrigin + performance.now() })));
            server.listen(0, '127.0.0.1', () => parentPort.postMessage(server.address().port));`,
            { eval: true }
        );
        try {
            const port = await new Promise<number>((resolve) => worker.once('message', resolve));
            // The page before: its connection is kept alive and carries the next request, as in a listing.
            await send(`http://127.0.0.1:${port}/page`, { method: 'GET', headers: {}, timeoutMs: 5_000 });
            const pending = send(`http://127.0.0.1:${port}/next-page`, { method: 'GET', headers: {}, timeoutMs: 5_000 });
            await new Promise((resolve) => setTimeout(resolve, 0));
            const busyUntil = performance.timeOrigin + performance.now() + 200;
            while (performance.timeOrigin + performance.now() < busyUntil) {
                // the caller working on the page it already has
            }
            const { at } = JSON.parse((await pending).text) as { at: number };
            // A client that waited for this thread to go idle would have the request arrive after the busy spell.
            expect(at).toBeLessThan(busyUntil);
        } finally {
            await worker.terminate();
        }
    });

    it('names a timeout ECONNABORTED, as axios does', async () => {
        handler = () => undefined; // never answers
        await expect(send(`${base}/slow`, { method: 'GET', headers: {}, timeoutMs: 100 })).rejects.toMatchObject({
            name: 'HttpError',
            code: 'ECONNABORTED',
            message: expect.stringContaining('timeout of 100ms exceeded')
        });
    });

    it("keeps Node's code for a refused connection", async () => {
        const closed = createServer();
        await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
        const port = (closed.address() as AddressInfo).port;
        await new Promise<void>((resolve) => closed.close(() => resolve()));
        const error = await send(`http://127.0.0.1:${port}/`, { method: 'GET', headers: {}, timeoutMs: 5_000 }).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(HttpError);
        expect(error).toMatchObject({ code: 'ECONNREFUSED', message: expect.stringMatching(/^GET \/ failed: ECONNREFUSED/) });
    });

    it('names a response cut off mid-body ECONNRESET', async () => {
        handler = (_req, res) => {
            res.writeHead(200, { 'content-length': '1000' });
            res.write('{"value":[');
            setTimeout(() => res.socket?.destroy(), 20);
        };
        await expect(send(`${base}/cut`, { method: 'GET', headers: {}, timeoutMs: 5_000 })).rejects.toMatchObject({ code: 'ECONNRESET' });
    });
});

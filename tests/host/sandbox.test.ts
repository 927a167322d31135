import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { loadCompiledFunction } from '../../host/sandbox.js';

function artifact(body: string): string {
    const file = join(mkdtempSync(join(tmpdir(), 'sandbox-')), 'fn.cjs');
    writeFileSync(file, `module.exports = { default: { type: 'action', exec: async () => { ${body} } } };`);
    return file;
}

async function run(body: string): Promise<unknown> {
    const fn = loadCompiledFunction(artifact(body));
    return (fn.exec as (n: unknown, i: unknown) => Promise<unknown>)({}, {});
}

describe('the function sandbox offers what Nango runner offers, and nothing more', () => {
    it('has no fetch, process, TextDecoder or DecompressionStream', async () => {
        await expect(run('return [typeof fetch, typeof process, typeof TextDecoder, typeof DecompressionStream]')).resolves.toEqual(['undefined', 'undefined', 'undefined', 'undefined']);
    });

    it('offers Buffer, setTimeout, URL, URLSearchParams and a silent console', async () => {
        await expect(run('console.log("x"); return [typeof Buffer, typeof setTimeout, typeof URL, typeof URLSearchParams]')).resolves.toEqual(['function', 'function', 'function', 'function']);
    });

    it('requires only url, crypto and zod', async () => {
        await expect(run('return typeof require("crypto").createHash')).resolves.toBe('function');
        await expect(run('return typeof require("zod").object')).resolves.toBe('function');
        await expect(run('require("zlib")')).rejects.toThrow("Cannot require 'zlib' in Nango's function sandbox");
        await expect(run('require("node:http")')).rejects.toThrow("Cannot require 'node:http'");
    });

    it('refuses code generation from strings', async () => {
        await expect(run('return eval("1 + 1")')).rejects.toThrow(/Code generation from strings disallowed/);
    });

    it('rejects a file that is not a Nango function', () => {
        const file = join(mkdtempSync(join(tmpdir(), 'sandbox-')), 'bad.cjs');
        writeFileSync(file, 'module.exports = { default: { hello: 1 } };');
        expect(() => loadCompiledFunction(file)).toThrow('does not export a Nango sync or action');
    });
});

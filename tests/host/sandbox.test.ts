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
        await expect(run('return [typeof fetch, typeof process, typeof TextDecoder, typeof DecompressionStream]')).resolves.toEqual([
            'undefined',
            'undefined',
            'undefined',
            'undefined'
        ]);
    });

    it('offers Buffer, setTimeout, URL, URLSearchParams and a silent console', async () => {
        await expect(run('console.log("x"); return [typeof Buffer, typeof setTimeout, typeof URL, typeof URLSearchParams]')).resolves.toEqual([
            'function',
            'function',
            'function',
            'function'
        ]);
    });

    it("requires exactly Nango's modules: url, crypto, zod (and unzipper, soap, botbuilder, not installed here)", async () => {
        await expect(run('return typeof require("crypto").createHash')).resolves.toBe('function');
        await expect(run('return typeof require("url").URL')).resolves.toBe('function');
        await expect(run('return typeof require("zod").object')).resolves.toBe('function');
        await expect(run('require("node:crypto")')).rejects.toThrow("Module 'node:crypto' is not allowed");
        await expect(run('require("node:url")')).rejects.toThrow("Module 'node:url' is not allowed");
        await expect(run('require("zlib")')).rejects.toThrow("Module 'zlib' is not allowed");
        await expect(run('require("node:http")')).rejects.toThrow("Module 'node:http' is not allowed");
        for (const name of ['unzipper', 'soap', 'botbuilder']) {
            await expect(run(`require("${name}")`)).rejects.toThrow(`${name} is available on Nango's runner but not installed in this local host`);
        }
    });

    it("gives a function the zod of Nango's runner (4.0.5), not the project's", async () => {
        await expect(run('return require("zod").core.version')).resolves.toEqual({ major: 4, minor: 0, patch: 5 });
        // z.codec and z.httpUrl came after 4.0.5: a function using them would fail on Nango, so it fails here.
        await expect(run('const z = require("zod"); return [typeof z.codec, typeof z.httpUrl, typeof z.looseObject]')).resolves.toEqual([
            'undefined',
            'undefined',
            'function'
        ]);
    });

    it("runs the compiled file non-strict, inside a function wrapper, as Nango's runner does", async () => {
        // A leading "use strict" (esbuild writes one) is no directive inside the wrapper: sloppy-mode rules apply.
        const file = join(mkdtempSync(join(tmpdir(), 'sandbox-')), 'fn.cjs');
        writeFileSync(
            file,
            '"use strict";\nmodule.exports = { default: { type: "action", exec: async () => { undeclared = 1; return [typeof module, (function () { return this === undefined; })()]; } } };'
        );
        const fn = loadCompiledFunction(file);
        await expect((fn.exec as (n: unknown, i: unknown) => Promise<unknown>)({}, {})).resolves.toEqual(['object', false]);
    });

    it('does not expose module or exports as globals', async () => {
        await expect(run('return [typeof globalThis.module, typeof globalThis.exports]')).resolves.toEqual(['undefined', 'undefined']);
    });

    it('scales setTimeout only when a test asks for it', async () => {
        const file = artifact('const started = Date.now(); await new Promise((r) => setTimeout(r, 2000)); return Date.now() - started;');
        const fast = loadCompiledFunction(file, { timeScale: 0.001 });
        await expect((fast.exec as (n: unknown, i: unknown) => Promise<number>)({}, {})).resolves.toBeLessThan(500);
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

// Loads a compiled function (integrations/build/*.cjs, the artifact `nango deploy` ships) into a vm
// context that offers what Nango's runner offers and nothing more: a silent console, `require` for
// exactly Nango's modules (zod at the runner's version), Buffer, setTimeout, Error, URL and
// URLSearchParams. No fetch, no zlib, no process, no code generation from strings. Like Nango's runner,
// the file runs inside a function wrapper, so its leading "use strict" is not a directive and the code
// runs non-strict. A function that needs more fails here as it would on Nango
// (packages/runner/lib/exec.ts in NangoHQ/nango).
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import vm from 'node:vm';

import type { CreateActionResponse, CreateSyncResponse } from '@nangohq/runner-sdk';

const requireFromHost = createRequire(import.meta.url);
/** Modules Nango's runner lets a function require, exactly (`node:crypto` is refused there). */
const ALLOWED_MODULES = new Set(['url', 'crypto', 'zod']);
/**
 * Nango's runner hands a function its own zod (4.0.5 on the self-hosted Nango this project was deployed
 * to), not the project's: the functions get that one here too (package.json `zod-nango-runner`), so a
 * zod feature newer than the runner's fails locally as it would there.
 */
const RUNNER_PACKAGES: Record<string, string> = { zod: 'zod-nango-runner' };
/** Also allowed on Nango, but not installed in this local host. */
const NANGO_ONLY_MODULES = new Set(['unzipper', 'soap', 'botbuilder']);

export interface SandboxOptions {
    /**
     * Test-only: multiplies every delay a function passes to setTimeout (the helpers' backoff and
     * rate-limit waits), so tests do not wait in real time. 1 (real time) unless a test sets it.
     */
    timeScale?: number;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type CompiledFunction = CreateSyncResponse<any, any, any> | CreateActionResponse<any, any, any, any>;

export function loadCompiledFunction(file: string, options: SandboxOptions = {}): CompiledFunction {
    const code = readFileSync(file, 'utf8');
    const scale = options.timeScale ?? 1;
    const sandboxSetTimeout =
        scale === 1
            ? setTimeout
            : (((callback: (...args: unknown[]) => void, ms?: number, ...args: unknown[]) =>
                  setTimeout(callback, (ms ?? 0) * scale, ...args)) as typeof setTimeout);
    const sandboxRequire = (name: string): unknown => {
        if (ALLOWED_MODULES.has(name)) {
            return requireFromHost(RUNNER_PACKAGES[name] ?? name);
        }
        if (NANGO_ONLY_MODULES.has(name)) {
            throw new Error(`${name} is available on Nango's runner but not installed in this local host`);
        }
        // Nango's runner's own words.
        throw new Error(`Module '${name}' is not allowed`);
    };
    const silent = () => undefined;
    const context = vm.createContext(
        {
            console: { log: silent, info: silent, warn: silent, error: silent, debug: silent },
            require: sandboxRequire,
            Buffer,
            setTimeout: sandboxSetTimeout,
            Error,
            URL,
            URLSearchParams
        },
        { codeGeneration: { strings: false, wasm: false } }
    );
    // Nango's wrapper: `module` and `exports` are locals of a sloppy-mode function, not globals.
    const wrapped = `(function() { var module = { exports: {} }; var exports = module.exports; ${code}\n return module.exports;\n})();`;
    const moduleExports = new vm.Script(wrapped, { filename: file }).runInContext(context) as Record<string, unknown>;
    const exported = (moduleExports['default'] ?? moduleExports) as Partial<CompiledFunction>;
    if (!exported || (exported.type !== 'sync' && exported.type !== 'action') || typeof exported.exec !== 'function') {
        throw new Error(`${file} does not export a Nango sync or action`);
    }
    return exported as CompiledFunction;
}

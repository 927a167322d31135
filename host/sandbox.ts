// Loads a compiled function (integrations/build/*.cjs, the artifact `nango deploy` ships) into a vm
// context that offers what Nango's runner offers and nothing more: a silent console, `require` for
// the allowed modules, Buffer, setTimeout, Error, URL and URLSearchParams. No fetch, no zlib, no
// process, no code generation from strings. A function that needs more fails here as it would on Nango.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import vm from 'node:vm';

import type { CreateActionResponse, CreateSyncResponse } from '@nangohq/runner-sdk';

const requireFromHost = createRequire(import.meta.url);
/** Modules Nango's runner lets a function require. unzipper, soap and botbuilder are not installed here. */
const ALLOWED_MODULES = new Set(['url', 'node:url', 'crypto', 'node:crypto', 'zod']);
const NANGO_ONLY_MODULES = new Set(['unzipper', 'soap', 'botbuilder']);

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type CompiledFunction = CreateSyncResponse<any, any, any> | CreateActionResponse<any, any, any, any>;

export function loadCompiledFunction(file: string): CompiledFunction {
    const code = readFileSync(file, 'utf8');
    const module = { exports: {} as Record<string, unknown> };
    const sandboxRequire = (name: string): unknown => {
        if (ALLOWED_MODULES.has(name)) {
            return requireFromHost(name);
        }
        if (NANGO_ONLY_MODULES.has(name)) {
            throw new Error(`${name} is available on Nango's runner but not installed in this local host`);
        }
        throw new Error(`Cannot require '${name}' in Nango's function sandbox`);
    };
    const silent = () => undefined;
    const context = vm.createContext(
        {
            console: { log: silent, info: silent, warn: silent, error: silent, debug: silent },
            require: sandboxRequire,
            module,
            exports: module.exports,
            Buffer,
            setTimeout,
            Error,
            URL,
            URLSearchParams
        },
        { codeGeneration: { strings: false, wasm: false } }
    );
    new vm.Script(code, { filename: file }).runInContext(context);
    const exported = (module.exports['default'] ?? module.exports) as Partial<CompiledFunction>;
    if (!exported || (exported.type !== 'sync' && exported.type !== 'action') || typeof exported.exec !== 'function') {
        throw new Error(`${file} does not export a Nango sync or action`);
    }
    return exported as CompiledFunction;
}

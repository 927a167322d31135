// npm 12 runs a dependency's install script only when package.json's `allowScripts` names it (npm 11.16+
// only warns). Without an entry better-sqlite3 installs with no compiled binding, and the host's store
// cannot open: `npm start` and the host tests fail after an install that itself reports success.
// So every package the lockfile marks as having an install script must have been reviewed, and an entry
// that no longer matches a locked package is reported, so the list stays what is installed.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

interface Lockfile {
    packages: Record<string, { version?: string; hasInstallScript?: boolean }>;
}

function readJson<T>(name: string): T {
    return JSON.parse(readFileSync(`${ROOT}${name}`, 'utf8')) as T;
}

/** `node_modules/a/node_modules/@s/b` -> `@s/b`. */
function packageName(lockPath: string): string {
    return lockPath.slice(lockPath.lastIndexOf('node_modules/') + 'node_modules/'.length);
}

/** Name-only (`pkg`) or pinned (`pkg@1.2.3`) keys, as `npm approve-scripts` writes them. */
function entryName(key: string): string {
    const at = key.indexOf('@', 1);
    return at === -1 ? key : key.slice(0, at);
}

const lock = readJson<Lockfile>('package-lock.json');
const allowScripts = readJson<{ allowScripts?: Record<string, boolean> }>('package.json').allowScripts ?? {};
const withScripts = Object.entries(lock.packages)
    .filter(([path, entry]) => path !== '' && entry.hasInstallScript === true)
    .map(([path, entry]) => ({ name: packageName(path), version: entry.version ?? '' }));

describe('install scripts (package.json allowScripts)', () => {
    it('covers every locked package that has an install script, by name or at its locked version', () => {
        const uncovered = withScripts
            .filter(({ name, version }) => allowScripts[name] === undefined && allowScripts[`${name}@${version}`] === undefined)
            .map(({ name, version }) => `${name}@${version}`);
        expect(uncovered).toEqual([]);
    });

    it('allows the store binding to build: better-sqlite3 is approved, not denied', () => {
        expect(withScripts.map((p) => p.name)).toContain('better-sqlite3');
        expect(allowScripts['better-sqlite3']).toBe(true);
    });

    it('has no entry for a package that is no longer locked with an install script', () => {
        const locked = new Set(withScripts.map((p) => p.name));
        expect(Object.keys(allowScripts).filter((key) => !locked.has(entryName(key)))).toEqual([]);
    });
});

// Contract fixtures: response bodies that independent Mimecast clients published (their test data, HTTP
// recordings against real tenants) or Mimecast's documentation shows, kept verbatim in fixtures/ and named
// with their source in INDEX.md. Contract tests replay them with nock; the simulator is held to their shape.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const FIXTURES_DIR = fileURLToPath(new URL('./fixtures/', import.meta.url));
export const INDEX_FILE = fileURLToPath(new URL('./INDEX.md', import.meta.url));

/** A fixture's parsed body: `fixtures/<name>.json`. */
export function fixture<T = Record<string, unknown>>(name: string): T {
    return JSON.parse(readFileSync(`${FIXTURES_DIR}${name}.json`, 'utf8')) as T;
}

/** A fixture's raw text, for bodies that are not JSON (NDJSON lines, a STIX bundle kept as sent). */
export function fixtureText(file: string): string {
    return readFileSync(`${FIXTURES_DIR}${file}`, 'utf8');
}

/** An NDJSON fixture's records, one per non-empty line. */
export function fixtureLines<T = Record<string, unknown>>(file: string): T[] {
    return fixtureText(file)
        .split('\n')
        .filter((line) => line !== '')
        .map((line) => JSON.parse(line) as T);
}

export function fixtureFiles(): string[] {
    // git keeps no empty folder: before the first fixture lands there is none.
    return !existsSync(FIXTURES_DIR)
        ? []
        : readdirSync(FIXTURES_DIR)
              .filter((file) => !file.startsWith('.'))
              .sort();
}

/** The rows of INDEX.md's fixture tables: `| fixture file | function(s) | source | changes |`. */
export interface IndexRow {
    file: string;
    functions: string[];
    source: string;
    changes: string;
}

export function indexRows(): IndexRow[] {
    const rows: IndexRow[] = [];
    for (const line of readFileSync(INDEX_FILE, 'utf8').split('\n')) {
        const cells = line.split('|').map((cell) => cell.trim());
        // A table row: | `file` | functions | source | changes |
        const file = /^`([^`]+)`$/.exec(cells[1] ?? '')?.[1];
        if (!file || cells.length < 6) {
            continue;
        }
        rows.push({
            file,
            functions: (cells[2] ?? '')
                .split(',')
                .map((f) => f.replace(/`/g, '').trim())
                .filter(Boolean),
            source: cells[3] ?? '',
            changes: cells[4] ?? ''
        });
    }
    return rows;
}

// Every contract fixture names its source: a body with no row in INDEX.md, or a row with no file, fails.
import { existsSync } from 'node:fs';

import { FIXTURES_DIR, fixtureFiles, indexRows } from './fixtures.js';

describe('contract fixture index', () => {
    const rows = indexRows();

    it('lists every fixture file, with functions and a source', () => {
        const listed = new Set(rows.map((row) => row.file));
        expect(fixtureFiles().filter((file) => !listed.has(file))).toEqual([]);
        for (const row of rows) {
            expect({ file: row.file, functions: row.functions.length > 0, source: row.source.length > 10 }).toEqual({
                file: row.file,
                functions: true,
                source: true
            });
        }
    });

    it('names only files that exist', () => {
        expect(rows.filter((row) => !existsSync(`${FIXTURES_DIR}${row.file}`)).map((row) => row.file)).toEqual([]);
    });
});

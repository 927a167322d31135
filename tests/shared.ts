// References this team keeps beside the project in ../shared (Nango's provider schema, the OCSF schema):
// present in CI, absent on a user's fresh clone. A test that needs one runs fully when it is there and is
// skipped, with a line naming the missing file, when it is not. `.ci/run` refuses to run without ../shared,
// so CI never skips these checks silently.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The absolute path of a file under ../shared, e.g. `reference/nango-providers.schema.json`. */
export function sharedPath(relative: string): string {
    return fileURLToPath(new URL(`../../shared/${relative}`, import.meta.url));
}

/**
 * `describe` when every named ../shared file exists, else `describe.skip` after printing which file is
 * missing and what the skipped tests check.
 */
export function describeWithShared(title: string, files: string[], body: () => void): void {
    const missing = files.filter((file) => !existsSync(sharedPath(file)));
    if (missing.length === 0) {
        describe(title, body);
        return;
    }
    process.stderr.write(
        `skipped "${title}": ../shared/${missing.join(', ../shared/')} is not beside this clone (the team's reference files; CI provides them)\n`
    );
    describe.skip(title, body);
    // One test that runs, so that jest runs this file's hooks even when every other test in it is skipped:
    // tests/setup.ts hands nock over to the next file in an afterAll, which jest skips in a file with no
    // test to run (the next file's requests would then meet this file's nock).
    it(`skips "${title}": ../shared/${missing.join(', ../shared/')} is missing`, () => {
        expect(missing.some((file) => !existsSync(sharedPath(file)))).toBe(true);
    });
}

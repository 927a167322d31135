// docs/ocsf.md cannot drift from the mappers: it is what scripts/docs/ocsf.ts generates today.
import { existsSync, readFileSync } from 'node:fs';

import { OCSF_PAGE, ocsfPage } from '../../scripts/docs/ocsf.js';

test('docs/ocsf.md matches the generator output (run `npm run docs:ocsf` when this fails)', () => {
    const page = ocsfPage();
    expect(existsSync(OCSF_PAGE) ? readFileSync(OCSF_PAGE, 'utf8') : '(docs/ocsf.md is missing)').toBe(page);
    // One event per class and a trace are on the page.
    for (const heading of [
        '## Email Activity (4009)',
        '## Authentication (3002)',
        '## Account Change (3001)',
        '## API Activity (6003)',
        '## Detection Finding (2004)',
        '## A message trace'
    ]) {
        expect(page).toContain(heading);
    }
});

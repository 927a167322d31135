// npm run docs:ocsf: writes docs/ocsf.md (one OCSF event per class and one message trace) from the mappers.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

import { OCSF_PAGE, ocsfPage } from './docs/ocsf.js';

const page = ocsfPage();
if (existsSync(OCSF_PAGE) && readFileSync(OCSF_PAGE, 'utf8') === page) {
    process.stdout.write('docs/ocsf.md is up to date\n');
} else {
    writeFileSync(OCSF_PAGE, page);
    process.stdout.write('wrote docs/ocsf.md\n');
}

import nock from 'nock';

// No test reaches the internet: only loopback (the simulator) may be connected to.
nock.disableNetConnect();
nock.enableNetConnect(/^(127\.0\.0\.1|localhost)(:\d+)?$/);

afterEach(() => {
    nock.cleanAll();
});

// Node's http module is shared by every test file a jest worker runs, and nock patches it: this file's
// nock lets go of it when the file is done, so the next file's nock is the one that intercepts. (jest
// runs no hooks in a file whose tests are all skipped: tests/shared.ts keeps one test running there.)
afterAll(() => {
    nock.restore();
});

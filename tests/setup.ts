import nock from 'nock';

// No test reaches the internet: only loopback (the simulator) may be connected to.
nock.disableNetConnect();
nock.enableNetConnect(/^(127\.0\.0\.1|localhost)(:\d+)?$/);

afterEach(() => {
    nock.cleanAll();
});

// threat-intel-feed against the published get-feed body (Elastic's system-test mock: a STIX 2.0 bundle,
// not the /api data[] envelope).
import nock from 'nock';

import { createTestHost, mockToken, TEST_BASE } from '../harness.js';
import { fixture } from './fixtures.js';

const PATH = '/api/ttp/threat-intel/get-feed';

describe('contract: threat-intel-feed', () => {
    it("saves the Elastic sample's indicator with its hash, type, times and the malware its relationship names", async () => {
        const t = createTestHost({ metadata: { threatFeedTypes: ['malware_customer'] } });
        mockToken();
        // The published answer carries no next-token header: one page is the whole walk.
        const api = nock(TEST_BASE).post(PATH).reply(200, fixture('threat-intel-feed.elastic'));
        await t.runSync('threat-intel-feed');
        expect(api.isDone()).toBe(true);
        expect(t.records('ThreatIndicator')).toEqual([
            {
                id: 'indicator--456ac916-4c4e-43be-b7a9-6678f6a845cd',
                feedType: 'malware_customer',
                pattern: "[file:hashes.'SHA-256' = 'ec5a6c52acdc187fc6c1187f14cd685c686c2b283503a023c4a9d3a977b491be']",
                value: 'ec5a6c52acdc187fc6c1187f14cd685c686c2b283503a023c4a9d3a977b491be',
                type: 'SHA-256',
                labels: ['malicious-activity'],
                created: '2021-11-19T01:28:37.099Z',
                modified: '2021-11-19T01:28:37.099Z',
                validFrom: '2021-11-19T01:28:37.099Z',
                malwareIds: ['malware--44c9d067-12c2-439a-a314-29652b158159'],
                malwareNames: ['Transaction notice']
            }
        ]);
        expect(t.checkpoint('threat-intel-feed')).toMatchObject({ customerToken: '', customerEnd: '' });
    });
});

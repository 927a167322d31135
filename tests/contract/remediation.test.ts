// create-remediation-incident and get-remediation-incident against the incident the Cortex XSOAR
// integration's tests publish (a manual incident by Message-ID: 3 identified, none removed yet).
import nock from 'nock';

import { createTestHost, mockToken, TEST_BASE } from '../harness.js';
import { fixture } from './fixtures.js';

const INCIDENT = {
    id: 'test-id',
    code: 'TR-CSND1A7780-00045-M',
    type: 'manual',
    reason: 'test',
    identified: 3,
    successful: 0,
    failed: 0,
    restored: 0,
    created: '2020-05-25T10:01:53.000Z',
    modified: '2020-05-25T10:01:53.000Z',
    searchMessageId: 'test message id',
    searchStart: '2020-04-25T10:01:53.000Z',
    searchEnd: '2020-05-25T22:01:53.000Z'
};

describe('contract: create-remediation-incident (demisto sample)', () => {
    it('returns the incident with its code, counts and search criteria', async () => {
        const t = createTestHost();
        mockToken();
        nock(TEST_BASE)
            // The sample's own request used 'test message id', which is no Message-ID and is now refused before
            // any call; the answer below still echoes the sample's value, as the published body has it.
            .post('/api/ttp/remediation/create', {
                data: [
                    {
                        reason: 'test',
                        hashOrMessageId: '<test-message@example.com>',
                        searchBy: 'messageId',
                        start: '2020-04-25T10:01:53+0000',
                        end: '2020-05-25T22:01:53+0000'
                    }
                ]
            })
            .reply(200, fixture('remediation-incident.demisto'));

        await expect(
            t.runAction('create-remediation-incident', {
                reason: 'test',
                hashOrMessageId: '<test-message@example.com>',
                searchBy: 'messageId',
                start: '2020-04-25T10:01:53Z',
                end: '2020-05-25T22:01:53Z'
            })
        ).resolves.toEqual(INCIDENT);
    });
});

describe('contract: get-remediation-incident (demisto sample)', () => {
    it('returns the same incident by id', async () => {
        const t = createTestHost();
        mockToken();
        nock(TEST_BASE)
            .post('/api/ttp/remediation/get-incident', { data: [{ id: 'test-id' }] })
            .reply(200, fixture('remediation-incident.demisto'));

        await expect(t.runAction('get-remediation-incident', { id: 'test-id' })).resolves.toEqual(INCIDENT);
    });
});

// block-sender and permit-sender replayed against Rapid7's published permit-or-block-sender answers:
// data[0] = {id: "MTOKEN:...", sender, to, type: "Block" | "Permit"}.
import nock from 'nock';

import { createTestHost, mockToken, TEST_BASE } from '../harness.js';
import { fixture } from './fixtures.js';

const PATH = '/api/managedsender/permit-or-block-sender';

describe.each([
    ['block-sender', 'block', 'permit-or-block-sender-block.rapid7'],
    ['permit-sender', 'permit', 'permit-or-block-sender-permit.rapid7']
] as const)('contract: %s (rapid7 sample)', (name, action, file) => {
    it(`sends action ${action} and returns the managed-sender entry with its lower-cased decision`, async () => {
        const t = createTestHost();
        mockToken();
        const body = fixture<{ data: { id: string }[] }>(file);
        nock(TEST_BASE)
            .post(PATH, { data: [{ sender: 'test@rapid7.com', to: 'test2@rapid7.com', action }] })
            .reply(200, body);

        await expect(t.runAction(name, { sender: 'test@rapid7.com', to: 'test2@rapid7.com' })).resolves.toEqual({
            id: body.data[0]!.id,
            sender: 'test@rapid7.com',
            to: 'test2@rapid7.com',
            action
        });
        expect(body.data[0]!.id).toMatch(/^MTOKEN:/);
    });
});

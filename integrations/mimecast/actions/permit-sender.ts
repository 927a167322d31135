// Lets mail from an external sender through to one internal recipient, e.g. a wrongly blocked partner.
// https://developer.services.mimecast.com/docs/threatsandsecurityeventsdata/1/routes/api/managedsender/permit-or-block-sender/post
// The request is shared with the other managed-sender action (helpers/managed-senders.ts).
import { createAction } from 'nango';

import { mimecastAction, parseInput } from '../helpers/actions.js';
import { ManagedSender, ManagedSenderInput, permitOrBlockSender } from '../helpers/managed-senders.js';

const action = createAction({
    description: 'Permits mail from a sender to one internal recipient (Mimecast managed senders), bypassing spam checks. Returns the managed-sender entry.',
    version: '1.0.0',
    scopes: ['Gateway | Managed Senders | Edit'],
    endpoint: { method: 'POST', path: '/permit-sender', group: 'Managed Senders' },
    input: ManagedSenderInput,
    output: ManagedSender,

    exec: async (nango, rawInput) => {
        const input = parseInput(nango, ManagedSenderInput, rawInput);
        return mimecastAction(nango, () => permitOrBlockSender(nango, input, 'permit'));
    }
});

export type NangoActionLocal = Parameters<(typeof action)['exec']>[0];
export default action;

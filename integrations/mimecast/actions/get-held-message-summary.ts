// How many messages are held, per hold reason (the policy that held them): the first look of a SOC
// playbook before it releases or rejects anything.
// https://developer.services.mimecast.com/docs/cloudgateway/1/routes/api/gateway/get-hold-summary-list/post
import { createAction } from 'nango';
import * as z from 'zod';

import { mimecastAction, parseInput } from '../helpers/actions.js';
import { callMimecast, isObject, MimecastError } from '../helpers/api.js';
import { noInput } from '../helpers/inputs.js';
import { optionalNumber, optionalString } from '../helpers/records.js';

const PATH = '/api/gateway/get-hold-summary-list';

/** No filters: Mimecast summarises the whole hold queue (public clients send `"data": []`). */
const GetHeldMessageSummaryInput = noInput;

const HoldReasonCount = z.object({
    /** The policy (definition) that held the messages, e.g. "Relaxed Spam Detection". */
    policyInfo: z.string(),
    numberOfItems: z.number()
});

const GetHeldMessageSummaryOutput = z.object({
    reasons: z.array(HoldReasonCount),
    /** Sum of numberOfItems over every reason. */
    totalHeld: z.number()
});

const action = createAction({
    description: 'Counts the messages currently held, per hold reason (the policy that held them).',
    version: '1.0.0',
    scopes: ['Account | Monitoring | Held Summary | Read'],
    endpoint: { method: 'GET', path: '/held-messages/summary', group: 'Held Messages' },
    input: GetHeldMessageSummaryInput,
    output: GetHeldMessageSummaryOutput,

    exec: async (nango, rawInput) => {
        parseInput(nango, GetHeldMessageSummaryInput, rawInput);
        return mimecastAction(nango, async () => {
            const page = await callMimecast(nango, { path: PATH });
            const reasons = page.data.map((raw) => {
                const count = isObject(raw) ? optionalNumber(raw, 'numberOfItems') : undefined;
                if (!isObject(raw) || count === undefined) {
                    throw new MimecastError({ code: 'malformed_response', message: `${PATH} returned an entry without numberOfItems` });
                }
                return { policyInfo: optionalString(raw, 'policyInfo') ?? '(no policy)', numberOfItems: count };
            });
            return { reasons, totalHeld: reasons.reduce((sum, r) => sum + r.numberOfItems, 0) };
        });
    }
});

export type NangoActionLocal = Parameters<(typeof action)['exec']>[0];
export default action;

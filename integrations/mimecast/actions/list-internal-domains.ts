// The internal domains of the account: the domains whose users Mimecast protects.
// https://developer.services.mimecast.com/docs/cloudgateway/1/routes/api/domain/get-internal-domain/post
import { createAction } from 'nango';
import * as z from 'zod';

import { mimecastAction, parseInput } from '../helpers/actions.js';
import { InternalDomain, listInternalDomains } from '../helpers/directory.js';
import { noInput } from '../helpers/inputs.js';

const ListInternalDomainsInput = noInput;

const ListInternalDomainsOutput = z.object({
    domains: z.array(InternalDomain),
    count: z.number()
});

const action = createAction({
    description: 'Lists the internal domains of the Mimecast account (every page).',
    version: '1.0.0',
    scopes: ['Gateway | Domains | Read'],
    endpoint: { method: 'GET', path: '/internal-domains', group: 'Directory' },
    input: ListInternalDomainsInput,
    output: ListInternalDomainsOutput,

    exec: async (nango, rawInput) => {
        parseInput(nango, ListInternalDomainsInput, rawInput);
        return mimecastAction(nango, async () => {
            const domains: InternalDomain[] = [];
            for await (const { records: batch } of listInternalDomains(nango)) {
                domains.push(...batch);
            }
            return { domains, count: domains.length };
        });
    }
});

export type NangoActionLocal = Parameters<(typeof action)['exec']>[0];
export default action;

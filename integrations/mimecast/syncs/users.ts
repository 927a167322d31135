// Internal users of every internal domain: the people (and aliases) Mimecast protects.
// https://developer.services.mimecast.com/docs/cloudgateway/1/routes/api/user/get-internal-users/post
// https://developer.services.mimecast.com/docs/cloudgateway/1/routes/api/domain/get-internal-domain/post
import { createSync } from 'nango';
import * as z from 'zod';

import { DIRECTORY_PAGE_SIZE, listInternalDomains } from '../helpers/directory.js';
import { listAll, stateOf, syncFullRefresh } from '../helpers/full-refresh.js';
import type { ListPage } from '../helpers/full-refresh.js';
import type { MimecastNango } from '../helpers/api.js';
import { optionalBoolean, optionalString, requiredString } from '../helpers/records.js';

const User = z.object({
    /** The email address, lower-cased: Mimecast has no other user id and compares addresses case-insensitively. */
    id: z.string(),
    emailAddress: z.string(),
    name: z.string().optional(),
    domain: z.string(),
    alias: z.boolean().optional(),
    addressType: z.string().optional(),
    /** Where the address comes from, e.g. `cloud` (created in Mimecast) or a directory synchronisation. */
    source: z.string().optional()
});
type User = z.infer<typeof User>;

const sync = createSync({
    description: 'Internal users of every internal domain of the Mimecast account (full refresh; removed users are deleted).',
    version: '1.1.0',
    frequency: 'every day',
    autoStart: true,
    syncType: 'full',
    scopes: ['Directories | Internal Users | Read', 'Gateway | Domains | Read'],
    models: { User },
    endpoints: [{ method: 'GET', path: '/users', group: 'Directory' }],

    exec: async (nango) => {
        const saved = await syncFullRefresh(nango, 'User', usersOfEveryDomain(nango));
        await nango.log(`users: ${saved} saved`);
    }
});

/** get-internal-users needs a domain: list the domains first, then walk each domain's users to the end. */
async function* usersOfEveryDomain(nango: MimecastNango): AsyncGenerator<ListPage<User>> {
    const domains: string[] = [];
    for await (const page of listInternalDomains(nango)) {
        domains.push(...page.records.map((d) => d.domain));
        // An unreadable or shifting domain list defers deletes too: its users may be missing.
        yield stateOf(page);
    }
    for (const domain of new Set(domains)) {
        yield* listAll(nango, {
            path: '/api/user/get-internal-users',
            data: { domain },
            recordsIn: 'users',
            pageSize: DIRECTORY_PAGE_SIZE,
            toRecord: (raw): User => {
                const emailAddress = requiredString(raw, 'emailAddress');
                return {
                    id: emailAddress.toLowerCase(),
                    emailAddress,
                    name: optionalString(raw, 'name'),
                    domain: optionalString(raw, 'domain') ?? domain,
                    alias: optionalBoolean(raw, 'alias'),
                    addressType: optionalString(raw, 'addressType'),
                    source: optionalString(raw, 'source')
                };
            }
        });
    }
}

export type NangoSyncLocal = Parameters<(typeof sync)['exec']>[0];
export default sync;

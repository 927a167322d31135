// Blocked-sender policies: who may not mail whom. Policies change rarely and have no change feed,
// so they are refreshed in full; a deleted policy is deleted here.
// https://developer.services.mimecast.com/docs/policymanagement/1/routes/api/policy/blockedsenders/get-policy/post
import { createSync } from 'nango';
import * as z from 'zod';

import { listAll, syncFullRefresh } from '../helpers/full-refresh.js';
import { toBlockedSenderPolicy } from '../helpers/sender-policies.js';

const BlockedSenderPolicy = z.object({
    id: z.string(),
    description: z.string().optional(),
    /** block_sender or no_action. */
    option: z.string().optional(),
    /** envelope_from, header_from or both. */
    fromPart: z.string().optional(),
    /** everyone, internal_addresses, external_addresses, email_domain, individual_email_address, ... */
    fromType: z.string().optional(),
    /** The address, domain or group id the sender side matches (absent for everyone, internal_addresses, ...). */
    fromValue: z.string().optional(),
    toType: z.string().optional(),
    toValue: z.string().optional(),
    bidirectional: z.boolean().optional(),
    enabled: z.boolean().optional(),
    enforced: z.boolean().optional(),
    override: z.boolean().optional(),
    comment: z.string().optional(),
    /** Start of the policy; absent when it has always applied. */
    fromDate: z.string().optional(),
    /** End of the policy; absent when it never expires. */
    toDate: z.string().optional(),
    createTime: z.string().optional(),
    lastUpdated: z.string().optional()
});
type BlockedSenderPolicy = z.infer<typeof BlockedSenderPolicy>;

const sync = createSync({
    description: 'Blocked-sender policies (sender, recipient, option, validity), flattened and refreshed in full; deleted policies are deleted.',
    version: '1.0.0',
    frequency: 'every hour',
    autoStart: true,
    syncType: 'full',
    scopes: ['Gateway | Policies | Read'],
    models: { BlockedSenderPolicy },
    endpoints: [{ method: 'GET', path: '/blocked-sender-policies', group: 'Policies' }],

    exec: async (nango) => {
        await syncFullRefresh<BlockedSenderPolicy>(
            nango,
            'BlockedSenderPolicy',
            // `data: []` lists every policy, flat in data[] as {id, option, policy:{...}}.
            listAll(nango, { path: '/api/policy/blockedsenders/get-policy', toRecord: toBlockedSenderPolicy })
        );
    }
});

export type NangoSyncLocal = Parameters<(typeof sync)['exec']>[0];
export default sync;

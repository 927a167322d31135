// Blocked-sender policies: who may not mail whom. Policies change rarely and have no change feed,
// so they are refreshed in full; a deleted policy is deleted here.
// https://developer.services.mimecast.com/docs/policymanagement/1/routes/api/policy/blockedsenders/get-policy/post
import { createSync } from 'nango';

import { listAll, syncFullRefresh } from '../helpers/full-refresh.js';
import { BlockedSenderPolicy, toBlockedSenderPolicy } from '../helpers/sender-policies.js';

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

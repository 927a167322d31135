// Directory groups (Mimecast "folders") of the cloud and the LDAP-synchronised directory.
// https://developer.services.mimecast.com/docs/cloudgateway/1/routes/api/directory/find-groups/post
import { createSync } from 'nango';

import { Group, groupSourcesOf, GroupSyncMetadata, listAllGroups } from '../helpers/directory.js';
import { syncFullRefresh } from '../helpers/full-refresh.js';

const sync = createSync({
    description: 'Directory groups of the Mimecast account, cloud and LDAP (full refresh; removed groups are deleted).',
    version: '1.0.0',
    frequency: 'every 6 hours',
    autoStart: true,
    syncType: 'full',
    scopes: ['Directories | Groups | Read'],
    models: { Group },
    metadata: GroupSyncMetadata,
    endpoints: [{ method: 'GET', path: '/groups', group: 'Directory' }],

    exec: async (nango) => {
        // find-groups searches one source per call (cloud by default): list each source asked for.
        const saved = await syncFullRefresh<Group>(nango, 'Group', listAllGroups(nango, await groupSourcesOf(nango)));
        await nango.log(`groups: ${saved} saved`);
    }
});

export type NangoSyncLocal = Parameters<(typeof sync)['exec']>[0];
export default sync;

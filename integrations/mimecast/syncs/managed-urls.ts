// Managed URLs: URL Protect's administrator block and permit list. The list is small and has no
// change feed, so it is refreshed in full; an entry deleted in Mimecast is deleted here.
// https://developer.services.mimecast.com/docs/threatsandsecurityeventsdata/1/routes/api/ttp/url/get-all-managed-urls/post
import { createSync } from 'nango';

import { listAll, syncFullRefresh } from '../helpers/full-refresh.js';
import { ManagedUrl, toManagedUrl } from '../helpers/managed-urls.js';

const sync = createSync({
    description: 'The managed URLs of URL Protect (administrator block and permit entries), refreshed in full; removed entries are deleted.',
    version: '1.0.0',
    frequency: 'every hour',
    autoStart: true,
    syncType: 'full',
    scopes: ['Services | Targeted Threat Protection - URL Protect | Read'],
    models: { ManagedUrl },
    endpoints: [{ method: 'GET', path: '/managed-urls', group: 'URL Protect' }],

    exec: async (nango) => {
        await syncFullRefresh<ManagedUrl>(
            nango,
            'ManagedUrl',
            // `data: []`: the endpoint takes no filter and returns every entry, flat in data[].
            listAll(nango, { path: '/api/ttp/url/get-all-managed-urls', toRecord: toManagedUrl })
        );
    }
});

export type NangoSyncLocal = Parameters<(typeof sync)['exec']>[0];
export default sync;

// Awareness Training watchlist: users who keep failing training or phishing tests, with their count.
// Refreshed in full; a user who left the watchlist is deleted.
// https://developer.services.mimecast.com/docs/awarenesstraining/1/routes/api/awareness-training/company/get-watchlist-details/post
import { createSync } from 'nango';
import * as z from 'zod';

import { AWARENESS_PAGE_SIZE, AWARENESS_SCOPE, awarenessUser, AwarenessUserFields } from '../helpers/awareness.js';
import { listAll, syncFullRefresh } from '../helpers/full-refresh.js';
import { optionalNumber } from '../helpers/records.js';

const AwarenessWatchlistEntry = z.object({
    ...AwarenessUserFields,
    watchlistCount: z.number().optional()
});
type AwarenessWatchlistEntry = z.infer<typeof AwarenessWatchlistEntry>;

const sync = createSync({
    description:
        'The Awareness Training watchlist (users with their watchlist count), refreshed in full; users no longer on it are deleted. Needs the Awareness Training product: not started automatically, because a tenant without it answers 403.',
    version: '1.0.0',
    frequency: 'every day',
    autoStart: false,
    syncType: 'full',
    scopes: [AWARENESS_SCOPE],
    models: { AwarenessWatchlistEntry },
    endpoints: [{ method: 'GET', path: '/awareness/watchlist', group: 'Awareness Training' }],

    exec: async (nango) => {
        await syncFullRefresh<AwarenessWatchlistEntry>(
            nango,
            'AwarenessWatchlistEntry',
            listAll(nango, {
                path: '/api/awareness-training/company/get-watchlist-details',
                pageSize: AWARENESS_PAGE_SIZE,
                toRecord: (raw) => ({
                    ...awarenessUser(raw),
                    watchlistCount: optionalNumber(raw, 'watchlistCount')
                })
            })
        );
    }
});

export type NangoSyncLocal = Parameters<(typeof sync)['exec']>[0];
export default sync;

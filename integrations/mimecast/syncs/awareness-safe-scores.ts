// Awareness Training SAFE scores: each user's risk grade (A best … F worst) and its components
// (human error, sentiment, engagement, knowledge). Refreshed in full; a user who left is deleted.
// https://developer.services.mimecast.com/docs/awarenesstraining/1/routes/api/awareness-training/company/get-safe-score-details/post
import { createSync } from 'nango';
import * as z from 'zod';

import { AWARENESS_PAGE_SIZE, AWARENESS_SCOPE, awarenessUser, AwarenessUserFields } from '../helpers/awareness.js';
import { listAll, syncFullRefresh } from '../helpers/full-refresh.js';
import { optionalString } from '../helpers/records.js';

const AwarenessSafeScore = z.object({
    ...AwarenessUserFields,
    /** The SAFE score grade, A to F. */
    risk: z.string().optional(),
    humanError: z.string().optional(),
    sentiment: z.string().optional(),
    engagement: z.string().optional(),
    knowledge: z.string().optional()
});
type AwarenessSafeScore = z.infer<typeof AwarenessSafeScore>;

const sync = createSync({
    description:
        'Awareness Training SAFE scores per user (risk grade A-F, human error, sentiment, engagement, knowledge), refreshed in full; removed users are deleted. Needs the Awareness Training product: not started automatically, because a tenant without it answers 403.',
    version: '1.0.0',
    frequency: 'every day',
    autoStart: false,
    syncType: 'full',
    scopes: [AWARENESS_SCOPE],
    models: { AwarenessSafeScore },
    endpoints: [{ method: 'GET', path: '/awareness/safe-scores', group: 'Awareness Training' }],

    exec: async (nango) => {
        await syncFullRefresh<AwarenessSafeScore>(
            nango,
            'AwarenessSafeScore',
            listAll(nango, {
                path: '/api/awareness-training/company/get-safe-score-details',
                pageSize: AWARENESS_PAGE_SIZE,
                toRecord: (raw) => ({
                    ...awarenessUser(raw),
                    risk: optionalString(raw, 'risk'),
                    humanError: optionalString(raw, 'humanError'),
                    sentiment: optionalString(raw, 'sentiment'),
                    engagement: optionalString(raw, 'engagement'),
                    knowledge: optionalString(raw, 'knowledge')
                })
            })
        );
    }
});

export type NangoSyncLocal = Parameters<(typeof sync)['exec']>[0];
export default sync;

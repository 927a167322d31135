// Awareness Training performance per user: correct and incorrect answers, modules not watched, and
// (with includeUserDetails) the per-module detail. Refreshed in full; a user who left is deleted.
// https://developer.services.mimecast.com/docs/awarenesstraining/1/routes/api/awareness-training/company/get-performance-details/post
import { createSync } from 'nango';
import * as z from 'zod';

import { isObject } from '../helpers/api.js';
import { AWARENESS_PAGE_SIZE, AWARENESS_SCOPE, awarenessUser, AwarenessUserFields } from '../helpers/awareness.js';
import { listAll, syncFullRefresh } from '../helpers/full-refresh.js';
import { optionalNumber } from '../helpers/records.js';

const AwarenessPerformance = z.object({
    ...AwarenessUserFields,
    numCorrect: z.number().optional(),
    numIncorrect: z.number().optional(),
    numNotWatched: z.number().optional(),
    /** Mimecast's per-module detail, as sent (its shape is not published). */
    userDetails: z.array(z.record(z.string(), z.unknown())).optional()
});
type AwarenessPerformance = z.infer<typeof AwarenessPerformance>;

const sync = createSync({
    description:
        'Awareness Training performance per user (correct, incorrect, not watched, per-module detail), refreshed in full; removed users are deleted. Needs the Awareness Training product: not started automatically, because a tenant without it answers 403.',
    version: '1.0.0',
    frequency: 'every day',
    autoStart: false,
    syncType: 'full',
    scopes: [AWARENESS_SCOPE],
    models: { AwarenessPerformance },
    endpoints: [{ method: 'GET', path: '/awareness/performance', group: 'Awareness Training' }],

    exec: async (nango) => {
        await syncFullRefresh<AwarenessPerformance>(
            nango,
            'AwarenessPerformance',
            listAll(nango, {
                path: '/api/awareness-training/company/get-performance-details',
                data: { includeUserDetails: true },
                pageSize: AWARENESS_PAGE_SIZE,
                toRecord: (raw) => {
                    const details = raw['userDetails'];
                    return {
                        ...awarenessUser(raw),
                        numCorrect: optionalNumber(raw, 'numCorrect'),
                        numIncorrect: optionalNumber(raw, 'numIncorrect'),
                        numNotWatched: optionalNumber(raw, 'numNotWatched'),
                        userDetails: Array.isArray(details) ? details.filter(isObject) : undefined
                    };
                }
            })
        );
    }
});

export type NangoSyncLocal = Parameters<(typeof sync)['exec']>[0];
export default sync;

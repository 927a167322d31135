// Awareness Training phishing campaigns (simulated phishing). get-campaign lists the campaigns flat
// in data[] by id, as Microsoft Sentinel's connector reads them; the per-user results of a campaign
// (get-user-data, nested in data[0].items[]) are not part of this sync. Refreshed in full; a deleted
// campaign is deleted here.
// https://developer.services.mimecast.com/docs/awarenesstraining/1/routes/api/awareness-training/phishing/campaign/get-campaign/post
import { createSync } from 'nango';
import * as z from 'zod';

import { AWARENESS_PAGE_SIZE, AWARENESS_SCOPE } from '../helpers/awareness.js';
import { optionalIsoUtc } from '../helpers/dates.js';
import { listAll, syncFullRefresh } from '../helpers/full-refresh.js';
import { optionalNumber, optionalString, requiredString } from '../helpers/records.js';

const PhishingCampaign = z.object({
    /** Mimecast's campaign id. */
    id: z.string(),
    name: z.string().optional(),
    status: z.string().optional(),
    templateName: z.string().optional(),
    launchDate: z.string().optional(),
    numUsers: z.number().optional(),
    numSent: z.number().optional(),
    numClicked: z.number().optional(),
    numReported: z.number().optional()
});
type PhishingCampaign = z.infer<typeof PhishingCampaign>;

const sync = createSync({
    description:
        'Awareness Training phishing campaigns (name, status, template, counts), refreshed in full; deleted campaigns are deleted. Only the id is confirmed by a public client; the other fields are read when present. Needs the Awareness Training product: not started automatically, because a tenant without it answers 403.',
    version: '1.0.0',
    frequency: 'every day',
    autoStart: false,
    syncType: 'full',
    scopes: [AWARENESS_SCOPE],
    models: { PhishingCampaign },
    endpoints: [{ method: 'GET', path: '/awareness/phishing-campaigns', group: 'Awareness Training' }],

    exec: async (nango) => {
        await syncFullRefresh<PhishingCampaign>(
            nango,
            'PhishingCampaign',
            listAll(nango, {
                path: '/api/awareness-training/phishing/campaign/get-campaign',
                pageSize: AWARENESS_PAGE_SIZE,
                toRecord: (raw) => ({
                    id: requiredString(raw, 'id'),
                    name: optionalString(raw, ['name', 'campaignName']),
                    status: optionalString(raw, 'status'),
                    templateName: optionalString(raw, 'templateName'),
                    launchDate: optionalIsoUtc(raw['launchDate']),
                    numUsers: optionalNumber(raw, 'numUsers'),
                    numSent: optionalNumber(raw, 'numSent'),
                    numClicked: optionalNumber(raw, 'numClicked'),
                    numReported: optionalNumber(raw, 'numReported')
                })
            })
        );
    }
});

export type NangoSyncLocal = Parameters<(typeof sync)['exec']>[0];
export default sync;

import { awarenessCases } from './awareness-cases.js';

describe('sync awareness-phishing-campaigns', () => {
    awarenessCases({
        sync: 'awareness-phishing-campaigns',
        model: 'PhishingCampaign',
        path: '/api/awareness-training/phishing/campaign/get-campaign',
        idField: 'id',
        record: (k) => ({
            id: k,
            name: `Campaign ${k}`,
            status: 'COMPLETED',
            templateName: 'Parcel notice',
            launchDate: '2026-11-02T09:00:00+0000',
            numUsers: 40,
            numSent: 40,
            numClicked: 3,
            numReported: 11
        }),
        saved: (k) => ({
            id: k,
            name: `Campaign ${k}`,
            status: 'COMPLETED',
            templateName: 'Parcel notice',
            launchDate: '2026-11-02T09:00:00.000Z',
            numUsers: 40,
            numSent: 40,
            numClicked: 3,
            numReported: 11
        })
    });
});

import { awarenessCases } from './awareness-cases.js';

describe('sync awareness-safe-scores', () => {
    awarenessCases({
        sync: 'awareness-safe-scores',
        model: 'AwarenessSafeScore',
        path: '/api/awareness-training/company/get-safe-score-details',
        idField: 'emailAddress',
        record: (k) => ({
            emailAddress: `${k}@example.com`,
            name: `User ${k}`,
            department: 'Sales',
            userState: 'active',
            risk: 'C',
            humanError: 'B',
            sentiment: 'A',
            engagement: 'C',
            knowledge: 'D'
        }),
        saved: (k) => ({
            id: `${k}@example.com`,
            email: `${k}@example.com`,
            name: `User ${k}`,
            department: 'Sales',
            userState: 'active',
            risk: 'C',
            humanError: 'B',
            sentiment: 'A',
            engagement: 'C',
            knowledge: 'D'
        })
    });
});

import { awarenessCases } from './awareness-cases.js';

describe('sync awareness-performance-details', () => {
    awarenessCases({
        sync: 'awareness-performance-details',
        model: 'AwarenessPerformance',
        path: '/api/awareness-training/company/get-performance-details',
        item: { includeUserDetails: true },
        idField: 'email',
        record: (k) => ({
            email: `${k.toUpperCase()}@Example.com`,
            name: `User ${k}`,
            department: 'Finance',
            userState: 'active',
            numCorrect: 7,
            numIncorrect: 1,
            numNotWatched: 2,
            userDetails: [{ title: 'Module 1', result: 'correct' }, 'not-an-object']
        }),
        saved: (k) => ({
            id: `${k}@example.com`,
            email: `${k.toUpperCase()}@Example.com`,
            name: `User ${k}`,
            department: 'Finance',
            userState: 'active',
            numCorrect: 7,
            numIncorrect: 1,
            numNotWatched: 2,
            userDetails: [{ title: 'Module 1', result: 'correct' }]
        })
    });
});

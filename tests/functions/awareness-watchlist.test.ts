import { awarenessCases } from './awareness-cases.js';

describe('sync awareness-watchlist', () => {
    awarenessCases({
        sync: 'awareness-watchlist',
        model: 'AwarenessWatchlistEntry',
        path: '/api/awareness-training/company/get-watchlist-details',
        idField: 'email',
        record: (k) => ({ email: `${k}@example.com`, name: `User ${k}`, department: '', userState: 'active', watchlistCount: 3 }),
        saved: (k) => ({ id: `${k}@example.com`, email: `${k}@example.com`, name: `User ${k}`, userState: 'active', watchlistCount: 3 })
    });
});

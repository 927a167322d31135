// Awareness Training: the company endpoints (performance, watchlist, SAFE scores), a flat data[] per
// user paged with meta.pagination.next, and the phishing campaigns (get-campaign, flat data[] by id).
// Users are the first `awarenessUsers` internal users (see directory.ts); values derive from the seed.
// Field names follow Microsoft Sentinel's Mimecast Awareness Training connector (no response body is
// published), so they may differ from a real tenant's.
import { hash32, Rng, type SeriesSpec } from '../data.js';
import { Validator, fail, ok, openPage, pageMeta, type Item } from '../envelope.js';
import { defineEndpoint, type HandlerContext } from '../router.js';
import { directoryUser } from './directory.js';

export const awarenessUsers: SeriesSpec<number> = { name: 'awarenessUsers', defaultSize: 120, retentionMs: 86_400_000, make: ({ k }) => k };
const DEPARTMENTS = ['Finance', 'Sales', 'Engineering', 'HR', 'Legal', 'Support'];
const GRADES = ['A', 'B', 'C', 'D', 'F'];

interface AwarenessUser {
    email: string;
    name: string;
    department: string;
    userState: string;
    rng: Rng;
}

function user(ctx: HandlerContext, i: number, salt: string): AwarenessUser {
    const { email, name } = directoryUser(i);
    const rng = new Rng(hash32(ctx.seed, 'awareness', salt, i));
    return { email, name, department: DEPARTMENTS[hash32(ctx.seed, 'dept', i) % DEPARTMENTS.length]!, userState: i % 25 === 24 ? 'inactive' : 'active', rng };
}

/** One page of per-user records; `make` maps the i-th user. */
function userPage(ctx: HandlerContext, salt: string, make: (u: AwarenessUser, i: number) => Item | undefined) {
    const page = openPage(ctx.request, ctx.path, ctx.item, 500);
    if ('code' in page) return fail(ctx.item, [page]);
    const size = ctx.series(awarenessUsers).size;
    // The watchlist holds a subset: filter first so totalCount and paging agree.
    const listed: Item[] = [];
    for (let i = 0; i < size; i++) {
        const record = make(user(ctx, i, salt), i);
        if (record) listed.push(record);
    }
    return ok(listed.slice(page.offset, page.offset + page.pageSize), pageMeta(page, listed.length));
}

const performance = defineEndpoint({
    path: '/api/awareness-training/company/get-performance-details',
    dataSets: [awarenessUsers],
    handle(ctx) {
        const v = new Validator(ctx.item);
        const details = v.boolean('includeUserDetails');
        if (!v.ok) return v.fail();
        return userPage(ctx, 'performance', (u) => {
            const modules = 4 + u.rng.int(9);
            const correct = u.rng.int(modules + 1);
            const incorrect = u.rng.int(modules - correct + 1);
            return {
                email: u.email,
                name: u.name,
                department: u.department,
                userState: u.userState,
                numCorrect: correct,
                numIncorrect: incorrect,
                numNotWatched: modules - correct - incorrect,
                ...(details
                    ? {
                          userDetails: Array.from({ length: Math.min(3, modules) }, (_, m) => ({
                              moduleName: `Module ${m + 1}`,
                              result: m < correct ? 'correct' : 'incorrect'
                          }))
                      }
                    : {})
            };
        });
    }
});

const watchlist = defineEndpoint({
    path: '/api/awareness-training/company/get-watchlist-details',
    dataSets: [awarenessUsers],
    handle(ctx) {
        // About one user in eight is on the watchlist.
        return userPage(ctx, 'watchlist', (u, i) =>
            hash32(ctx.seed, 'watch', i) % 8 === 0
                ? { email: u.email, name: u.name, department: u.department, userState: u.userState, watchlistCount: 1 + u.rng.int(5) }
                : undefined
        );
    }
});

const safeScores = defineEndpoint({
    path: '/api/awareness-training/company/get-safe-score-details',
    dataSets: [awarenessUsers],
    handle(ctx) {
        return userPage(ctx, 'safe', (u) => ({
            emailAddress: u.email,
            name: u.name,
            department: u.department,
            userState: u.userState,
            risk: u.rng.pick(GRADES),
            humanError: u.rng.pick(GRADES),
            sentiment: u.rng.pick(GRADES),
            engagement: u.rng.pick(GRADES),
            knowledge: u.rng.pick(GRADES)
        }));
    }
});

const TEMPLATES = ['Parcel delivery notice', 'Password expiry', 'Shared document', 'Payroll update', 'Conference invitation', 'Gift card offer'];

const campaigns = defineEndpoint({
    path: '/api/awareness-training/phishing/campaign/get-campaign',
    dataSets: [awarenessUsers],
    handle(ctx) {
        const page = openPage(ctx.request, ctx.path, ctx.item, 500);
        if ('code' in page) return fail(ctx.item, [page]);
        const users = ctx.series(awarenessUsers).size;
        const all = TEMPLATES.map((templateName, i) => {
            const rng = new Rng(hash32(ctx.seed, 'campaign', i));
            const sent = Math.max(1, Math.floor(users * (0.5 + rng.next() / 2)));
            const launched = ctx.now - (TEMPLATES.length - i) * 14 * 86_400_000;
            return {
                id: `camp-${hash32(ctx.seed, 'campaign-id', i).toString(16)}`,
                name: `${templateName} (${new Date(launched).toISOString().slice(0, 7)})`,
                status: i === TEMPLATES.length - 1 ? 'RUNNING' : 'COMPLETED',
                templateName,
                launchDate: new Date(launched).toISOString().replace(/\.\d{3}Z$/, '+0000'),
                numUsers: sent,
                numSent: sent,
                numClicked: rng.int(Math.floor(sent / 5) + 1),
                numReported: rng.int(Math.floor(sent / 3) + 1)
            };
        });
        return ok(all.slice(page.offset, page.offset + page.pageSize), pageMeta(page, all.length));
    }
});

export default [performance, watchlist, safeScores, campaigns];

// POST /api/ttp/remediation/find-incidents: the incidents created by /api/ttp/remediation/create (the
// `remediationIncidents` state of remediation.ts), in data[0].incidents[], newest first, filtered by
// `start`/`end` on their creation time, both inclusive (default: the last 30 days) and optionally `filterBy`
// {fieldName: "type", value: "manual,automatic"}; paged with meta.pagination.next.
import { parseDate, Validator, fail, ok, openPage, pageMeta } from '../envelope.js';
import { defineEndpoint } from '../router.js';
import type { RemediationIncident } from './remediation.js';

export default defineEndpoint({
    path: '/api/ttp/remediation/find-incidents',
    handle(ctx) {
        const v = new Validator(ctx.item);
        const start = v.date('start');
        const end = v.date('end');
        v.dateOrder('start', start, 'end', end);
        if (!v.ok) return v.fail();
        const filterBy = ctx.item['filterBy'];
        const types =
            filterBy && typeof filterBy === 'object' && !Array.isArray(filterBy) && (filterBy as Record<string, unknown>)['fieldName'] === 'type'
                ? String((filterBy as Record<string, unknown>)['value'] ?? '')
                      .split(',')
                      .map((s) => s.trim())
                      .filter(Boolean)
                : undefined;
        const page = openPage(ctx.request, ctx.path, ctx.item, 500);
        if ('code' in page) return fail(ctx.item, [page]);
        const from = start ?? ctx.now - 30 * 86_400_000;
        const to = end ?? ctx.now + 1;
        const store = ctx.state('remediationIncidents', () => new Map<string, RemediationIncident>());
        const listed = [...store.values()]
            .filter((incident) => {
                const created = parseDate(incident.create) ?? 0;
                return created >= from && created <= to && (!types || types.includes(incident.type));
            })
            .reverse();
        return ok([{ incidents: listed.slice(page.offset, page.offset + page.pageSize) }], pageMeta(page, listed.length));
    }
});

// find-processing-messages: messages accepted but not yet delivered (deferred, retried, waiting on a
// scan), in data[0].messages like the published sample. A fixed seeded set of 12; filters: searchBy
// {fieldName: all|subject|sender|recipient, value}, filterBy [{route, attachments}], start/end on `created`.
import { Rng, hash32 } from '../data.js';
import { Validator, fail, formatDate, ok, openPage, pageMeta, type Item } from '../envelope.js';
import { defineEndpoint } from '../router.js';
import { externalAddress, internalAddress, ipAddress, subject } from './log-endpoint.js';

const INFO = [
    'Remote server deferred: 421 4.7.0 try again later',
    'Time out waiting for cached result to finish, result is empty',
    'Connection refused by recipient server',
    'Awaiting attachment sandbox result'
];
const FIELDS = ['all', 'subject', 'sender', 'recipient'] as const;
const ROUTES = ['all', 'internal', 'outbound', 'inbound', 'external'] as const;

function processing(seed: number, now: number): Item[] {
    const rng = new Rng(hash32(seed, 'processingMessages'));
    // Anchored to the hour, so the set is stable within an hour.
    const base = Math.floor(now / 3_600_000) * 3_600_000;
    return Array.from({ length: 12 }, (_, i) => {
        const routing = i % 3 === 0 ? 'outbound' : i % 5 === 0 ? 'internal' : 'inbound';
        const from = routing === 'inbound' ? externalAddress(rng) : internalAddress(rng);
        const to = routing === 'outbound' ? externalAddress(rng) : internalAddress(rng);
        const created = base - (i + 1) * 240_000;
        return {
            id: `eNpNj${Buffer.from(`processing:${seed}:${i}`).toString('base64url')}`,
            fromEnv: { emailAddress: from },
            fromHeader: { emailAddress: from },
            to: { emailAddress: to },
            subject: subject(rng),
            attachment: i % 2 === 0,
            routing,
            size: 2_000 + rng.int(500_000),
            remoteIp: ipAddress(rng),
            attempts: 1 + rng.int(5),
            nextAttempt: formatDate(created + 600_000),
            created: formatDate(created),
            info: INFO[i % INFO.length]!,
            priority: 'normal'
        };
    });
}

export default defineEndpoint({
    path: '/api/gateway/find-processing-messages',
    handle(ctx) {
        const v = new Validator(ctx.item);
        const start = v.date('start');
        const end = v.date('end');
        v.dateOrder('start', start, 'end', end);
        v.string('sortOrder', { oneOf: ['ascending', 'descending'] });
        let match: (m: Item) => boolean = () => true;
        const searchBy = ctx.item['searchBy'];
        if (searchBy !== undefined) {
            const s = new Validator(typeof searchBy === 'object' && searchBy !== null ? (searchBy as Item) : {});
            const fieldName = s.string('fieldName', { required: true, oneOf: FIELDS });
            const value = s.string('value', { required: true })?.toLowerCase();
            for (const e of s.errors) v.add(`searchBy.${e.field}`, e.code, `searchBy.${e.message}`);
            if (fieldName !== undefined && value !== undefined) {
                const addr = (m: Item, k: string) => String((m[k] as { emailAddress?: string }).emailAddress ?? '');
                const fields = (m: Item) =>
                    fieldName === 'subject'
                        ? [String(m['subject'])]
                        : fieldName === 'sender'
                          ? [addr(m, 'fromEnv')]
                          : fieldName === 'recipient'
                            ? [addr(m, 'to')]
                            : [String(m['subject']), addr(m, 'fromEnv'), addr(m, 'to')];
                match = (m) => fields(m).some((f) => f.toLowerCase().includes(value));
            }
        }
        const filters = ctx.item['filterBy'];
        let route: string | undefined;
        let attachments: boolean | undefined;
        if (filters !== undefined) {
            const list = Array.isArray(filters) ? filters : [filters];
            for (const f of list) {
                const fv = new Validator(typeof f === 'object' && f !== null ? (f as Item) : {});
                route = fv.string('route', { oneOf: ROUTES }) ?? route;
                attachments = fv.boolean('attachments') ?? attachments;
                for (const e of fv.errors) v.add(`filterBy.${e.field}`, e.code, `filterBy.${e.message}`);
            }
        }
        if (!v.ok) return v.fail();
        const page = openPage(ctx.request, ctx.path, ctx.item, 100);
        if ('code' in page) return fail(ctx.item, [page]);
        let items = processing(ctx.seed, ctx.now).filter((m) => {
            const created = Date.parse(String(m['created']).replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
            const r = String(m['routing']);
            return (
                match(m) &&
                (start === undefined || created >= start) &&
                (end === undefined || created <= end) &&
                (attachments === undefined || m['attachment'] === attachments) &&
                (route === undefined || route === 'all' || r === route || (route === 'external' && r !== 'internal'))
            );
        });
        if (ctx.item['sortOrder'] === 'ascending') items = items.reverse();
        return ok([{ messages: items.slice(page.offset, page.offset + page.pageSize) }], pageMeta(page, items.length));
    }
});

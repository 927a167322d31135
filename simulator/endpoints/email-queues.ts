// get-email-queues: inbound and outbound queue sizes, one point per hour of the window (default: the last
// 24 hours). Counts are a pure function of (seed, hour), so two calls for the same window agree.
import { DAY_MS, hash32 } from '../data.js';
import { Validator, formatDate, ok } from '../envelope.js';
import { defineEndpoint } from '../router.js';

const HOUR_MS = 3_600_000;
const MAX_POINTS = 24 * 31;

export default defineEndpoint({
    path: '/api/email/get-email-queues',
    handle(ctx) {
        const v = new Validator(ctx.item);
        const end = v.date('end') ?? ctx.now;
        const start = v.date('start') ?? end - DAY_MS;
        v.dateOrder('start', start, 'end', end);
        if (!v.ok) return v.fail();
        const first = Math.ceil(start / HOUR_MS) * HOUR_MS;
        const hours = Math.min(MAX_POINTS, Math.max(0, Math.floor((end - first) / HOUR_MS) + 1));
        const series = (kind: string) =>
            Array.from({ length: hours }, (_, i) => ({ date: formatDate(first + i * HOUR_MS), count: hash32(ctx.seed, kind, first + i * HOUR_MS) % 40 }));
        return ok([{ inboundEmailQueue: series('inbound'), outboundEmailQueue: series('outbound') }]);
    }
});

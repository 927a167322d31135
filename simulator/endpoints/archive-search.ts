// /api/archive/search: the archive searched with Mimecast's XML query, as public clients send it
// (`data[0].query`). The simulator reads the query's <text>, <date select="between" from to> and the
// metadata page-size; it matches the text (case-insensitive, `subject:` / `from:` / `to:` prefixes
// narrow the field) against archived (tracked) mail in the window and answers data[0].items[] with
// queryDuration, like the published sample. An unreadable query is a fail[] on `query`.
import { Validator, fail, formatDate, parseDate } from '../envelope.js';
import { defineEndpoint } from '../router.js';
import { trackedEmails } from './message-finder.js';

/** One search scans at most this many archived messages (the newest in the window). */
const MAX_SCAN = 5_000;

const attr = (xml: string, tag: string, name: string): string | undefined => new RegExp(`<${tag}\\b[^>]*\\s${name}="([^"]*)"`).exec(xml)?.[1];
const unescape = (s: string): string =>
    s
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&apos;/g, "'")
        .replace(/&amp;/g, '&');

export default defineEndpoint({
    path: '/api/archive/search',
    dataSets: [trackedEmails],
    handle(ctx) {
        const v = new Validator(ctx.item);
        const xml = v.string('query', { required: true });
        if (!v.ok || xml === undefined) return v.fail();
        const invalid = (message: string) => fail(ctx.item, [{ code: 'err_xml_query_invalid', message, field: 'query', retryable: false }]);
        if (!/<xmlquery\b/.test(xml) || !/<\/xmlquery>\s*$/.test(xml)) return invalid('query must be an <xmlquery> document');
        const text = unescape(/<text>([\s\S]*?)<\/text>/.exec(xml)?.[1] ?? '').trim();
        const select = attr(xml, 'date', 'select');
        const from = attr(xml, 'date', 'from');
        const to = attr(xml, 'date', 'to');
        const start = from !== undefined ? parseDate(from) : undefined;
        const end = to !== undefined ? parseDate(to) : undefined;
        if (select !== undefined && select !== 'between' && select !== 'last_year') return invalid(`date select="${select}" is not supported by the simulator`);
        if ((from !== undefined && start === undefined) || (to !== undefined && end === undefined))
            return invalid('date from/to must be dates like 2024-11-17T20:16:00+0000');
        const pageSize = Math.max(1, Math.min(100, Number(attr(xml, 'metadata', 'page-size') ?? 25) || 25));

        const m = /^(subject|from|to):\s*(.*)$/i.exec(text);
        const field = m?.[1]?.toLowerCase();
        const needle = (m?.[2] ?? text).toLowerCase();
        const series = ctx.series(trackedEmails);
        const windowStart = start ?? ctx.now - 365 * 86_400_000;
        const windowEnd = end ?? ctx.now;
        const { lo, hi } = series.range(windowStart, windowEnd + 1, ctx.now);
        const items: Record<string, unknown>[] = [];
        for (let k = hi - 1; k >= Math.max(lo, hi - MAX_SCAN) && items.length < pageSize; k--) {
            const { email, time } = series.record(k);
            const haystack =
                field === 'subject'
                    ? [email.subject]
                    : field === 'from'
                      ? [email.fromEnv.emailAddress]
                      : field === 'to'
                        ? email.to.map((t) => t.emailAddress)
                        : [email.subject, email.fromEnv.emailAddress, ...email.to.map((t) => t.emailAddress)];
            if (needle !== '' && !haystack.some((h) => h.toLowerCase().includes(needle))) continue;
            items.push({
                size: 2_000 + (k % 50_000),
                attachmentcount: email.attachments ? 1 : 0,
                subject: email.subject,
                displaytoaddresslist: email.to.map((t) => ({ displayableName: t.displayableName, emailAddress: t.emailAddress })),
                displayfrom: email.fromHdr.displayableName || email.fromEnv.emailAddress,
                displayfromaddress: email.fromEnv.emailAddress,
                id: `arch-${email.id}`,
                smash: `smash-${k}`,
                displayto: email.to[0]?.emailAddress ?? '',
                receiveddate: formatDate(time),
                status: 'ARCHIVED'
            });
        }
        return { status: 200, body: { meta: { pagination: { recordStart: 0, pageSize }, status: 200 }, data: [{ items, queryDuration: 12 }], fail: [] } };
    }
});

// Searches the email archive for what a playbook needs to find (text, `subject:`/`from:` terms) between
// two dates. Mimecast takes the search as an XML query; this builds one from the caller's text and dates,
// the way public clients do, and escapes the text so it cannot change the query's structure.
// https://developer.services.mimecast.com/docs/archivedataaccess/1/routes/api/archive/search/post
import { createAction } from 'nango';
import * as z from 'zod';

import { mimecastAction, parseInput } from '../helpers/actions.js';
import { callMimecast, isObject, MimecastError, recordsOf } from '../helpers/api.js';
import { optionalIsoUtc, toMimecastDate } from '../helpers/dates.js';
import { dateTimeMs, freeText, isoDateTime, wholeNumber } from '../helpers/inputs.js';
import { optionalNumber, optionalString, requiredString } from '../helpers/records.js';

const PATH = '/api/archive/search';
const MAX_RESULTS = 100;
const MAX_RANGE_DAYS = 3660;

const SearchArchiveInput = z
    .object({
        /** Mimecast search text, e.g. `invoice` or `subject: invoice` or `from: a@example.com`. */
        query: freeText(500),
        /** Earliest received date (ISO 8601). */
        start: isoDateTime,
        /** Latest received date (ISO 8601), after start. */
        end: isoDateTime,
        /** At most this many messages (default 25, at most 100). */
        limit: wholeNumber(1, MAX_RESULTS).optional()
    })
    .strict()
    .superRefine((input, ctx) => {
        const span = dateTimeMs(input.end) - dateTimeMs(input.start);
        if (span <= 0) {
            ctx.addIssue({ code: 'custom', path: ['end'], message: 'must be after start' });
        } else if (span > MAX_RANGE_DAYS * 86_400_000) {
            ctx.addIssue({ code: 'custom', path: ['end'], message: `must be at most ${MAX_RANGE_DAYS} days after start` });
        }
    });

const ArchivedMessage = z.object({
    id: z.string(),
    subject: z.string().optional(),
    from: z.string().optional(),
    to: z.array(z.string()),
    /** ISO 8601 UTC. */
    receivedDate: z.string().optional(),
    size: z.number().optional(),
    attachmentCount: z.number().optional(),
    /** e.g. ARCHIVED. */
    status: z.string().optional()
});

const SearchArchiveOutput = z.object({
    messages: z.array(ArchivedMessage),
    count: z.number(),
    /** Mimecast's own query time in milliseconds, when it reports one. */
    queryDurationMs: z.number().optional()
});

const RETURN_FIELDS = [
    'attachmentcount',
    'status',
    'subject',
    'size',
    'receiveddate',
    'displayfrom',
    'displayfromaddress',
    'id',
    'displayto',
    'displaytoaddresslist'
];

const action = createAction({
    description:
        'Searches the email archive with a text query between two dates and returns the matching messages (subject, sender, recipients, received date).',
    version: '1.0.0',
    scopes: ['Archive | Search | Read'],
    endpoint: { method: 'POST', path: '/archive/search', group: 'Investigation' },
    input: SearchArchiveInput,
    output: SearchArchiveOutput,

    exec: async (nango, rawInput) => {
        const input = parseInput(nango, SearchArchiveInput, rawInput);
        return mimecastAction(nango, async () => {
            const page = await callMimecast(nango, { path: PATH, data: { query: archiveQuery(input.query, input.start, input.end, input.limit ?? 25) } });
            const messages = recordsOf(page, 'items').map((raw) => {
                if (!isObject(raw)) {
                    throw new MimecastError({ code: 'malformed_response', message: `${PATH} returned an item that is not an object` });
                }
                return toArchivedMessage(raw);
            });
            const first = page.data[0];
            const queryDurationMs = isObject(first) ? optionalNumber(first, 'queryDuration') : undefined;
            return { messages, count: messages.length, ...(queryDurationMs !== undefined ? { queryDurationMs } : {}) };
        });
    }
});

/** The XML query: an email-archive search of `text` received between `start` and `end`. */
function archiveQuery(text: string, start: string, end: string, pageSize: number): string {
    const fields = RETURN_FIELDS.map((f) => `<return-field>${f}</return-field>`).join('');
    return (
        '<?xml version="1.0"?><xmlquery trace="iql,muse">' +
        `<metadata query-type="emailarchive" archive="true" active="false" page-size="${pageSize}" startrow="0">` +
        `<smartfolders/><return-fields>${fields}</return-fields></metadata>` +
        `<muse><text>${escapeXml(text)}</text><date select="between" from="${toMimecastDate(start)}" to="${toMimecastDate(end)}"/></muse>` +
        '</xmlquery>'
    );
}

function escapeXml(text: string): string {
    return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

function toArchivedMessage(raw: Record<string, unknown>): z.infer<typeof ArchivedMessage> {
    const toList = Array.isArray(raw['displaytoaddresslist']) ? raw['displaytoaddresslist'] : [];
    const to = toList.map((t) => (isObject(t) ? optionalString(t, 'emailAddress') : undefined)).filter((t): t is string => t !== undefined);
    const displayTo = optionalString(raw, 'displayto');
    return {
        id: requiredString(raw, 'id'),
        subject: optionalString(raw, 'subject'),
        from: optionalString(raw, 'displayfromaddress') ?? optionalString(raw, 'displayfrom'),
        to: to.length > 0 ? to : displayTo !== undefined ? [displayTo] : [],
        receivedDate: optionalIsoUtc(raw['receiveddate']),
        size: optionalNumber(raw, 'size'),
        attachmentCount: optionalNumber(raw, 'attachmentcount'),
        status: optionalString(raw, 'status')
    };
}

export type NangoActionLocal = Parameters<(typeof action)['exec']>[0];
export default action;

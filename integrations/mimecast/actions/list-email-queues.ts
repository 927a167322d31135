// Inbound and outbound delivery queue sizes over time: is mail backing up at the gateway?
// https://developer.services.mimecast.com/docs/cloudgateway/1/routes/api/email/get-email-queues/post
import { createAction } from 'nango';
import * as z from 'zod';

import { mimecastAction, parseInput } from '../helpers/actions.js';
import { callMimecast, isObject } from '../helpers/api.js';
import { optionalIsoUtc, toMimecastDate } from '../helpers/dates.js';
import { dateTimeMs, isoDateTime } from '../helpers/inputs.js';
import { optionalNumber } from '../helpers/records.js';

const PATH = '/api/email/get-email-queues';
/** A wider window is rejected before any call: queue history is a short-term operational view. */
const MAX_RANGE_DAYS = 31;

const ListEmailQueuesInput = z
    .object({
        /** Start of the window (ISO 8601); Mimecast's default when omitted. */
        start: isoDateTime.optional(),
        /** End of the window (ISO 8601), after start. */
        end: isoDateTime.optional()
    })
    .strict()
    .superRefine((input, ctx) => {
        if (input.start && input.end) {
            const span = dateTimeMs(input.end) - dateTimeMs(input.start);
            if (span <= 0) {
                ctx.addIssue({ code: 'custom', path: ['end'], message: 'must be after start' });
            } else if (span > MAX_RANGE_DAYS * 86_400_000) {
                ctx.addIssue({ code: 'custom', path: ['end'], message: `must be at most ${MAX_RANGE_DAYS} days after start` });
            }
        }
    });

const QueuePoint = z.object({
    /** ISO 8601 UTC. */
    date: z.string(),
    count: z.number()
});

const ListEmailQueuesOutput = z.object({
    inbound: z.array(QueuePoint),
    outbound: z.array(QueuePoint)
});

const action = createAction({
    description: 'Lists the inbound and outbound email queue sizes over a time window (mail waiting at the gateway).',
    version: '1.0.0',
    scopes: ['Account | Dashboard | Read'],
    endpoint: { method: 'POST', path: '/email-queues', group: 'Gateway' },
    input: ListEmailQueuesInput,
    output: ListEmailQueuesOutput,

    exec: async (nango, rawInput) => {
        const input = parseInput(nango, ListEmailQueuesInput, rawInput);
        return mimecastAction(nango, async () => {
            const page = await callMimecast(nango, {
                path: PATH,
                data: { start: input.start ? toMimecastDate(input.start) : undefined, end: input.end ? toMimecastDate(input.end) : undefined }
            });
            // Each data[] item carries inboundEmailQueue[] and outboundEmailQueue[] of {date, count}.
            const inbound: z.infer<typeof QueuePoint>[] = [];
            const outbound: z.infer<typeof QueuePoint>[] = [];
            for (const item of page.data) {
                if (!isObject(item)) {
                    continue;
                }
                inbound.push(...points(item['inboundEmailQueue']));
                outbound.push(...points(item['outboundEmailQueue']));
            }
            return { inbound, outbound };
        });
    }
});

/** One odd point (no date or count) is skipped rather than failing the whole answer. */
function points(value: unknown): z.infer<typeof QueuePoint>[] {
    if (!Array.isArray(value)) {
        return [];
    }
    return value.flatMap((raw) => {
        if (!isObject(raw)) {
            return [];
        }
        const date = optionalIsoUtc(raw['date']);
        const count = optionalNumber(raw, 'count');
        return date !== undefined && count !== undefined ? [{ date, count }] : [];
    });
}

export type NangoActionLocal = Parameters<(typeof action)['exec']>[0];
export default action;

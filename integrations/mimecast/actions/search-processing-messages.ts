// Messages still in Mimecast's processing queue (accepted, not yet delivered: retries, deferrals,
// scans waiting on a result), optionally narrowed by sender, recipient or subject, route and attachments.
// https://developer.services.mimecast.com/docs/cloudgateway/1/routes/api/gateway/find-processing-messages/post
import { createAction } from 'nango';
import * as z from 'zod';

import { mimecastAction, parseInput } from '../helpers/actions.js';
import { isObject, MimecastError, mimecastPages, recordsOf } from '../helpers/api.js';
import { optionalIsoUtc, toMimecastDate } from '../helpers/dates.js';
import { dateTimeMs, freeText, isoDateTime, wholeNumber } from '../helpers/inputs.js';
import { optionalBoolean, optionalNumber, optionalString, requiredString } from '../helpers/records.js';

const PATH = '/api/gateway/find-processing-messages';
const PAGE_SIZE = 100;
const MAX_LIMIT = 500;

const SearchProcessingMessagesInput = z
    .object({
        start: isoDateTime.optional(),
        end: isoDateTime.optional(),
        /** Which field `value` is matched against. */
        searchBy: z
            .object({
                fieldName: z.enum(['all', 'subject', 'sender', 'recipient']),
                value: freeText(255)
            })
            .strict()
            .optional(),
        route: z.enum(['all', 'internal', 'outbound', 'inbound', 'external']).optional(),
        /** Only messages with (true) or without (false) attachments. */
        attachments: z.boolean().optional(),
        sortOrder: z.enum(['ascending', 'descending']).optional(),
        /** At most this many messages (default 100, at most 500); `truncated` says when there were more. */
        limit: wholeNumber(1, MAX_LIMIT).optional()
    })
    .strict()
    .superRefine((input, ctx) => {
        if (input.start && input.end && dateTimeMs(input.end) < dateTimeMs(input.start)) {
            ctx.addIssue({ code: 'custom', path: ['end'], message: 'must not be before start' });
        }
    });

const ProcessingMessage = z.object({
    id: z.string(),
    /** Envelope sender. */
    fromEnvelope: z.string().optional(),
    fromHeader: z.string().optional(),
    to: z.string().optional(),
    subject: z.string().optional(),
    attachment: z.boolean().optional(),
    /** inbound, outbound or internal. */
    routing: z.string().optional(),
    size: z.number().optional(),
    remoteIp: z.string().optional(),
    /** Delivery attempts so far. */
    attempts: z.number().optional(),
    nextAttempt: z.string().optional(),
    created: z.string().optional(),
    /** Why the message is still queued, in Mimecast's words. */
    info: z.string().optional(),
    priority: z.string().optional()
});

const SearchProcessingMessagesOutput = z.object({
    messages: z.array(ProcessingMessage),
    count: z.number(),
    truncated: z.boolean()
});

const action = createAction({
    description:
        'Searches the messages still in processing (queued, retried or deferred, not yet delivered), by sender, recipient, subject, route and attachments.',
    version: '1.0.0',
    scopes: ['Monitoring | Processing | Read'],
    endpoint: { method: 'POST', path: '/processing-messages/search', group: 'Gateway' },
    input: SearchProcessingMessagesInput,
    output: SearchProcessingMessagesOutput,

    exec: async (nango, rawInput) => {
        const input = parseInput(nango, SearchProcessingMessagesInput, rawInput);
        const limit = input.limit ?? PAGE_SIZE;
        return mimecastAction(nango, async () => {
            const filterBy =
                input.route !== undefined || input.attachments !== undefined ? [{ route: input.route, attachments: input.attachments }] : undefined;
            const request = {
                path: PATH,
                pageSize: Math.min(PAGE_SIZE, limit),
                data: {
                    start: input.start ? toMimecastDate(input.start) : undefined,
                    end: input.end ? toMimecastDate(input.end) : undefined,
                    searchBy: input.searchBy,
                    // Sent as a list, as the public clients send it.
                    filterBy,
                    sortOrder: input.sortOrder
                }
            };
            const messages: z.infer<typeof ProcessingMessage>[] = [];
            let truncated = false;
            for await (const page of mimecastPages(nango, request)) {
                for (const raw of recordsOf(page, 'messages')) {
                    if (messages.length >= limit) {
                        truncated = true;
                        break;
                    }
                    if (!isObject(raw)) {
                        throw new MimecastError({ code: 'malformed_response', message: `${PATH} returned a message that is not an object` });
                    }
                    messages.push(toProcessingMessage(raw));
                }
                if (messages.length >= limit) {
                    truncated ||= page.next !== undefined;
                    break;
                }
            }
            return { messages, count: messages.length, truncated };
        });
    }
});

function address(value: unknown): string | undefined {
    return isObject(value) ? optionalString(value, 'emailAddress') : typeof value === 'string' && value !== '' ? value : undefined;
}

function toProcessingMessage(raw: Record<string, unknown>): z.infer<typeof ProcessingMessage> {
    return {
        id: requiredString(raw, 'id'),
        fromEnvelope: address(raw['fromEnv']),
        fromHeader: address(raw['fromHeader']),
        to: address(raw['to']),
        subject: optionalString(raw, 'subject'),
        attachment: optionalBoolean(raw, 'attachment'),
        routing: optionalString(raw, 'routing'),
        size: optionalNumber(raw, 'size'),
        remoteIp: optionalString(raw, 'remoteIp'),
        attempts: optionalNumber(raw, 'attempts'),
        nextAttempt: optionalIsoUtc(raw['nextAttempt']),
        created: optionalIsoUtc(raw['created']),
        info: optionalString(raw, 'info'),
        priority: optionalString(raw, 'priority')
    };
}

export type NangoActionLocal = Parameters<(typeof action)['exec']>[0];
export default action;

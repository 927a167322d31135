// Message finder (track and trace): where did a message go? By Message-ID, or by sender, recipient,
// subject, sender IP and route within a time range.
// https://developer.services.mimecast.com/docs/threatsandsecurityeventsdata/1/routes/api/message-finder/search/post
import { createAction } from 'nango';
import * as z from 'zod';

import { mimecastAction, parseInput } from '../helpers/actions.js';
import { mimecastPages, recordsOf } from '../helpers/api.js';
import { lenientIsoUtc } from '../helpers/dates.js';
import { emailAddressOrDomain, freeText, internetMessageId, ipAddress, isoDateTime } from '../helpers/inputs.js';
import { addressesOf, addressOf, endBeforeStart, toRequestDate } from '../helpers/messages.js';
import { describeSkipped, mapRecords, optionalBoolean, optionalNumber, optionalString, requiredString } from '../helpers/records.js';

const AdvancedTrackAndTraceOptions = z
    .object({
        /** Mimecast matches `from` and `to` against an email address or a whole domain. */
        from: emailAddressOrDomain.optional(),
        to: emailAddressOrDomain.optional(),
        /** At most 998 characters, the longest a header line can be (RFC 5322). */
        subject: freeText(998).optional(),
        senderIP: ipAddress.optional(),
        route: z.enum(['inbound', 'outbound', 'internal']).optional()
    })
    .strict();

const SearchMessagesInput = z
    .object({
        /** Earliest message time (ISO 8601 with a time zone). */
        start: isoDateTime.optional(),
        /** Latest message time; not before `start`. */
        end: isoDateTime.optional(),
        /** Required by accounts that enforce a search reason; recorded in Mimecast's search logs. */
        searchReason: freeText(500).optional(),
        /** The Message-ID header value, e.g. `<abc@example.com>`. Exclusive with advancedTrackAndTraceOptions. */
        messageId: internetMessageId.optional(),
        advancedTrackAndTraceOptions: AdvancedTrackAndTraceOptions.optional()
    })
    .strict()
    .superRefine((input, ctx) => {
        const advanced = Object.values(input.advancedTrackAndTraceOptions ?? {}).some((v) => v !== undefined);
        if (input.messageId !== undefined && input.advancedTrackAndTraceOptions !== undefined) {
            ctx.addIssue({
                code: 'custom',
                path: ['advancedTrackAndTraceOptions'],
                message: 'give either messageId or advancedTrackAndTraceOptions, not both'
            });
        } else if (input.messageId === undefined && !advanced) {
            ctx.addIssue({
                code: 'custom',
                path: ['messageId'],
                message: 'expected messageId or at least one of advancedTrackAndTraceOptions.from, to, subject, senderIP, route'
            });
        }
        if (endBeforeStart(input.start, input.end)) {
            ctx.addIssue({ code: 'custom', path: ['end'], message: 'expected end not to be before start' });
        }
    });

const TrackedEmail = z.object({
    id: z.string(),
    status: z.string().optional(),
    info: z.string().optional(),
    subject: z.string().optional(),
    /** Envelope sender. */
    from: z.string().optional(),
    /** From: header sender. */
    fromHeader: z.string().optional(),
    fromHeaderName: z.string().optional(),
    to: z.array(z.string()),
    senderIP: z.string().optional(),
    route: z.string().optional(),
    received: z.string().optional(),
    sent: z.string().optional(),
    attachments: z.boolean().optional(),
    spamScore: z.number().optional(),
    detectionLevel: z.string().optional()
});

const SearchMessagesOutput = z.object({
    messages: z.array(TrackedEmail),
    count: z.number()
});

const PATH = '/api/message-finder/search';

const action = createAction({
    description: 'Searches message tracking (message finder) by Message-ID, or by sender, recipient, subject, sender IP and route within a time range.',
    version: '1.0.0',
    scopes: ['Gateway | Tracking | Read'],
    endpoint: { method: 'POST', path: '/messages/search', group: 'Investigation' },
    input: SearchMessagesInput,
    output: SearchMessagesOutput,

    exec: async (nango, rawInput) => {
        const input = parseInput(nango, SearchMessagesInput, rawInput);
        return mimecastAction(nango, async () => {
            const messages: z.infer<typeof TrackedEmail>[] = [];
            const request = {
                path: PATH,
                data: {
                    start: input.start === undefined ? undefined : toRequestDate(input.start),
                    end: input.end === undefined ? undefined : toRequestDate(input.end),
                    searchReason: input.searchReason,
                    messageId: input.messageId,
                    advancedTrackAndTraceOptions: input.advancedTrackAndTraceOptions
                }
            };
            for await (const page of mimecastPages(nango, request, 'trackedEmails')) {
                // The one record guard: a tracked email that cannot be read is skipped and logged by its hash.
                const { records, skipped } = mapRecords(PATH, recordsOf(page, 'trackedEmails'), toTrackedEmail);
                if (skipped.length > 0) {
                    await nango.log(describeSkipped(PATH, skipped), { level: 'warn' });
                }
                messages.push(...records);
            }
            return { messages, count: messages.length };
        });
    }
});

/** `to` is an array of `{emailAddress, displayableName}` here (a single object in held messages). */
function toTrackedEmail(raw: Record<string, unknown>): z.infer<typeof TrackedEmail> {
    const fromHeader = addressOf(raw['fromHdr']);
    return {
        id: requiredString(raw, 'id'),
        status: optionalString(raw, 'status'),
        info: optionalString(raw, 'info'),
        subject: optionalString(raw, 'subject'),
        from: addressOf(raw['fromEnv']).email,
        fromHeader: fromHeader.email,
        fromHeaderName: fromHeader.name,
        to: addressesOf(raw['to']),
        // Published answers spell it senderIP; some clients read senderIp: accept both.
        senderIP: optionalString(raw, 'senderIP') ?? optionalString(raw, 'senderIp'),
        route: optionalString(raw, 'route'),
        received: lenientIsoUtc(raw['received']),
        sent: lenientIsoUtc(raw['sent']),
        attachments: optionalBoolean(raw, 'attachments'),
        spamScore: optionalNumber(raw, 'spamScore'),
        detectionLevel: optionalString(raw, 'detectionLevel')
    };
}

export type NangoActionLocal = Parameters<(typeof action)['exec']>[0];
export default action;

// Threat remediation: removes every message matching a file hash or a Message-ID from users' mailboxes
// and records it as an incident (restorable from the console).
// https://developer.services.mimecast.com/docs/threatsandsecurityeventsdata/1/routes/api/ttp/remediation/create/post
import { createAction } from 'nango';
import * as z from 'zod';

import { mimecastAction, parseInput } from '../helpers/actions.js';
import { callMimecast, firstItem } from '../helpers/api.js';
import { FILE_HASH, freeText, internetMessageId, isoDateTime, MESSAGE_ID_MAX } from '../helpers/inputs.js';
import { endBeforeStart, RemediationIncident, toRemediationIncident, toRequestDate } from '../helpers/messages.js';

const CreateRemediationIncidentInput = z
    .object({
        /** Why the messages are removed (shown on the incident). */
        reason: freeText(1000),
        /** An MD5, SHA-1 or SHA-256 hex digest when searchBy is `hash`; a Message-ID (`<...@...>`) when `messageId`. */
        hashOrMessageId: freeText(MESSAGE_ID_MAX),
        searchBy: z.enum(['hash', 'messageId']),
        /** Earliest message time to remediate (ISO 8601 with a time zone). */
        start: isoDateTime.optional(),
        /** Latest message time; not before `start`. */
        end: isoDateTime.optional()
    })
    .strict()
    .superRefine((input, ctx) => {
        if (input.searchBy === 'hash' && !FILE_HASH.test(input.hashOrMessageId)) {
            ctx.addIssue({
                code: 'custom',
                path: ['hashOrMessageId'],
                message: 'expected an MD5, SHA-1 or SHA-256 hex digest (32, 40 or 64 hex characters) when searchBy is hash'
            });
        } else if (input.searchBy === 'messageId' && !internetMessageId.safeParse(input.hashOrMessageId).success) {
            ctx.addIssue({
                code: 'custom',
                path: ['hashOrMessageId'],
                message: 'expected a Message-ID like <abc.123@mail.example.com> (RFC 5322, no spaces) when searchBy is messageId'
            });
        }
        if (endBeforeStart(input.start, input.end)) {
            ctx.addIssue({ code: 'custom', path: ['end'], message: 'expected end not to be before start' });
        }
    });

const PATH = '/api/ttp/remediation/create';

const action = createAction({
    description: 'Creates a threat remediation incident that removes the messages matching a file hash or a Message-ID from mailboxes.',
    version: '1.0.0',
    scopes: ['Services | Threat Remediation | Edit'],
    endpoint: { method: 'POST', path: '/remediation/incidents', group: 'Remediation' },
    input: CreateRemediationIncidentInput,
    output: RemediationIncident,

    exec: async (nango, rawInput) => {
        const input = parseInput(nango, CreateRemediationIncidentInput, rawInput);
        return mimecastAction(nango, async () => {
            const page = await callMimecast(nango, {
                path: PATH,
                data: {
                    reason: input.reason,
                    hashOrMessageId: input.hashOrMessageId,
                    searchBy: input.searchBy,
                    start: input.start === undefined ? undefined : toRequestDate(input.start),
                    end: input.end === undefined ? undefined : toRequestDate(input.end)
                }
            });
            return toRemediationIncident(firstItem(page, PATH));
        });
    }
});

export type NangoActionLocal = Parameters<(typeof action)['exec']>[0];
export default action;

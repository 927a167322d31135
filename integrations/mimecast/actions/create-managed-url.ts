// Adds a URL (or a whole domain) to URL Protect's managed list: block it for every user, or permit it.
// https://developer.services.mimecast.com/docs/threatsandsecurityeventsdata/1/routes/api/ttp/url/create-managed-url/post
import { createAction } from 'nango';
import * as z from 'zod';

import { mimecastAction, parseInput } from '../helpers/actions.js';
import { callMimecast, firstItem } from '../helpers/api.js';
import { freeText, httpUrl } from '../helpers/inputs.js';
import { ManagedUrl, toManagedUrl } from '../helpers/managed-urls.js';

const PATH = '/api/ttp/url/create-managed-url';
/** Mimecast applies these two flags to permitted URLs only; on a block they would be silently ignored. */
const PERMIT_ONLY_FLAGS: readonly ('disableRewrite' | 'disableUserAwareness')[] = ['disableRewrite', 'disableUserAwareness'];

const CreateManagedUrlInput = z
    .object({
        /** An http(s) URL of at most 2,048 characters. Mimecast rejects a #fragment: strip it before calling. */
        url: httpUrl().refine((u) => !u.includes('#'), 'must not contain a #fragment (Mimecast rejects it)'),
        action: z.enum(['block', 'permit']),
        /** explicit = this URL only; domain = every URL of its domain. Mimecast's default is explicit. */
        matchType: z.enum(['explicit', 'domain']).default('explicit'),
        /** Why the URL is managed (shown to administrators). An empty comment is not sent. */
        comment: freeText(1000, { allowBlank: true }).optional(),
        /** Permit only: do not rewrite this URL in messages. */
        disableRewrite: z.boolean().optional(),
        /** Permit only: no user-awareness challenge for this URL. */
        disableUserAwareness: z.boolean().optional(),
        /** Do not log clicks on this URL. */
        disableLogClick: z.boolean().optional()
    })
    .strict()
    .superRefine((input, ctx) => {
        for (const flag of PERMIT_ONLY_FLAGS) {
            if (input[flag] === true && input.action !== 'permit') {
                ctx.addIssue({ code: 'custom', path: [flag], message: 'applies only when action is permit' });
            }
        }
    });

const action = createAction({
    description: 'Creates a managed URL in URL Protect: blocks or permits one URL (explicit) or its whole domain. Returns the entry with its id.',
    version: '1.0.1',
    scopes: ['Services | Targeted Threat Protection - URL Protect | Edit'],
    endpoint: { method: 'POST', path: '/managed-urls', group: 'URL Protect' },
    input: CreateManagedUrlInput,
    output: ManagedUrl,

    exec: async (nango, rawInput) => {
        const input = parseInput(nango, CreateManagedUrlInput, rawInput);
        return mimecastAction(nango, async () => {
            // callMimecast drops undefined and blank values (an empty comment is not sent).
            const page = await callMimecast(nango, {
                path: PATH,
                data: {
                    url: input.url,
                    action: input.action,
                    matchType: input.matchType,
                    comment: input.comment,
                    disableRewrite: input.disableRewrite,
                    disableUserAwareness: input.disableUserAwareness,
                    disableLogClick: input.disableLogClick
                }
            });
            return toManagedUrl(firstItem(page, PATH));
        });
    }
});

export type NangoActionLocal = Parameters<(typeof action)['exec']>[0];
export default action;

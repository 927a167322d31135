// Managed senders: one request behind both `block-sender` and `permit-sender`. Mimecast takes the
// decision as `action` and answers with the entry it stored (`type` is "Block" or "Permit").
// https://developer.services.mimecast.com/docs/threatsandsecurityeventsdata/1/routes/api/managedsender/permit-or-block-sender/post
import * as z from 'zod';

import { callMimecast, firstItem } from './api.js';
import type { MimecastNango } from './api.js';
import { emailAddress } from './inputs.js';
import { optionalString, requiredString } from './records.js';

export const MANAGED_SENDER_PATH = '/api/managedsender/permit-or-block-sender';

/** What both actions accept: one sender address for one internal recipient. */
export const ManagedSenderInput = z
    .object({
        /** The external sender to block or permit. */
        sender: emailAddress,
        /** The internal recipient the decision applies to. */
        to: emailAddress
    })
    .strict();
export type ManagedSenderInput = z.infer<typeof ManagedSenderInput>;

export const ManagedSender = z.object({
    id: z.string(),
    sender: z.string(),
    to: z.string(),
    /** What Mimecast now does with mail from `sender` to `to`. */
    action: z.enum(['block', 'permit'])
});
export type ManagedSender = z.infer<typeof ManagedSender>;

/** Blocks or permits `sender` for `to` and returns the managed-sender entry Mimecast stored. */
export async function permitOrBlockSender(nango: MimecastNango, input: ManagedSenderInput, action: 'block' | 'permit'): Promise<ManagedSender> {
    const page = await callMimecast(nango, { path: MANAGED_SENDER_PATH, data: { sender: input.sender, to: input.to, action } });
    const raw = firstItem(page, MANAGED_SENDER_PATH);
    // Mimecast answers `type: "Block" | "Permit"`; echo the request when it leaves it out.
    const type = optionalString(raw, 'type')?.toLowerCase();
    return {
        id: requiredString(raw, 'id'),
        sender: optionalString(raw, 'sender') ?? input.sender,
        to: optionalString(raw, 'to') ?? input.to,
        action: type === 'block' || type === 'permit' ? type : action
    };
}

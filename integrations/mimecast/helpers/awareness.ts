// Awareness Training (company endpoints and phishing campaigns): shared reading of the per-user
// records. The company endpoints answer a flat data[] per user, paged with meta.pagination.next.
// Field names as Microsoft Sentinel's Mimecast Awareness Training connector stores them (its parsers
// read email, name, department, userState, numCorrect, watchlistCount, emailAddress, risk, ...); no
// published response body shows them, so every field but the address is optional.
// https://developer.services.mimecast.com/docs/awarenesstraining/1/overview
import * as z from 'zod';

import { optionalString, requiredString } from './records.js';

export const AWARENESS_PAGE_SIZE = 100;
export const AWARENESS_SCOPE = 'Awareness Training | Read';

/** The fields every per-user record has: the user's address (lower-cased as its id), name, department and state. */
export const AwarenessUserFields = {
    /** The user's email address, lower-cased. */
    id: z.string(),
    email: z.string(),
    name: z.string().optional(),
    department: z.string().optional(),
    userState: z.string().optional()
};

/** Those fields of a per-user record (`email` on most endpoints, `emailAddress` on SAFE scores). */
export function awarenessUser(raw: Record<string, unknown>): AwarenessUser {
    const email = requiredString(raw, ['email', 'emailAddress']);
    return {
        id: email.toLowerCase(),
        email,
        name: optionalString(raw, 'name'),
        department: optionalString(raw, 'department'),
        userState: optionalString(raw, 'userState')
    };
}

interface AwarenessUser {
    id: string;
    email: string;
    name: string | undefined;
    department: string | undefined;
    userState: string | undefined;
}

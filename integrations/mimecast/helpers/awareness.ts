// Awareness Training (company endpoints and phishing campaigns): shared reading of the per-user
// records. The company endpoints answer a flat data[] per user, paged with meta.pagination.next.
// Field names as Microsoft Sentinel's Mimecast Awareness Training connector stores them (its parsers
// read email, name, department, userState, numCorrect, watchlistCount, emailAddress, risk, ...); no
// published response body shows them, so every field but the address is optional.
// https://developer.services.mimecast.com/docs/awarenesstraining/1/overview
import { requiredString } from './records.js';

export const AWARENESS_PAGE_SIZE = 100;
export const AWARENESS_SCOPE = 'Awareness Training | Read';

/** A user record's address, lower-cased as its stable id (`email` on most endpoints, `emailAddress` on SAFE scores). */
export function awarenessUserId(raw: Record<string, unknown>): { id: string; email: string } {
    const email = requiredString(raw, ['email', 'emailAddress']);
    return { id: email.toLowerCase(), email };
}

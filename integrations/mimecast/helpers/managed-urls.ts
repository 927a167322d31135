// Managed URLs (URL Protect's block and permit list): one mapping shared by the `managed-urls` sync
// and the `create-managed-url` action, so both describe an entry the same way.
// https://developer.services.mimecast.com/docs/threatsandsecurityeventsdata/1/routes/api/ttp/url/get-all-managed-urls/post
import * as z from 'zod';

import { optionalBoolean, optionalNumber, optionalString, requiredString } from './records.js';

/** A managed URL as the `managed-urls` sync saves it and `create-managed-url` returns it. */
export const ManagedUrl = z.object({
    id: z.string(),
    /** scheme://domain[:port]path[?query], rebuilt from Mimecast's parts, for display and matching. */
    url: z.string(),
    scheme: z.string().optional(),
    domain: z.string(),
    port: z.number().optional(),
    path: z.string().optional(),
    queryString: z.string().optional(),
    /** explicit (this URL only) or domain (every URL of the domain). */
    matchType: z.string().optional(),
    /** block or permit. */
    action: z.string().optional(),
    comment: z.string().optional(),
    disableRewrite: z.boolean().optional(),
    disableUserAwareness: z.boolean().optional(),
    disableLogClick: z.boolean().optional()
});
export type ManagedUrl = z.infer<typeof ManagedUrl>;

/** Mimecast's record, flat in `data[]`. Blank strings and the "no port" value -1 are omitted. */
export function toManagedUrl(raw: Record<string, unknown>): ManagedUrl {
    const scheme = optionalString(raw, 'scheme');
    const domain = requiredString(raw, 'domain');
    const rawPort = optionalNumber(raw, 'port');
    const port = rawPort !== undefined && rawPort >= 0 ? rawPort : undefined;
    const path = optionalString(raw, 'path');
    const queryString = optionalString(raw, 'queryString');
    const url = `${scheme ? `${scheme}://` : ''}${domain}${port !== undefined ? `:${port}` : ''}${path ?? ''}${queryString ? `?${queryString}` : ''}`;
    return {
        id: requiredString(raw, 'id'),
        url,
        scheme,
        domain,
        port,
        path,
        queryString,
        matchType: optionalString(raw, 'matchType'),
        action: optionalString(raw, 'action'),
        comment: optionalString(raw, 'comment'),
        disableRewrite: optionalBoolean(raw, 'disableRewrite'),
        disableUserAwareness: optionalBoolean(raw, 'disableUserAwareness'),
        disableLogClick: optionalBoolean(raw, 'disableLogClick')
    };
}

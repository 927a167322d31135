// Managed URLs (URL Protect's block and permit list): one mapping shared by the `managed-urls` sync
// and the `create-managed-url` action, so both describe an entry the same way.
// https://developer.services.mimecast.com/docs/threatsandsecurityeventsdata/1/routes/api/ttp/url/get-all-managed-urls/post
import { optionalBoolean, optionalNumber, optionalString, requiredString } from './records.js';

export interface ManagedUrlFields {
    id: string;
    /** The URL rebuilt from its parts (scheme://domain[:port]path[?query]), for display and matching. */
    url: string;
    scheme?: string | undefined;
    domain: string;
    port?: number | undefined;
    path?: string | undefined;
    queryString?: string | undefined;
    matchType?: string | undefined;
    action?: string | undefined;
    comment?: string | undefined;
    disableRewrite?: boolean | undefined;
    disableUserAwareness?: boolean | undefined;
    disableLogClick?: boolean | undefined;
}

/** Mimecast's record, flat in `data[]`. Blank strings and the "no port" value -1 are omitted. */
export function toManagedUrl(raw: Record<string, unknown>): ManagedUrlFields {
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

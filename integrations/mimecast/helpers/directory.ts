// The Mimecast directory read by the users, groups and group-members syncs and the directory actions:
// one place that knows the endpoints, where their records sit and how a raw record maps.
// https://developer.services.mimecast.com/docs/cloudgateway/1/routes/api/directory/find-groups/post
import * as z from 'zod';

import { listAll } from './full-refresh.js';
import type { ListPage } from './full-refresh.js';
import type { MimecastNango } from './api.js';
import { optionalBoolean, optionalNumber, optionalString, requiredString } from './records.js';
import { MimecastError } from './api.js';

/** Directory lists page at Mimecast's common default. */
export const DIRECTORY_PAGE_SIZE = 100;

/** find-groups searches one directory per call and defaults to `cloud`: every group = both sources. */
export const GroupSource = z.enum(['cloud', 'ldap']);
export type GroupSource = z.infer<typeof GroupSource>;
export const GROUP_SOURCES = GroupSource.options;

/** An internal domain, as `list-internal-domains` returns it. */
export const InternalDomain = z.object({
    id: z.string(),
    domain: z.string(),
    inboundType: z.string().optional(),
    local: z.boolean().optional(),
    sendOnly: z.boolean().optional()
});
export type InternalDomain = z.infer<typeof InternalDomain>;

/** A directory group (Mimecast "folder"), as the `groups` sync saves it and the group actions return it. */
export const Group = z.object({
    id: z.string(),
    description: z.string(),
    /** `cloud` (created in Mimecast) or `ldap` (synchronised from a directory). */
    source: z.string().optional(),
    parentId: z.string().optional(),
    userCount: z.number().optional(),
    folderCount: z.number().optional()
});
export type Group = z.infer<typeof Group>;

export function toInternalDomain(raw: Record<string, unknown>): InternalDomain {
    const domain = requiredString(raw, 'domain').toLowerCase();
    return {
        // Mimecast's domain id when it sends one; the domain name is unique per account otherwise.
        id: optionalString(raw, 'id') ?? domain,
        domain,
        inboundType: optionalString(raw, 'inboundType'),
        local: optionalBoolean(raw, 'local'),
        sendOnly: optionalBoolean(raw, 'sendOnly')
    };
}

export function toGroup(raw: Record<string, unknown>): Group {
    return {
        id: requiredString(raw, 'id'),
        description: requiredString(raw, 'description'),
        source: optionalString(raw, 'source'),
        parentId: optionalString(raw, 'parentId'),
        userCount: optionalNumber(raw, 'userCount'),
        folderCount: optionalNumber(raw, 'folderCount')
    };
}

/** Every internal domain of the account (flat `data[]`), page by page. */
export function listInternalDomains(nango: MimecastNango): AsyncGenerator<ListPage<InternalDomain>> {
    return listAll(nango, { path: '/api/domain/get-internal-domain', pageSize: DIRECTORY_PAGE_SIZE, toRecord: toInternalDomain });
}

/** Groups (directory folders, `data[0].folders`) matching the filters, page by page. */
export function findGroups(nango: MimecastNango, filters: { query?: string | undefined; source: GroupSource }): AsyncGenerator<ListPage<Group>> {
    return listAll(nango, { path: '/api/directory/find-groups', data: { ...filters }, recordsIn: 'folders', pageSize: DIRECTORY_PAGE_SIZE, toRecord: toGroup });
}

/** Every group of the account: the cloud directory, then the LDAP-synchronised one. */
export async function* listAllGroups(nango: MimecastNango, sources: readonly GroupSource[] = GROUP_SOURCES): AsyncGenerator<ListPage<Group>> {
    for (const source of sources) {
        yield* findGroups(nango, { source });
    }
}

/**
 * Connection metadata of the group syncs. `groupSources` narrows which directories are listed
 * (default both): a tenant without LDAP can set `["cloud"]` should Mimecast refuse the LDAP query.
 */
// Loose: a connection has one metadata object for all syncs, so keys other syncs read must pass here.
export const GroupSyncMetadata = z.looseObject({
    groupSources: z.array(GroupSource).min(1).optional()
});

/** The group sources the connection's metadata asks for; an unreadable value falls back to both. */
export async function groupSourcesOf(nango: { getMetadata(): Promise<unknown> }): Promise<readonly GroupSource[]> {
    const parsed = GroupSyncMetadata.safeParse((await nango.getMetadata()) ?? {});
    return (parsed.success ? parsed.data.groupSources : undefined) ?? GROUP_SOURCES;
}

/** `emailAddress` or `domain` of a member, lower-cased: what identifies it inside its group. */
export function memberKey(raw: Record<string, unknown>, path: string): string {
    const key = optionalString(raw, 'emailAddress') ?? optionalString(raw, 'domain');
    if (!key) {
        throw new MimecastError({ code: 'malformed_response', message: `${path} returned a member with neither emailAddress nor domain` });
    }
    return key.toLowerCase();
}

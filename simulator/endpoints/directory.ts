import { DAY_MS, hash32, mintId, Rng, type SeriesSpec } from '../data.js';
import { Validator, fail, ok, openPage, pageMeta, type Item, type Reply } from '../envelope.js';
import { defineEndpoint, type HandlerContext } from '../router.js';
import { ACCOUNT } from './account.js';
import { TENANT_DOMAIN, tenantUser } from './audit-events.js';

/*
 * The directory: internal domains, internal users, groups (Mimecast "folders") and their members.
 * Users are a pure function of their index (the primary domain holds exactly tenantUser(0..n-1), the
 * same people the account's userCount and the audit events speak of); groups and members start
 * deterministic and then live in per-simulator state, so create-group / add / remove-group-member
 * change what find-groups and get-group-members return next.
 */

// Sizes are configured like any data set (`sizes: { internalUsers: 5000, directoryGroups: 100 }`);
// these specs only carry the size, the records are not a time series.
export const internalUsers: SeriesSpec<number> = { name: 'internalUsers', defaultSize: ACCOUNT.userCount, retentionMs: DAY_MS, make: ({ k }) => k };
export const directoryGroups: SeriesSpec<number> = { name: 'directoryGroups', defaultSize: 30, retentionMs: DAY_MS, make: ({ k }) => k };

export const ALIAS_DOMAIN = 'simulated-tenant.co.example';
export const SHARED_DOMAIN = 'mail.simulated-tenant.example';
/** Every 10th user also has an address at the alias domain. */
const ALIAS_EVERY = 10;
const SHARED_NAMES = ['support', 'sales', 'billing', 'hr', 'it-helpdesk', 'finance', 'legal', 'marketing', 'press', 'careers'];

interface InternalDomain {
    id: string;
    domain: string;
    inboundType: string;
    local: boolean;
    sendOnly: boolean;
}

export const INTERNAL_DOMAINS: readonly InternalDomain[] = [
    { id: 'eNo1dom-primary', domain: TENANT_DOMAIN, inboundType: 'known', local: true, sendOnly: false },
    { id: 'eNo1dom-alias', domain: ALIAS_DOMAIN, inboundType: 'known', local: true, sendOnly: false },
    { id: 'eNo1dom-shared', domain: SHARED_DOMAIN, inboundType: 'known', local: true, sendOnly: true }
];
const isInternal = (domain: string): boolean => INTERNAL_DOMAINS.some((d) => d.domain === domain.toLowerCase());

interface InternalUser {
    emailAddress: string;
    name: string;
    domain: string;
    alias: boolean;
    addressType: string;
    /** `cloud` in every published sample (created in Mimecast); directory-synchronised users would say otherwise. */
    source: string;
}

/** Directory person i: tenantUser(i) while the name lattice lasts, then numbered variants. */
export function directoryUser(i: number): { email: string; name: string } {
    const base = tenantUser(i % ACCOUNT.userCount);
    const round = Math.floor(i / ACCOUNT.userCount);
    if (round === 0) return base;
    const [local, domain] = base.email.split('@') as [string, string];
    return { email: `${local}${round + 1}@${domain}`, name: `${base.name} ${round + 1}` };
}

/** How many users a domain lists, and user j of it. */
function domainUsers(domain: string, size: number): { count: number; at(j: number): InternalUser } {
    switch (domain) {
        case TENANT_DOMAIN:
            return {
                count: size,
                at: (j) => ({
                    emailAddress: directoryUser(j).email,
                    name: directoryUser(j).name,
                    domain,
                    alias: false,
                    addressType: 'internal',
                    source: 'cloud'
                })
            };
        case ALIAS_DOMAIN:
            return {
                count: Math.ceil(size / ALIAS_EVERY),
                at: (j) => {
                    const u = directoryUser(j * ALIAS_EVERY);
                    return {
                        emailAddress: `${u.email.split('@')[0]}@${ALIAS_DOMAIN}`,
                        name: u.name,
                        domain,
                        alias: true,
                        addressType: 'alias',
                        source: 'cloud'
                    };
                }
            };
        case SHARED_DOMAIN:
            return {
                count: size === 0 ? 0 : Math.max(1, Math.ceil(size / 100)),
                at: (j) => {
                    const name = `${SHARED_NAMES[j % SHARED_NAMES.length]!}${j >= SHARED_NAMES.length ? `-${Math.floor(j / SHARED_NAMES.length) + 1}` : ''}`;
                    return {
                        emailAddress: `${name}@${SHARED_DOMAIN}`,
                        name: `Shared mailbox ${name}`,
                        domain,
                        alias: false,
                        addressType: 'internal',
                        source: 'cloud'
                    };
                }
            };
        default:
            return { count: 0, at: () => ({ emailAddress: '', name: '', domain, alias: false, addressType: 'internal', source: 'cloud' }) };
    }
}

// ---------------------------------------------------------------- groups state

export interface GroupMember {
    emailAddress?: string;
    domain: string;
    name?: string;
    type: string;
    internal: boolean;
    notes?: string;
}

interface SimGroup {
    id: string;
    description: string;
    source: 'cloud' | 'ldap';
    parentId?: string;
    /** Generated lazily from `k` on first use; then mutated by add/remove. */
    members?: GroupMember[];
    k?: number;
}

interface DirectoryState {
    groups: Map<string, SimGroup>;
    created: number;
}

const GROUP_NAMES = [
    'All Staff',
    'Finance',
    'Human Resources',
    'IT Administrators',
    'Executives',
    'Sales',
    'Marketing',
    'Legal',
    'Blocked Senders',
    'Permitted Senders',
    'Engineering',
    'Support',
    'VIP Protection',
    'Remote Workers',
    'Contractors'
];
const EXTERNAL_DOMAINS = ['phish-example.net', 'spam-example.org', 'partner-example.com', 'supplier-example.co', 'newsletter-example.io'];
const TOP_LEVEL = 8;

const groupId = (seed: number, key: string): string => mintId('eNo1', `group:${seed}:${key}`);
/** A member's id in its group: the same member of the same group always has the same id. */
const memberIdIn = (ofGroup: string, key: string): string => mintId('eNo1', `member:${ofGroup}:${key}`, 32);
/** The directory's root folder: the parentId of every top-level group (as in published answers), never listed itself. */
const rootFolderId = (seed: number): string => groupId(seed, 'root');

function initialGroups(seed: number, count: number): DirectoryState {
    const groups = new Map<string, SimGroup>();
    const ids: string[] = [];
    for (let k = 0; k < count; k++) {
        const id = groupId(seed, String(k));
        ids.push(id);
        const name = GROUP_NAMES[k % GROUP_NAMES.length]!;
        const round = Math.floor(k / GROUP_NAMES.length);
        const group: SimGroup = { id, description: round === 0 ? name : `${name} ${round + 1}`, source: k % 4 === 3 ? 'ldap' : 'cloud', k };
        if (k >= TOP_LEVEL) group.parentId = ids[k % TOP_LEVEL]!;
        groups.set(id, group);
    }
    return { groups, created: 0 };
}

/** The starting members of group k: tenant users, or external senders and domains for sender lists. */
function initialMembers(seed: number, k: number, description: string, source: 'cloud' | 'ldap', userCount: number): GroupMember[] {
    const rng = new Rng(hash32(seed, 'groupMembers', k));
    const type = source === 'ldap' ? 'ldap' : 'created_manually';
    if (/Senders/.test(description)) {
        const out: GroupMember[] = [];
        for (const domain of EXTERNAL_DOMAINS.slice(0, 1 + rng.int(EXTERNAL_DOMAINS.length)))
            out.push({ domain, type, internal: false, notes: 'Added by the security team' });
        for (let j = 0, n = rng.int(12); j < n; j++) {
            const domain = rng.pick(EXTERNAL_DOMAINS);
            out.push({ emailAddress: `sender${j + 1}@${domain}`, domain, type, internal: false });
        }
        return out;
    }
    // "All Staff" is larger than one page (150); other groups hold up to 40 people.
    const count = Math.min(userCount, k === 0 ? 150 : rng.int(41));
    const start = rng.int(Math.max(1, userCount));
    return Array.from({ length: count }, (_, j) => (start + j) % userCount).map((i) => {
        const u = directoryUser(i);
        return { emailAddress: u.email, domain: TENANT_DOMAIN, name: u.name, type, internal: true };
    });
}

export function directory(ctx: HandlerContext): DirectoryState {
    return ctx.state('directory', () => initialGroups(ctx.seed, ctx.series(directoryGroups).size));
}

function membersOf(ctx: HandlerContext, group: SimGroup): GroupMember[] {
    if (!group.members) {
        group.members = group.k === undefined ? [] : initialMembers(ctx.seed, group.k, group.description, group.source, ctx.series(internalUsers).size);
    }
    return group.members;
}

export function folder(ctx: HandlerContext, state: DirectoryState, g: SimGroup): Item {
    let folderCount = 0;
    for (const other of state.groups.values()) if (other.parentId === g.id) folderCount++;
    return {
        id: g.id,
        description: g.description,
        source: g.source,
        parentId: g.parentId ?? rootFolderId(ctx.seed),
        userCount: membersOf(ctx, g).length,
        folderCount
    };
}

const memberKey = (m: GroupMember): string => (m.emailAddress ?? m.domain).toLowerCase();
const EMAIL_RE = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

/** The group named by `id`, or the fail reply. */
export function findGroup(ctx: HandlerContext, v: Validator, field = 'id'): SimGroup | Reply {
    const id = v.string(field, { required: field === 'id' });
    if (!v.ok) return v.fail();
    const group = id === undefined ? undefined : directory(ctx).groups.get(id);
    if (!group) return fail(ctx.item, [{ code: 'err_folder_not_found', message: `No group with id ${id ?? ''}`, field, retryable: false }]);
    return group;
}
export const isReplyValue = (v: unknown): v is Reply => typeof v === 'object' && v !== null && 'status' in v && 'body' in v;

/** emailAddress xor domain, validated; or the fail reply. */
function memberTarget(v: Validator): { emailAddress?: string; domain?: string } | Reply {
    const emailAddress = v.string('emailAddress');
    const domain = v.string('domain');
    if (v.ok && emailAddress === undefined && domain === undefined) v.add('emailAddress', 'err_validation_missing', 'emailAddress or domain is required');
    if (v.ok && emailAddress !== undefined && domain !== undefined) v.add('domain', 'err_validation_invalid_value', 'give emailAddress or domain, not both');
    if (emailAddress !== undefined && !EMAIL_RE.test(emailAddress))
        v.add('emailAddress', 'err_validation_invalid_value', 'emailAddress must be an email address');
    if (domain !== undefined && !/^[^@\s]+\.[^@\s]+$/.test(domain)) v.add('domain', 'err_validation_invalid_value', 'domain must be a domain name');
    if (!v.ok) return v.fail();
    return emailAddress !== undefined ? { emailAddress } : { domain: domain! };
}

/** The fail reply to a member change in an LDAP group: its members come from the directory. */
const readOnlyGroup = (item: Item): Reply =>
    fail(item, [
        { code: 'err_folder_read_only', message: 'LDAP groups are synchronised from the directory and cannot be changed', field: 'id', retryable: false }
    ]);

// ---------------------------------------------------------------- endpoints

const getInternalDomain = defineEndpoint({
    path: '/api/domain/get-internal-domain',
    handle(ctx) {
        const page = openPage(ctx.request, ctx.path, ctx.item, 500);
        if ('code' in page) return fail(ctx.item, [page]);
        return ok(INTERNAL_DOMAINS.slice(page.offset, page.offset + page.pageSize), pageMeta(page, INTERNAL_DOMAINS.length));
    }
});

const getInternalUsers = defineEndpoint({
    path: '/api/user/get-internal-users',
    dataSets: [internalUsers],
    handle(ctx) {
        const v = new Validator(ctx.item);
        const domain = v.string('domain', { required: true })?.toLowerCase();
        const query = v.string('query')?.toLowerCase();
        if (!v.ok || domain === undefined) return v.fail();
        if (!isInternal(domain))
            return fail(ctx.item, [
                { code: 'err_domain_not_found', message: `${domain} is not an internal domain of this account`, field: 'domain', retryable: false }
            ]);
        const page = openPage(ctx.request, ctx.path, ctx.item, 500);
        if ('code' in page) return fail(ctx.item, [page]);
        const users = domainUsers(domain, ctx.series(internalUsers).size);
        let items: InternalUser[] = [];
        let total = users.count;
        if (query === undefined) {
            for (let j = page.offset; j < Math.min(users.count, page.offset + page.pageSize); j++) items.push(users.at(j));
        } else {
            const all: InternalUser[] = [];
            for (let j = 0; j < users.count; j++) {
                const u = users.at(j);
                if (`${u.emailAddress} ${u.name}`.toLowerCase().includes(query)) all.push(u);
            }
            total = all.length;
            items = all.slice(page.offset, page.offset + page.pageSize);
        }
        return ok([{ users: items, userCount: total }], pageMeta(page, total));
    }
});

const findGroups = defineEndpoint({
    path: '/api/directory/find-groups',
    dataSets: [directoryGroups],
    handle(ctx) {
        const v = new Validator(ctx.item);
        const query = v.string('query')?.toLowerCase();
        // Mimecast searches the cloud directory unless asked for the LDAP one.
        const source = v.string('source', { oneOf: ['cloud', 'ldap'] }) ?? 'cloud';
        if (!v.ok) return v.fail();
        const page = openPage(ctx.request, ctx.path, ctx.item, 500);
        if ('code' in page) return fail(ctx.item, [page]);
        const state = directory(ctx);
        const matching = [...state.groups.values()].filter((g) => g.source === source && (query === undefined || g.description.toLowerCase().includes(query)));
        const folders = matching.slice(page.offset, page.offset + page.pageSize).map((g) => folder(ctx, state, g));
        return ok([{ source, folders }], pageMeta(page, matching.length));
    }
});

const getGroupMembers = defineEndpoint({
    path: '/api/directory/get-group-members',
    handle(ctx) {
        const v = new Validator(ctx.item);
        const group = findGroup(ctx, v);
        if (isReplyValue(group)) return group;
        const page = openPage(ctx.request, ctx.path, ctx.item, 500);
        if ('code' in page) return fail(ctx.item, [page]);
        const members = membersOf(ctx, group);
        return ok(
            [{ group: folder(ctx, directory(ctx), group), groupMembers: members.slice(page.offset, page.offset + page.pageSize) }],
            pageMeta(page, members.length)
        );
    }
});

const createGroup = defineEndpoint({
    path: '/api/directory/create-group',
    handle(ctx) {
        const v = new Validator(ctx.item);
        const description = v.string('description', { required: true });
        if (!v.ok || description === undefined) return v.fail();
        const state = directory(ctx);
        let parentId: string | undefined;
        if (ctx.item['parentId'] !== undefined) {
            const parent = findGroup(ctx, v, 'parentId');
            if (isReplyValue(parent)) return parent;
            parentId = parent.id;
        }
        state.created += 1;
        const group: SimGroup = {
            id: groupId(ctx.seed, `created:${state.created}`),
            description,
            source: 'cloud',
            members: [],
            ...(parentId ? { parentId } : {})
        };
        state.groups.set(group.id, group);
        return ok([folder(ctx, state, group)]);
    }
});

const addGroupMember = defineEndpoint({
    path: '/api/directory/add-group-member',
    handle(ctx) {
        const v = new Validator(ctx.item);
        const group = findGroup(ctx, v);
        if (isReplyValue(group)) return group;
        const target = memberTarget(v);
        if (isReplyValue(target)) return target;
        const notes = v.string('notes');
        if (!v.ok) return v.fail();
        if (group.source === 'ldap') return readOnlyGroup(ctx.item);
        const members = membersOf(ctx, group);
        const domain = (target.domain ?? target.emailAddress!.split('@')[1]!).toLowerCase();
        const member: GroupMember = { ...target, domain, type: 'created_manually', internal: isInternal(domain), ...(notes ? { notes } : {}) };
        const key = memberKey(member);
        // Adding an existing member is accepted and changes nothing.
        const existing = members.find((m) => memberKey(m) === key);
        if (!existing) members.push(member);
        const memberId = memberIdIn(group.id, key);
        const shown = existing ?? member;
        return ok([
            {
                id: memberId,
                folderId: group.id,
                ...(shown.emailAddress ? { emailAddress: shown.emailAddress } : { domain: shown.domain }),
                internal: shown.internal
            }
        ]);
    }
});

const removeGroupMember = defineEndpoint({
    path: '/api/directory/remove-group-member',
    handle(ctx) {
        const v = new Validator(ctx.item);
        const group = findGroup(ctx, v);
        if (isReplyValue(group)) return group;
        const target = memberTarget(v);
        if (isReplyValue(target)) return target;
        if (group.source === 'ldap') return readOnlyGroup(ctx.item);
        const members = membersOf(ctx, group);
        const key = (target.emailAddress ?? target.domain!).toLowerCase();
        // A domain entry and an address entry are different members: match on the kind given.
        const index = members.findIndex(
            (m) => (target.emailAddress !== undefined ? m.emailAddress !== undefined : m.emailAddress === undefined) && memberKey(m) === key
        );
        if (index < 0)
            return fail(ctx.item, [
                {
                    code: 'err_member_not_found',
                    message: `${key} is not a member of this group`,
                    field: target.emailAddress !== undefined ? 'emailAddress' : 'domain',
                    retryable: false
                }
            ]);
        const [removed] = members.splice(index, 1);
        // Mimecast answers the member it removed, as add-group-member does (published sample).
        const memberId = memberIdIn(group.id, key);
        return ok([
            {
                id: memberId,
                folderId: group.id,
                ...(removed!.emailAddress ? { emailAddress: removed!.emailAddress } : { domain: removed!.domain }),
                internal: removed!.internal
            }
        ]);
    }
});

export default [getInternalDomain, getInternalUsers, findGroups, getGroupMembers, createGroup, addGroupMember, removeGroupMember];

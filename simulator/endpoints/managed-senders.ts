// Managed senders: per-recipient block and permit entries (permit-or-block-sender), one entry per
// (sender, to) pair; blocking a permitted pair flips it.
//
// `/api/managedsender/get-managed-senders` is a SIMULATOR-ONLY read endpoint: Mimecast documents no
// list endpoint for these entries in API 2.0 (they show in the Administration Console). It exists so
// tests and `npm run function` runs can observe what block-sender / permit-sender changed.
import { mintId } from '../data.js';

import { Validator, fail, formatDate, ok, openPage, pageMeta } from '../envelope.js';
import { defineEndpoint, type Endpoint, type HandlerContext } from '../router.js';

export interface ManagedSender {
    id: string;
    sender: string;
    to: string;
    /** Mimecast answers "Block" or "Permit". */
    type: 'Block' | 'Permit';
    lastUpdated: string;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function senders(ctx: HandlerContext): Map<string, ManagedSender> {
    return ctx.state('managedSenders', () => new Map<string, ManagedSender>());
}

function email(v: Validator, field: string): string | undefined {
    const value = v.string(field, { required: true });
    if (value !== undefined && !EMAIL.test(value)) {
        v.add(field, 'err_validation_invalid_email_address', 'Email address is not valid');
        return undefined;
    }
    return value?.toLowerCase();
}

const permitOrBlock = defineEndpoint({
    path: '/api/managedsender/permit-or-block-sender',
    handle(ctx) {
        const v = new Validator(ctx.item);
        const sender = email(v, 'sender');
        const to = email(v, 'to');
        const action = v.string('action', { required: true, oneOf: ['block', 'permit'] });
        if (!v.ok || sender === undefined || to === undefined || action === undefined) return v.fail();
        const key = `${sender}|${to}`;
        const id = mintId('MTOKEN:', `${ctx.seed}|managedSender|${key}`);
        const entry: ManagedSender = { id, sender, to, type: action === 'block' ? 'Block' : 'Permit', lastUpdated: formatDate(ctx.now) };
        senders(ctx).set(key, entry);
        const { lastUpdated: _omit, ...answer } = entry;
        return ok([answer]);
    }
});

/** Simulator-only: every entry, flat in data[], optionally filtered by `type` ("block" | "permit") or `sender`. */
const list = defineEndpoint({
    path: '/api/managedsender/get-managed-senders',
    handle(ctx) {
        const v = new Validator(ctx.item);
        const type = v.string('type', { oneOf: ['block', 'permit'] });
        const sender = v.string('sender')?.toLowerCase();
        if (!v.ok) return v.fail();
        const page = openPage(ctx.request, ctx.path, ctx.item, 500);
        if ('code' in page) return fail(ctx.item, [page]);
        const all = [...senders(ctx).values()].filter(
            (e) => (type === undefined || e.type.toLowerCase() === type) && (sender === undefined || e.sender === sender)
        );
        return ok(all.slice(page.offset, page.offset + page.pageSize), pageMeta(page, all.length));
    }
});

export const managedSenderEndpoints: readonly Endpoint[] = [permitOrBlock, list];
export default managedSenderEndpoints;

// Threat remediation: /api/ttp/remediation/create, /get-incident and /search-hash.
// Incidents are stored per simulator instance and fetched back by id. A remediation by Message-ID
// identifies the tracked or held messages with that Message-ID; by hash, the messages whose
// attachment has that SHA-256 (see message-finder.ts), plus a deterministic count for unknown hashes.

import { DAY_MS, hash32, mintId } from '../data.js';
import { Validator, fail, formatDate, ok, type FailError } from '../envelope.js';
import { defineEndpoint, type Endpoint, type HandlerContext } from '../router.js';
import { ACCOUNT } from './account.js';
import { holdState } from './held-messages.js';
import { attachmentHash } from './message-finder.js';

export interface RemediationIncident {
    id: string;
    code: string;
    type: string;
    reason: string;
    identified: number;
    successful: number;
    failed: number;
    restored: number;
    create: string;
    modified: string;
    searchCriteria: { start?: string; end?: string; messageId?: string; fileHash?: string };
}

const HASH = /^(?:[0-9a-fA-F]{32}|[0-9a-fA-F]{40}|[0-9a-fA-F]{64})$/;

function incidents(ctx: HandlerContext): Map<string, RemediationIncident> {
    return ctx.state('remediationIncidents', () => new Map<string, RemediationIncident>());
}

/** Known attachment hashes of held messages (the ones a SOC is most likely to remediate). */
function knownHashes(ctx: HandlerContext): Set<string> {
    return new Set([...holdState(ctx).all.values()].filter((t) => t.message.hasAttachments).map((t) => attachmentHash(t.message.id)));
}

function detected(ctx: HandlerContext, hash: string): boolean {
    return knownHashes(ctx).has(hash.toLowerCase()) || hash32(hash.toLowerCase()) % 4 === 0;
}

const create = defineEndpoint({
    path: '/api/ttp/remediation/create',
    handle(ctx) {
        const v = new Validator(ctx.item);
        const reason = v.string('reason', { required: true });
        const value = v.string('hashOrMessageId', { required: true });
        const searchBy = v.string('searchBy', { required: true, oneOf: ['hash', 'messageId'] });
        const start = v.date('start');
        const end = v.date('end');
        v.dateOrder('start', start, 'end', end);
        if (searchBy === 'hash' && value !== undefined && !HASH.test(value)) {
            v.add('hashOrMessageId', 'err_validation_invalid_value', 'hashOrMessageId must be an MD5, SHA-1 or SHA-256 hash when searchBy is hash');
        }
        if (!v.ok || reason === undefined || value === undefined || searchBy === undefined) return v.fail();

        const store = incidents(ctx);
        const n = store.size + 1;
        let identified: number;
        if (searchBy === 'messageId') {
            identified = [...holdState(ctx).all.values()].filter((t) => t.messageId === value).length;
            // Tracked emails' Message-IDs are unique: one message when the id has the simulator's shape.
            if (identified === 0 && /^<.+@.+>$/.test(value)) identified = 1;
        } else {
            identified = detected(ctx, value) ? 1 + (hash32(value.toLowerCase(), 'count') % 5) : 0;
        }
        const failed = identified > 0 && hash32(value, 'failed') % 10 === 0 ? 1 : 0;
        const stamp = formatDate(ctx.now);
        const incident: RemediationIncident = {
            id: mintId('eNq', `incident:${ctx.seed}:${n}:${value}`),
            code: `TR-${ACCOUNT.accountCode}-${String(n).padStart(5, '0')}`,
            type: 'manual',
            reason,
            identified,
            successful: identified - failed,
            failed,
            restored: 0,
            create: stamp,
            modified: stamp,
            // The published incident always names its window; without start/end the simulator searches the
            // last 30 days (its own choice: Mimecast's default window is not documented).
            searchCriteria: {
                start: formatDate(start ?? ctx.now - 30 * DAY_MS),
                end: formatDate(end ?? ctx.now),
                ...(searchBy === 'messageId' ? { messageId: value } : { fileHash: value })
            }
        };
        store.set(incident.id, incident);
        return ok([incident]);
    }
});

const getIncident = defineEndpoint({
    path: '/api/ttp/remediation/get-incident',
    handle(ctx) {
        const v = new Validator(ctx.item);
        const id = v.string('id', { required: true });
        if (!v.ok || id === undefined) return v.fail();
        const incident = incidents(ctx).get(id);
        if (!incident)
            return fail(ctx.item, [{ code: 'err_incident_not_found', message: `No remediation incident with id ${id}`, field: 'id', retryable: false }]);
        return ok([incident]);
    }
});

/** `{hashes[]}` -> `data[0] = {hashStatus: [{hash, detected}], failedHashes: [{hash, code, message}]}`. */
const searchHash = defineEndpoint({
    path: '/api/ttp/remediation/search-hash',
    handle(ctx) {
        const v = new Validator(ctx.item);
        const hashes = v.strings('hashes', { required: true });
        if (hashes !== undefined && hashes.length === 0) v.add('hashes', 'err_validation_missing', 'hashes must contain at least one hash');
        if (!v.ok || hashes === undefined) return v.fail();
        const hashStatus: Array<{ hash: string; detected: boolean }> = [];
        const failedHashes: Array<{ hash: string } & Pick<FailError, 'code' | 'message'>> = [];
        for (const hash of hashes) {
            if (HASH.test(hash)) hashStatus.push({ hash, detected: detected(ctx, hash) });
            else failedHashes.push({ hash, code: 'err_invalid_hash', message: 'The hash is not a valid MD5, SHA-1 or SHA-256 value' });
        }
        return ok([{ hashStatus, failedHashes }]);
    }
});

const endpoints: Endpoint[] = [create, getIncident, searchHash];
export default endpoints;

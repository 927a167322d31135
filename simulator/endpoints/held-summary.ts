// get-hold-summary-list: the hold queue counted per hold policy (`policyInfo`, `numberOfItems`), flat in
// data[] like the published sample. Computed from the live hold queue, so a release or reject lowers it.
import { ok } from '../envelope.js';
import { defineEndpoint } from '../router.js';
import { heldMessagesSpec, holdState } from './held-messages.js';

export default defineEndpoint({
    path: '/api/gateway/get-hold-summary-list',
    dataSets: [heldMessagesSpec],
    handle(ctx) {
        const counts = new Map<string, number>();
        for (const t of holdState(ctx).queue.values()) counts.set(t.message.policyInfo, (counts.get(t.message.policyInfo) ?? 0) + 1);
        return ok([...counts.entries()].map(([policyInfo, numberOfItems]) => ({ policyInfo, numberOfItems })));
    }
});

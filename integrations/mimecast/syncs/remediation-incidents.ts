// Threat-remediation incidents (messages removed from mailboxes by hash or Message-ID, and restored).
// Full refresh of the incidents created in the last 90 days, not incremental: an incident keeps
// changing after it is created (its successful, failed and restored counts move as remediation and
// restores run), and find-incidents filters by the time an incident was created, so a walk by time
// would never see those changes. Admins create incidents by hand or by policy, so the list is small.
// An incident that is removed, or that ages out of the 90 days, is deleted here.
// https://developer.services.mimecast.com/docs/threatmanagement/1/routes/api/ttp/remediation/find-incidents/post
import { createSync } from 'nango';

import { floorToSecond, toMimecastDate } from '../helpers/dates.js';
import { listAll, syncFullRefresh } from '../helpers/full-refresh.js';
import { RemediationIncident, toRemediationIncident } from '../helpers/messages.js';

const WINDOW_DAYS = 90;

const sync = createSync({
    description: `Threat-remediation incidents created in the last ${WINDOW_DAYS} days (code, type, reason, identified, successful, failed and restored counts, search criteria), refreshed in full so count changes are seen; removed or older incidents are deleted.`,
    version: '1.0.0',
    frequency: 'every hour',
    autoStart: true,
    syncType: 'full',
    scopes: ['Services | Threat Remediation | Read'],
    models: { RemediationIncident },
    endpoints: [{ method: 'GET', path: '/remediation-incidents', group: 'Remediation' }],

    exec: async (nango) => {
        const end = floorToSecond(Date.now());
        await syncFullRefresh<RemediationIncident>(
            nango,
            'RemediationIncident',
            listAll(nango, {
                path: '/api/ttp/remediation/find-incidents',
                data: { start: toMimecastDate(end - WINDOW_DAYS * 86_400_000), end: toMimecastDate(end) },
                recordsIn: 'incidents',
                pageSize: 100,
                // One public client's test mock lists incidents with a code (TR-…) and no id: the code, unique
                // per incident, then stands in for it.
                toRecord: (raw) => toRemediationIncident(raw['id'] === undefined && typeof raw['code'] === 'string' ? { ...raw, id: raw['code'] } : raw)
            })
        );
    }
});

export type NangoSyncLocal = Parameters<(typeof sync)['exec']>[0];
export default sync;

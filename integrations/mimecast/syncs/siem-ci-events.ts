// Cloud Integrated (Microsoft 365-integrated) SIEM events from the CI event stream, on the same engine as
// siem-events (helpers/siem-stream.ts): @nextPage token, isCaughtUp, 24 hours kept, a gap record when
// a connection falls further behind.
// https://developer.services.mimecast.com/docs/threatsandsecurityeventsdata/1/routes/siem/v1/events/ci/get
//
// The records are those of the published CI batch-file records (tests/contract/INDEX.md: Elastic's pipeline
// test data, 21 entities and mailflow records): type, subtype (null on mailflow), epoch-ms timestamp, _offset,
// _partition, accountId, aggregateId, processingId, messageId; entities add threatState, threatType,
// policiesApplied[] of {action, mode, name}, source, tags (null or a list), the message's addresses, subject
// and attachments; mailflow adds authResults[]. Unconfirmed: no published body shows the CI *stream*'s
// envelope, so it and the query are assumed to be the CG stream's. autoStart is false: a Cloud Gateway-only
// tenant has no CI product, and would get a 403 on every run; enable it for a CI tenant. With the metadata
// {"ocsf": true}, entities records also carry their OCSF event (helpers/ocsf/siem-ci.ts; mailflow none).
import { createSync } from 'nango';
import * as z from 'zod';

import { isArray, isObject } from '../helpers/builtins.js';
import { OcsfEventSchema } from '../helpers/ocsf.js';
import { nonBlankStrings, optionalString } from '../helpers/records.js';
import { runSiemStream, SiemCheckpoint, SiemGap, SiemMetadata, siemStream } from '../helpers/siem-stream.js';

const SiemCiPolicy = z.object({
    /** e.g. `Default O365 Mail policy`. */
    name: z.string().optional(),
    /** e.g. `DO_NOTHING`, `BLOCK`. */
    action: z.string().optional(),
    /** e.g. `ACTIVE`. */
    mode: z.string().optional()
});
type SiemCiPolicy = z.infer<typeof SiemCiPolicy>;

const SiemCiEvent = z.object({
    /** Events carry no id: the SHA-256 of the event's content (helpers/records.ts contentId). */
    id: z.string(),
    /** `entities`, `mailflow`, `urlclick`, ... (`type`; `eventType` read too, as on the CG stream). */
    type: z.string(),
    subtype: z.string().optional(),
    /** The event's epoch-millisecond `timestamp`, as ISO 8601 UTC. */
    timestamp: z.string(),
    accountId: z.string().optional(),
    aggregateId: z.string().optional(),
    processingId: z.string().optional(),
    /** Mimecast's `_partition` and `_offset`: the event's position in Mimecast's own log. */
    partition: z.string().optional(),
    offset: z.string().optional(),
    /** `INBOUND` or `Inbound` (both seen): kept as sent. */
    direction: z.string().optional(),
    threatState: z.string().optional(),
    threatType: z.string().optional(),
    /** The policies Mimecast applied (entities): each `{name, action, mode}` as sent, a null action or mode left out. */
    policiesApplied: z.array(SiemCiPolicy).optional(),
    source: z.string().optional(),
    tags: z.array(z.string()).optional(),
    /** Every other field as Mimecast sent it (e.g. mailflow `authResults[]`); none of the fields above, no empty value. */
    details: z.record(z.string(), z.unknown()).optional(),
    /** An entities record as an OCSF 1.8.0 event (helpers/ocsf/siem-ci.ts), when the connection's metadata says {"ocsf": true}. */
    ocsf: OcsfEventSchema.optional()
});

const models = { SiemCiEvent, SiemCiGap: SiemGap };

/** Published as a list of `{action, mode, name}`; a bare name (no sample shows one) is read as `{name}`. An entry with none of the three is left out. */
function policies(value: unknown): SiemCiPolicy[] | undefined {
    const list: SiemCiPolicy[] = [];
    for (const item of isArray(value) ? value : [value]) {
        if (typeof item === 'string' && item !== '') {
            list.push({ name: item });
        } else if (isObject(item)) {
            const name = optionalString(item, 'name');
            const action = optionalString(item, 'action');
            const mode = optionalString(item, 'mode');
            if (name !== undefined || action !== undefined || mode !== undefined) {
                // Undefined members are left out of the saved JSON.
                list.push({ name, action, mode });
            }
        }
    }
    return list.length > 0 ? list : undefined;
}

const stream = siemStream({
    models,
    model: 'SiemCiEvent',
    path: '/siem/v1/events/ci',
    id: 'content',
    fields: {
        type: { from: ['type', 'eventType'] },
        subtype: { from: ['subtype', 'subType'] },
        timestamp: 'date',
        partition: { from: '_partition' },
        offset: { from: '_offset' },
        policiesApplied: { read: policies },
        // null or a list in the published records; a single string is read as a list of one.
        tags: { read: (value) => nonBlankStrings(isArray(value) ? value : [value]) }
    },
    rest: 'details',
    time: 'timestamp',
    gapModel: 'SiemCiGap',
    label: 'SIEM CI'
});

const sync = createSync({
    description:
        'Cloud Integrated SIEM events (entities, mailflow, URL clicks) from the CI event stream, resumed by its @nextPage token; off by default (a Cloud Gateway-only tenant has no CI product); a connection more than 24 hours behind records a SiemCiGap.',
    version: '2.1.0',
    frequency: 'every 15 minutes',
    autoStart: false,
    syncType: 'incremental',
    scopes: ['Threats, Security Events and Data for CI | Security Events and Data Retrieval | Threat and Security Events (SIEM) | Read'],
    models,
    metadata: SiemMetadata,
    checkpoint: SiemCheckpoint,
    endpoints: [
        { method: 'GET', path: '/siem-ci-events', group: 'SIEM' },
        { method: 'GET', path: '/siem-ci-gaps', group: 'SIEM' }
    ],

    exec: async (nango) => {
        await runSiemStream(nango, stream);
    }
});

export type NangoSyncLocal = Parameters<(typeof sync)['exec']>[0];
export default sync;

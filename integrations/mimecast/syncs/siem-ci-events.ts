// Cloud Integrated (Microsoft 365-integrated) SIEM events from the CI event stream, on the same engine as
// siem-events (helpers/siem-stream.ts): @nextPage token, isCaughtUp, 24 hours kept, a gap record when
// a connection falls further behind.
// https://developer.services.mimecast.com/docs/threatsandsecurityeventsdata/1/routes/siem/v1/events/ci/get
//
// Unconfirmed (tests/contract/INDEX.md, "Endpoints with no public sample"): no published body shows the CI
// *stream*. The record fields are those of the CI batch files other collectors read (type, subtype,
// epoch-ms timestamp, _offset, _partition, accountId, aggregateId, processingId; entities add threatState,
// threatType, policiesApplied[], source, tags; mailflow adds authResults[]), and the query is assumed to be
// the CG stream's. autoStart is false: a Cloud Gateway-only tenant has no CI product, and would get a 403
// on every run; enable it for a CI tenant.
import { createSync } from 'nango';
import * as z from 'zod';

import { runSiemStream, SiemCheckpoint, SiemGap, SiemMetadata, siemStream } from '../helpers/siem-stream.js';

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
    policiesApplied: z.array(z.string()).optional(),
    source: z.string().optional(),
    tags: z.array(z.string()).optional(),
    /** Every other field as Mimecast sent it (e.g. mailflow `authResults[]`); none of the fields above, no empty value. */
    details: z.record(z.string(), z.unknown()).optional()
});

const models = { SiemCiEvent, SiemCiGap: SiemGap };

function stringList(value: unknown): string[] | undefined {
    const list = (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string' && v !== '');
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
        // The batch files' samples do not settle whether these are lists or single strings: read both.
        policiesApplied: { read: stringList },
        tags: { read: stringList }
    },
    rest: 'details',
    time: 'timestamp',
    gapModel: 'SiemCiGap',
    label: 'SIEM CI'
});

const sync = createSync({
    description:
        'Cloud Integrated SIEM events (entities, mailflow, URL clicks) from the CI event stream, resumed by its @nextPage token; off by default (a Cloud Gateway-only tenant has no CI product); a connection more than 24 hours behind records a SiemCiGap.',
    version: '1.1.0',
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

// Cloud Gateway SIEM events (receipt, process, delivery, spam, av, url/attachment/impersonation protect,
// internal email protect, journal) from the stream endpoint: events inline, a @nextPage stream token,
// the last 24 hours only.
// https://developer.services.mimecast.com/docs/threatsandsecurityeventsdata/1/routes/siem/v1/events/cg/get
//
// Very large tenants use siem-batch-events instead (GET /siem/v1/batch/events/cg: gzip files of 15 minutes,
// 7 days kept, fetched without the bearer token and gunzipped in the sandbox); a connection uses one or the other.
//
// Falling behind: Mimecast keeps 24 hours on this endpoint, and a stream token that points further back
// continues at the oldest event left without saying so. The sync therefore tracks `syncedThrough` (the
// time up to which it has every event) and, when that is older than 24 hours, logs a warning and saves a
// SiemGap record naming the lost stretch, then carries on with what is still there. It does not fail the
// run: failing would not bring the events back and would stop collection of the ones still available.
//
// Field names: published stream responses name an event's kind `eventType` / `subType`; the batch files
// (and some clients' test data) use `type` / `subtype`. Both are read; the model keeps `type`/`subtype`.
// An event that cannot be read (no kind, no timestamp) is skipped and logged by its content hash.
import { createSync } from 'nango';

import { MessageTrace } from '../helpers/message-trace.js';
import { runSiemStream, SiemCheckpoint, SiemEventFields, SiemGap, SiemMetadata, siemStream } from '../helpers/siem-stream.js';

const SiemEvent = SiemEventFields;

const models = { SiemEvent, SiemGap, MessageTrace };

/** Every event field is read by its own name but these; the rest goes to `details`. */
const stream = siemStream({
    models,
    model: 'SiemEvent',
    path: '/siem/v1/events/cg',
    id: 'content',
    fields: { type: { from: ['eventType', 'type'] }, subtype: { from: ['subType', 'subtype'] }, timestamp: 'date' },
    rest: 'details',
    time: 'timestamp',
    gapModel: 'SiemGap',
    label: 'SIEM',
    traceModel: 'MessageTrace'
});

const sync = createSync({
    description:
        'Cloud Gateway SIEM events (receipt, process, delivery, spam, AV, URL/attachment/impersonation protect, journal) from the event stream, resumed by its @nextPage token; one MessageTrace per message (aggregateId) with its steps in order and its outcome, updated as later events arrive; a connection more than 24 hours behind records a SiemGap.',
    version: '1.2.0',
    frequency: 'every 15 minutes',
    autoStart: true,
    syncType: 'incremental',
    scopes: ['Threats, Security Events and Data for CG | Security Events and Data Retrieval | Threat and Security Events (SIEM) | Read'],
    models,
    metadata: SiemMetadata,
    checkpoint: SiemCheckpoint,
    endpoints: [
        { method: 'GET', path: '/siem-events', group: 'SIEM' },
        { method: 'GET', path: '/siem-gaps', group: 'SIEM' },
        { method: 'GET', path: '/message-traces', group: 'SIEM' }
    ],

    exec: async (nango) => {
        await runSiemStream(nango, stream);
    }
});

export type NangoSyncLocal = Parameters<(typeof sync)['exec']>[0];
export default sync;

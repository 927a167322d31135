// Mimecast log and SIEM records as OCSF 1.8.0 events (https://schema.ocsf.io/1.8.0/), one pure
// function per model, dispatched by model name. Which class each model maps to:
// - AuditEvent: Authentication (3002) for logons, Account Change (3001) for password/lock changes,
//   API Activity (6003) for every other administrative action;
// - ClickLog, AttachmentLog, ImpersonationLog, DlpLog: Detection Finding (2004);
// - HeldReleaseLog: Email Activity (4009), activity Other (Release / Reject); none for a message that
//   expired in the queue (no `released` time);
// - ArchiveSearchLog, ArchiveViewLog: API Activity (6003), Read;
// - SiemEvent: Email Activity for receipt, process, delivery and journal events, Detection Finding for
//   av, spam, url/attachment/impersonation/internal email protect verdicts; SiemBatchEvent likewise;
// - SiemCiEvent: entities only, Detection Finding when threatType names a threat, else Email Activity
//   (Scan); mailflow and urlclick records get none (ocsf/siem-ci.ts says why).
// tests/ocsf/checker.ts holds every mapping to the OCSF schema definitions.
import * as z from 'zod';

import { auditEventToOcsf } from './ocsf/audit.js';
import type { AuditEventRecord } from './ocsf/audit.js';
import type { OcsfEvent } from './ocsf/event.js';
import { archiveSearchLogToOcsf, archiveViewLogToOcsf, heldReleaseLogToOcsf } from './ocsf/gateway.js';
import type { ArchiveSearchLogRecord, ArchiveViewLogRecord, HeldReleaseLogRecord } from './ocsf/gateway.js';
import { siemEventToOcsf } from './ocsf/siem.js';
import { siemCiEventHasOcsf, siemCiEventToOcsf } from './ocsf/siem-ci.js';
import { attachmentLogToOcsf, clickLogToOcsf, dlpLogToOcsf, impersonationLogToOcsf } from './ocsf/ttp.js';
import type { AttachmentLogRecord, ClickLogRecord, DlpLogRecord, ImpersonationLogRecord } from './ocsf/ttp.js';
import type { SiemEventRecord } from './siem-view.js';

export type { OcsfEvent } from './ocsf/event.js';
export { hasNoReadableTime, OCSF_VERSION } from './ocsf/event.js';
export type {
    AuditEventRecord,
    ClickLogRecord,
    AttachmentLogRecord,
    ImpersonationLogRecord,
    DlpLogRecord,
    HeldReleaseLogRecord,
    ArchiveSearchLogRecord,
    ArchiveViewLogRecord,
    SiemEventRecord
};
export {
    auditEventToOcsf,
    clickLogToOcsf,
    attachmentLogToOcsf,
    impersonationLogToOcsf,
    dlpLogToOcsf,
    heldReleaseLogToOcsf,
    archiveSearchLogToOcsf,
    archiveViewLogToOcsf,
    siemEventToOcsf,
    siemCiEventToOcsf
};

/** The record shape of each model that has an OCSF mapping. */
export interface OcsfRecords {
    AuditEvent: AuditEventRecord;
    ClickLog: ClickLogRecord;
    AttachmentLog: AttachmentLogRecord;
    ImpersonationLog: ImpersonationLogRecord;
    DlpLog: DlpLogRecord;
    HeldReleaseLog: HeldReleaseLogRecord;
    ArchiveSearchLog: ArchiveSearchLogRecord;
    ArchiveViewLog: ArchiveViewLogRecord;
    SiemEvent: SiemEventRecord;
    SiemBatchEvent: SiemEventRecord;
    SiemCiEvent: SiemEventRecord;
}
export type OcsfModel = keyof OcsfRecords;

const MAPPERS: { [M in OcsfModel]: (record: OcsfRecords[M]) => OcsfEvent } = {
    AuditEvent: auditEventToOcsf,
    ClickLog: clickLogToOcsf,
    AttachmentLog: attachmentLogToOcsf,
    ImpersonationLog: impersonationLogToOcsf,
    DlpLog: dlpLogToOcsf,
    HeldReleaseLog: heldReleaseLogToOcsf,
    ArchiveSearchLog: archiveSearchLogToOcsf,
    ArchiveViewLog: archiveViewLogToOcsf,
    SiemEvent: siemEventToOcsf,
    // The batch files' events have the stream's fields (type/subtype read under both spellings).
    SiemBatchEvent: (record) => siemEventToOcsf(record, 'SiemBatchEvent'),
    SiemCiEvent: siemCiEventToOcsf
};

/** The models whose mapping covers only some of their records, and which: every other record of a mapped model has an event. */
const COVERS: { [M in OcsfModel]?: (record: OcsfRecords[M]) => boolean } = {
    // A message that expired in the hold queue has no `released` time (one published record shows it), and an OCSF event needs one.
    HeldReleaseLog: (log) => log.released !== undefined,
    SiemCiEvent: siemCiEventHasOcsf
};

export const OCSF_MODELS: OcsfModel[] = Object.keys(MAPPERS).filter(hasOcsfMapping);

export function hasOcsfMapping(model: string): model is OcsfModel {
    return Object.prototype.hasOwnProperty.call(MAPPERS, model);
}

/**
 * Whether a record of `model` has an OCSF event by its mapping (CI: `entities` only; a held release log:
 * one with a `released` time). A record it covers that the mapper still cannot render (no readable time,
 * a bug) is a failure stream.ts `finish` reports; one it does not cover simply has none.
 */
export function hasOcsfEvent(model: string, record: object): boolean {
    if (!hasOcsfMapping(model)) {
        return false;
    }
    const covers = COVERS[model];
    // eslint-disable-next-line @nangohq/custom-integrations-linting/no-object-casting -- the predicate of `model`, called with that model's record
    return covers === undefined || (covers as (r: object) => boolean)(record);
}

/** The OCSF event for a record of `model`; throws for a model without a mapping or a record without a readable time. */
export function toOcsf<M extends OcsfModel>(model: M, record: OcsfRecords[M]): OcsfEvent;
export function toOcsf(model: string, record: object): OcsfEvent;
export function toOcsf(model: string, record: object): OcsfEvent {
    if (!hasOcsfMapping(model)) {
        throw new Error(`no OCSF mapping for model ${model}; mapped models: ${OCSF_MODELS.join(', ')}`);
    }
    // The typed overload ties a record to its model; this one is reached with whatever a stream saves.
    // eslint-disable-next-line @nangohq/custom-integrations-linting/no-object-casting -- the mapper of `model`, called with that model's record
    return (MAPPERS[model] as (r: object) => OcsfEvent)(record);
}

/**
 * The optional `ocsf` member of a log or SIEM record (added by stream.ts `finish` when the connection's
 * metadata says `{ "ocsf": true }`): the classification attributes typed, the rest of the event as the
 * OCSF class defines it.
 */
export const OcsfEventSchema = z.looseObject({
    class_uid: z.number(),
    class_name: z.string(),
    category_uid: z.number(),
    activity_id: z.number(),
    type_uid: z.number(),
    severity_id: z.number(),
    /** Epoch milliseconds. */
    time: z.number(),
    metadata: z.record(z.string(), z.unknown())
});

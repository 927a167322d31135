// Mimecast log and SIEM records as OCSF 1.8.0 events (https://schema.ocsf.io/1.8.0/), one pure
// function per model, dispatched by model name. Which class each model maps to:
// - AuditEvent: Authentication (3002) for logons, Account Change (3001) for password/lock changes,
//   API Activity (6003) for every other administrative action;
// - ClickLog, AttachmentLog, ImpersonationLog, DlpLog: Detection Finding (2004);
// - HeldReleaseLog: Email Activity (4009), activity Other (Release / Reject);
// - ArchiveSearchLog: API Activity (6003), Read;
// - SiemEvent: Email Activity for receipt, process, delivery and journal events, Detection Finding for
//   av, spam, url/attachment/impersonation/internal email protect verdicts.
// tests/ocsf/checker.ts holds every mapping to the OCSF schema definitions.
import * as z from 'zod';

import { auditEventToOcsf } from './ocsf/audit.js';
import type { AuditEventRecord } from './ocsf/audit.js';
import type { OcsfEvent } from './ocsf/event.js';
import { archiveSearchLogToOcsf, heldReleaseLogToOcsf } from './ocsf/gateway.js';
import type { ArchiveSearchLogRecord, HeldReleaseLogRecord } from './ocsf/gateway.js';
import { siemEventToOcsf } from './ocsf/siem.js';
import { attachmentLogToOcsf, clickLogToOcsf, dlpLogToOcsf, impersonationLogToOcsf } from './ocsf/ttp.js';
import type { AttachmentLogRecord, ClickLogRecord, DlpLogRecord, ImpersonationLogRecord } from './ocsf/ttp.js';
import type { SiemEventRecord } from './siem-view.js';

export type { OcsfEvent } from './ocsf/event.js';
export { OCSF_VERSION } from './ocsf/event.js';
export type { AuditEventRecord, ClickLogRecord, AttachmentLogRecord, ImpersonationLogRecord, DlpLogRecord, HeldReleaseLogRecord, ArchiveSearchLogRecord, SiemEventRecord };
export { auditEventToOcsf, clickLogToOcsf, attachmentLogToOcsf, impersonationLogToOcsf, dlpLogToOcsf, heldReleaseLogToOcsf, archiveSearchLogToOcsf, siemEventToOcsf };

/** The record shape of each model that has an OCSF mapping. */
export interface OcsfRecords {
    AuditEvent: AuditEventRecord;
    ClickLog: ClickLogRecord;
    AttachmentLog: AttachmentLogRecord;
    ImpersonationLog: ImpersonationLogRecord;
    DlpLog: DlpLogRecord;
    HeldReleaseLog: HeldReleaseLogRecord;
    ArchiveSearchLog: ArchiveSearchLogRecord;
    SiemEvent: SiemEventRecord;
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
    SiemEvent: siemEventToOcsf
};

export const OCSF_MODELS = Object.keys(MAPPERS) as OcsfModel[];

export function hasOcsfMapping(model: string): model is OcsfModel {
    return Object.prototype.hasOwnProperty.call(MAPPERS, model);
}

/** The OCSF event for a record of `model`; throws for a model without a mapping or a record without a readable time. */
export function toOcsf<M extends OcsfModel>(model: M, record: OcsfRecords[M]): OcsfEvent;
export function toOcsf(model: string, record: object): OcsfEvent;
export function toOcsf(model: string, record: object): OcsfEvent {
    if (!hasOcsfMapping(model)) {
        throw new Error(`no OCSF mapping for model ${model}; mapped models: ${OCSF_MODELS.join(', ')}`);
    }
    return (MAPPERS[model] as (r: object) => OcsfEvent)(record);
}

/**
 * The Nango model OCSF events are saved as: the classification attributes typed, the rest of the event
 * as the class defines it. `id` is `<model>:<record id>`, so an event is upserted with its record.
 */
export const OcsfRecord = z.looseObject({
    id: z.string(),
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
export type OcsfRecord = z.infer<typeof OcsfRecord>;

/** The Nango model name of a model's OCSF events (`OcsfClickLog`, ...): Nango wants model names unique per integration. */
export function ocsfModelName(model: OcsfModel): `Ocsf${OcsfModel}` {
    return `Ocsf${model}`;
}

/**
 * The OCSF records for a page of `model` records, ready for batchSave. A record that cannot be mapped
 * (no readable time) is left out and named in `skipped`, so one odd record never stops a sync.
 */
export function ocsfRecords<M extends OcsfModel>(model: M, records: OcsfRecords[M][]): { records: OcsfRecord[]; skipped: { id: string; error: string }[] };
export function ocsfRecords(model: OcsfModel, records: { id: string }[]): { records: OcsfRecord[]; skipped: { id: string; error: string }[] };
export function ocsfRecords(model: OcsfModel, records: { id: string }[]): { records: OcsfRecord[]; skipped: { id: string; error: string }[] } {
    const out: OcsfRecord[] = [];
    const skipped: { id: string; error: string }[] = [];
    for (const record of records) {
        try {
            out.push({ id: `${model}:${record.id}`, ...toOcsf(model, record) });
        } catch (err) {
            skipped.push({ id: record.id, error: err instanceof Error ? err.message : String(err) });
        }
    }
    return { records: out, skipped };
}

/** What saveOcsfEvents needs from a sync's `nango`. */
export interface OcsfEventStore {
    batchSave(records: OcsfRecord[], model: string): unknown;
    log(message: string, options?: { level?: 'warn' }): unknown;
}

/**
 * Saves the OCSF events of a page of `model` records as `Ocsf<model>` (a no-op for a model without
 * a mapping); a record that cannot be mapped is logged as a warning and left out. Returns the count saved.
 */
export async function saveOcsfEvents(nango: OcsfEventStore, model: string, records: { id: string }[]): Promise<number> {
    if (!hasOcsfMapping(model) || records.length === 0) {
        return 0;
    }
    const mapped = ocsfRecords(model, records);
    for (const { id, error } of mapped.skipped) {
        await nango.log(`${model} ${id}: no OCSF event (${error})`, { level: 'warn' });
    }
    if (mapped.records.length > 0) {
        await nango.batchSave(mapped.records, ocsfModelName(model));
    }
    return mapped.records.length;
}

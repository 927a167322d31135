// The one full-refresh path behind every directory-like sync (users, groups, managed URLs, policies,
// held messages): fetch everything, save it, and let Nango delete what was not seen this time.
// Deletes are only computed after the last page: a run that fails mid-way deletes nothing, and a
// list that changed while it was paged (its totalCount moved) defers deletes to the next run,
// because offset pages of a shifting list can skip a record that still exists. A record that cannot
// be read is skipped (logged by its content hash) and also defers deletes: its id is unknown, so
// the record it used to be must not be deleted for it.
import { mimecastPages, recordsOf } from './api.js';
import type { MimecastNango, MimecastRequest } from './api.js';
import { describeSkipped, mapRecords } from './records.js';

/** What the full-refresh path needs from a sync's `nango`. */
export interface FullRefreshNango extends MimecastNango {
    // Nango's SDK types these as MaybePromise: accept both (they are awaited either way).
    trackDeletesStart(model: string): unknown;
    trackDeletesEnd(model: string): unknown;
    batchSave(records: { id: string }[], model: string): unknown;
}

export interface ListQuery<R extends { id: string }> extends MimecastRequest {
    /** Where the records sit: absent for flat `data[]`, else the key under `data[0]` (e.g. `folders`). */
    recordsIn?: string;
    toRecord: (raw: Record<string, unknown>) => R;
}

/** Lists of this run that changed while paged, per function context. */
const shiftedLists = new WeakMap<object, Set<string>>();
/** Records of this run that could not be read, per function context. */
const skippedCounts = new WeakMap<object, number>();

/** Every record of one list query, page by page, mapped. */
export async function* listAll<R extends { id: string }>(nango: MimecastNango, query: ListQuery<R>): AsyncGenerator<R[]> {
    const { recordsIn, toRecord, ...request } = query;
    let firstTotal: number | undefined;
    for await (const page of mimecastPages(nango, request)) {
        firstTotal ??= page.totalCount;
        if (page.totalCount !== undefined && page.totalCount !== firstTotal) {
            const shifted = shiftedLists.get(nango) ?? new Set<string>();
            shifted.add(request.path);
            shiftedLists.set(nango, shifted);
        }
        const raws = recordsOf(page, recordsIn);
        // mimecastPages stops on an empty data[]; a wrapped list (data[0].folders = []) is empty too.
        if (raws.length === 0) {
            return;
        }
        const { records, skipped } = mapRecords(request.path, raws, toRecord);
        if (skipped.length > 0) {
            skippedCounts.set(nango, (skippedCounts.get(nango) ?? 0) + skipped.length);
            await nango.log(describeSkipped(request.path, skipped), { level: 'warn' });
        }
        yield records;
    }
}

/**
 * For sources other than listAll (lists outside the `/api` envelope): counts records the record guard
 * skipped, so syncFullRefresh leaves deletes to the next run as it does for listAll.
 */
export function noteSkipped(nango: object, count: number): void {
    if (count > 0) {
        skippedCounts.set(nango, (skippedCounts.get(nango) ?? 0) + count);
    }
}

/** Saves every batch the source yields as `model`, then deletes the records not seen in this run. */
export async function syncFullRefresh<R extends { id: string }>(nango: FullRefreshNango, model: string, source: AsyncIterable<R[]>): Promise<number> {
    shiftedLists.delete(nango);
    skippedCounts.delete(nango);
    await nango.trackDeletesStart(model);
    let saved = 0;
    for await (const batch of source) {
        // A record can appear on two pages when the list shifts while paging: keep one per id.
        const unique = [...new Map(batch.map((r) => [r.id, r])).values()];
        if (unique.length > 0) {
            await nango.batchSave(unique, model);
            saved += unique.length;
        }
    }
    const skipped = skippedCounts.get(nango) ?? 0;
    if (skipped > 0) {
        await nango.log(`${model}: ${skipped} records skipped (unreadable; each named above by its content hash); deletes are left to the next run`, { level: 'warn' });
        return saved;
    }
    const shifted = shiftedLists.get(nango);
    if (shifted && shifted.size > 0) {
        await nango.log(`${model}: ${[...shifted].join(', ')} changed while it was paged; deletes are left to the next run so no existing record is dropped`, { level: 'warn' });
        return saved;
    }
    await nango.trackDeletesEnd(model);
    return saved;
}

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

/**
 * One page of a listing, mapped, with what the full refresh must know about it: how many records it
 * could not read and whether the list changed while it was paged. The state travels with the pages.
 */
export interface ListPage<R> {
    records: R[];
    /** The endpoint listed, e.g. `/api/directory/find-groups`. */
    path: string;
    /** Records of this page that could not be read (each logged by its content hash). */
    skipped: number;
    /** The list's totalCount moved since its first page: offset pages may have skipped a record. */
    shifted: boolean;
}

/** Every record of one list query, page by page, mapped. */
export async function* listAll<R extends { id: string }>(nango: MimecastNango, query: ListQuery<R>): AsyncGenerator<ListPage<R>> {
    const { recordsIn, toRecord, ...request } = query;
    let firstTotal: number | undefined;
    for await (const page of mimecastPages(nango, request, recordsIn)) {
        firstTotal ??= page.totalCount;
        const raws = recordsOf(page, recordsIn);
        // The pager stops after an empty page (data[] or a wrapped list such as data[0].folders = []).
        if (raws.length === 0) {
            return;
        }
        const { records, skipped } = mapRecords(request.path, raws, toRecord);
        if (skipped.length > 0) {
            await nango.log(describeSkipped(request.path, skipped), { level: 'warn' });
        }
        yield { records, path: request.path, skipped: skipped.length, shifted: page.totalCount !== undefined && page.totalCount !== firstTotal };
    }
}

/** A page that only carries a listing's state (a listing read for its ids, e.g. the domains before their users). */
export function stateOf<R>(page: ListPage<unknown>): ListPage<R> {
    return { ...page, records: [] };
}

/** Saves every page the source yields as `model` (one batchSave per page), then deletes the records not seen in this run. */
export async function syncFullRefresh<R extends { id: string }>(nango: FullRefreshNango, model: string, source: AsyncIterable<ListPage<R>>): Promise<number> {
    await nango.trackDeletesStart(model);
    let saved = 0;
    let skipped = 0;
    const shifted = new Set<string>();
    for await (const page of source) {
        skipped += page.skipped;
        if (page.shifted) {
            shifted.add(page.path);
        }
        // A record can appear on two pages when the list shifts while paging: keep one per id.
        const unique = [...new Map(page.records.map((r) => [r.id, r])).values()];
        if (unique.length > 0) {
            await nango.batchSave(unique, model);
            saved += unique.length;
        }
    }
    if (skipped > 0) {
        await nango.log(`${model}: ${skipped} records skipped (unreadable; each named above by its content hash); deletes are left to the next run`, {
            level: 'warn'
        });
        return saved;
    }
    if (shifted.size > 0) {
        await nango.log(`${model}: ${[...shifted].join(', ')} changed while it was paged; deletes are left to the next run so no existing record is dropped`, {
            level: 'warn'
        });
        return saved;
    }
    await nango.trackDeletesEnd(model);
    return saved;
}

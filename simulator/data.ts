import { createHash } from 'node:crypto';

/** Origin of the record lattice. Record k lives at ANCHOR_MS + k * stepMs (k may be negative). */
export const ANCHOR_MS = Date.UTC(2026, 0, 1);
export const DAY_MS = 86_400_000;

/**
 * A Mimecast-looking id for something the simulator creates: `prefix` (eNo1 for policies and groups,
 * eNq for messages, MTOKEN: for managed senders, as in published answers) and the first `length`
 * characters of the base64url SHA-256 of `source`. The same source always gives the same id.
 */
export function mintId(prefix: string, source: string, length = 40): string {
    return `${prefix}${createHash('sha256').update(source).digest('base64url').slice(0, length)}`;
}

/** 32-bit hash of a list of numbers and strings (FNV-1a + murmur3 finalizer): pure and fast. */
export function hash32(...parts: Array<number | string>): number {
    let h = 0x811c9dc5;
    const mix = (v: number): void => {
        h = Math.imul(h ^ (v >>> 0), 0x01000193);
    };
    for (const p of parts) {
        if (typeof p === 'number') {
            // Two halves so that large or negative integers still spread.
            mix(p);
            mix(Math.floor(p / 2 ** 32));
        } else {
            for (let i = 0; i < p.length; i++) mix(p.charCodeAt(i));
        }
        mix(0x9e3779b9); // separator: ("ab", "c") != ("a", "bc")
    }
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
    return h >>> 0;
}

/** Small deterministic PRNG (mulberry32) for choosing a record's field values. */
export class Rng {
    private state: number;
    constructor(seed: number) {
        this.state = seed >>> 0;
    }
    /** Uniform in [0, 1). */
    next(): number {
        this.state = (this.state + 0x6d2b79f5) >>> 0;
        let t = this.state;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
    }
    int(n: number): number {
        return Math.floor(this.next() * n);
    }
    pick<T>(items: readonly T[]): T {
        const item = items[this.int(items.length)];
        if (item === undefined) throw new Error('pick from an empty list');
        return item;
    }
    /** Pick by weight: items carry a positive `weight`. */
    weighted<T extends { weight: number }>(items: readonly T[]): T {
        const total = items.reduce((s, i) => s + i.weight, 0);
        let r = this.next() * total;
        for (const item of items) {
            r -= item.weight;
            if (r < 0) return item;
        }
        return this.pick(items);
    }
}

/** What a data set's record factory receives: everything derives from (seed, k). */
export interface RecordContext {
    k: number;
    /** Epoch ms of the record. */
    time: number;
    /** Stable opaque id (same seed + data set + k => same id, across restarts). */
    id: string;
    rng: Rng;
    seed: number;
}

/** Declares a lazy time-series data set. Declare once per data set, next to the endpoint that serves it. */
export interface SeriesSpec<T> {
    /** Key in SimulatorOptions.sizes, e.g. 'auditEvents'. */
    name: string;
    defaultSize: number;
    retentionMs: number;
    make(ctx: RecordContext): T;
}

export interface SeriesPage<T> {
    items: T[];
    /** Matching records in the window (up to the snapshot). */
    total: number;
    /** Exclusive upper k of the first page; keep it in the page token so new records do not shift offsets. */
    snapshot: number;
}

/**
 * A data set that is never materialised: `size` records spread evenly over the retention period,
 * on a fixed lattice of times, live while now - retention <= time <= now. A window query maps to a
 * k-range arithmetically, so a million records cost nothing until a page is asked for.
 */
export class TimeSeries<T> {
    readonly stepMs: number;

    constructor(
        readonly spec: SeriesSpec<T>,
        readonly size: number,
        readonly seed: number,
        private readonly clock: () => number
    ) {
        this.stepMs = Math.max(1, Math.floor(spec.retentionMs / Math.max(1, size)));
    }

    timeOf(k: number): number {
        return ANCHOR_MS + k * this.stepMs;
    }

    /** Live records with from <= time < to, as a k-range [lo, hi). */
    range(from: number, to: number, now = this.clock()): { lo: number; hi: number } {
        if (this.size <= 0) return { lo: 0, hi: 0 };
        const start = Math.max(from, now - this.spec.retentionMs);
        const end = Math.min(to, now + 1); // a record stamped exactly `now` is live
        const lo = Math.ceil((start - ANCHOR_MS) / this.stepMs);
        const hi = Math.ceil((end - ANCHOR_MS) / this.stepMs);
        return { lo, hi: Math.max(lo, hi) };
    }

    countInRange(from: number, to: number): number {
        const { lo, hi } = this.range(from, to);
        return hi - lo;
    }

    record(k: number): T {
        const rngSeed = hash32(this.seed, this.spec.name, k);
        // The whole digest (43 characters): a series has millions of records.
        const id = mintId('eNq', `${this.spec.name}:${this.seed}:${k}`, 43);
        return this.spec.make({ k, time: this.timeOf(k), id, rng: new Rng(rngSeed), seed: this.seed });
    }

    /**
     * One page of the window [from, to), newest first. Without a filter this is O(limit); with one it
     * scans the window (fine for the sizes a filtered query sees in tests).
     */
    page(q: { from: number; to: number; offset: number; limit: number; snapshot?: number; filter?: (r: T) => boolean }): SeriesPage<T> {
        const { lo, hi } = this.range(q.from, q.to);
        const top = q.snapshot === undefined ? hi : Math.min(hi, q.snapshot);
        const items: T[] = [];
        if (!q.filter) {
            for (let k = top - 1 - q.offset; k >= lo && items.length < q.limit; k--) items.push(this.record(k));
            return { items, total: Math.max(0, top - lo), snapshot: top };
        }
        let total = 0;
        for (let k = top - 1; k >= lo; k--) {
            const r = this.record(k);
            if (!q.filter(r)) continue;
            if (total >= q.offset && items.length < q.limit) items.push(r);
            total++;
        }
        return { items, total, snapshot: top };
    }
}

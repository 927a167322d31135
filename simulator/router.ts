import type { SeriesSpec, TimeSeries } from './data.js';
import type { ApiRequest, Item, Reply } from './envelope.js';
import type { SiemBatchOptions } from './endpoints/siem-batch.js';

/** Everything a handler may use. Handlers are pure functions of this context (plus per-simulator state). */
export interface HandlerContext {
    path: string;
    method: string;
    /** Query string (GET /siem/... endpoints). */
    query: URLSearchParams;
    /** Parsed envelope (POST); `{ data: [] }` for GET. */
    request: ApiRequest;
    /** REST routes (`rest: true`): the parsed JSON body, undefined when there is none. */
    body?: unknown;
    /** `request.data[0]`, or `{}` when the request has no item. */
    item: Item;
    /** The simulator clock (ms) at the time of the request. */
    now: number;
    seed: number;
    /** The per-simulator instance of a lazy data set (sized from SimulatorOptions.sizes). */
    series<T>(spec: SeriesSpec<T>): TimeSeries<T>;
    /** Per-simulator mutable state for endpoints that change things (create/delete); created on first use. */
    state<T>(key: string, init: () => T): T;
    /** This server's own URL (`http://127.0.0.1:port`), for links it hands out (SIEM batch files). */
    origin: string;
    /** SIEM batch knobs (SimulatorOptions.siemBatch). */
    siemBatch: Readonly<SiemBatchOptions>;
}

export interface Endpoint {
    /** Default POST; every /api route is POST, /siem routes are GET, policy-management routes use REST verbs. */
    method?: 'POST' | 'GET';
    /** The exact path; a `rest` collection also serves `path/{id}`. */
    path: string;
    /**
     * A REST collection (`/policy-management/...`): serves `path` and `path/{id}` with any of `methods`;
     * the body is plain JSON (no envelope, no blank check). The handler reads ctx.method and ctx.path.
     */
    rest?: { methods: readonly ('GET' | 'POST' | 'PATCH' | 'DELETE')[] };
    /** API 1.0 only (absent from the API 2.0 catalogue): a bearer-token call answers 404, a signed call runs. */
    apiV1Only?: boolean;
    /** Data sets this endpoint serves, so their sizes can be configured and validated. */
    dataSets?: readonly SeriesSpec<unknown>[];
    handle(ctx: HandlerContext): Reply | Promise<Reply>;
}

/** Identity helper: gives an endpoint file type checking without a class. */
export function defineEndpoint(endpoint: Endpoint): Endpoint {
    return endpoint;
}

/** Exact-path router (the /api routes have no path parameters); REST collections also match `path/{id}`. */
export class Router {
    private readonly routes = new Map<string, Endpoint>();

    constructor(endpoints: readonly Endpoint[]) {
        for (const e of endpoints) {
            if (this.routes.has(e.path)) throw new Error(`Duplicate simulator endpoint ${e.path}`);
            this.routes.set(e.path, e);
        }
    }

    find(path: string): Endpoint | undefined {
        const exact = this.routes.get(path);
        if (exact) return exact;
        // A REST item path: the collection is everything before the last segment.
        const collection = this.routes.get(path.slice(0, path.lastIndexOf('/')));
        return collection?.rest ? collection : undefined;
    }

    /** All data sets declared by the endpoints, by name. */
    dataSets(): Map<string, SeriesSpec<unknown>> {
        const out = new Map<string, SeriesSpec<unknown>>();
        for (const e of this.routes.values()) for (const s of e.dataSets ?? []) out.set(s.name, s);
        return out;
    }
}

import type { SeriesSpec, TimeSeries } from './data.js';
import type { ApiRequest, Item, Reply } from './envelope.js';

/** Everything a handler may use. Handlers are pure functions of this context (plus per-simulator state). */
export interface HandlerContext {
  path: string;
  method: string;
  /** Query string (GET /siem/... endpoints). */
  query: URLSearchParams;
  /** Parsed envelope (POST); `{ data: [] }` for GET. */
  request: ApiRequest;
  /** `request.data[0]`, or `{}` when the request has no item. */
  item: Item;
  /** The simulator clock (ms) at the time of the request. */
  now: number;
  seed: number;
  /** The per-simulator instance of a lazy data set (sized from SimulatorOptions.sizes). */
  series<T>(spec: SeriesSpec<T>): TimeSeries<T>;
  /** Per-simulator mutable state for endpoints that change things (create/delete); created on first use. */
  state<T>(key: string, init: () => T): T;
}

export interface Endpoint {
  /** Default POST; every /api route is POST, /siem routes are GET, policy-management routes use REST verbs. */
  method?: 'POST' | 'GET' | 'DELETE';
  /** The exact path, or with `prefix: true` the start of it (routes with an id in the path, e.g. `.../policies/{id}`). */
  path: string;
  prefix?: boolean;
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

/** Exact-path router (the /api routes have no path parameters), plus prefix routes for REST paths with an id. */
export class Router {
  private readonly routes = new Map<string, Endpoint>();
  private readonly prefixes: Endpoint[] = [];

  constructor(endpoints: readonly Endpoint[]) {
    for (const e of endpoints) {
      const key = `${e.prefix ? 'prefix ' : ''}${e.path}`;
      if (this.routes.has(key)) throw new Error(`Duplicate simulator endpoint ${e.path}`);
      this.routes.set(key, e);
      if (e.prefix) this.prefixes.push(e);
    }
  }

  find(path: string): Endpoint | undefined {
    return this.routes.get(path) ?? this.prefixes.find((e) => path.startsWith(e.path) && path.length > e.path.length);
  }

  /** All data sets declared by the endpoints, by name. */
  dataSets(): Map<string, SeriesSpec<unknown>> {
    const out = new Map<string, SeriesSpec<unknown>>();
    for (const e of this.routes.values()) for (const s of e.dataSets ?? []) out.set(s.name, s);
    return out;
  }
}

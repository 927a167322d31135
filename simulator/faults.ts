/** Scoping shared by all faults. */
interface FaultScope {
    /** Exact request path; omitted = every request (except /__sim admin calls). */
    path?: string;
    /** How many requests the fault hits; default 1, Infinity allowed ("Infinity" or null over JSON). */
    times?: number;
    /** Let this many matching requests pass before the fault starts. */
    after?: number;
}

export type Fault =
    /** HTTP error with a Mimecast-like body (or `body`); `headers` e.g. to send X-RateLimit-Reset with a 429. */
    | ({ kind: 'status'; status: number; body?: unknown; headers?: Record<string, string> } & FaultScope)
    /** Destroy the socket without a response. */
    | ({ kind: 'drop' } & FaultScope)
    /** HTTP 200, JSON content type, truncated body. */
    | ({ kind: 'malformed' } & FaultScope)
    /** Delay, then serve normally. */
    | ({ kind: 'slow'; delayMs: number } & FaultScope)
    /** HTTP 200 with fail[] carrying code/message (e.g. err_developer_key, which is retryable). */
    | ({ kind: 'fail'; code: string; message: string; retryable?: boolean } & FaultScope);

interface Armed {
    fault: Fault;
    left: number;
    skip: number;
}

/** Faults in the order they were added; the first that fires on a request wins. */
export class FaultQueue {
    private armed: Armed[] = [];

    add(fault: Fault): void {
        this.armed.push({ fault, left: fault.times ?? 1, skip: fault.after ?? 0 });
    }

    clear(): void {
        this.armed = [];
    }

    list(): Fault[] {
        return this.armed.map((a) => a.fault);
    }

    /** The fault to apply to a request on `path`, consuming one of its `times`. */
    take(path: string): Fault | undefined {
        for (const a of this.armed) {
            if (a.fault.path !== undefined && a.fault.path !== path) continue;
            if (a.skip > 0) {
                a.skip--; // this request passes; later faults may still match it
                continue;
            }
            a.left--;
            if (a.left <= 0) this.armed = this.armed.filter((x) => x !== a);
            return a.fault;
        }
        return undefined;
    }
}

const KINDS = ['status', 'drop', 'malformed', 'slow', 'fail'] as const;

/** Validates a fault that arrived as JSON (POST /__sim/faults). Throws with a readable message. */
export function parseFault(v: unknown): Fault {
    if (typeof v !== 'object' || v === null) throw new Error('fault must be a JSON object');
    const f = { ...(v as Record<string, unknown>) };
    if (!KINDS.includes(f['kind'] as (typeof KINDS)[number])) throw new Error(`kind must be one of ${KINDS.join(', ')}`);
    if (f['times'] === null || f['times'] === 'Infinity') f['times'] = Infinity;
    const num = (key: string, min: number, max = Infinity, required = false): void => {
        const x = f[key];
        if (x === undefined && !required) return;
        if (typeof x !== 'number' || x < min || x > max || (x !== Infinity && !Number.isInteger(x))) {
            throw new Error(`${key} must be an integer from ${min} to ${max}`);
        }
    };
    num('times', 1);
    num('after', 0);
    if (f['path'] !== undefined && typeof f['path'] !== 'string') throw new Error('path must be a string');
    if (f['kind'] === 'status') num('status', 100, 599, true);
    if (f['kind'] === 'slow') num('delayMs', 0, 600_000, true);
    if (f['kind'] === 'fail' && (typeof f['code'] !== 'string' || typeof f['message'] !== 'string')) {
        throw new Error('a fail fault needs code and message strings');
    }
    return f as unknown as Fault;
}

import { errorReply, type Reply } from './envelope.js';

export interface RateLimitConfig {
    limit: number;
    refillPerSecond: number;
}

/** Rate limits apply per endpoint family: the first two path segments, e.g. /api/audit. */
export function familyOf(path: string): string {
    return path.split('/').slice(0, 3).join('/');
}

/** A continuously refilled token bucket per family, on the simulator clock. */
export class RateLimiter {
    private readonly buckets = new Map<string, { tokens: number; at: number }>();

    constructor(
        private readonly cfg: RateLimitConfig,
        private readonly clock: () => number
    ) {}

    /** Takes one token. Returns the headers for the response and, when the bucket is empty, the 429 reply. */
    take(family: string): { headers: Record<string, string>; reply?: Reply } {
        const now = this.clock();
        const b = this.buckets.get(family) ?? { tokens: this.cfg.limit, at: now };
        b.tokens = Math.min(this.cfg.limit, b.tokens + (Math.max(0, now - b.at) * this.cfg.refillPerSecond) / 1000);
        b.at = now;
        this.buckets.set(family, b);
        const allowed = b.tokens >= 1;
        if (allowed) b.tokens -= 1;
        const remaining = Math.floor(b.tokens);
        // Reset = ms until one more request is allowed (Mimecast documents milliseconds).
        const reset = remaining > 0 ? 0 : Math.ceil(((1 - b.tokens) * 1000) / this.cfg.refillPerSecond);
        const headers = {
            'X-RateLimit-Limit': String(this.cfg.limit),
            'X-RateLimit-Remaining': String(remaining),
            'X-RateLimit-Reset': String(reset)
        };
        if (allowed) return { headers };
        return { headers, reply: errorReply(429, 'err_rate_limit_exceeded', `Rate limit exceeded for ${family}; retry after ${reset} ms`, true) };
    }
}

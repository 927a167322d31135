// The host's only way to print. Every line passes through redaction, so a client secret, a bearer
// token or an API 1.0 key that reaches a message (an error body, a URL) never reaches the terminal.
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
const ORDER: Record<LogLevel, number> = { debug: 0, info: 1, warn: 2, error: 3 };

export interface Logger {
    log(level: LogLevel, message: string): void;
    /** Registers a value that must never be printed (a secret, a token). */
    addSecret(value: string | undefined): void;
    redact(text: string): string;
}

export function createLogger(options: { level?: LogLevel; write?: (line: string) => void } = {}): Logger {
    const secrets = new Set<string>();
    const minimum = ORDER[options.level ?? 'info'];
    const write = options.write ?? ((line: string) => process.stderr.write(`${line}\n`));
    const redact = (text: string): string => {
        let out = text.replace(/(Bearer|MC)\s+[A-Za-z0-9._~+/=:-]+/g, '$1 [redacted]');
        for (const secret of secrets) {
            out = out.split(secret).join('[redacted]');
        }
        return out;
    };
    return {
        log(level, message) {
            if (ORDER[level] >= minimum) {
                write(redact(level === 'info' ? message : `${level}: ${message}`));
            }
        },
        addSecret(value) {
            // Very short values would redact ordinary words; real secrets are long.
            if (value && value.length >= 6) {
                secrets.add(value);
            }
        },
        redact
    };
}

/** Formats anything a function logs or throws into one line. */
export function describe(value: unknown): string {
    if (value instanceof Error || (typeof value === 'object' && value !== null && 'message' in value)) {
        const err = value as { message: unknown; payload?: unknown };
        // An ActionError has an empty message: its payload (code, message, field) is what the caller reads.
        return [String(err.message), err.payload ? JSON.stringify(err.payload) : ''].filter(Boolean).join(' ');
    }
    return typeof value === 'string' ? value : JSON.stringify(value);
}

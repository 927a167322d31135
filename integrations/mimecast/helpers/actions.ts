// What every action does the same way: validate input before any call to Mimecast, and hand a
// Mimecast failure to the caller as an ActionError carrying Mimecast's code, message and retryable flag.
import type { NangoAction } from 'nango';
import type * as z from 'zod';

import { MimecastError } from './api.js';

type ActionNango = Pick<NangoAction, 'ActionError'>;

/** Parses the input; the first problem becomes an ActionError naming the field and what was expected. */
export function parseInput<S extends z.ZodType>(nango: ActionNango, schema: S, input: unknown): z.infer<S> {
    const parsed = schema.safeParse(input ?? {});
    if (parsed.success) {
        return parsed.data;
    }
    const issues = parsed.error.issues.map((issue) => {
        const field = issue.path.length > 0 ? issue.path.join('.') : 'input';
        return { field, message: `${field}: ${issue.message}` };
    });
    throw new nango.ActionError({
        code: 'invalid_input',
        message: issues.map((i) => i.message).join('; '),
        field: issues[0]?.field ?? 'input',
        issues
    });
}

/** Runs the body; a MimecastError becomes an ActionError the caller can read. */
export async function mimecastAction<T>(nango: ActionNango, body: () => Promise<T>): Promise<T> {
    // @allowTryCatch: turns a MimecastError into the ActionError the caller reads; anything else is rethrown
    try {
        return await body();
    } catch (err) {
        if (err instanceof MimecastError) {
            throw new nango.ActionError({ ...err.toJSON() });
        }
        throw err;
    }
}

// Loads providers.yaml into typed provider definitions, the way Nango reads its providers map.
// Only the fields this project uses are modelled; anything else Nango's schema allows is rejected
// here so that a typo cannot silently change behaviour.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import * as z from 'zod';

export const PROVIDERS_FILE = fileURLToPath(new URL('../providers.yaml', import.meta.url));

const Field = z
    .object({
        type: z.literal('string'),
        title: z.string().min(1),
        description: z.string().min(1),
        example: z.string().optional(),
        pattern: z.string().optional(),
        format: z.enum(['hostname', 'uri', 'uuid', 'email']).optional(),
        enum: z.array(z.string()).min(1).optional(),
        default_value: z.string().optional(),
        secret: z.boolean().optional(),
        optional: z.boolean().optional(),
        order: z.number().optional(),
        doc_section: z
            .string()
            .regex(/^#[a-z0-9-]+$/, 'an anchor like #step-2-copy-your-credentials')
            .optional()
    })
    .strict();
export type ProviderField = z.infer<typeof Field>;

const Paginate = z
    .object({
        type: z.enum(['cursor', 'link', 'offset']),
        cursor_name_in_request: z.string().optional(),
        cursor_path_in_response: z.string().optional(),
        limit_name_in_request: z.string().optional(),
        response_path: z.string().optional()
    })
    .strict();

const Provider = z
    .object({
        display_name: z.string().min(1),
        categories: z.array(z.string()).optional(),
        auth_mode: z.enum(['OAUTH2_CC', 'API_KEY', 'CUSTOM', 'TWO_STEP', 'BASIC']),
        token_url: z.string().optional(),
        body_format: z.enum(['form', 'json', 'query']).optional(),
        token_params: z.record(z.string(), z.string()).optional(),
        token_request_auth_method: z.literal('basic').optional(),
        token_expiration_buffer: z.number().int().nonnegative().optional(),
        proxy: z
            .object({
                base_url: z.string().min(1),
                headers: z.record(z.string().regex(/^[a-z0-9_.-]+$/, 'a lowercase header name'), z.string()).optional(),
                paginate: Paginate.optional(),
                retry: z
                    .object({ after: z.array(z.string()).optional(), at: z.array(z.string()).optional() })
                    .strict()
                    .optional()
            })
            .strict(),
        docs: z.string().url(),
        docs_connect: z.string().url().optional(),
        connection_config: z.record(z.string(), Field).optional(),
        credentials: z.record(z.string(), Field).optional()
    })
    .strict()
    .superRefine((p, ctx) => {
        if (p.auth_mode === 'OAUTH2_CC' && !p.token_url) {
            ctx.addIssue({ code: 'custom', path: ['token_url'], message: 'OAUTH2_CC needs a token_url' });
        }
        // Nango's validator: every ${connectionConfig.x} is declared, every declared field is used.
        const text = JSON.stringify([p.token_url, p.proxy]);
        const used = new Set([...text.matchAll(/\$\{connectionConfig\.([A-Za-z0-9_.-]+)\}/g)].map((m) => m[1]));
        for (const name of used) {
            if (!name || !p.connection_config?.[name]) {
                ctx.addIssue({ code: 'custom', path: ['connection_config', name ?? ''], message: `\${connectionConfig.${name}} is used but not declared` });
            }
        }
        for (const name of Object.keys(p.connection_config ?? {})) {
            // A secret field may be read by the functions alone (nango.getConnection), never interpolated:
            // the API 1.0 signing keys. Nango's own validator does not require every field to be interpolated.
            if (!used.has(name) && !p.connection_config?.[name]?.optional && !p.connection_config?.[name]?.secret) {
                ctx.addIssue({ code: 'custom', path: ['connection_config', name], message: 'declared but never used in token_url or proxy' });
            }
        }
    });
export type ProviderDefinition = z.infer<typeof Provider>;

export class ProviderDefinitionError extends Error {
    constructor(
        public readonly field: string,
        detail: string
    ) {
        super(`providers.yaml: ${field}: ${detail}`);
        this.name = 'ProviderDefinitionError';
    }
}

/** Parses providers.yaml text; throws ProviderDefinitionError naming the first bad field. */
export function parseProviders(text: string): Record<string, ProviderDefinition> {
    const raw: unknown = parse(text);
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
        throw new ProviderDefinitionError('(root)', 'expected a map of provider keys');
    }
    const out: Record<string, ProviderDefinition> = {};
    for (const [key, value] of Object.entries(raw)) {
        if (!/^[a-z0-9-]+$/.test(key)) {
            throw new ProviderDefinitionError(key, 'provider keys are lowercase letters, digits and dashes');
        }
        const parsed = Provider.safeParse(value);
        if (!parsed.success) {
            const issue = parsed.error.issues[0]!;
            const keys = issue.code === 'unrecognized_keys' ? `.${issue.keys.join(',')}` : '';
            throw new ProviderDefinitionError([key, ...issue.path.map(String)].join('.') + keys, issue.message);
        }
        out[key] = parsed.data;
    }
    return out;
}

export function loadProviders(file = PROVIDERS_FILE): Record<string, ProviderDefinition> {
    return parseProviders(readFileSync(file, 'utf8'));
}

export function getProviderDefinition(key: string, file = PROVIDERS_FILE): ProviderDefinition {
    const provider = loadProviders(file)[key];
    if (!provider) {
        throw new ProviderDefinitionError(key, 'no such provider in providers.yaml');
    }
    return provider;
}

/** Replaces ${connectionConfig.x} the way Nango does; a missing value is an error, not an empty string. */
export function interpolate(template: string, connectionConfig: Record<string, string>): string {
    return template.replace(/\$\{connectionConfig\.([A-Za-z0-9_.-]+)\}/g, (_m, name: string) => {
        const value = connectionConfig[name];
        if (value === undefined || value === '') {
            throw new ProviderDefinitionError(`connection_config.${name}`, 'no value in this connection');
        }
        return value;
    });
}

/** Connection config with each declared field's default filled in (what the Connect UI submits). */
export function withDefaults(provider: ProviderDefinition, given: Record<string, string>): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [name, field] of Object.entries(provider.connection_config ?? {})) {
        const value = given[name] ?? field.default_value ?? field.enum?.[0];
        if (value !== undefined) {
            if (field.enum && !field.enum.includes(value)) {
                throw new ProviderDefinitionError(`connection_config.${name}`, `expected one of ${field.enum.join(', ')}, got ${value}`);
            }
            out[name] = value;
        }
    }
    return { ...given, ...out };
}

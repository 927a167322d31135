// Connection metadata given on the command line (`npm run function -- <name> --metadata '<json>'`) or
// in the environment (`MIMECAST_METADATA`, `MIMECAST_METADATA_FILE`, for `npm start`). It is checked
// against each sync's metadata JSON schema from .nango/nango.json (the model a sync names as its
// `input` there) with Nango's own validator, then stored as Nango's setMetadata stores it.
import { readFileSync } from 'node:fs';

import { validateData } from '@nangohq/runner-sdk';

import type { FunctionInfo } from './runner.js';

export class MetadataError extends Error {
    constructor(message: string) {
        super(message);
        this.name = 'MetadataError';
    }
}

/** Parses one JSON object; `source` names where it came from in the error. */
export function parseMetadata(source: string, text: string): Record<string, unknown> {
    let value: unknown;
    try {
        value = JSON.parse(text);
    } catch (err) {
        throw new MetadataError(`${source}: expected a JSON object, got invalid JSON (${err instanceof Error ? err.message : String(err)})`);
    }
    if (!value || typeof value !== 'object' || Array.isArray(value)) {
        throw new MetadataError(`${source}: expected a JSON object, got ${Array.isArray(value) ? 'an array' : JSON.stringify(value)}`);
    }
    return value as Record<string, unknown>;
}

/** MIMECAST_METADATA (JSON) or MIMECAST_METADATA_FILE (a path to JSON); undefined when neither is set. */
export function metadataFromEnv(env: {
    MIMECAST_METADATA?: string | undefined;
    MIMECAST_METADATA_FILE?: string | undefined;
}): Record<string, unknown> | undefined {
    if (env.MIMECAST_METADATA && env.MIMECAST_METADATA_FILE) {
        throw new MetadataError('set MIMECAST_METADATA or MIMECAST_METADATA_FILE, not both');
    }
    if (env.MIMECAST_METADATA) {
        return parseMetadata('MIMECAST_METADATA', env.MIMECAST_METADATA);
    }
    if (env.MIMECAST_METADATA_FILE) {
        let text: string;
        try {
            text = readFileSync(env.MIMECAST_METADATA_FILE, 'utf8');
        } catch (err) {
            throw new MetadataError(`MIMECAST_METADATA_FILE: cannot read ${env.MIMECAST_METADATA_FILE} (${err instanceof Error ? err.message : String(err)})`);
        }
        return parseMetadata(`MIMECAST_METADATA_FILE ${env.MIMECAST_METADATA_FILE}`, text);
    }
    return undefined;
}

interface SchemaIssue {
    instancePath?: string;
    message?: string;
    params?: Record<string, unknown>;
}

/**
 * Checks the metadata against the metadata schema of every given sync that declares one, and throws
 * a MetadataError naming the field, what was expected and which sync expects it.
 */
export function validateMetadata(source: string, metadata: Record<string, unknown>, functions: FunctionInfo[]): void {
    for (const fn of functions) {
        if (fn.type !== 'sync' || !fn.input) {
            continue;
        }
        const result = validateData({ version: '1', input: metadata, modelName: fn.input, jsonSchema: fn.jsonSchema as never });
        if (result === true) {
            continue;
        }
        const issue = (result as unknown[])[0] as SchemaIssue | Error | undefined;
        if (issue instanceof Error || !issue) {
            throw new MetadataError(
                `${source}: the metadata schema of ${fn.name} could not be used (${issue instanceof Error ? issue.message : 'unknown error'})`
            );
        }
        const field = (issue.instancePath ?? '').replace(/^\//, '').replace(/\//g, '.') || '(the object)';
        const allowed = Array.isArray(issue.params?.['allowedValues']) ? `: ${(issue.params['allowedValues'] as unknown[]).map(String).join(', ')}` : '';
        const got = field === '(the object)' ? metadata : valueAt(metadata, field);
        throw new MetadataError(
            `${source}: ${field} ${issue.message ?? 'is invalid'}${allowed} (got ${JSON.stringify(got)}; metadata schema of sync ${fn.name})`
        );
    }
}

function valueAt(value: unknown, path: string): unknown {
    return path
        .split('.')
        .reduce<unknown>((current, key) => (current && typeof current === 'object' ? (current as Record<string, unknown>)[key] : undefined), value);
}

// npm run function -- <name> [--input <json>] [--metadata <json>] [--reset]
// Runs one sync or action and prints its records or output as JSON, like `nango dryrun` but with no
// Nango account: against the simulator by default, against Mimecast when credentials are set.
// --metadata sets the local connection's metadata (kept in the store, as Nango's setMetadata keeps it)
// after checking it against the sync's metadata schema.
import { parseArgs } from 'node:util';

import { describe } from '../log.js';
import { openLocalHost } from '../local.js';
import { MetadataError, parseMetadata, validateMetadata } from '../metadata.js';
import { findFunction } from '../runner.js';

async function main(): Promise<number> {
    const { positionals, values } = parseArgs({
        allowPositionals: true,
        options: {
            input: { type: 'string' },
            metadata: { type: 'string' },
            reset: { type: 'boolean', default: false },
            help: { type: 'boolean', short: 'h', default: false }
        }
    });
    const name = positionals[0];
    if (!name || values.help) {
        process.stdout.write('usage: npm run function -- <sync-or-action> [--input \'{"field":"value"}\'] [--metadata \'{"backfillDays":3}\'] [--reset]\n');
        return name ? 0 : 2;
    }
    let input: unknown = {};
    if (values.input !== undefined) {
        try {
            input = JSON.parse(values.input);
        } catch {
            process.stderr.write(`--input: expected JSON, got ${values.input}\n`);
            return 2;
        }
    }
    const fn = findFunction(name);
    let metadata: Record<string, unknown> | undefined;
    if (values.metadata !== undefined) {
        try {
            metadata = parseMetadata('--metadata', values.metadata);
            validateMetadata('--metadata', metadata, [fn]);
        } catch (err) {
            if (err instanceof MetadataError) {
                process.stderr.write(`${err.message}\n`);
                return 2;
            }
            throw err;
        }
    }
    const local = await openLocalHost();
    try {
        if (metadata) {
            local.store.setMetadata(local.connection.connectionId, metadata);
        }
        local.logger.log('info', `${fn.type} ${fn.name} → ${local.target}`);
        if (fn.type === 'action') {
            const output = await local.host.runAction(fn, input);
            process.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
            return 0;
        }
        if (values.reset) {
            local.store.clearCheckpoint(local.connection.connectionId, fn.name);
        }
        const saved: Record<string, unknown[]> = {};
        const result = await local.host.runSync(fn, { onRecords: (model, records) => (saved[model] ??= []).push(...records) });
        process.stdout.write(`${JSON.stringify(saved, null, 2)}\n`);
        local.logger.log('info', `${fn.name}: ${JSON.stringify(result.models)} in ${result.durationMs} ms, ${result.requests} requests`);
        return 0;
    } catch (err) {
        local.logger.log('error', `${fn.name} failed: ${describe(err)}`);
        return 1;
    } finally {
        await local.close();
    }
}

process.exitCode = await main();

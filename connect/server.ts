// npm run connect [-- --target real] [--port 3010]
// Serves the Mimecast connect form on localhost, rendered from providers.yaml as Nango's Connect UI renders
// it. Submitting it runs the client-credentials exchange (all Nango does; its page shows "Success!" or
// "Connection failed") and, in a separate panel, this project's get-account check, against the embedded
// simulator (default), the gateway chosen in the form (--target real), or MIMECAST_BASE_URL when set.
import { parseArgs } from 'node:util';

import { createLogger } from '../host/log.js';
import type { LogLevel } from '../host/log.js';
import { startConnectServer } from './app.js';

const { values } = parseArgs({
    options: {
        target: { type: 'string', default: 'simulator' },
        port: { type: 'string', default: process.env['PORT'] ?? '3010' },
        help: { type: 'boolean', short: 'h', default: false }
    }
});
if (values.help) {
    process.stdout.write(
        'usage: npm run connect [-- --target simulator|real] [--port 3010]\n  MIMECAST_BASE_URL=<url> replaces the gateway (implies --target real)\n'
    );
    process.exit(0);
}
const baseUrl = process.env['MIMECAST_BASE_URL'] || undefined;
const target = baseUrl ? 'real' : values.target;
if (target !== 'simulator' && target !== 'real') {
    process.stderr.write(`--target: expected simulator or real, got ${target}\n`);
    process.exit(2);
}
const port = Number(values.port);
const logger = createLogger({ level: (process.env['LOG_LEVEL'] as LogLevel | undefined) ?? 'info' });
const server = await startConnectServer({ target, port, logger, ...(baseUrl ? { baseUrl } : {}) });
logger.log('info', `Connect preview: ${server.url}  (checks credentials against ${server.target})`);
if (server.simulator) {
    logger.log(
        'info',
        `Simulator demo credentials: Client ID ${server.simulator.options.clientId}, Client Secret = SIMULATOR_CLIENT_SECRET in simulator/index.ts (they only open the local simulator)`
    );
}
const stop = (): void => {
    void server.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

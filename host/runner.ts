// Runs compiled functions the way Nango's runner does: inside subclasses of @nangohq/runner-sdk's
// NangoSyncBase / NangoActionBase (so paginate, record validation and ActionError are Nango's own
// code), with the proxy, store and credentials of this host behind the abstract methods. Like Nango in
// production: the function sees a guarded `nango` object, records are not validated against the
// model's schema (opt in with `validateRecords`, as `nango dryrun --validation` does), a record
// without `id` fails its batch, a duplicate id within a batch is dropped, metadata is `null` until
// set, and an action's output is at most 2 MB.
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';

import { getProviders, updateProviderCache } from '@nangohq/providers';
import { ActionError, NangoActionBase, NangoSyncBase } from '@nangohq/runner-sdk';
import type { ProxyConfiguration } from '@nangohq/runner-sdk';

import { ClientCredentials } from './auth.js';
import type { Connection } from './connection.js';
import type { Logger, LogLevel } from './log.js';
import { describe } from './log.js';
import { loadProviders } from './providers.js';
import { assertEgressAllowed, HostProxy } from './proxy.js';
import type { ProxyOptions } from './proxy.js';
import { loadCompiledFunction } from './sandbox.js';
import type { SandboxOptions } from './sandbox.js';
import { batchRows, toBatch } from './record-batch.js';
import type { RecordBatch } from './record-batch.js';
import type { StoreWrite, WriteOutcome } from './store-writer.js';
import type { SaveResult, Store } from './store.js';

export const INTEGRATIONS_DIR = fileURLToPath(new URL('../integrations/', import.meta.url));

// A sync's thread parses a page, maps it, serializes its rows and traces, and drops them a page later.
// In V8's default young generation (16 MB semi-spaces) a scavenge came every 60 ms and copied about
// 2 MB of that live page each time: a tenth of a SIEM run's time on the function's thread. 32 MB
// semi-spaces halve the scavenges (SIEM 100k: function thread 8.1 to 7.3 s). A speed setting of this
// process only, set before the store's writer thread starts (it applies to isolates created after it);
// nothing a function sees changes.
setFlagsFromString('--max-semi-space-size=32');

export interface FunctionInfo {
    name: string;
    type: 'sync' | 'action';
    description: string;
    file: string;
    models: string[];
    runs?: string;
    /** Syncs: 'incremental' or 'full' (full refresh with delete tracking). */
    syncType?: string;
    /** Syncs: whether Nango starts it for every new connection (`autoStart`); false = started on request. */
    autoStart?: boolean;
    scopes: string[];
    jsonSchema: Record<string, unknown>;
    input?: string;
    output?: string;
}

interface NangoJsonFunction {
    name: string;
    type: 'sync' | 'action';
    description: string;
    output?: string[] | null;
    input?: string | null;
    runs?: string;
    sync_type?: string;
    auto_start?: boolean;
    scopes?: string[];
    json_schema?: Record<string, unknown>;
}

/** The functions `nango compile` produced, read from .nango/nango.json. */
export function listFunctions(integrationsDir = INTEGRATIONS_DIR, providerConfigKey = 'mimecast'): FunctionInfo[] {
    const manifest = join(integrationsDir, '.nango', 'nango.json');
    if (!existsSync(manifest)) {
        throw new Error(`${manifest} is missing: run \`npm run compile\` first`);
    }
    const parsed = JSON.parse(readFileSync(manifest, 'utf8')) as { providerConfigKey: string; syncs: NangoJsonFunction[]; actions: NangoJsonFunction[] }[];
    const integration = parsed.find((entry) => entry.providerConfigKey === providerConfigKey);
    if (!integration) {
        return [];
    }
    return [...integration.syncs, ...integration.actions].map((fn) => ({
        name: fn.name,
        type: fn.type,
        description: fn.description,
        file: join(integrationsDir, 'build', `${providerConfigKey}_${fn.type}s_${fn.name}.cjs`),
        models: fn.type === 'sync' ? (fn.output ?? []) : [],
        ...(fn.runs ? { runs: fn.runs } : {}),
        ...(fn.sync_type ? { syncType: fn.sync_type } : {}),
        ...(fn.type === 'sync' ? { autoStart: fn.auto_start !== false } : {}),
        scopes: fn.scopes ?? [],
        jsonSchema: fn.json_schema ?? {},
        ...(fn.input ? { input: fn.input } : {}),
        ...(fn.output?.[0] ? { output: fn.output[0] } : {})
    }));
}

export function findFunction(name: string, integrationsDir = INTEGRATIONS_DIR): FunctionInfo {
    const all = listFunctions(integrationsDir);
    const fn = all.find((f) => f.name === name);
    if (!fn) {
        throw new Error(`no function named '${name}'; known: ${all.map((f) => f.name).join(', ')}`);
    }
    return fn;
}

/** Makes nango.paginate() see this project's provider definitions, as a self-hosted Nango with PROVIDERS_URL would. */
let providersLoaded = false;
function loadProvidersIntoNango(): void {
    if (!providersLoaded) {
        // The SDK's Provider type is wider than what providers.yaml declares; the shapes agree where they overlap.
        updateProviderCache({ ...getProviders(), ...(loadProviders() as unknown as ReturnType<typeof getProviders>) });
        providersLoaded = true;
    }
}

export interface HostOptions {
    connection: Connection;
    store: Store;
    logger: Logger;
    proxy?: ProxyOptions;
    sandbox?: SandboxOptions;
    /**
     * Validate every saved record against the model's JSON schema and fail the run on the first
     * invalid one (Nango's runner flag validateSyncRecords, which `nango dryrun --validation` turns on).
     * Off by default, as in Nango's production runner. The tests turn it on.
     */
    validateRecords?: boolean;
}

/** Nango refuses an action output larger than this (measured on a self-hosted Nango: 2 MB). */
export const MAX_ACTION_OUTPUT_BYTES = 2 * 1024 * 1024;

/** A failure the host raises where Nango's runner would, with Nango's error type. */
export class HostRunError extends Error {
    constructor(
        readonly type: string,
        message: string,
        readonly payload: Record<string, unknown> = {}
    ) {
        super(message);
        this.name = 'HostRunError';
    }
}

/** One connection's runtime: its token cache and proxy are shared by every function run. */
export class Host {
    readonly auth: ClientCredentials | undefined;
    readonly proxy: HostProxy;

    constructor(readonly options: HostOptions) {
        const { connection, logger } = options;
        for (const value of Object.values(connection.credentials)) {
            logger.addSecret(value);
        }
        // Secret connection_config fields too (API 1.0: the App Key and Access Key beside the Secret Key).
        for (const [name, field] of Object.entries(connection.provider.connection_config ?? {})) {
            if (field.secret) {
                logger.addSecret(connection.connectionConfig[name]);
            }
        }
        this.auth = connection.provider.auth_mode === 'OAUTH2_CC' ? new ClientCredentials(connection, logger) : undefined;
        this.proxy = new HostProxy(connection, this.auth, logger, options.proxy);
        loadProvidersIntoNango();
    }

    async runSync(fn: FunctionInfo, runOptions: SyncRunOptions = {}): Promise<SyncRunResult> {
        const compiled = loadCompiledFunction(fn.file, this.options.sandbox);
        if (compiled.type !== 'sync') {
            throw new Error(`${fn.name} is not a sync`);
        }
        // Up while the function starts and fetches its first page, not when it first saves.
        this.options.store.startWriter();
        const started = Date.now();
        const requestsBefore = this.proxy.stats.requests;
        const context = new LocalSync(this, fn, runOptions);
        try {
            await compiled.exec(guardNango(context) as never);
        } catch (err) {
            // What was saved before the failure stays saved (as on Nango); the function's error wins.
            try {
                context.flushWrites();
            } catch {
                // already failing
            }
            throw err;
        }
        context.flushWrites();
        return { name: fn.name, durationMs: Date.now() - started, requests: this.proxy.stats.requests - requestsBefore, models: context.results };
    }

    async runAction(fn: FunctionInfo, input: unknown): Promise<unknown> {
        const compiled = loadCompiledFunction(fn.file, this.options.sandbox);
        if (compiled.type !== 'action') {
            throw new Error(`${fn.name} is not an action`);
        }
        const context = new LocalAction(this, fn);
        const output: unknown = await compiled.exec(guardNango(context) as never, input as never);
        const bytes = output === undefined ? 0 : Buffer.byteLength(JSON.stringify(output) ?? '', 'utf8');
        if (bytes > MAX_ACTION_OUTPUT_BYTES) {
            throw new HostRunError(
                'action_output_too_large',
                `${fn.name} returned ${bytes} bytes; Nango accepts at most ${MAX_ACTION_OUTPUT_BYTES} bytes of action output`,
                {
                    bytes,
                    maxBytes: MAX_ACTION_OUTPUT_BYTES
                }
            );
        }
        return output;
    }
}

export interface ModelResult extends SaveResult {
    deleted: number;
}

export interface SyncRunResult {
    name: string;
    durationMs: number;
    requests: number;
    models: Record<string, ModelResult>;
}

export interface SyncRunOptions {
    onProgress?: (progress: SyncProgress) => void;
    /** Receives every batch saved, as saved (for `npm run function`, which prints them). */
    onRecords?: (model: string, records: Record<string, unknown>[]) => void;
}

export interface SyncProgress {
    sync: string;
    model: string;
    batches: number;
    records: number;
}

type NangoProps = ConstructorParameters<typeof NangoActionBase>[0];

function nangoProps(host: Host, fn: FunctionInfo): NangoProps {
    const { connection } = host.options;
    return {
        scriptType: fn.type,
        connectionId: connection.connectionId,
        providerConfigKey: connection.providerConfigKey,
        provider: connection.providerConfigKey,
        team: { id: 1, name: 'local' },
        environmentId: 1,
        activityLogId: randomUUID(),
        runnerFlags: {
            validateActionInput: false,
            validateActionOutput: false,
            validateSyncRecords: host.options.validateRecords ?? false,
            validateSyncMetadata: false
        },
        logger: { level: 'debug' as const },
        syncConfig: { models_json_schema: fn.jsonSchema, version: '1' },
        isCLI: true
    } as unknown as NangoProps;
}

/** The part of @nangohq/node's Nango client that NangoActionBase calls into. */
function nodeClient(host: Host) {
    const { connection, store } = host.options;
    const connectionView = async () => ({
        id: 1,
        connection_id: connection.connectionId,
        provider_config_key: connection.providerConfigKey,
        provider: connection.providerConfigKey,
        connection_config: connection.connectionConfig,
        // Nango: `null` until metadata is set on the connection.
        metadata: store.getMetadata(connection.connectionId),
        credentials: {
            type: connection.provider.auth_mode,
            ...connection.credentials,
            ...(host.auth ? { token: await host.auth.accessToken() } : {})
        }
    });
    return {
        userAgent: 'mimecast-nango-local-host',
        getConnection: connectionView,
        getToken: async () => (host.auth ? host.auth.accessToken() : connection.credentials),
        setMetadata: async (_key: string, _id: string, metadata: Record<string, unknown>) => {
            store.setMetadata(connection.connectionId, metadata);
            return { status: 200, data: {} };
        },
        updateMetadata: async (_key: string, _id: string, metadata: Record<string, unknown>) => {
            store.setMetadata(connection.connectionId, { ...(store.getMetadata(connection.connectionId) ?? {}), ...metadata });
            return { status: 200, data: {} };
        },
        getIntegration: async () => ({ data: { unique_key: connection.providerConfigKey, provider: connection.providerConfigKey } }),
        getEnvironmentVariables: async () => [],
        triggerAction: async () => {
            throw new Error('triggerAction is not available in the local host');
        }
    };
}

function log(host: Host, fn: FunctionInfo, args: unknown[]): void {
    const last = args[args.length - 1];
    const level: LogLevel =
        args.length > 1 && last && typeof last === 'object' && 'level' in last && typeof (last as { level: unknown }).level === 'string'
            ? (last as { level: LogLevel }).level
            : 'info';
    const parts = args.length > 1 && level !== 'info' ? args.slice(0, -1) : args;
    host.options.logger.log(level === 'info' ? 'debug' : level, `[${fn.name}] ${parts.map(describe).join(' ')}`);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AbstractCtor<T> = abstract new (...args: any[]) => T;

/** What syncs and actions share on this host: proxy, log, checkpoints, locks, and the unavailable triggers. */
function onHost<TBase extends AbstractCtor<NangoActionBase>>(Base: TBase) {
    abstract class OnHost extends Base {
        declare host: Host;
        declare fn: FunctionInfo;
        override ActionError = ActionError;
        private readonly locks = new Map<string, number>();

        protected attach(host: Host, fn: FunctionInfo): void {
            this.host = host;
            this.fn = fn;
            // The SDK types `nango` as @nangohq/node's full client; the runner only calls what nodeClient provides.
            this.nango = nodeClient(host) as unknown as NangoActionBase['nango'];
        }

        override async proxy<T = unknown>(config: ProxyConfiguration) {
            this.throwIfAbortedOrKilled();
            return (await this.host.proxy.request<T>(config)) as never;
        }
        override log(...args: unknown[]): void {
            log(this.host, this.fn, args);
        }
        override async triggerSync(): Promise<void> {
            throw new Error('triggerSync is not available in the local host');
        }
        override async startSync(): Promise<void> {
            throw new Error('startSync is not available in the local host');
        }
        override async uncontrolledFetch(options: { url: URL; method?: string; headers?: Record<string, string>; body?: string | null }): Promise<Response> {
            // Nango's runner reads `options.url.href`: a string URL fails there, so it fails here too. No credentials are added.
            if (!(options.url instanceof URL)) {
                throw new TypeError('uncontrolledFetch needs options.url to be a URL object (Nango reads its href)');
            }
            try {
                assertEgressAllowed(options.url.href, this.host.proxy.allowedOrigins);
            } catch {
                // The runner SDK's own error for a refused URL.
                throw new ActionError({ code: 'url_not_allowed', message: 'This URL is not allowed by server configuration.' });
            }
            return fetch(options.url, { method: options.method ?? 'GET', headers: options.headers ?? {}, body: options.body ?? null });
        }
        override async tryAcquireLock({ key, ttlMs }: { key: string; ttlMs: number }): Promise<boolean> {
            const until = this.locks.get(key);
            if (until !== undefined && until > Date.now()) {
                return false;
            }
            this.locks.set(key, Date.now() + ttlMs);
            return true;
        }
        override async releaseLock({ key }: { key: string }): Promise<boolean> {
            return this.locks.delete(key);
        }
        override async releaseAllLocks(): Promise<void> {
            this.locks.clear();
        }
        override async getCheckpoint(): Promise<never> {
            return this.host.options.store.getCheckpoint(this.connectionId, this.fn.name) as never;
        }
        override async saveCheckpoint(checkpoint: unknown): Promise<void> {
            this.host.options.store.saveCheckpoint(this.connectionId, this.fn.name, checkpoint as Record<string, unknown>);
        }
        override async clearCheckpoint(): Promise<void> {
            this.host.options.store.clearCheckpoint(this.connectionId, this.fn.name);
        }
    }
    return OnHost;
}

/**
 * What Nango's records service keeps of a batch: a record without an id fails the whole batch, and a
 * repeated id within one batch is dropped (the first one kept). The batch itself when nothing is dropped.
 * Its own function, not a loop in batchSave: each run's records come from a fresh sandbox, whose arrays V8
 * has not seen, so the code that walks them is compiled again in every run, and this is small to compile.
 */
function uniqueById(results: Record<string, unknown>[], model: string): { records: Record<string, unknown>[]; ids: string[] } {
    const unique = new Map<string, Record<string, unknown>>();
    for (const record of results) {
        const id = record?.['id'];
        if (id === undefined || id === null || id === '') {
            throw new HostRunError('invalid_records', `Missing id field in a ${model} record: ${JSON.stringify(record).slice(0, 200)}`, { model });
        }
        const key = String(id);
        if (!unique.has(key)) {
            unique.set(key, record);
        }
    }
    return { records: unique.size === results.length ? results : [...unique.values()], ids: [...unique.keys()] };
}

/**
 * A saved batch not yet committed, for reads of its records in the meantime: each record's JSON is cut
 * out of the batch's only when one of them is read (a sync that reads back what it saved reads a few).
 */
class QueuedBatch {
    private byId: Map<string, string> | undefined;

    constructor(readonly batch: RecordBatch) {}

    json(id: string): string {
        this.byId ??= new Map(batchRows(this.batch).map((row) => [row.id, row.data]));
        return this.byId.get(id)!;
    }
}

class LocalAction extends onHost(NangoActionBase) {
    declare nango: NangoActionBase['nango'];
    constructor(host: Host, fn: FunctionInfo) {
        super(nangoProps(host, fn));
        this.attach(host, fn);
    }
}

class LocalSync extends onHost(NangoSyncBase) {
    declare nango: NangoActionBase['nango'];
    readonly results: Record<string, ModelResult> = {};
    private readonly runId = randomUUID();
    private batches = 0;

    constructor(
        host: Host,
        fn: FunctionInfo,
        private readonly runOptions: SyncRunOptions
    ) {
        super(nangoProps(host, fn));
        this.attach(host, fn);
    }

    private get store(): Store {
        return this.host.options.store;
    }

    // Store writes run behind the function, in order (store-writer.ts): a batchSave or saveCheckpoint
    // returns once its write is queued, and they are committed in groups off the function's path.
    // Anything that reads the store, and the end of the run, flushes first; a failed write fails the
    // next call. A checkpoint is never written before the records queued ahead of it, so a host that
    // dies with writes queued resumes from an earlier checkpoint.
    private writeError: unknown;

    private queueWrite(write: StoreWrite, onCommitted: (outcome: WriteOutcome) => void = () => undefined): void {
        this.throwIfWriteFailed();
        this.store.writer.write(write, (outcome, error) => {
            if (error !== undefined || outcome === undefined) {
                this.writeError ??= error ?? new Error('store write failed');
            } else {
                onCommitted(outcome);
            }
        });
    }

    private throwIfWriteFailed(): void {
        if (this.writeError !== undefined) {
            throw this.writeError;
        }
    }

    /** Commits every queued write now; throws the first write failure. */
    flushWrites(): void {
        this.store.writer.flush();
        this.throwIfWriteFailed();
    }

    private result(model: string): ModelResult {
        return (this.results[model] ??= { added: 0, updated: 0, unchanged: 0, deleted: 0 });
    }

    override async batchSave(results: Record<string, unknown>[], model: string): Promise<boolean> {
        if (!results || results.length === 0) {
            return true;
        }
        // Opt-in only (validateRecords): Nango's production runner saves records without this check.
        if (this.runnerFlags.validateSyncRecords) {
            const invalid = this.validateRecords(model, results);
            if (invalid.length > 0) {
                const first = invalid[0];
                throw new Error(`invalid ${model} record ${JSON.stringify(first?.data?.id)}: ${JSON.stringify(first?.validation)}`);
            }
        }
        const { records: batch, ids } = uniqueById(results, model);
        if (batch !== results) {
            this.host.options.logger.log(
                'warn',
                `[${this.fn.name}] ${results.length - batch.length} duplicate ${model} id(s) in one batch dropped, as Nango does`
            );
        }
        const toSave = this.removeMetadata(batch);
        this.runOptions.onRecords?.(model, toSave);
        // Serialized now, as Nango's batchSave sends them: a record the function changes afterwards is saved as it was.
        const queued = new QueuedBatch(toBatch(toSave, ids));
        this.markPending(model, queued.batch.ids, queued);
        this.queueWrite({ kind: 'rows', connectionId: this.connectionId, model, batch: queued.batch }, (outcome) => {
            this.settlePending(model, queued.batch.ids, queued);
            if (outcome.kind !== 'rows') {
                return;
            }
            const total = this.result(model);
            total.added += outcome.saved.added;
            total.updated += outcome.saved.updated;
            total.unchanged += outcome.saved.unchanged;
            this.batches += 1;
            this.runOptions.onProgress?.({ sync: this.fn.name, model, batches: this.batches, records: total.added + total.updated + total.unchanged });
        });
        return true;
    }

    override async batchDelete(results: { id: string }[], model: string): Promise<boolean> {
        const ids = results.map((r) => String(r.id));
        this.markPending(model, ids, null);
        this.queueWrite({ kind: 'delete', connectionId: this.connectionId, model, ids }, (outcome) => {
            this.settlePending(model, ids, null);
            if (outcome.kind === 'delete') {
                this.result(model).deleted += outcome.deleted;
            }
        });
        return true;
    }

    override async saveCheckpoint(checkpoint: unknown): Promise<void> {
        const copy = { ...(checkpoint as Record<string, unknown>) };
        this.queueWrite({ kind: 'checkpoint', connectionId: this.connectionId, syncName: this.fn.name, data: copy });
    }

    override async getCheckpoint(): Promise<never> {
        this.flushWrites();
        return this.store.getCheckpoint(this.connectionId, this.fn.name) as never;
    }

    override async clearCheckpoint(): Promise<void> {
        this.flushWrites();
        this.store.clearCheckpoint(this.connectionId, this.fn.name);
    }

    override async batchUpdate(results: Record<string, unknown>[], model: string): Promise<boolean> {
        this.flushWrites();
        const existing = this.store.getRecordsByIds(
            this.connectionId,
            model,
            results.map((r) => String(r['id']))
        );
        const merged = results.filter((r) => existing.has(String(r['id']))).map((r) => ({ ...existing.get(String(r['id'])), ...r }));
        return this.batchSave(merged as Record<string, unknown>[], model);
    }

    /**
     * Reads what the function saved, queued writes included, without draining the queue (a sync that
     * reads back every page, such as siem-events' message traces, keeps its writes grouped).
     */
    override async getRecordsByIds<K = string, T = unknown>(ids: K[], model: string): Promise<Map<K, T>> {
        this.throwIfWriteFailed();
        const pending = this.pendingRecords(model);
        const out = new Map<K, T>();
        const unqueued = ids.filter((id) => !pending.has(String(id)));
        const stored = this.store.getRecordsByIds(this.connectionId, model, unqueued.map(String));
        for (const id of ids) {
            const key = String(id);
            const queued = pending.get(key);
            const record = queued === undefined ? stored.get(key) : queued === null ? undefined : JSON.parse(queued.json(key));
            if (record !== undefined) {
                out.set(id, record as T);
            }
        }
        return out;
    }

    /** Records (the batch holding them) and deletes (null) queued but not yet written, per model, by id. */
    private readonly pending = new Map<string, Map<string, QueuedBatch | null>>();

    private pendingRecords(model: string): Map<string, QueuedBatch | null> {
        let queued = this.pending.get(model);
        if (!queued) {
            queued = new Map();
            this.pending.set(model, queued);
        }
        return queued;
    }

    /** Records (their batch) or deletes (null) queued: reads see them until their write is committed. */
    private markPending(model: string, ids: string[], queued: QueuedBatch | null): void {
        const pending = this.pendingRecords(model);
        for (const id of ids) {
            pending.set(id, queued);
        }
    }

    /** A write is committed: its records read from the store again, unless a later write queued them anew. */
    private settlePending(model: string, ids: string[], written: QueuedBatch | null): void {
        const queued = this.pendingRecords(model);
        for (const id of ids) {
            if (queued.get(id) === written) {
                queued.delete(id);
            }
        }
    }

    override async *listRecords<T = unknown>(model: string): AsyncGenerator<T> {
        this.flushWrites();
        for (const record of this.store.listRecords(this.connectionId, model)) {
            yield record.data as T;
        }
    }

    override async trackDeletesStart(model: string): Promise<void> {
        this.flushWrites();
        this.store.trackDeletesStart(this.connectionId, model, this.runId);
    }

    override async trackDeletesEnd(model: string): Promise<{ deletedKeys: string[] }> {
        this.flushWrites();
        const deletedKeys = this.store.trackDeletesEnd(this.connectionId, model);
        this.result(model).deleted += deletedKeys.length;
        return { deletedKeys };
    }

    override async deleteRecordsFromPreviousExecutions(model: string): Promise<{ deletedKeys: string[] }> {
        return this.trackDeletesEnd(model);
    }

    override async setMergingStrategy(): Promise<void> {
        // Records here have one writer per run; every strategy behaves as 'override'.
    }
}

/**
 * What Nango's runner does before handing `nango` to a function: a proxy that refuses the SDK's and
 * the runner's internals. Nango's own list (about 35 names) is not public in the sources read here;
 * this one blocks the internal fields and helpers of NangoActionBase/NangoSyncBase (identifiers of the
 * account, environment, job and activity log, runner flags, the raw @nangohq/node client with its
 * secret key, memoized connections, telemetry) and this host's own fields. Everything a function is
 * documented to use (proxy/get/post, log, getConnection, getMetadata, checkpoints, batchSave, ...,
 * connectionId, providerConfigKey, provider, ActionError) passes through, bound to the real object.
 */
export const GUARDED_NANGO_PROPERTIES: ReadonlySet<string> = new Set([
    // NangoActionBase / NangoSyncBase internals
    'nango',
    'logger',
    'activityLogId',
    'syncId',
    'nangoConnectionId',
    'environmentId',
    'environmentName',
    'syncJobId',
    'abortSignal',
    'syncConfig',
    'runnerFlags',
    'scriptType',
    'lifecycle',
    'isCLI',
    'accountId',
    'integrationConfig',
    'functionVariant',
    'attributes',
    'telemetryBag',
    'memoizedConnections',
    'memoizedIntegration',
    'getProxyConfig',
    'proxyConfig',
    'stringify',
    'shouldLog',
    'validateRecords',
    'removeMetadata',
    'modelFullName',
    'emptyCache',
    'track_deletes',
    'lastSyncDate',
    // Nango's runner (persist client)
    'persistApi',
    'persistClient',
    'batchSize',
    'sendLogToPersist',
    'logAPICall',
    // this host
    'host',
    'fn',
    'locks',
    'runOptions',
    'results',
    'runId',
    'batches',
    'store',
    'result',
    'attach',
    'pending',
    'pendingRecords',
    'settlePending',
    'writeError',
    'queueWrite',
    'flushWrites',
    'throwIfWriteFailed'
]);

export function guardNango<T extends object>(target: T): T {
    const bound = new Map<PropertyKey, unknown>();
    const refuse = (prop: PropertyKey): never => {
        throw new Error(`nango.${String(prop)} is not available to functions (Nango's runner guards it)`);
    };
    return new Proxy(target, {
        get(obj, prop) {
            if (typeof prop === 'string' && GUARDED_NANGO_PROPERTIES.has(prop)) {
                return refuse(prop);
            }
            const value: unknown = Reflect.get(obj, prop, obj);
            if (typeof value !== 'function' || prop === 'ActionError') {
                return value;
            }
            // Methods run against the real object, so the SDK's own code still reaches its internals.
            let fn = bound.get(prop);
            if (!fn) {
                fn = (value as (...args: unknown[]) => unknown).bind(obj);
                bound.set(prop, fn);
            }
            return fn;
        },
        has(obj, prop) {
            return typeof prop === 'string' && GUARDED_NANGO_PROPERTIES.has(prop) ? false : Reflect.has(obj, prop);
        },
        set(_obj, prop) {
            return refuse(prop);
        },
        defineProperty(_obj, prop) {
            return refuse(prop);
        },
        deleteProperty(_obj, prop) {
            return refuse(prop);
        }
    });
}

// One trace per message from Cloud Gateway SIEM events. Mimecast gives every event of one message
// (receipt, process, delivery, verdicts, journal) the same aggregateId; a MessageTrace gathers them,
// in time order, and says what became of the message. The trace is a pure function of its set of
// steps, so merging is order-independent and idempotent: the same event twice is one step (steps are
// keyed by the event's id), and events of one message that arrive in a later run extend the trace.
import * as z from 'zod';

import { NativeMap, NativeSet } from './builtins.js';
import { toIsoUtc } from './dates.js';
import { addresses, aggregateIdOf, flag, siemField, siemHeading, siemText } from './siem-view.js';
import type { SiemEventRecord } from './siem-view.js';

export const MessageTraceStep = z.object({
    /** The SiemEvent record's id. */
    eventId: z.string(),
    /** receipt, process, delivery, journal, av, spam, url protect, ... (eventType / type). */
    kind: z.string(),
    /** Mimecast's subType / subtype. */
    subtype: z.string().optional(),
    /** ISO 8601 UTC. */
    time: z.string(),
    /** Mimecast's action word (Acc, Hld, Rej, Sdbx, Allow, Hold, Block, ...). */
    action: z.string().optional(),
    /** A verdict event's result (scanResult, virusFound, URL category, ...). */
    verdict: z.string().optional(),
    /** A delivery event's result. */
    delivered: z.boolean().optional(),
    /** SMTP or rejection code (rejectionCode). */
    code: z.string().optional(),
    /** Why: rejectionInfo, deliveryErrors, holdReason, rejectionType. */
    reason: z.string().optional(),
    sender: z.string().optional(),
    recipients: z.array(z.string()).optional(),
    subject: z.string().optional(),
    direction: z.string().optional(),
    messageId: z.string().optional()
});
export type MessageTraceStep = z.infer<typeof MessageTraceStep>;

export const MessageOutcome = z.enum(['delivered', 'partially_delivered', 'held', 'rejected', 'bounced', 'deferred', 'in_progress', 'unknown']);
export type MessageOutcome = z.infer<typeof MessageOutcome>;

export const MessageTrace = z.object({
    /** Mimecast's aggregateId, shared by the message's events. */
    id: z.string(),
    messageId: z.string().optional(),
    sender: z.string().optional(),
    recipients: z.array(z.string()),
    subject: z.string().optional(),
    /** Inbound, Outbound or Internal. */
    direction: z.string().optional(),
    outcome: MessageOutcome,
    /** The reason Mimecast gave for that outcome, when it gave one. */
    outcomeReason: z.string().optional(),
    /** Time of the earliest and latest step (ISO 8601 UTC): updatedAt moves when a later event arrives. */
    firstSeen: z.string(),
    updatedAt: z.string(),
    /** The message's events in time order (at most MAX_TRACE_STEPS, the latest kept). */
    steps: z.array(MessageTraceStep),
    /** True when older steps were dropped to stay within MAX_TRACE_STEPS. */
    truncated: z.boolean().optional()
});
export type MessageTrace = z.infer<typeof MessageTrace>;

/** Bounds a trace: a distribution-list or notification flood can share one aggregateId across thousands of events. */
export const MAX_TRACE_STEPS = 200;
const MAX_RECIPIENTS = 500;

/** Same-millisecond events sort in the gateway's order, then by id, so the input order never matters. */
const KIND_ORDER = [
    'receipt',
    'process',
    'spam',
    'av',
    'impersonation protect',
    'attachment protect',
    'url protect',
    'internal email protect',
    'delivery',
    'journal'
];

/** The step a SiemEvent adds to its message's trace. */
export function traceStep(event: SiemEventRecord): MessageTraceStep {
    const view = siemHeading(event);
    const recipients = addresses(siemField(event, 'recipients') ?? siemField(event, 'recipient'));
    const delivered =
        view.kind === 'delivery'
            ? (flag(siemField(event, 'delivered')) ??
              (view.subtype && /fail/i.test(view.subtype) ? false : siemText(event, 'deliveryErrors') ? false : undefined))
            : undefined;
    const verdict =
        view.kind === 'receipt' || view.kind === 'process' || view.kind === 'delivery' || view.kind === 'journal'
            ? undefined
            : (siemText(event, 'scanResult') ??
              siemText(event, 'scanResults') ??
              siemText(event, 'virusFound') ??
              siemText(event, 'urlCategory') ??
              (flag(siemField(event, 'taggedMalicious')) ? 'malicious' : undefined));
    const reason =
        siemText(event, 'rejectionInfo') ??
        siemText(event, 'deliveryErrors') ??
        siemText(event, 'holdReason') ??
        siemText(event, 'rejectionType') ??
        siemText(event, 'receiptErrors');
    const eventId = view.id;
    const kind = view.kind || 'unknown';
    // The saved timestamp is already ISO 8601 UTC (toIsoUtc's fast path hands it back as it is); siemHeading
    // has already refused a timestamp that is not a date.
    const time = toIsoUtc(event.timestamp);
    // One literal in the model's order (the order of the saved JSON): a field the event lacks is undefined,
    // which JSON leaves out, so every step has the same shape and is built in one go.
    return {
        eventId,
        kind,
        subtype: view.subtype,
        time,
        action: siemText(event, 'action'),
        verdict,
        delivered,
        code: siemText(event, 'rejectionCode'),
        reason,
        sender: siemText(event, 'senderEnvelope') ?? siemText(event, 'senderHeader') ?? siemText(event, 'sender'),
        recipients: recipients.length > 0 ? recipients : undefined,
        subject: siemText(event, 'subject'),
        direction: siemText(event, 'direction'),
        messageId: siemText(event, 'messageId')
    };
}

/**
 * The trace of one message with `events` added: `existing` (from an earlier page or run) or a new
 * one. Every event must carry the trace's aggregateId.
 */
export function mergeTrace(existing: MessageTrace | undefined, events: SiemEventRecord[]): MessageTrace {
    const steps = new NativeMap<string, MessageTraceStep>();
    for (const step of existing?.steps ?? []) {
        steps.set(step.eventId, step);
    }
    let id = existing?.id;
    for (const event of events) {
        const aggregateId = aggregateIdOf(event);
        if (aggregateId === undefined) {
            throw new Error(`SiemEvent ${event.id} has no aggregateId: it cannot join a message trace`);
        }
        if (id !== undefined && aggregateId !== id) {
            throw new Error(`SiemEvent ${event.id} belongs to message ${aggregateId}, not ${id}`);
        }
        id = aggregateId;
        if (!steps.has(event.id)) {
            steps.set(event.id, traceStep(event));
        }
    }
    if (id === undefined) {
        throw new Error('mergeTrace needs an existing trace or at least one event');
    }
    return summarize(id, [...steps.values()], existing?.truncated === true);
}

/**
 * Traces for every message among `events` (events without an aggregateId are skipped), each merged
 * into the trace `existing` returns for its id (e.g. records saved by an earlier run).
 */
export function buildTraces(events: SiemEventRecord[], existing: (id: string) => MessageTrace | undefined = () => undefined): MessageTrace[] {
    const byMessage = new NativeMap<string, SiemEventRecord[]>();
    for (const event of events) {
        const id = aggregateIdOf(event);
        if (id !== undefined) {
            const group = byMessage.get(id);
            if (group) {
                group.push(event);
            } else {
                byMessage.set(id, [event]);
            }
        }
    }
    return [...byMessage.entries()].map(([id, group]) => mergeTrace(existing(id), group));
}

function summarize(id: string, all: MessageTraceStep[], wasTruncated: boolean): MessageTrace {
    const sorted = all.length > 1 ? all.slice().sort(byTime) : all;
    const steps = sorted.length > MAX_TRACE_STEPS ? sorted.slice(sorted.length - MAX_TRACE_STEPS) : sorted;
    const truncated = wasTruncated || sorted.length > MAX_TRACE_STEPS;
    const seen = new NativeSet<string>();
    for (const step of steps) {
        for (const recipient of step.recipients ?? []) {
            seen.add(recipient.toLowerCase());
        }
    }
    const recipients = [...seen].sort().slice(0, MAX_RECIPIENTS);
    const { outcome, reason } = outcomeOf(steps);
    const direction = firstOf(steps, 'direction');
    // Undefined members are left in: JSON leaves them out, as it does a step's.
    return {
        id,
        messageId: firstOf(steps, 'messageId'),
        sender: firstOf(steps, 'sender'),
        recipients,
        subject: firstOf(steps, 'subject'),
        direction: direction ? direction.charAt(0).toUpperCase() + direction.slice(1).toLowerCase() : undefined,
        outcome,
        outcomeReason: reason,
        firstSeen: steps[0]!.time,
        updatedAt: steps[steps.length - 1]!.time,
        steps,
        truncated: truncated ? true : undefined
    };
}

/** A message fact: from the receipt when there is one (it names the envelope), else from the earliest step naming it. */
function firstOf(steps: MessageTraceStep[], key: 'messageId' | 'sender' | 'subject' | 'direction'): string | undefined {
    for (const step of steps) {
        if (step.kind === 'receipt' && step[key] !== undefined) {
            return step[key];
        }
    }
    for (const step of steps) {
        if (step[key] !== undefined) {
            return step[key];
        }
    }
    return undefined;
}

/**
 * What became of the message, from its steps in time order. The event kinds and values that decide:
 * - delivery: `delivered` true (or subType Delivery/true) delivers to its recipients; false (or
 *   subType Failed, or deliveryErrors) is a bounce, or a deferral when the code/reason is a 4xx SMTP
 *   reply or says temporary/deferred/retry. Per recipient the latest delivery counts: all delivered ->
 *   delivered, some -> partially_delivered, none -> bounced (deferred when every failure is temporary).
 *   A delivery after a hold means the message was released: deliveries outrank holds.
 * - without a delivery, the latest of: receipt with action/subType Rej (refused at SMTP) -> rejected;
 *   process with Hld/Hold -> held, Rej -> rejected; a verdict (av, spam, impersonation/attachment/
 *   url/internal email protect) whose action is Hold -> held, Reject/Rej -> rejected. (Block on a URL
 *   or attachment verdict blocks that link or file, not the message.)
 * - otherwise a receipt or process step alone -> in_progress; no gateway step at all -> unknown.
 */
export function outcomeOf(steps: MessageTraceStep[]): { outcome: MessageOutcome; reason?: string } {
    const deliveries = steps.filter((s) => s.kind === 'delivery' && s.delivered !== undefined);
    if (deliveries.length > 0) {
        const latest = new NativeMap<string, MessageTraceStep>();
        for (const step of deliveries) {
            for (const recipient of step.recipients ?? ['']) {
                latest.set(recipient.toLowerCase(), step);
            }
        }
        const results = [...latest.values()];
        const failures = results.filter((s) => !s.delivered);
        if (failures.length === 0) return { outcome: 'delivered' };
        const reason = failures[failures.length - 1]!.reason ?? failures[failures.length - 1]!.code;
        if (failures.length < results.length) return withReason('partially_delivered', reason);
        return withReason(failures.every(isTemporary) ? 'deferred' : 'bounced', reason);
    }
    let decided: { outcome: MessageOutcome; reason?: string } | undefined;
    for (const step of steps) {
        const word = (step.action ?? (step.kind === 'receipt' || step.kind === 'process' ? step.subtype : undefined) ?? '').toLowerCase();
        if (/^(rej|reject|rejected)$/.test(word) && step.kind !== 'url protect' && step.kind !== 'attachment protect') {
            decided = withReason('rejected', step.reason ?? step.code);
        } else if (/^(hld|hold|held)$/.test(word)) {
            decided = withReason('held', step.reason ?? step.verdict);
        }
    }
    if (decided) return decided;
    return steps.some((s) => s.kind === 'receipt' || s.kind === 'process') ? { outcome: 'in_progress' } : { outcome: 'unknown' };
}

function isTemporary(step: MessageTraceStep): boolean {
    return /^4\d\d/.test(step.code ?? '') || /^4\d\d\b/.test(step.reason ?? '') || /temporar|defer|retry|try again/i.test(step.reason ?? '');
}

function withReason(outcome: MessageOutcome, reason: string | undefined): { outcome: MessageOutcome; reason?: string } {
    return reason === undefined ? { outcome } : { outcome, reason };
}

function byTime(a: MessageTraceStep, b: MessageTraceStep): number {
    return a.time < b.time ? -1 : a.time > b.time ? 1 : kindRank(a) - kindRank(b) || (a.eventId < b.eventId ? -1 : a.eventId > b.eventId ? 1 : 0);
}

function kindRank(step: MessageTraceStep): number {
    const i = KIND_ORDER.indexOf(step.kind);
    return i === -1 ? KIND_ORDER.length : i;
}

/** What saveMessageTraces needs from a sync's `nango` (Nango's getRecordsByIds and batchSave), `N` the trace model's name. */
export interface MessageTraceStore<N extends string = 'MessageTrace'> {
    getRecordsByIds(ids: string[], model: N): Promise<Map<string, unknown>> | Map<string, unknown>;
    batchSave(records: MessageTrace[], model: N): unknown;
}

/**
 * Updates the traces (saved as `model`) of the messages among `events`: reads the traces saved by
 * earlier pages or runs, merges the events in, saves them. A saved trace that no longer parses is
 * rebuilt from the new events. Returns the number of traces saved. Traces are saved as built, not
 * through stream.ts `finish`: their `recipients` list is required even when empty.
 */
export async function saveMessageTraces<N extends string>(nango: MessageTraceStore<N>, model: N, events: SiemEventRecord[]): Promise<number> {
    const ids = [...new Set(events.map(aggregateIdOf).filter((id): id is string => id !== undefined))];
    if (ids.length === 0) {
        return 0;
    }
    const saved = await nango.getRecordsByIds(ids, model);
    const traces = buildTraces(events, (id) => {
        const stored = saved.get(id);
        if (stored === undefined) {
            return undefined;
        }
        const parsed = MessageTrace.safeParse(stored);
        return parsed.success ? parsed.data : undefined;
    });
    await nango.batchSave(traces, model);
    return traces.length;
}

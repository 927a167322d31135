// The message-trace reducer: one trace per aggregateId, steps in time order whatever the input
// order, the same event twice is one step, a message spread over two runs ends where one run would,
// and the outcome rules. Pure: needs no ../shared.
import {
    buildTraces,
    MAX_TRACE_STEPS,
    MessageTrace,
    MessageTraceStep,
    mergeTrace,
    outcomeOf,
    saveMessageTraces,
    traceStep
} from '../../integrations/mimecast/helpers/message-trace.js';
import type { SiemEventRecord } from '../../integrations/mimecast/helpers/siem-view.js';
import { SIEM_BATCH_RAW, siemEvent } from './records.js';

const AGG = 'pZrAa9HUN-WmL2AK6cWduw_1731621818';
const T0 = Date.UTC(2026, 10, 20, 9, 0, 0);

/** A stream-shaped event of message AGG, `at` ms after T0. */
function ev(eventType: string, at: number, fields: Record<string, unknown> = {}): SiemEventRecord {
    return siemEvent({ eventType, timestamp: T0 + at, aggregateId: AGG, accountId: 'CDE22A102', processingId: `${eventType}-${at}`, ...fields });
}
const receipt = ev('receipt', 0, {
    subType: 'Allow',
    action: 'Allow',
    direction: 'Inbound',
    senderEnvelope: 'billing@fabrikam.example',
    recipients: 'alice@example.com',
    subject: 'Invoice 4411',
    senderIp: '192.0.2.7',
    messageId: '<m1@fabrikam.example>'
});
const processed = ev('process', 400, { subType: 'Allow', action: 'Allow', senderEnvelope: 'billing@fabrikam.example', subject: 'Invoice 4411' });
const delivered = ev('delivery', 2_000, { subType: 'Delivery', delivered: true, recipients: 'alice@example.com', destinationIp: '198.51.100.9' });
const heldSpam = ev('process', 400, { subType: 'Hold', action: 'Hold', holdReason: 'Spm' });

const kinds = (trace: MessageTrace) => trace.steps.map((s) => s.kind);

describe('message traces', () => {
    it('reads recipients as Mimecast writes them: one address, or several separated by commas or semicolons', () => {
        const one = traceStep(ev('delivery', 10, { delivered: true, recipients: '  Alice@Example.com ' }));
        const several = traceStep(ev('delivery', 20, { delivered: false, recipients: 'bob@example.com; carol@example.com,, ;dave@example.com' }));
        expect(one.recipients).toEqual(['Alice@Example.com']);
        expect(several.recipients).toEqual(['bob@example.com', 'carol@example.com', 'dave@example.com']);
        const trace = mergeTrace(undefined, [
            ev('delivery', 10, { delivered: true, recipients: '  Alice@Example.com ' }),
            ev('delivery', 20, { delivered: false, recipients: 'bob@example.com; carol@example.com,, ;dave@example.com' })
        ]);
        expect(trace.recipients).toEqual(['alice@example.com', 'bob@example.com', 'carol@example.com', 'dave@example.com']);
        expect(trace.outcome).toBe('partially_delivered');
        expect(traceStep(ev('receipt', 0, { recipients: ' ; , ' })).recipients).toBeUndefined();
    });

    it('builds one trace per message with its steps in time order, sender, recipients, subject and direction', () => {
        const trace = mergeTrace(undefined, [delivered, receipt, processed]);
        expect(MessageTrace.parse(trace)).toEqual(trace);
        expect(trace).toMatchObject({
            id: AGG,
            messageId: '<m1@fabrikam.example>',
            sender: 'billing@fabrikam.example',
            recipients: ['alice@example.com'],
            subject: 'Invoice 4411',
            direction: 'Inbound',
            outcome: 'delivered',
            firstSeen: new Date(T0).toISOString(),
            updatedAt: new Date(T0 + 2_000).toISOString()
        });
        expect(trace.steps).toEqual([
            expect.objectContaining({ eventId: receipt.id, kind: 'receipt', subtype: 'Allow', action: 'Allow', time: new Date(T0).toISOString() }),
            expect.objectContaining({ eventId: processed.id, kind: 'process', action: 'Allow' }),
            expect.objectContaining({ eventId: delivered.id, kind: 'delivery', delivered: true })
        ]);
    });

    it("writes a trace's and its steps' fields in the model's order (the saved JSON does not change between versions)", () => {
        const trace = mergeTrace(undefined, [
            delivered,
            receipt,
            processed,
            ev('spam', 300, { subType: 'Hold', action: 'Hold', scanResult: 'Spam', holdReason: 'Spm' })
        ]);
        const inModelOrder = (keys: string[], model: string[]) => expect(keys).toEqual(model.filter((k) => keys.includes(k)));
        inModelOrder(Object.keys(trace), Object.keys(MessageTrace.shape));
        for (const step of trace.steps) {
            inModelOrder(Object.keys(step), Object.keys(MessageTraceStep.shape));
        }
        // A step whose event's time is not in toISOString's form gets it in that form.
        const event = siemEvent({ eventType: 'receipt', timestamp: T0, aggregateId: AGG });
        expect(traceStep({ ...event, timestamp: '2026-11-20T09:00:00Z' }).time).toBe('2026-11-20T09:00:00.000Z');
        expect(traceStep({ ...event, timestamp: '2026-11-20T10:00:00+01:00' }).time).toBe('2026-11-20T09:00:00.000Z');
    });

    it('does not depend on the order events arrive in (also for events in the same millisecond)', () => {
        const sameMs = ev('spam', 0, { action: 'Hold', recipients: 'alice@example.com' });
        const events = [receipt, processed, delivered, sameMs];
        const expected = mergeTrace(undefined, events);
        for (const order of [
            [3, 2, 1, 0],
            [1, 3, 0, 2],
            [2, 0, 3, 1]
        ]) {
            expect(
                mergeTrace(
                    undefined,
                    order.map((i) => events[i]!)
                )
            ).toEqual(expected);
        }
        // Same millisecond: receipt before the verdict, by the gateway's order.
        expect(kinds(expected)).toEqual(['receipt', 'spam', 'process', 'delivery']);
    });

    it('is idempotent: the same event twice is one step, and merging what a trace already has changes nothing', () => {
        const once = mergeTrace(undefined, [receipt, processed]);
        expect(mergeTrace(undefined, [receipt, processed, receipt, processed])).toEqual(once);
        expect(mergeTrace(once, [processed, receipt])).toEqual(once);
        expect(mergeTrace(mergeTrace(once, [delivered]), [delivered])).toEqual(mergeTrace(once, [delivered]));
    });

    it('keeps a message up to date across runs: run 2 adds the delivery to the trace run 1 saved', () => {
        const run1 = mergeTrace(undefined, [receipt, heldSpam]);
        expect(run1).toMatchObject({ outcome: 'held', outcomeReason: 'Spm', updatedAt: new Date(T0 + 400).toISOString() });
        // Released by an administrator later; the delivery arrives in the next run (as a JSON round-trip through Nango's store).
        const later = ev('delivery', 3_600_000, { subType: 'Delivery', delivered: true, recipients: 'alice@example.com' });
        const stored = JSON.parse(JSON.stringify(run1)) as MessageTrace;
        const run2 = mergeTrace(stored, [later]);
        expect(run2).toEqual(mergeTrace(undefined, [receipt, heldSpam, later]));
        expect(run2).toMatchObject({ outcome: 'delivered', firstSeen: run1.firstSeen, updatedAt: new Date(T0 + 3_600_000).toISOString() });
        expect(kinds(run2)).toEqual(['receipt', 'process', 'delivery']);
    });

    it('refuses events of another message or without an aggregateId; buildTraces groups and skips them', () => {
        const other = siemEvent({ eventType: 'receipt', timestamp: T0, aggregateId: 'other_1', subType: 'Allow' });
        const orphan = siemEvent({ eventType: 'receipt', timestamp: T0, subType: 'Allow' });
        expect(() => mergeTrace(undefined, [receipt, other])).toThrow(`belongs to message other_1, not ${AGG}`);
        expect(() => mergeTrace(undefined, [orphan])).toThrow('has no aggregateId');
        expect(() => mergeTrace(undefined, [])).toThrow('at least one event');

        const saved = mergeTrace(undefined, [receipt]);
        const traces = buildTraces([processed, other, orphan, delivered], (id) => (id === AGG ? saved : undefined));
        expect(traces.map((t) => [t.id, t.outcome, t.steps.length])).toEqual([
            [AGG, 'delivered', 3],
            ['other_1', 'in_progress', 1]
        ]);
    });

    it('reads batch-file events (type/subtype, Mimecast abbreviations) like stream events', () => {
        const accepted = siemEvent(SIEM_BATCH_RAW.receiptAccepted);
        const ap = siemEvent(SIEM_BATCH_RAW.attachmentProtect);
        const trace = mergeTrace(undefined, [ap, accepted]);
        expect(trace).toMatchObject({
            id: AGG,
            sender: 'manintan@evaluation-fuzz.b41.one',
            recipients: ['boucard.john@demo-int.elastic.mime-api.com'],
            outcome: 'in_progress'
        });
        expect(kinds(trace)).toEqual(['receipt', 'attachment protect']);
        expect(mergeTrace(undefined, [siemEvent(SIEM_BATCH_RAW.receiptRejected)])).toMatchObject({
            outcome: 'rejected',
            outcomeReason: 'Envelope blocked - User Entry'
        });
        expect(mergeTrace(undefined, [siemEvent(SIEM_BATCH_RAW.processHeld)])).toMatchObject({ outcome: 'held', outcomeReason: 'Spm' });
        // A delivery batch event says subtype "true" and delivered "true".
        expect(traceStep(siemEvent(SIEM_BATCH_RAW.delivery))).toMatchObject({ kind: 'delivery', subtype: 'true', delivered: true });
    });

    describe('outcome rules', () => {
        const step = (kind: string, at: number, extra: Partial<MessageTraceStep> = {}): MessageTraceStep => ({
            eventId: `${kind}-${at}`,
            kind,
            time: new Date(T0 + at).toISOString(),
            ...extra
        });

        it('deliveries decide when there are any: per recipient the latest counts', () => {
            expect(outcomeOf([step('receipt', 0), step('delivery', 1, { delivered: true, recipients: ['a@x.example'] })])).toEqual({ outcome: 'delivered' });
            expect(outcomeOf([step('delivery', 1, { delivered: false, code: '550', reason: '550 5.1.1 User unknown', recipients: ['a@x.example'] })])).toEqual({
                outcome: 'bounced',
                reason: '550 5.1.1 User unknown'
            });
            expect(outcomeOf([step('delivery', 1, { delivered: false, code: '451', reason: '451 4.7.1 try again later' })])).toEqual({
                outcome: 'deferred',
                reason: '451 4.7.1 try again later'
            });
            // A deferral retried successfully is delivered.
            expect(
                outcomeOf([
                    step('delivery', 1, { delivered: false, code: '451', recipients: ['a@x.example'] }),
                    step('delivery', 2, { delivered: true, recipients: ['a@x.example'] })
                ])
            ).toEqual({ outcome: 'delivered' });
            const partial = outcomeOf([
                step('delivery', 1, { delivered: true, recipients: ['a@x.example'] }),
                step('delivery', 2, { delivered: false, reason: '550 5.1.1 User unknown', recipients: ['b@x.example'] })
            ]);
            expect(partial).toEqual({ outcome: 'partially_delivered', reason: '550 5.1.1 User unknown' });
            // Held, then released and delivered.
            expect(outcomeOf([step('process', 0, { action: 'Hld' }), step('delivery', 9, { delivered: true })])).toEqual({ outcome: 'delivered' });
        });

        it('without a delivery, the latest reject or hold decides; URL/attachment blocks do not', () => {
            expect(outcomeOf([step('receipt', 0, { subtype: 'Rej', reason: 'Envelope blocked - User Entry' })])).toEqual({
                outcome: 'rejected',
                reason: 'Envelope blocked - User Entry'
            });
            expect(outcomeOf([step('receipt', 0, { action: 'Acc' }), step('av', 1, { action: 'Reject', verdict: 'Macro.Downloader' })])).toEqual({
                outcome: 'rejected'
            });
            expect(outcomeOf([step('receipt', 0, { action: 'Allow' }), step('impersonation protect', 1, { action: 'Hold', verdict: 'malicious' })])).toEqual({
                outcome: 'held',
                reason: 'malicious'
            });
            expect(
                outcomeOf([
                    step('receipt', 0, { action: 'Allow' }),
                    step('url protect', 1, { action: 'Block' }),
                    step('attachment protect', 2, { action: 'Block' })
                ])
            ).toEqual({ outcome: 'in_progress' });
            expect(outcomeOf([step('process', 0, { action: 'Sdbx' })])).toEqual({ outcome: 'in_progress' });
            expect(outcomeOf([step('journal', 0)])).toEqual({ outcome: 'unknown' });
        });
    });

    it('bounds a trace to the latest MAX_TRACE_STEPS steps and says so, still idempotently', () => {
        const flood = Array.from({ length: MAX_TRACE_STEPS + 25 }, (_, i) => ev('delivery', i * 10, { delivered: true, recipients: `user${i}@example.com` }));
        const trace = mergeTrace(undefined, flood);
        expect(trace.steps).toHaveLength(MAX_TRACE_STEPS);
        expect(trace.truncated).toBe(true);
        expect(trace.steps[0]!.eventId).toBe(flood[25]!.id);
        expect(mergeTrace(trace, flood.slice(0, 30))).toEqual(trace);
    });
});

describe('saveMessageTraces', () => {
    /** A store like Nango's: records by id, batchSave upserts. */
    function store(initial: Record<string, unknown> = {}) {
        const records = new Map<string, unknown>(Object.entries(initial));
        const reads: string[][] = [];
        return {
            records,
            reads,
            getRecordsByIds: (ids: string[]) => {
                reads.push(ids);
                return new Map(ids.filter((id) => records.has(id)).map((id) => [id, records.get(id)]));
            },
            batchSave: (traces: MessageTrace[]) => traces.forEach((t) => records.set(t.id, t))
        };
    }

    it("reads the saved traces of the page's messages, merges the new events and saves them", async () => {
        const nango = store();
        expect(await saveMessageTraces(nango, 'MessageTrace', [receipt, heldSpam])).toBe(1);
        expect(nango.records.get(AGG)).toMatchObject({ outcome: 'held' });
        const release = ev('delivery', 60_000, { subType: 'Delivery', delivered: true, recipients: 'alice@example.com' });
        expect(await saveMessageTraces(nango, 'MessageTrace', [release])).toBe(1);
        expect(nango.reads).toEqual([[AGG], [AGG]]);
        expect(nango.records.get(AGG)).toEqual(mergeTrace(undefined, [receipt, heldSpam, release]));
        expect(await saveMessageTraces(nango, 'MessageTrace', [siemEvent({ eventType: 'receipt', timestamp: T0 })])).toBe(0);
    });

    it('rebuilds a saved trace that no longer parses instead of failing the run', async () => {
        const nango = store({ [AGG]: { id: AGG, steps: 'garbage' } });
        await saveMessageTraces(nango, 'MessageTrace', [receipt]);
        expect(nango.records.get(AGG)).toEqual(mergeTrace(undefined, [receipt]));
    });
});

// The simulator's message flows: deterministic, coherent (one aggregateId per message, timestamps in
// order, the stream's field names), every event a valid OCSF event, and every flow a trace whose
// outcome is the one the flow was built to have.
import { toOcsf } from '../../integrations/mimecast/helpers/ocsf.js';
import { buildTraces, mergeTrace } from '../../integrations/mimecast/helpers/message-trace.js';
import { flowEvents, messageFlows } from '../../simulator/message-flows.js';
import { describeWithShared, sharedPath } from '../shared.js';
import { OCSF_FILES, OcsfSchema } from './checker.js';
import { siemEvent } from './records.js';

const flows = messageFlows({ seed: 7, count: 120 });

describe('simulator message flows', () => {
    it('are deterministic and coherent', () => {
        expect(messageFlows({ seed: 7, count: 120 })).toEqual(flows);
        expect(messageFlows({ seed: 8, count: 120 })).not.toEqual(flows);
        expect(new Set(flows.map((f) => f.aggregateId)).size).toBe(flows.length);
        for (const flow of flows) {
            expect(flow.events.length).toBeGreaterThan(0);
            expect(flow.events[0]!.eventType).toBe('receipt');
            for (const [i, event] of flow.events.entries()) {
                expect(event.aggregateId).toBe(flow.aggregateId);
                expect(typeof event.processingId).toBe('string');
                if (i > 0) expect(event.timestamp).toBeGreaterThan(flow.events[i - 1]!.timestamp);
                // The stream names the kind eventType/subType, never type/subtype.
                expect(event).not.toHaveProperty('type');
                expect(event).not.toHaveProperty('subtype');
            }
        }
        const events = flowEvents(flows);
        expect(events.every((e, i) => i === 0 || e.timestamp >= events[i - 1]!.timestamp)).toBe(true);
        // Every scenario and outcome appears in a flow set of this size.
        expect(new Set(flows.map((f) => f.outcome))).toEqual(new Set(['delivered', 'partially_delivered', 'held', 'rejected', 'bounced', 'deferred']));
        const verdicts = new Set(events.map((e) => e.eventType));
        for (const kind of ['receipt', 'process', 'delivery', 'journal', 'spam', 'av', 'url protect', 'attachment protect', 'impersonation protect']) {
            expect(verdicts).toContain(kind);
        }
    });

    it('make one trace per message with the outcome the flow was built to have', () => {
        const records = flowEvents(flows).map((e) => siemEvent(e));
        const traces = new Map(buildTraces(records).map((t) => [t.id, t]));
        expect(traces.size).toBe(flows.length);
        for (const flow of flows) {
            const trace = traces.get(flow.aggregateId)!;
            expect([flow.scenario, trace.outcome]).toEqual([flow.scenario, flow.outcome]);
            expect(trace.steps.map((s) => s.kind)).toEqual(flow.events.map((e) => e.eventType));
            expect(trace.sender).toBe(flow.events[0]!['senderEnvelope']);
            expect(trace.recipients.length).toBeGreaterThan(0);
        }
        // Split every flow's events over two runs: the traces end the same.
        const half = Math.floor(records.length / 2);
        const run1 = new Map(buildTraces(records.slice(0, half)).map((t) => [t.id, t]));
        const run2 = buildTraces(records.slice(half), (id) => run1.get(id));
        for (const trace of run2) run1.set(trace.id, trace);
        expect(run1).toEqual(traces);
        expect(
            mergeTrace(
                traces.get(flows[0]!.aggregateId),
                records.filter((r) => r.aggregateId === flows[0]!.aggregateId)
            )
        ).toEqual(traces.get(flows[0]!.aggregateId));
    });
});

describeWithShared('simulator message flows in OCSF', OCSF_FILES, () => {
    it('map every event to a valid OCSF event of the expected class, sharing the trace id', () => {
        const schema = new OcsfSchema(sharedPath('reference/ocsf-1.8.0'));
        for (const event of flowEvents(flows)) {
            const ocsf = toOcsf('SiemEvent', siemEvent(event));
            expect([event.eventType, schema.check(ocsf)]).toEqual([event.eventType, []]);
            const message = ['receipt', 'process', 'delivery', 'journal'].includes(event.eventType);
            expect(ocsf.class_uid).toBe(message ? 4009 : 2004);
            expect(ocsf.metadata['correlation_uid']).toBe(event.aggregateId);
            if (message) expect(ocsf['message_trace_uid']).toBe(event.aggregateId);
        }
    });
});

import { CaseType, FlowNode, FlowNodeState } from '@writ/contracts';
import { DEFAULT_COURT_SETTINGS } from './court-settings.js';
import { applySignal, FlowSignal, initialTimeline, overdueNodes, type FlowNodeRecord } from './flow-nodes.js';

const registeredAt = new Date('2026-01-05T02:00:00Z');
const deadlines = DEFAULT_COURT_SETTINGS.nodeDeadlineDays;
const timelineOf = (caseType: CaseType, entrusted = false) =>
  initialTimeline({
    caseType,
    applicationDate: '2026-01-02',
    registeredAt,
    registeredBy: 'u1',
    deadlines,
    statutoryDeadline: '2026-07-05',
    entrusted,
  });
const state = (timeline: FlowNodeRecord[], node: FlowNode) => timeline.find((n) => n.node === node)?.state;
const merge = (timeline: FlowNodeRecord[], changes: FlowNodeRecord[]) =>
  timeline.map((n) => changes.find((c) => c.node === n.node) ?? n);
const ctx = (at: string, extra = {}) => ({
  at: new Date(at),
  actorId: 'u2',
  deadlines,
  statutoryDeadline: '2026-07-05',
  ...extra,
});

describe('the eleven flow nodes (流程节点)', () => {
  it('starts the inquiry and the service of documents on the day of filing for an implementation case', () => {
    const timeline = timelineOf(CaseType.Execution);
    expect(timeline).toHaveLength(11);
    expect(timeline.find((n) => n.node === FlowNode.Intake)).toMatchObject({
      state: FlowNodeState.Finished,
      deadlineOn: '2026-01-09',
    });
    expect(timeline.find((n) => n.node === FlowNode.AssetInquiry)?.deadlineOn).toBe('2026-01-05');
    expect(state(timeline, FlowNode.Resumption)).toBe(FlowNodeState.NotApplicable);
  });

  it('gives a review case only its own nodes', () => {
    const timeline = timelineOf(CaseType.Objection);
    expect(state(timeline, FlowNode.AssetInquiry)).toBe(FlowNodeState.NotApplicable);
    expect(timeline.find((n) => n.node === FlowNode.Adjudication)).toMatchObject({
      state: FlowNodeState.Started,
      deadlineOn: '2026-01-20',
    });
  });

  it('moves control within 48 hours of a find, and disposal only for seized property', () => {
    let timeline = timelineOf(CaseType.Execution);
    timeline = merge(
      timeline,
      applySignal(
        timeline,
        FlowSignal.InquiryCompleted,
        ctx('2026-01-05T08:00:00Z', { propertyFound: true }),
      ),
    );
    expect(timeline.find((n) => n.node === FlowNode.ControlAndAnalysis)).toMatchObject({
      state: FlowNodeState.Started,
      deadlineOn: '2026-01-07',
    });
    const frozen = applySignal(
      timeline,
      FlowSignal.ControlApplied,
      ctx('2026-01-06T08:00:00Z', { needsDisposal: false }),
    );
    expect(frozen.map((c) => c.node)).toEqual([FlowNode.ControlAndAnalysis]);
    const seized = applySignal(
      timeline,
      FlowSignal.ControlApplied,
      ctx('2026-01-06T08:00:00Z', { needsDisposal: true }),
    );
    expect(seized.find((c) => c.node === FlowNode.Disposal)).toMatchObject({
      state: FlowNodeState.Started,
      deadlineOn: '2026-02-05',
    });
  });

  it('changes nothing when the same signal comes again', () => {
    const timeline = timelineOf(CaseType.Execution);
    const once = merge(
      timeline,
      applySignal(timeline, FlowSignal.ExecutionNoticeIssued, ctx('2026-01-06T08:00:00Z')),
    );
    expect(applySignal(once, FlowSignal.ExecutionNoticeIssued, ctx('2026-01-07T08:00:00Z'))).toEqual([]);
  });

  it('reports a started node past its deadline as overdue, and marks unreached nodes not applicable at closure', () => {
    const timeline = timelineOf(CaseType.Execution);
    expect(overdueNodes(timeline, '2026-01-11').map((n) => n.node)).toEqual([
      FlowNode.AssetInquiry,
      FlowNode.ServiceOfDocuments,
    ]);
    const closed = applySignal(timeline, FlowSignal.CaseClosed, ctx('2026-03-01T08:00:00Z'));
    expect(closed.find((c) => c.node === FlowNode.Closure)?.state).toBe(FlowNodeState.Finished);
    expect(closed.find((c) => c.node === FlowNode.Disposal)?.state).toBe(FlowNodeState.NotApplicable);
  });

  it('opens a new payout period when money arrives after an earlier payout', () => {
    let timeline = timelineOf(CaseType.Execution);
    timeline = merge(timeline, applySignal(timeline, FlowSignal.MoneyReceived, ctx('2026-01-10T08:00:00Z')));
    timeline = merge(
      timeline,
      applySignal(timeline, FlowSignal.MoneyPaidOut, ctx('2026-01-20T08:00:00Z', { allPaidOut: true })),
    );
    expect(state(timeline, FlowNode.Funds)).toBe(FlowNodeState.Finished);
    const again = applySignal(timeline, FlowSignal.MoneyReceived, ctx('2026-03-01T08:00:00Z'));
    expect(again[0]).toMatchObject({
      node: FlowNode.Funds,
      state: FlowNodeState.Started,
      deadlineOn: '2026-03-31',
    });
  });
});

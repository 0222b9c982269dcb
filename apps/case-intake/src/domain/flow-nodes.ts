import {
  addDays,
  caseClassOf,
  CaseClass,
  CaseType,
  FLOW_NODE_ORDER,
  FlowNode,
  FlowNodeState,
  shanghaiDateOf,
} from '@writ/contracts';
import type { NodeDeadlineDays } from './court-settings.js';

/** One node of a case's timeline (流程节点): whether it applies, when it started, its deadline, who finished it. */
export interface FlowNodeRecord {
  node: FlowNode;
  state: FlowNodeState;
  startedAt?: Date;
  deadlineOn?: string;
  finishedAt?: Date;
  finishedBy?: string;
  note?: string;
}

/**
 * What moves a case along its nodes: the service's own actions, and other stages' events (an inquiry
 * completed, an asset controlled, a lot sold, money received or paid out).
 */
export enum FlowSignal {
  CaseRegistered = 'CASE_REGISTERED',
  InquiryCompleted = 'INQUIRY_COMPLETED',
  ControlApplied = 'CONTROL_APPLIED',
  LotSold = 'LOT_SOLD',
  MoneyReceived = 'MONEY_RECEIVED',
  MoneyPaidOut = 'MONEY_PAID_OUT',
  ExecutionNoticeIssued = 'EXECUTION_NOTICE_ISSUED',
  ObjectionFiled = 'OBJECTION_FILED',
  ObjectionDecided = 'OBJECTION_DECIDED',
  ExtensionRequested = 'EXTENSION_REQUESTED',
  ExtensionDecided = 'EXTENSION_DECIDED',
  CaseClosed = 'CASE_CLOSED',
}

export interface SignalContext {
  at: Date;
  actorId: string;
  deadlines: NodeDeadlineDays;
  /** the case's statutory deadline, which is the closure node's */
  statutoryDeadline: string;
  /** for InquiryCompleted: whether anything executable was found */
  propertyFound?: boolean;
  /** for ControlApplied: seized or distrained property goes on to disposal; frozen money does not */
  needsDisposal?: boolean;
  /** for MoneyPaidOut: whether everything received has now been paid out */
  allPaidOut?: boolean;
}

export interface TimelineFacts {
  caseType: CaseType;
  applicationDate: string;
  registeredAt: Date;
  registeredBy: string;
  deadlines: NodeDeadlineDays;
  statutoryDeadline: string;
  /** the case was received from another court (受托) */
  entrusted: boolean;
}

function deadlineFrom(date: string, node: FlowNode, deadlines: NodeDeadlineDays): string | undefined {
  const days = deadlines[node];
  return days === undefined ? undefined : addDays(date, days);
}

/** The timeline of a case just registered: which nodes apply and which have started. */
export function initialTimeline(facts: TimelineFacts): FlowNodeRecord[] {
  const today = shanghaiDateOf(facts.registeredAt);
  const implementation = caseClassOf(facts.caseType) === CaseClass.Implementation;
  const started = (node: FlowNode, date = today): FlowNodeRecord => {
    const deadlineOn = deadlineFrom(date, node, facts.deadlines);
    return {
      node,
      state: FlowNodeState.Started,
      startedAt: facts.registeredAt,
      ...(deadlineOn ? { deadlineOn } : {}),
    };
  };
  const finished = (node: FlowNode, from = today): FlowNodeRecord => ({
    ...started(node, from),
    state: FlowNodeState.Finished,
    finishedAt: facts.registeredAt,
    finishedBy: facts.registeredBy,
  });
  const waiting = (node: FlowNode): FlowNodeRecord => ({ node, state: FlowNodeState.Waiting });
  const notApplicable = (node: FlowNode): FlowNodeRecord => ({ node, state: FlowNodeState.NotApplicable });

  return FLOW_NODE_ORDER.map((node) => {
    switch (node) {
      case FlowNode.Intake:
        // the 7 days to accept run from the application, not from 立案 (执行工作规定 2020 Art 16)
        return finished(node, facts.applicationDate);
      case FlowNode.AssetInquiry:
      case FlowNode.ServiceOfDocuments:
        return implementation ? started(node) : notApplicable(node);
      case FlowNode.ControlAndAnalysis:
      case FlowNode.Disposal:
      case FlowNode.Funds:
        return implementation ? waiting(node) : notApplicable(node);
      case FlowNode.Adjudication:
        return facts.caseType === CaseType.Objection ? started(node) : waiting(node);
      case FlowNode.Entrusted:
        return facts.entrusted ? finished(node, facts.applicationDate) : notApplicable(node);
      case FlowNode.Supervision:
        return facts.caseType === CaseType.Supervision ? started(node) : waiting(node);
      case FlowNode.Resumption:
        return facts.caseType === CaseType.Resumed ? finished(node) : notApplicable(node);
      case FlowNode.Closure:
        return { ...started(node), deadlineOn: facts.statutoryDeadline };
    }
  });
}

/**
 * What a signal changes in a timeline: the nodes it starts or finishes, as new records. A signal that
 * finds its node already where it would put it changes nothing, so a redelivered event is harmless.
 */
export function applySignal(
  timeline: readonly FlowNodeRecord[],
  signal: FlowSignal,
  ctx: SignalContext,
): FlowNodeRecord[] {
  const today = shanghaiDateOf(ctx.at);
  const byNode = new Map(timeline.map((n) => [n.node, n]));
  const changes: FlowNodeRecord[] = [];
  const current = (node: FlowNode): FlowNodeRecord =>
    changes.find((c) => c.node === node) ?? byNode.get(node) ?? { node, state: FlowNodeState.Waiting };
  const put = (record: FlowNodeRecord): void => {
    const at = changes.findIndex((c) => c.node === record.node);
    if (at >= 0) changes[at] = record;
    else changes.push(record);
  };
  const start = (node: FlowNode, restart = false): void => {
    const n = current(node);
    if (n.state === FlowNodeState.Started) return;
    if (n.state === FlowNodeState.Finished && !restart) return;
    const deadlineOn = deadlineFrom(today, node, ctx.deadlines);
    put({ node, state: FlowNodeState.Started, startedAt: ctx.at, ...(deadlineOn ? { deadlineOn } : {}) });
  };
  const finish = (node: FlowNode): void => {
    const n = current(node);
    if (n.state === FlowNodeState.Finished) return;
    if (n.state !== FlowNodeState.Started) start(node);
    put({ ...current(node), state: FlowNodeState.Finished, finishedAt: ctx.at, finishedBy: ctx.actorId });
  };

  switch (signal) {
    case FlowSignal.CaseRegistered:
      break;
    case FlowSignal.InquiryCompleted:
      finish(FlowNode.AssetInquiry);
      // a find must be controlled within 48 hours (seed court practice, DOMAIN.md §3)
      if (ctx.propertyFound) start(FlowNode.ControlAndAnalysis);
      break;
    case FlowSignal.ControlApplied:
      finish(FlowNode.ControlAndAnalysis);
      // appraisal/auction started within 30 days of seizure (确定财产处置参考价规定 2018; seed court: one month)
      if (ctx.needsDisposal) start(FlowNode.Disposal);
      break;
    case FlowSignal.LotSold:
      finish(FlowNode.Disposal);
      break;
    case FlowSignal.MoneyReceived:
      // money arriving after an earlier payout opens a new 30-day payout (执行款物管理规定 2017)
      start(FlowNode.Funds, true);
      break;
    case FlowSignal.MoneyPaidOut:
      if (ctx.allPaidOut) finish(FlowNode.Funds);
      break;
    case FlowSignal.ExecutionNoticeIssued:
      finish(FlowNode.ServiceOfDocuments);
      break;
    case FlowSignal.ObjectionFiled:
      start(FlowNode.Adjudication, true);
      break;
    case FlowSignal.ObjectionDecided:
      finish(FlowNode.Adjudication);
      break;
    case FlowSignal.ExtensionRequested:
      start(FlowNode.Supervision, true);
      break;
    case FlowSignal.ExtensionDecided:
      finish(FlowNode.Supervision);
      put({ ...current(FlowNode.Closure), deadlineOn: ctx.statutoryDeadline });
      break;
    case FlowSignal.CaseClosed:
      finish(FlowNode.Closure);
      // nodes never reached by closure did not apply to this case
      for (const n of timeline) {
        if (current(n.node).state === FlowNodeState.Waiting) {
          put({ node: n.node, state: FlowNodeState.NotApplicable });
        }
      }
      break;
  }
  return changes;
}

/** Nodes started and not finished whose deadline has passed by `today`. */
export function overdueNodes(timeline: readonly FlowNodeRecord[], today: string): FlowNodeRecord[] {
  return timeline.filter(
    (n) => n.state === FlowNodeState.Started && n.deadlineOn !== undefined && n.deadlineOn < today,
  );
}

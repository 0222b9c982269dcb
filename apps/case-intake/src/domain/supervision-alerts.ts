import { addMonths, AlertKind, FlowNode, formatFen, type Fen } from '@writ/contracts';

/** 终本 cases are searched again every 6 months for 5 years (DOMAIN.md §4). */
export const REINQUIRY_INTERVAL_MONTHS = 6;
export const REINQUIRY_YEARS = 5;

/**
 * The re-inquiry round due by `today` for a case closed as 终本 on `closedOn`: 1 six months after,
 * up to 10 at five years; null before the first and after the last.
 */
export function reinquiryRoundDue(closedOn: string, today: string): { round: number; dueOn: string } | null {
  let round: number | null = null;
  const last = (REINQUIRY_YEARS * 12) / REINQUIRY_INTERVAL_MONTHS;
  for (let k = 1; k <= last; k++) {
    if (addMonths(closedOn, k * REINQUIRY_INTERVAL_MONTHS) <= today) round = k;
  }
  return round === null ? null : { round, dueOn: addMonths(closedOn, round * REINQUIRY_INTERVAL_MONTHS) };
}

const NODE_NAMES: Record<FlowNode, string> = {
  [FlowNode.Intake]: '执行立案',
  [FlowNode.AssetInquiry]: '财产查询',
  [FlowNode.ControlAndAnalysis]: '财产控制与分析',
  [FlowNode.Disposal]: '司法处置',
  [FlowNode.Funds]: '案款管理',
  [FlowNode.Adjudication]: '执行裁决',
  [FlowNode.ServiceOfDocuments]: '执行送达辅助',
  [FlowNode.Entrusted]: '受托案件办理',
  [FlowNode.Supervision]: '执行监督',
  [FlowNode.Resumption]: '恢复执行管理',
  [FlowNode.Closure]: '执行结案管理',
};

/** One alert to raise, keyed so that the same fact is raised once however often the scan runs. */
export interface AlertCandidate {
  key: string;
  kind: AlertKind;
  caseId: string;
  caseNumber: string;
  courtCode: string;
  officerId?: string;
  dueOn: string;
  message: string;
}

interface CaseRef {
  caseId: string;
  caseNumber: string;
  courtCode: string;
  officerId?: string;
}

/** An open case past its statutory period (超过六个月未结; 执行工作规定 Art 63, 民诉法 Art 237). */
export function periodExceeded(c: CaseRef & { deadline: string }): AlertCandidate {
  return {
    ...c,
    key: `period:${c.caseId}:${c.deadline}`,
    kind: AlertKind.StatutoryPeriodExceeded,
    dueOn: c.deadline,
    message: `${c.caseNumber} 执行期限已于 ${c.deadline} 届满，仍未结案`,
  };
}

/** A node started and not finished by its deadline (节点超期, DOMAIN.md §3). */
export function nodeOverdue(c: CaseRef & { node: FlowNode; deadline: string }): AlertCandidate {
  return {
    ...c,
    key: `node:${c.caseId}:${c.node}:${c.deadline}`,
    kind: AlertKind.NodeOverdue,
    dueOn: c.deadline,
    message: `${c.caseNumber} 「${NODE_NAMES[c.node]}」节点已于 ${c.deadline} 超期`,
  };
}

/** A 终本 case due for its 6-monthly re-search (终本规定 2016 Art 9). */
export function reinquiryDue(c: CaseRef & { round: number; dueOn: string }): AlertCandidate {
  return {
    ...c,
    key: `reinquiry:${c.caseId}:${c.round}`,
    kind: AlertKind.ReinquiryDue,
    dueOn: c.dueOn,
    message: `${c.caseNumber} 终本后第 ${c.round} 次六个月复查财产，应于 ${c.dueOn} 进行`,
  };
}

/** A measure whose removal is due: the 失信 term ended, or a removal ground occurred (3 working days). */
export function measureRemovalDue(
  c: CaseRef & { measureId: string; kindName: string; dueOn: string },
): AlertCandidate {
  return {
    ...c,
    key: `measure:${c.measureId}:${c.dueOn}`,
    kind: AlertKind.MeasureRemovalDue,
    dueOn: c.dueOn,
    message: `${c.caseNumber} 的${c.kindName}应于 ${c.dueOn} 前解除/删除`,
  };
}

/**
 * Money of the case due to be paid out by its deadline (案款即将超期; 执行款物管理规定 2017), one alert
 * per case and deadline day, raised by fund-ledger's `ledger.payout.due-soon` (not by the scan).
 */
export function payoutDueSoon(c: CaseRef & { deadline: string; unpaidFen: Fen }): AlertCandidate {
  return {
    ...c,
    key: `payout:${c.caseId}:${c.deadline}`,
    kind: AlertKind.PayoutDueSoon,
    dueOn: c.deadline,
    message: `${c.caseNumber} 尚有案款 ${formatFen(c.unpaidFen)} 未发放，应于 ${c.deadline} 前发放`,
  };
}

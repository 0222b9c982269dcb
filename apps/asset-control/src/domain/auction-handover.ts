import { CodedError, ControlStatus, ErrorCode, SuspensionReason } from '@writ/contracts';
import type { HoldKind } from './control-order.js';

/**
 * Suspensions that stop execution, and with it disposal: 中止执行 (民诉法 2023 Art 267), 执转破 (民诉解释
 * Art 511–513), and the stay after a settlement (执行和解). Appraisal and auction periods are counted
 * out of the enforcement period (执行工作规定 Art 63) but are disposal itself: they do not stop it.
 */
const STOPPING: readonly SuspensionReason[] = [
  SuspensionReason.Suspension,
  SuspensionReason.Bankruptcy,
  SuspensionReason.Settlement,
];

function refuse(rule: string, message: string): CodedError {
  return new CodedError(ErrorCode.RuleViolated, message, {
    rule,
    errors: [{ field: 'controlId', rule, message }],
  });
}

/**
 * 移交拍卖: a seized or distrained asset in force may be handed to the disposal stage (司法处置) while
 * the case goes on. Money is deducted (扣划), never sold; a queued (轮候) control does not yet hold the
 * property (查封规定 Art 26), and a released or lapsed one holds nothing.
 */
export function assertHandOverAllowed(
  /** `money`: control-order.ts `isMoney` of the record's class */
  control: { kind: HoldKind; money: boolean; status: ControlStatus },
  controlCase: { closedOn: string | null; suspensionReason: SuspensionReason | null },
): void {
  if (controlCase.closedOn) {
    throw refuse(
      'HAND_OVER_CASE_OPEN',
      `the case was closed on ${controlCase.closedOn}: nothing is sold for it`,
    );
  }
  if (controlCase.suspensionReason && STOPPING.includes(controlCase.suspensionReason)) {
    throw refuse(
      'HAND_OVER_CASE_NOT_SUSPENDED',
      `execution is suspended (${controlCase.suspensionReason}): disposal waits until it goes on`,
    );
  }
  if (control.money) {
    throw refuse('HAND_OVER_PROPERTY_ONLY', 'frozen money is deducted (扣划), not auctioned');
  }
  if (control.status !== ControlStatus.Effective) {
    throw refuse(
      'HAND_OVER_CONTROL_IN_FORCE',
      `a ${control.status} control does not hold the property: only one in force can be handed over`,
    );
  }
}

import { CodedError, ErrorCode, formatFen, type Fen } from '@writ/contracts';

/** The execution fee (申请执行费, 诉讼费用交纳办法 Art 14): one copy, in the contracts, shared with fund-ledger. */
export { executionFeeFen } from '@writ/contracts';

/**
 * What asset-control knows has come in for a case, from two sources that overlap: its own confirmed
 * deductions (扣划), and the fund ledger's receipts (`ledger.money.received`), which include those
 * deductions once the ledger books them.
 */
export interface RecoveryCounts {
  /** deductions the agencies confirmed to asset-control */
  deductedFen: Fen;
  /** the ledger's total received for the case (its running total: the highest reported) */
  ledgerReceivedFen: Fen;
  /** the part of the ledger's receipts that came from deductions */
  ledgerDeductedFen: Fen;
}

/**
 * What has come in, each fen once (查封规定 Art 19 measures the limit against what is still owed): the
 * ledger's receipts, plus the deductions it has not booked yet — a deduction the ledger booked is in its
 * total already and is not counted again.
 */
export function recoveredFen(counts: RecoveryCounts): Fen {
  return counts.ledgerReceivedFen + Math.max(0, counts.deductedFen - counts.ledgerDeductedFen);
}

/** What the case's controls hold beyond its limit, to be released in part (查封规定 Art 19). */
export function excessOverLimitFen(controlledFen: Fen, limitFen: Fen): Fen {
  return Math.max(0, controlledFen - limitFen);
}

/** What the case still owes: claim plus costs, less what has come in. */
export function owedFen(claimFen: Fen, costsFen: Fen, recoveredFen: Fen): Fen {
  return Math.max(0, claimFen + costsFen - recoveredFen);
}

/** The most a case's controls may come to: what is owed times the "clearly exceeds" factor, in permille. */
export function controlLimitFen(owed: Fen, factorPermille: number): Fen {
  return Number((BigInt(owed) * BigInt(factorPermille)) / 1000n);
}

export interface OverControlCheck {
  owedFen: Fen;
  /** what the case's live controls already come to */
  controlledFen: Fen;
  /** what the new order adds */
  addingFen: Fen;
  /** property that cannot be split (a house, a car), as opposed to money */
  indivisible: boolean;
  factorPermille: number;
}

/**
 * 查封规定 Art 19: what is controlled may not clearly exceed the claim and costs. An indivisible item
 * worth more than the room left may still be taken while the earlier controls do not cover what is
 * owed (Art 19's exception for 不可分物 when nothing else suffices).
 */
export function assertWithinControlLimit(check: OverControlCheck): void {
  const limit = controlLimitFen(check.owedFen, check.factorPermille);
  const after = check.controlledFen + check.addingFen;
  if (after <= limit) return;
  if (check.indivisible && check.controlledFen < check.owedFen) return;
  const room = Math.max(0, limit - check.controlledFen);
  throw new CodedError(
    ErrorCode.RuleViolated,
    `over-control (查封规定 Art 19): ${formatFen(check.controlledFen)} is already controlled and this order ` +
      `adds ${formatFen(check.addingFen)}, over the limit of ${formatFen(limit)} ` +
      `(${formatFen(check.owedFen)} owed × ${check.factorPermille / 1000}); at most ${formatFen(room)} more`,
    {
      rule: 'OVER_CONTROL',
      errors: [{ field: 'amountFen', rule: 'overControl', message: `limit ${limit} fen, room ${room} fen` }],
    },
  );
}

import { CodedError, ErrorCode, formatFen, Role, type Fen } from '@writ/contracts';

/**
 * 发放 — how much of a payout settles the fee and how much reaches the creditor, and who must sign it.
 *
 * Fees first: the execution fee (申请执行费) is paid after execution, out of what was recovered
 * (诉讼费用交纳办法 Art 20), and costs of execution come off the proceeds before any creditor is paid
 * (民诉解释 2022 Art 508). So each payout first settles whatever fee is still unsettled, then pays the
 * creditor out of what is left in the case's account.
 */
export interface PayoutSplitInput {
  /** what the case's account holds now (CASE balance) */
  caseBalanceFen: Fen;
  /** the fee not yet settled (fee due − fee settled) */
  feeOutstandingFen: Fen;
  /** what the creditor is to receive */
  creditorFen: Fen;
}

export interface PayoutSplit {
  /** settled to FEES in the same transaction, before the creditor */
  feeFen: Fen;
  creditorFen: Fen;
}

function refuse(code: ErrorCode, field: string, rule: string, message: string): CodedError {
  return new CodedError(code, message, { rule, errors: [{ field, rule, message }] });
}

export function splitPayout(input: PayoutSplitInput): PayoutSplit {
  if (!Number.isSafeInteger(input.creditorFen) || input.creditorFen <= 0) {
    throw refuse(
      ErrorCode.ValidationFailed,
      'amountFen',
      'isPositiveFen',
      'a payout is a positive sum of fen',
    );
  }
  const feeFen = Math.min(Math.max(0, input.feeOutstandingFen), Math.max(0, input.caseBalanceFen));
  const left = input.caseBalanceFen - feeFen;
  if (input.feeOutstandingFen > feeFen) {
    throw refuse(
      ErrorCode.RuleViolated,
      'amountFen',
      'FEES_FIRST',
      `fees first (民诉解释 Art 508): the execution fee still owes ${formatFen(input.feeOutstandingFen)} and the ` +
        `case holds only ${formatFen(input.caseBalanceFen)}; nothing can go to the creditor yet`,
    );
  }
  if (input.creditorFen > left) {
    throw refuse(
      ErrorCode.RuleViolated,
      'amountFen',
      'FEES_FIRST',
      `the case holds ${formatFen(input.caseBalanceFen)}; after the execution fee of ${formatFen(feeFen)} ` +
        `at most ${formatFen(left)} can be paid, not ${formatFen(input.creditorFen)}`,
    );
  }
  return { feeFen, creditorFen: input.creditorFen };
}

/**
 * A payout strictly above the court's threshold waits for a second person (a local rule of internal
 * control over money, configurable; not national law).
 */
export function needsSecondApproval(amountFen: Fen, thresholdFen: Fen): boolean {
  return amountFen > thresholdFen;
}

/** Who asks for a payout: the fund manager (案款管理人员). */
export const PAYOUT_REQUESTER_ROLE = Role.FundManager;
/** Who signs a large one: the enforcement director (执行局长), never the one who asked. */
export const PAYOUT_APPROVER_ROLE = Role.Director;

export function assertMayRequestPayout(actor: { roles: readonly Role[] }): void {
  if (!actor.roles.includes(PAYOUT_REQUESTER_ROLE)) {
    throw refuse(
      ErrorCode.Forbidden,
      'caseId',
      'PAYOUT_BY_FUND_MANAGER',
      'a payout (发放) is asked for by the fund manager (案款管理人员)',
    );
  }
}

export type PayoutStatus = 'PENDING_APPROVAL' | 'APPROVED' | 'PAID' | 'REJECTED';

export interface PayoutForDecision {
  id: string;
  status: PayoutStatus;
  requestedBy: string;
  decidedBy: string | null;
}

/**
 * The second approval (双人审批): only a director, only once, never the person who asked; a
 * rejection says why.
 */
export function decidePayoutApproval(
  payout: PayoutForDecision,
  decision: { approve: boolean; comment?: string; by: { id: string; roles: readonly Role[] } },
): { status: 'APPROVED' | 'REJECTED'; comment: string | null } {
  if (payout.status !== 'PENDING_APPROVAL') {
    throw refuse(
      ErrorCode.InvalidState,
      'payoutId',
      'APPROVAL_DECIDED_ONCE',
      `payout ${payout.id} is ${payout.status.toLowerCase()}, not waiting for approval`,
    );
  }
  if (!decision.by.roles.includes(PAYOUT_APPROVER_ROLE)) {
    throw refuse(
      ErrorCode.Forbidden,
      'payoutId',
      'PAYOUT_SECOND_APPROVAL',
      `payout ${payout.id} is above the court's threshold and needs the enforcement director's (执行局长) approval`,
    );
  }
  if (decision.by.id === payout.requestedBy) {
    throw refuse(
      ErrorCode.Forbidden,
      'payoutId',
      'PAYOUT_SECOND_APPROVAL',
      `payout ${payout.id} was requested by ${decision.by.id}: the second approval must be another person's`,
    );
  }
  const comment = decision.comment?.trim() || null;
  if (!decision.approve && !comment) {
    throw refuse(
      ErrorCode.RuleViolated,
      'comment',
      'REJECTION_GIVES_REASON',
      `rejecting payout ${payout.id} needs a comment saying why`,
    );
  }
  return { status: decision.approve ? 'APPROVED' : 'REJECTED', comment };
}

/** The bank's confirmation is for an approved payout only, once. */
export function assertConfirmable(payout: { id: string; status: PayoutStatus }): void {
  if (payout.status !== 'APPROVED') {
    throw refuse(
      ErrorCode.InvalidState,
      'payoutId',
      'PAYOUT_CONFIRM_APPROVED',
      `payout ${payout.id} is ${payout.status.toLowerCase()}; only an approved payout is confirmed paid`,
    );
  }
}

/**
 * Whether this payment is the one that makes the creditors' payments cover the claim: true exactly once,
 * on the payout that crosses the line (so `ledger.claim.fully-paid` is emitted once).
 */
export function crossesClaim(claimFen: Fen, paidBeforeFen: Fen, paidNowFen: Fen): boolean {
  return claimFen > 0 && paidBeforeFen < claimFen && paidBeforeFen + paidNowFen >= claimFen;
}

export interface CaseOwed {
  /** 申请执行费 not yet settled out of the case's money */
  feeOutstandingFen: Fen;
  /** 尚欠: the claim and the unsettled fee, less what the creditors were paid; never below 0 */
  owedFen: Fen;
}

/**
 * What the case still owes: the claim plus the execution fee not yet settled (the fee is paid out of what
 * is recovered, 诉讼费用交纳办法 Art 20, and comes off first, 民诉解释 Art 508), less what reached the
 * creditors. Never below zero: money paid beyond the claim does not make the debtor owed.
 */
export function owedOnCase(c: {
  claimFen: Fen;
  feeDueFen: Fen;
  feeSettledFen: Fen;
  paidToCreditorsFen: Fen;
}): CaseOwed {
  const feeOutstandingFen = Math.max(0, c.feeDueFen - c.feeSettledFen);
  return {
    feeOutstandingFen,
    owedFen: Math.max(0, c.claimFen + feeOutstandingFen - c.paidToCreditorsFen),
  };
}

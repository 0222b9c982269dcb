import { ApprovalStatus, CodedError, ErrorCode, Role, type Fen } from '@writ/contracts';

/** Why a follow-up order waits for the director: the rule's name, shown to the officer and the director. */
export type ControlApprovalRule = 'DEDUCT_OVER_THRESHOLD' | 'RELEASE_BEFORE_PAID';

/** Who signs a control order that waits: the enforcement director (执行局长). */
export const CONTROL_APPROVER_ROLE = Role.Director;

export interface ApprovalQuestion {
  action: 'RENEW' | 'RELEASE' | 'DEDUCT';
  /** DEDUCT: the amount to transfer; RELEASE: the part to unfreeze, or the whole control's amount */
  amountFen: Fen;
  /** the case is open (not closed) */
  caseOpen: boolean;
  /** claim + costs − recovered */
  owedFen: Fen;
  /** what the case's controls hold beyond the over-control limit (查封规定 Art 19) */
  excessFen: Fen;
  /** the court's threshold for a deduction to need the director */
  deductThresholdFen: Fen;
}

/**
 * Whether a follow-up order needs the director's approval before it goes to the agency, and by which
 * rule (a local practice of internal control over money and security, configurable; not national law):
 * - a deduction (扣划) at or above the court's threshold: moving large sums out of the debtor's account
 *   is signed by the director;
 * - a release (解除) while the case is open and the claim not yet paid: it gives up the applicant's
 *   security. A release that frees no more than the excess over the limit is exempt: 查封规定 Art 19
 *   requires that excess to be let go, and the case keeps what covers the claim.
 * Releases on closure, lapse and full payment are not officers' orders and never come here. Renewals
 * (续行) keep the security and need no approval.
 */
export function approvalRuleFor(q: ApprovalQuestion): ControlApprovalRule | null {
  switch (q.action) {
    case 'RENEW':
      return null;
    case 'DEDUCT':
      return q.amountFen >= q.deductThresholdFen ? 'DEDUCT_OVER_THRESHOLD' : null;
    case 'RELEASE':
      if (!q.caseOpen || q.owedFen <= 0) return null;
      return q.amountFen <= q.excessFen ? null : 'RELEASE_BEFORE_PAID';
  }
}

/** A control order waiting for the director, as the rules need it. */
export interface ControlApproval {
  id: string;
  status: ApprovalStatus;
  requestedBy: string;
  decidedBy: string | null;
}

function refuse(code: ErrorCode, field: string, rule: string, message: string): CodedError {
  return new CodedError(code, message, { rule, errors: [{ field, rule, message }] });
}

/** The refusal a decision by `approver` would meet, or null when it may decide now. */
export function controlDecisionRefusal(
  approval: ControlApproval,
  approver: { id: string; roles: readonly Role[] },
): CodedError | null {
  if (approval.status !== ApprovalStatus.Pending) {
    return refuse(
      ErrorCode.InvalidState,
      'approvalId',
      'APPROVAL_DECIDED_ONCE',
      `approval ${approval.id} was already ${approval.status.toLowerCase()} by ${approval.decidedBy ?? 'someone'}`,
    );
  }
  if (!approver.roles.includes(CONTROL_APPROVER_ROLE)) {
    return refuse(
      ErrorCode.Forbidden,
      'approvalId',
      'APPROVAL_ROLE_REQUIRED',
      `approval ${approval.id} needs the enforcement director's (执行局长) decision`,
    );
  }
  // separation of duties: whoever asked does not approve their own request
  if (approver.id === approval.requestedBy) {
    return refuse(
      ErrorCode.Forbidden,
      'approvalId',
      'APPROVAL_NOT_BY_REQUESTER',
      `approval ${approval.id} was requested by ${approver.id}, who cannot decide it`,
    );
  }
  return null;
}

/** Checks a decision and gives the request's new status; a rejection must say why. */
export function decideControlApproval(
  approval: ControlApproval,
  decision: { approve: boolean; comment?: string; by: { id: string; roles: readonly Role[] } },
): { status: ApprovalStatus; comment: string | null } {
  const refusal = controlDecisionRefusal(approval, decision.by);
  if (refusal) throw refusal;
  const comment = decision.comment?.trim() || null;
  if (!decision.approve && !comment) {
    throw refuse(
      ErrorCode.RuleViolated,
      'comment',
      'REJECTION_GIVES_REASON',
      `rejecting approval ${approval.id} needs a comment saying why`,
    );
  }
  return { status: decision.approve ? ApprovalStatus.Approved : ApprovalStatus.Rejected, comment };
}

import { ApprovalStatus, CodedError, ErrorCode, type Role } from '@writ/contracts';

/**
 * An approval request (审批): a decision that binds only once the president (院长) or the enforcement
 * director (执行局长) signs it. What is approved — a measure, an extension of the period — is the
 * subject; the request only knows its type and id.
 */
export interface ApprovalRequest {
  id: string;
  courtCode: string;
  caseId: string;
  /** 'MEASURE', 'EXTENSION', ... */
  subjectType: string;
  subjectId: string;
  /** what the approver is asked, in one line */
  summary: string;
  requiredRole: Role;
  requestedBy: string;
  requestedAt: Date;
  status: ApprovalStatus;
  decidedBy?: string;
  decidedAt?: Date;
  comment?: string;
}

/** Who asks to decide: the id and roles of the acting user. */
export interface Approver {
  id: string;
  roles: readonly Role[];
}

export function openApprovalRequest(input: {
  id: string;
  courtCode: string;
  caseId: string;
  subjectType: string;
  subjectId: string;
  summary: string;
  requiredRole: Role;
  requestedBy: string;
  requestedAt: Date;
}): ApprovalRequest {
  return { ...input, status: ApprovalStatus.Pending };
}

function refuse(code: ErrorCode, field: string, rule: string, message: string): CodedError {
  return new CodedError(code, message, { rule, errors: [{ field, rule, message }] });
}

/** The refusal a decision by `approver` would meet, or null when the approver may decide now. */
export function decisionRefusal(request: ApprovalRequest, approver: Approver): CodedError | null {
  // a request is decided once: the decision is the record (民诉法 2023 Art 119: 院长批准, 决定书)
  if (request.status !== ApprovalStatus.Pending) {
    return refuse(
      ErrorCode.InvalidState,
      'approvalId',
      'APPROVAL_DECIDED_ONCE',
      `approval ${request.id} was already ${request.status.toLowerCase()} by ${request.decidedBy ?? 'someone'}`,
    );
  }
  // only the office the law names signs: 院长 for 罚款/拘留, 执行局长 for the rest
  if (!approver.roles.includes(request.requiredRole)) {
    return refuse(
      ErrorCode.Forbidden,
      'approvalId',
      'APPROVAL_ROLE_REQUIRED',
      `approval ${request.id} needs a ${request.requiredRole}'s decision`,
    );
  }
  // separation of duties: whoever asked does not approve their own request
  if (approver.id === request.requestedBy) {
    return refuse(
      ErrorCode.Forbidden,
      'approvalId',
      'APPROVAL_NOT_BY_REQUESTER',
      `approval ${request.id} was requested by ${approver.id}, who cannot decide it`,
    );
  }
  return null;
}

export function mayDecide(request: ApprovalRequest, approver: Approver): boolean {
  return decisionRefusal(request, approver) === null;
}

/**
 * Approves or rejects a pending request, keeping who decided, when and why. A rejection gives its
 * reason, so the officer knows what to change.
 */
export function decideApproval(
  request: ApprovalRequest,
  decision: { approve: boolean; comment?: string; by: Approver; at: Date },
): ApprovalRequest {
  const refusal = decisionRefusal(request, decision.by);
  if (refusal) throw refusal;
  const comment = decision.comment?.trim();
  if (!decision.approve && !comment) {
    throw refuse(
      ErrorCode.RuleViolated,
      'comment',
      'REJECTION_GIVES_REASON',
      `rejecting approval ${request.id} needs a comment saying why`,
    );
  }
  return {
    ...request,
    status: decision.approve ? ApprovalStatus.Approved : ApprovalStatus.Rejected,
    decidedBy: decision.by.id,
    decidedAt: decision.at,
    ...(comment ? { comment } : {}),
  };
}

/**
 * Closes a pending request without an approver's decision, because its subject went away (e.g. the case
 * was fully performed). Recorded as rejected, with who closed it, when and why.
 */
export function withdrawApproval(
  request: ApprovalRequest,
  withdrawal: { by: string; at: Date; reason: string },
): ApprovalRequest {
  if (request.status !== ApprovalStatus.Pending) {
    throw refuse(
      ErrorCode.InvalidState,
      'approvalId',
      'APPROVAL_DECIDED_ONCE',
      `approval ${request.id} was already ${request.status.toLowerCase()}`,
    );
  }
  return {
    ...request,
    status: ApprovalStatus.Rejected,
    decidedBy: withdrawal.by,
    decidedAt: withdrawal.at,
    comment: withdrawal.reason,
  };
}

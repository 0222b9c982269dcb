import { IsBoolean, IsEnum, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { ApprovalStatus, type AgencyKind, type ControlKind } from '../../enums.js';
import type { Fen } from '../../money.js';

/** The follow-up orders that may wait for the director: a large 扣划, a 解除 before the claim is paid. */
export type ControlApprovalAction = 'DEDUCT' | 'RELEASE';

/**
 * `assets.control-approval.list` v1 — the control orders of the actor's court waiting for the enforcement
 * director (执行局长): deductions at or above the court's threshold and releases before the claim is paid.
 * Pending unless a status is given; with a case, that case's only. Any court staff may list; newest first.
 */
export class ListControlApprovalsQuery {
  @IsOptional()
  @IsUUID()
  caseId?: string;

  @IsOptional()
  @IsEnum(ApprovalStatus)
  status?: ApprovalStatus;
}

/**
 * `assets.control-approval.decide` v1 — the director approves (the order goes to the agency at once) or
 * rejects (with a reason; nothing is sent, the control stays as it is) one pending control order.
 * Decided once, never by whoever asked. Answers the decided request, with the agency's answer if sent.
 */
export class DecideControlApprovalCommand {
  @IsUUID()
  approvalId!: string;

  @IsBoolean()
  approve!: boolean;

  @IsOptional()
  @IsString()
  @Length(1, 500)
  comment?: string;
}

/** One control order waiting for, or decided by, the director. */
export interface ControlApprovalView {
  id: string;
  caseId: string;
  caseNumber: string;
  controlId: string;
  action: ControlApprovalAction;
  /** DEDUCT: the amount to transfer; RELEASE: the part to unfreeze (absent: the whole control) */
  amountFen?: Fen;
  /** the officer's reason for a release */
  reason?: string;
  /** the control as it stood when asked */
  controlKind: Exclude<ControlKind, ControlKind.Deduct>;
  agencyKind: AgencyKind;
  identifier: string;
  description: string;
  controlledFen: Fen;
  /** one line saying what the director is asked, e.g. 扣划 ¥600,000.00 — 工商银行 6222… */
  summary: string;
  /** why it needs the director: the rule's name */
  rule: 'DEDUCT_OVER_THRESHOLD' | 'RELEASE_BEFORE_PAID';
  requestedBy: string;
  requestedByName: string;
  /** ISO timestamp */
  requestedAt: string;
  status: ApprovalStatus;
  decidedBy?: string;
  decidedByName?: string;
  decidedAt?: string;
  comment?: string;
  /** after approval: what became of the order at the agency (PENDING until it answers) */
  orderStatus?: 'PENDING' | 'DONE' | 'REFUSED' | 'FAILED';
  agencyNote?: string;
}

export interface ListControlApprovalsReply {
  items: ControlApprovalView[];
}

/** A control order waiting for the director, as the control's view shows it (待审批). */
export interface PendingControlApprovalView {
  approvalId: string;
  action: ControlApprovalAction;
  amountFen?: Fen;
  requestedBy: string;
  requestedByName: string;
  requestedAt: string;
}

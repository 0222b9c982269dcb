import { Type } from 'class-transformer';
import { IsBoolean, IsDateString, IsIn, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import type { Fen } from '../../money.js';
import { IsFen } from '../../validation/decorators.js';

export const PAYOUT_STATUSES = ['PENDING_APPROVAL', 'APPROVED', 'PAID', 'REJECTED'] as const;
export type PayoutStatusName = (typeof PAYOUT_STATUSES)[number];

/**
 * `ledger.payout.request` v1 — the fund manager (案款管理人员) asks to pay a creditor of a case out of
 * the case's account (发放). Fees first: the unsettled execution fee (申请执行费) is settled in the same
 * step. A case with a distribution plan (参与分配) pays only under it, once it is final. Above the
 * court's threshold (PAYOUT_SECOND_APPROVAL_FEN) it waits for the director (PENDING_APPROVAL); otherwise
 * it is approved at once (Dr 案款账户, Cr 应付). Same key + same content → the first payout; other
 * content → IDEMPOTENCY_CONFLICT (IDEMPOTENCY_KEY_REUSED).
 */
export class RequestPayoutCommand {
  @IsString()
  @Length(8, 200)
  idempotencyKey!: string;

  @IsUUID()
  caseId!: string;

  /** the creditor (申请执行人): their ID or credit code */
  @IsString()
  @Length(1, 64)
  creditorId!: string;

  @IsString()
  @Length(1, 200)
  creditorName!: string;

  /** the creditor's bank account the money goes to */
  @IsOptional()
  @IsString()
  @Length(1, 64)
  creditorAccount?: string;

  /** what the creditor is to receive (the fee comes on top, out of the case's money) */
  @IsFen({ positive: true })
  amountFen!: Fen;

  @IsOptional()
  @IsString()
  @Length(1, 500)
  memo?: string;
}

/** `ledger.payout.decide` v1 — the director's second approval (双人审批): never by whoever asked. */
export class DecidePayoutCommand {
  @IsUUID()
  payoutId!: string;

  @IsBoolean()
  approve!: boolean;

  @IsOptional()
  @IsString()
  @Length(1, 500)
  comment?: string;
}

/**
 * `ledger.payout.confirm` v1 — the bank confirmed the transfer: Dr 应付, Cr 专户. Emits
 * `ledger.money.paid-out`, and `ledger.claim.fully-paid` once the creditors' payments cover the claim.
 */
export class ConfirmPayoutCommand {
  @IsUUID()
  payoutId!: string;

  /** the Asia/Shanghai date the bank paid */
  @IsDateString({ strict: true })
  paidOn!: string;

  /** the bank's serial number of the transfer */
  @IsOptional()
  @IsString()
  @Length(1, 64)
  bankSerial?: string;
}

/** `ledger.payout.list` v1 — the court's payouts; without filters the approval queue (PENDING_APPROVAL). */
export class ListPayoutsQuery {
  @IsOptional()
  @IsUUID()
  caseId?: string;

  @IsOptional()
  @IsIn(PAYOUT_STATUSES)
  status?: PayoutStatusName;
}

export interface PayoutView {
  id: string;
  caseId: string;
  caseNumber?: string;
  courtCode: string;
  creditorId: string;
  creditorName: string;
  creditorAccount?: string;
  amountFen: Fen;
  /** the execution fee settled with this payout, before the creditor */
  feeFen: Fen;
  planId?: string;
  status: PayoutStatusName;
  /** the rule that made it wait for the director */
  approvalRule?: 'PAYOUT_SECOND_APPROVAL';
  thresholdFen: Fen;
  requestedBy: string;
  requestedByName: string;
  requestedAt: string;
  decidedBy?: string;
  decidedByName?: string;
  decidedAt?: string;
  comment?: string;
  paidOn?: string;
  bankSerial?: string;
  /** the journal transactions: approval (案款 → 应付) and payment (应付 → 专户) */
  approvedTransactionId?: string;
  paidTransactionId?: string;
  /** the same key was asked before: this is the first payout */
  replayed?: boolean;
}

export interface ListPayoutsReply {
  items: PayoutView[];
}

export const DEADLINE_STATES = ['OK', 'DUE_SOON', 'OVERDUE'] as const;
export type DeadlineStateName = (typeof DEADLINE_STATES)[number];

/**
 * `ledger.payout.deadlines` v1 — the 30-day rule (执行款物管理规定 2017): every receipt of the court (or
 * of one case) not yet fully paid out, with its deadline. `ledger.payout.overdue` v1 — the same, only
 * those past their deadline: the audit's "funds unpaid > 30 days".
 */
export class ListPayoutDeadlinesQuery {
  @IsOptional()
  @IsUUID()
  caseId?: string;

  @IsOptional()
  @IsIn(DEADLINE_STATES)
  state?: DeadlineStateName;
}

export class ListOverduePayoutsQuery {
  /** the day to judge by (default today) */
  @IsOptional()
  @IsDateString({ strict: true })
  asOf?: string;
}

export interface PayoutDeadlineView {
  receiptId: string;
  caseId: string;
  caseNumber?: string;
  receivedOn: string;
  amountFen: Fen;
  unpaidFen: Fen;
  deadline: string;
  daysLeft: number;
  state: DeadlineStateName;
}

export interface PayoutDeadlinesReply {
  asOf: string;
  deadlineDays: number;
  items: PayoutDeadlineView[];
  totalUnpaidFen: Fen;
}

/** `ledger.payout.scan` v1 — raise the due-soon alerts now instead of at the timer's next round. */
export class ScanPayoutDeadlinesCommand {
  @IsOptional()
  @Type(() => Boolean)
  @IsBoolean()
  allCourts?: boolean;
}

export interface ScanPayoutDeadlinesReply {
  alerted: number;
}

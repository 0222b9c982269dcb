import { IsDateString, IsIn, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import type { Fen } from '../../money.js';
import { IsFen } from '../../validation/decorators.js';

/** How money came into the court's dedicated account when the fund manager records it by hand. */
export const RECEIPT_SOURCES = ['VOLUNTARY', 'BANK_TRANSFER'] as const;
export type ReceiptSource = (typeof RECEIPT_SOURCES)[number];

/**
 * `ledger.receipt.record` v1 — the fund manager (案款管理员) records money that arrived in the court's
 * dedicated account (执行款专户): the debtor's voluntary payment or a bank transfer. With a `caseId` it
 * is the case's money (Dr 专户, Cr 案款账户); without one it waits in suspense (待认领款) until matched.
 * The same `idempotencyKey` with the same content answers with the first receipt; with other content
 * it is refused (IDEMPOTENCY_CONFLICT, rule IDEMPOTENCY_KEY_REUSED).
 */
export class RecordReceiptCommand {
  /** Idempotency key, e.g. the bank's serial number of the transfer */
  @IsString()
  @Length(8, 200)
  idempotencyKey!: string;

  /** the case the money is for; absent: unmatched money, booked to suspense */
  @IsOptional()
  @IsUUID()
  caseId?: string;

  @IsFen({ positive: true })
  amountFen!: Fen;

  @IsIn(RECEIPT_SOURCES)
  source!: ReceiptSource;

  /** the Asia/Shanghai date the money arrived, YYYY-MM-DD */
  @IsDateString({ strict: true })
  receivedOn!: string;

  /** who paid, as the bank statement names them */
  @IsOptional()
  @IsString()
  @Length(1, 200)
  payer?: string;

  /** the bank's reference or serial number */
  @IsOptional()
  @IsString()
  @Length(1, 200)
  reference?: string;

  @IsOptional()
  @IsString()
  @Length(1, 500)
  memo?: string;
}

/**
 * `ledger.suspense.match` v1 — the fund manager matches money waiting in suspense (待认领款) to its case
 * (Dr 待认领款, Cr 案款账户). Refused with RULE_VIOLATED (INSUFFICIENT_BALANCE) when suspense holds less.
 * Naming the unmatched receipt (`suspenseTransactionId`, see `ledger.suspense.list`): NOT_FOUND (rule
 * suspenseReceiptOfCourt) unless it is the court's and not reversed; RULE_VIOLATED (rule
 * SUSPENSE_RECEIPT_EXCEEDED, field amountFen) when more is asked than matches naming it left of it.
 */
export class MatchSuspenseCommand {
  @IsString()
  @Length(8, 200)
  idempotencyKey!: string;

  @IsUUID()
  caseId!: string;

  @IsFen({ positive: true })
  amountFen!: Fen;

  /** the unmatched receipt this money came with, when known */
  @IsOptional()
  @IsUUID()
  suspenseTransactionId?: string;

  @IsOptional()
  @IsString()
  @Length(1, 500)
  memo?: string;
}

/** A receipt as booked. */
export interface ReceiptView {
  transactionId: string;
  /** the journal's order of posting, as a decimal string */
  seq: string;
  caseId?: string;
  amountFen: Fen;
  /** booked to suspense, waiting for a case */
  suspense: boolean;
  /** everything received for the case so far, this receipt included */
  totalReceivedFen?: Fen;
  postedAt: string;
  /** the same key was posted before: this is the first result, nothing was posted now */
  replayed: boolean;
}

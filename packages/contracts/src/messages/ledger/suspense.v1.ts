import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import type { Fen } from '../../money.js';

/**
 * `ledger.suspense.list` v1 — 待认领款: the actor's court's unmatched receipts (money in the dedicated
 * account no case could be matched to) that are not yet matched in full, oldest first, each with what
 * is left to match. A match (`ledger.suspense.match`) naming its receipt counts against that receipt; a
 * match naming none is counted against the oldest receipts first, so the remainders always add up to
 * what the suspense account (待认领款) holds. A reversed receipt is not listed.
 */
export class ListSuspenseQuery {}

export interface SuspenseReceiptView {
  /** the unmatched receipt's journal transaction, to name in `suspenseTransactionId` when matching */
  transactionId: string;
  /** the journal's order of posting, as a decimal string */
  seq: string;
  /** the Asia/Shanghai day the money arrived, YYYY-MM-DD */
  receivedOn: string;
  amountFen: Fen;
  /** matched to cases so far (by matches naming it, then by those naming no receipt, oldest first) */
  matchedFen: Fen;
  /** still waiting for its case: amountFen − matchedFen, above 0 */
  remainingFen: Fen;
  memo?: string;
  postedAt: string;
  /** who recorded the receipt */
  postedBy: string;
}

export interface ListSuspenseReply {
  items: SuspenseReceiptView[];
  /** the sum of the remainders: what the court's suspense account holds */
  totalRemainingFen: Fen;
}

/**
 * `ledger.case.search` v1 — the actor's court's cases the ledger knows whose case number contains `q`
 * (e.g. `执123`), newest first: for the fund office to pick the case money belongs to (认领, 保证金).
 */
export class SearchLedgerCasesQuery {
  @IsString()
  @Length(1, 64)
  q!: string;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(50)
  limit: number = 20;
}

export interface LedgerCaseHit {
  caseId: string;
  caseNumber: string;
  /** 执行标的 as the case was registered, when the ledger was told it */
  claimFen?: Fen;
  /** everything received for the case so far */
  receivedFen: Fen;
}

export interface SearchLedgerCasesReply {
  items: LedgerCaseHit[];
}

import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import type { Fen } from '../../money.js';

/**
 * `ledger.transaction.reverse` v1 — 冲正: posts the negated entries of a transaction, pointing at it.
 * A transaction is reversed at most once, and a reversal is never reversed (INVALID_STATE).
 */
export class ReverseTransactionCommand {
  @IsString()
  @Length(8, 200)
  idempotencyKey!: string;

  @IsUUID()
  transactionId!: string;

  /** why the entry was wrong, for the trail */
  @IsString()
  @Length(1, 500)
  reason!: string;
}

/** `ledger.journal.verify` v1 — recomputes every transaction's hash and the chain; names the first broken link. */
export class VerifyJournalCommand {}

/** `ledger.journal.seal` v1 — seals what is unsealed now instead of at the sealer's next round. */
export class SealJournalCommand {}

export interface SealJournalReply {
  sealed: number;
}

export type JournalProblem = 'CONTENT_HASH_MISMATCH' | 'CHAIN_HASH_MISMATCH' | 'CHAIN_GAP' | 'UNBALANCED';

export interface VerifyJournalReply {
  ok: boolean;
  /** transactions on the chain, all checked */
  sealed: number;
  /** transactions not sealed yet whose content matched their hash */
  unsealedContentOk: number;
  firstBroken?: {
    transactionId: string;
    /** absent for a transaction not yet sealed */
    chainSeq?: string;
    problem: JournalProblem;
    detail: string;
  };
}

/** `ledger.journal.list` v1 — a case's transactions, or the actor's court's, newest first, with their entries. */
export class ListJournalQuery {
  @IsOptional()
  @IsUUID()
  caseId?: string;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100_000)
  page: number = 1;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  pageSize: number = 50;
}

export interface JournalEntryView {
  accountCode: string;
  /** + debit, − credit */
  amountFen: Fen;
}

export interface JournalTransactionView {
  id: string;
  seq: string;
  kind: string;
  courtCode: string;
  caseId?: string;
  memo?: string;
  postedAt: string;
  postedBy: string;
  /** the transaction this one reverses */
  correctsId?: string;
  /** the reversal of this one, if any */
  reversedById?: string;
  sealed: boolean;
  entries: JournalEntryView[];
}

export interface ListJournalReply {
  items: JournalTransactionView[];
  total: number;
  page: number;
  pageSize: number;
}

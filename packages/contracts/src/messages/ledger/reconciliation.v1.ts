import { IsDateString, IsOptional, IsString, Length, MaxLength } from 'class-validator';
import type { Fen } from '../../money.js';

/**
 * `ledger.reconciliation.import` v1 — 对账: the fund manager imports the bank's statement of the
 * dedicated account as CSV (columns 交易日期, 金额 in yuan with 2 decimals — positive in, negative out —,
 * 对方户名, 摘要/附言, 流水号). Every line is validated: any error refuses the whole file, each error
 * naming its line. Lines already imported (same 流水号) are skipped. Each new line is matched with the
 * journal's entries on the dedicated account (same amount, date within ±N days, the memo naming the case
 * preferred).
 */
export class ImportBankStatementCommand {
  @IsOptional()
  @IsString()
  @Length(1, 200)
  fileName?: string;

  /** the file's text (UTF-8), at most 5 MB */
  @IsString()
  @MaxLength(5_000_000)
  csv!: string;
}

export interface ImportBankStatementReply {
  importId: string;
  lines: number;
  /** lines new to the ledger (the rest were imported before) */
  newLines: number;
  matched: number;
  unmatched: number;
}

/** `ledger.reconciliation.get` v1 — matched pairs and what is unmatched on either side, for a period. */
export class GetReconciliationQuery {
  @IsOptional()
  @IsDateString({ strict: true })
  from?: string;

  @IsOptional()
  @IsDateString({ strict: true })
  to?: string;
}

export interface StatementLineView {
  serial: string;
  date: string;
  amountFen: Fen;
  counterparty: string;
  memo: string;
}

export interface DedicatedEntryView {
  transactionId: string;
  kind: string;
  caseId?: string;
  caseNumber?: string;
  date: string;
  /** + money in, − money out */
  amountFen: Fen;
}

export interface ReconciliationView {
  courtCode: string;
  from?: string;
  to?: string;
  matched: { line: StatementLineView; entry: DedicatedEntryView; byReference: boolean }[];
  unmatchedLines: StatementLineView[];
  unmatchedEntries: DedicatedEntryView[];
}

import { IsISO8601, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import type { Fen } from '../../money.js';

/**
 * `ledger.account.balance` v1 — an account's balance on its natural side (a case account shows what it
 * holds as a positive figure), now or as it stood at `asOf`.
 */
export class GetAccountBalanceQuery {
  /** e.g. `CASE:<caseId>`, `DEDICATED:辽1104` */
  @IsString()
  @Length(3, 300)
  code!: string;

  /** an instant (ISO 8601 with offset); absent: now */
  @IsOptional()
  @IsISO8601({ strict: true })
  asOf?: string;
}

export interface AccountBalanceView {
  code: string;
  kind: string;
  courtCode: string;
  caseId?: string;
  balanceFen: Fen;
  asOf?: string;
}

/** `ledger.case.summary` v1 — the case's money: received, paid, held, and each of its accounts. */
export class GetCaseMoneyQuery {
  @IsUUID()
  caseId!: string;
}

export interface CaseAccountView {
  code: string;
  kind: string;
  balanceFen: Fen;
}

/**
 * The case's money panel. The payout part adds what is owed and the deadlines as further optional
 * fields of this view.
 */
export interface CaseMoneyView {
  caseId: string;
  courtCode: string;
  caseNumber?: string;
  /** everything received for the case (receipts less their reversals) */
  receivedFen: Fen;
  /** everything paid out of the dedicated account to the case's creditors */
  paidFen: Fen;
  /** what the case account holds now */
  heldFen: Fen;
  accounts: CaseAccountView[];
}

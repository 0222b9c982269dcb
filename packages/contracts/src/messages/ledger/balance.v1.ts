import { IsISO8601, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import type { Fen } from '../../money.js';
import type { PayoutDeadlineView } from './payout.v1.js';

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

/**
 * `ledger.case.summary` v1 — the case's money: received, paid, held, each of its accounts, what is owed
 * and the receipts' payout deadlines, for the court's staff; a party (当事人) named in the case as
 * applicant or respondent gets `PartyCaseMoneyView`, the three sums only (another's case: NOT_FOUND).
 */
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
  /** 尚欠: the claim and the unsettled execution fee, less what the creditors were paid; never below 0 */
  owedFen?: Fen;
  /** 申请执行费 due on the claim (诉讼费用交纳办法 Art 14) */
  feeDueFen?: Fen;
  /** the execution fee not yet settled out of the case's money (it is settled first, before creditors) */
  feeOutstandingFen?: Fen;
  /** the court's payout deadline in days from the money's arrival (≤ 30) */
  deadlineDays?: number;
  /** each receipt not yet paid out with its deadline, earliest first */
  deadlines?: PayoutDeadlineView[];
}

/** What a party (当事人) is shown of its own case's money: the three sums, nothing of accounts or creditors. */
export interface PartyCaseMoneyView {
  caseId: string;
  caseNumber?: string;
  receivedFen: Fen;
  paidFen: Fen;
  heldFen: Fen;
}

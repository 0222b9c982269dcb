import type { Fen } from '../money.js';

/** `ledger.money.paid-out` v1 — money of a case was paid to its creditor(s). */
export interface LedgerMoneyPaidOutV1 {
  caseId: string;
  payoutId: string;
  amountFen: Fen;
  paidOn: string;
  /** everything paid out for the case so far */
  totalPaidFen: Fen;
}

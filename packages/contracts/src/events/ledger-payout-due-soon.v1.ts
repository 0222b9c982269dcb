import type { Fen } from '../money.js';

/**
 * `ledger.payout.due-soon` v1 — money of a case must be paid out within days (the 30-day rule,
 * 执行款物管理规定 2017): raised once per receipt by fund-ledger's timer. case-intake shows it in the case
 * officer's alerts (案款即将超期) until the money is paid out or the receipt reversed.
 */
export interface LedgerPayoutDueSoonV1 {
  caseId: string;
  receiptId: string;
  receivedOn: string;
  deadline: string;
  unpaidFen: Fen;
  daysLeft: number;
}

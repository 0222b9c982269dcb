import type { Fen } from '../money.js';

/** `ledger.money.received` v1 — money for a case arrived in its account. case-intake starts 案款管理. */
export interface LedgerMoneyReceivedV1 {
  caseId: string;
  receiptId: string;
  amountFen: Fen;
  source: 'DEDUCTION' | 'VOLUNTARY' | 'AUCTION' | 'OTHER';
  receivedOn: string;
  /** everything received for the case so far */
  totalReceivedFen: Fen;
}

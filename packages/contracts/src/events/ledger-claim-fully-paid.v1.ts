import type { Fen } from '../money.js';

/**
 * `ledger.claim.fully-paid` v1 — the creditor of a case has been paid the whole claim. case-intake
 * closes the case as 执行完毕 on it and lifts its measures.
 */
export interface LedgerClaimFullyPaidV1 {
  caseId: string;
  recoveredFen: Fen;
  /** whether the money came by compulsion or the debtor paid of their own accord */
  performanceMode: 'EXECUTION' | 'VOLUNTARY' | 'SETTLEMENT';
  paidOn: string;
}

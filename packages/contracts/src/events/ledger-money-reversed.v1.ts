import type { Fen } from '../money.js';

/**
 * `ledger.money.reversed` v1 — fund-ledger reversed (冲正) a transaction that had put money into a case's
 * account (a receipt, a suspense match, an applied deposit), so the case's total received fell. Said once
 * per reversal. asset-control lowers what it counts as recovered (the over-control limit rises again);
 * case-intake drops the reversed receipt's payout alert.
 */
export interface LedgerMoneyReversedV1 {
  caseId: string;
  /** the transaction reversed: the `receiptId` its `ledger.money.received` carried */
  receiptId: string;
  /** the reversing transaction */
  reversalId: string;
  /** what the reversal took back out of the case's account */
  amountFen: Fen;
  /** everything received for the case, after the reversal */
  totalReceivedFen: Fen;
  /** the Asia/Shanghai day of the reversal */
  reversedOn: string;
  /** the fund manager's reason */
  reason: string;
}

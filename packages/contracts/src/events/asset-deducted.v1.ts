import type { Fen } from '../money.js';

/**
 * `asset.deducted` v1 — the agency confirmed a deduction (扣划) of frozen money into the court's case
 * account. fund-ledger books it as a receipt of the case.
 */
export interface AssetDeductedV1 {
  caseId: string;
  controlId: string;
  amountFen: Fen;
  /** Asia/Shanghai date of the transfer */
  deductedOn: string;
}

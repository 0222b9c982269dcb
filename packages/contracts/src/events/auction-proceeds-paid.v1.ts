import type { Fen } from '../money.js';

/**
 * `auction.proceeds.paid` v1 — the buyer of a sold lot paid (part of) its price into the court's dedicated
 * account (拍卖款到账): the balance after the winner's deposit, which fund-ledger applies itself on
 * `auction.lot.sold`. fund-ledger books it as a receipt of the case, once per payment however often it is
 * told.
 */
export interface AuctionProceedsPaidV1 {
  caseId: string;
  lotId: string;
  /** the auction stage's id of this payment (its settlement or bank serial): one receipt per payment */
  paymentId: string;
  amountFen: Fen;
  /** Asia/Shanghai date the money arrived (YYYY-MM-DD) */
  paidOn: string;
}

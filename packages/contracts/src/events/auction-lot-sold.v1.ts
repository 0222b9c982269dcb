import type { Fen } from '../money.js';

/** `auction.lot.sold` v1 — a lot of a case was sold (拍卖成交 or 变卖). case-intake moves 司法处置 on it. */
export interface AuctionLotSoldV1 {
  caseId: string;
  lotId: string;
  priceFen: Fen;
  soldOn: string;
}

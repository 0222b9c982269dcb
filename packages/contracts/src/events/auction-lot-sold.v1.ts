import type { Fen } from '../money.js';

/** `auction.lot.sold` v1 — a lot of a case was sold (拍卖成交 or 变卖). case-intake moves 司法处置 on it. */
export interface AuctionLotSoldV1 {
  caseId: string;
  lotId: string;
  priceFen: Fen;
  soldOn: string;
  /** the winning bidder, when the auction stage names them: fund-ledger applies their deposit and refunds the others */
  winnerBidderId?: string;
  /** when bidding ended (ISO 8601): the losers' deposits are due back 24 hours later (网络司法拍卖规定 Art 23) */
  biddingEndedAt?: string;
}

import { IsDateString, IsISO8601, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import type { Fen } from '../../money.js';
import { IsFen } from '../../validation/decorators.js';

/**
 * `ledger.deposit.hold` v1 — a bidder's deposit (竞买保证金) for a lot arrived in the dedicated account:
 * Dr 专户, Cr 保证金 (网络司法拍卖规定 2016 Art 17). One per bidder and lot; the same key answers the first.
 */
export class HoldDepositCommand {
  @IsString()
  @Length(8, 200)
  idempotencyKey!: string;

  @IsUUID()
  caseId!: string;

  @IsString()
  @Length(1, 100)
  lotId!: string;

  @IsString()
  @Length(1, 64)
  bidderId!: string;

  @IsString()
  @Length(1, 200)
  bidderName!: string;

  @IsFen({ positive: true })
  amountFen!: Fen;
}

/**
 * `ledger.deposit.settle` v1 — bidding on a lot ended: the winner's deposit is applied to the price
 * (Dr 保证金, Cr 案款账户), every other one is due back within 24 hours (Art 23). Without a winner
 * (流拍) all are due back. Also done on `auction.lot.sold` when it names the winner.
 */
export class SettleLotDepositsCommand {
  @IsString()
  @Length(1, 100)
  lotId!: string;

  /** when bidding ended (ISO 8601 with offset) */
  @IsISO8601({ strict: true })
  endedAt!: string;

  @IsOptional()
  @IsString()
  @Length(1, 64)
  winnerBidderId?: string;
}

/** `ledger.deposit.refund` v1 — the bank returned a deposit: Dr 保证金, Cr 专户. */
export class RefundDepositCommand {
  @IsUUID()
  depositId!: string;

  @IsOptional()
  @IsString()
  @Length(1, 64)
  bankSerial?: string;
}

/** `ledger.deposit.forfeit` v1 — the buyer defaulted (悔拍): their deposit is forfeited (Art 24). */
export class ForfeitDepositCommand {
  @IsString()
  @Length(1, 100)
  lotId!: string;

  @IsString()
  @Length(1, 64)
  bidderId!: string;

  @IsString()
  @Length(1, 500)
  reason!: string;
}

/**
 * `ledger.deposit.apply-forfeited` v1 — after the resale, the forfeited deposit pays in order (Art 24;
 * 拍卖变卖规定 2004 Art 25): the costs of the resale (to 申请执行费/costs), the shortfall of the resale
 * price below the defaulted price, then the debt (both to 案款账户). What is left stays forfeited.
 */
export class ApplyForfeitedDepositCommand {
  @IsString()
  @Length(1, 100)
  lotId!: string;

  @IsFen()
  resaleCostsFen!: Fen;

  /** the defaulting buyer's price */
  @IsFen()
  originalPriceFen!: Fen;

  @IsFen()
  resalePriceFen!: Fen;
}

/** `ledger.deposit.list` v1 — a lot's deposits. */
export class ListLotDepositsQuery {
  @IsString()
  @Length(1, 100)
  lotId!: string;
}

/** `ledger.deposit.overdue` v1 — deposits whose 24-hour refund is late, for the court. */
export class ListOverdueRefundsQuery {
  @IsOptional()
  @IsDateString()
  asOf?: string;
}

export type DepositStatusName = 'HELD' | 'REFUND_DUE' | 'REFUNDED' | 'APPLIED' | 'FORFEITED';

export interface DepositView {
  id: string;
  caseId: string;
  courtCode: string;
  lotId: string;
  bidderId: string;
  bidderName: string;
  amountFen: Fen;
  status: DepositStatusName;
  heldAt: string;
  auctionEndedAt?: string;
  refundDueAt?: string;
  refundedAt?: string;
  overdue: boolean;
  replayed?: boolean;
}

export interface ListDepositsReply {
  items: DepositView[];
}

export interface ForfeitApplicationView {
  lotId: string;
  forfeitedFen: Fen;
  costsFen: Fen;
  shortfallFen: Fen;
  debtFen: Fen;
  remainingFen: Fen;
  transactionId: string;
}

import { CodedError, ErrorCode, formatFen, type Fen } from '@writ/contracts';

/**
 * 竞买保证金 — bidders' deposits for a lot (网络司法拍卖规定 2016):
 * - Art 23: the buyer's deposit may be set against the price; the other bidders' deposits are refunded
 *   (or unfrozen) within 24 hours of the end of bidding;
 * - Art 24: a buyer who defaults (悔拍) loses the deposit, which pays in turn the costs and losses of the
 *   sale, the shortfall of the resale price below the original price, then the debtor's debt in the case
 *   (拍卖变卖规定 2004 Art 25 says the same for auctions off-line).
 */
export type DepositStatus = 'HELD' | 'REFUND_DUE' | 'REFUNDED' | 'APPLIED' | 'FORFEITED';

/** Art 23: losers' refund within 24 hours of the end of bidding */
export const REFUND_WITHIN_MS = 24 * 60 * 60 * 1000;

export function refundDeadline(auctionEndedAt: Date): Date {
  return new Date(auctionEndedAt.getTime() + REFUND_WITHIN_MS);
}

export interface LotDeposit {
  id: string;
  bidderId: string;
  amountFen: Fen;
  status: DepositStatus;
}

export interface AuctionSettlement<T extends LotDeposit = LotDeposit> {
  /** the winner's deposit, applied to the price (Dr DEPOSIT, Cr CASE) */
  apply: T[];
  /** every other held deposit: refund due within 24 hours */
  refund: T[];
}

/** The end of bidding splits the held deposits into the winner's (applied) and the losers' (refunded). */
export function settleAuction<T extends LotDeposit>(
  deposits: readonly T[],
  winnerBidderId: string | null,
): AuctionSettlement<T> {
  const held = deposits.filter((d) => d.status === 'HELD');
  return {
    apply: held.filter((d) => d.bidderId === winnerBidderId),
    refund: held.filter((d) => d.bidderId !== winnerBidderId),
  };
}

export function isRefundOverdue(
  deposit: { status: DepositStatus; refundDueAt: Date | null },
  now: Date,
): boolean {
  return deposit.status === 'REFUND_DUE' && deposit.refundDueAt !== null && deposit.refundDueAt < now;
}

export interface ForfeitApplicationInput {
  /** the forfeited deposit */
  forfeitedFen: Fen;
  /** the costs and losses the resale caused (拍卖产生的费用损失) */
  resaleCostsFen: Fen;
  /** the defaulting buyer's price */
  originalPriceFen: Fen;
  /** the price of the resale */
  resalePriceFen: Fen;
  /** what the debtor still owes in the case */
  debtOutstandingFen: Fen;
}

export interface ForfeitApplication {
  costsFen: Fen;
  shortfallFen: Fen;
  debtFen: Fen;
  /** what is left after all three: stays forfeited, for the court to decide on */
  remainingFen: Fen;
}

/** Art 24's order: costs, the resale shortfall, then the debt; each takes what is left. */
export function applyForfeitedDeposit(input: ForfeitApplicationInput): ForfeitApplication {
  for (const [field, value] of Object.entries(input)) {
    if (!Number.isSafeInteger(value) || value < 0) {
      throw new CodedError(ErrorCode.ValidationFailed, `${field} must be a non-negative sum of fen`, {
        errors: [{ field, rule: 'isFen', message: 'a non-negative integer of fen' }],
      });
    }
  }
  let left = input.forfeitedFen;
  const take = (wanted: Fen): Fen => {
    const part = Math.min(wanted, left);
    left -= part;
    return part;
  };
  const costsFen = take(input.resaleCostsFen);
  const shortfallFen = take(Math.max(0, input.originalPriceFen - input.resalePriceFen));
  const debtFen = take(input.debtOutstandingFen);
  return { costsFen, shortfallFen, debtFen, remainingFen: left };
}

export function assertDepositStatus(
  deposit: LotDeposit,
  wanted: readonly DepositStatus[],
  action: string,
): void {
  if (!wanted.includes(deposit.status)) {
    throw new CodedError(
      ErrorCode.InvalidState,
      `deposit ${deposit.id} of ${formatFen(deposit.amountFen)} is ${deposit.status.toLowerCase()}; cannot ${action}`,
      {
        rule: 'DEPOSIT_STATE',
        errors: [{ field: 'depositId', rule: 'DEPOSIT_STATE', message: `deposit is ${deposit.status}` }],
      },
    );
  }
}

import { CodedError } from '@writ/contracts';
import {
  applyForfeitedDeposit,
  assertDepositStatus,
  isRefundOverdue,
  refundDeadline,
  settleAuction,
  type LotDeposit,
} from './bidder-deposit.js';

const deposit = (bidderId: string, status: LotDeposit['status'] = 'HELD'): LotDeposit => ({
  id: `d-${bidderId}`,
  bidderId,
  amountFen: 100_000,
  status,
});

describe('竞买保证金 (网络司法拍卖规定 2016 Arts 23–24)', () => {
  it("applies the winner's deposit and refunds every other held one", () => {
    const result = settleAuction(
      [deposit('w'), deposit('l1'), deposit('l2'), deposit('gone', 'REFUNDED')],
      'w',
    );
    expect(result.apply.map((d) => d.bidderId)).toEqual(['w']);
    expect(result.refund.map((d) => d.bidderId)).toEqual(['l1', 'l2']);
    expect(settleAuction([deposit('a')], null).refund).toHaveLength(1);
  });

  it('refunds losers within 24 hours of the end of bidding (Art 23) and lists late ones', () => {
    const ended = new Date('2026-03-02T02:00:00Z');
    const due = refundDeadline(ended);
    expect(due.toISOString()).toBe('2026-03-03T02:00:00.000Z');
    expect(
      isRefundOverdue({ status: 'REFUND_DUE', refundDueAt: due }, new Date('2026-03-03T01:59:59Z')),
    ).toBe(false);
    expect(
      isRefundOverdue({ status: 'REFUND_DUE', refundDueAt: due }, new Date('2026-03-03T02:00:01Z')),
    ).toBe(true);
    expect(isRefundOverdue({ status: 'REFUNDED', refundDueAt: due }, new Date('2026-03-09T00:00:00Z'))).toBe(
      false,
    );
  });

  it("applies a defaulting buyer's deposit to costs, the resale shortfall, then the debt (Art 24)", () => {
    expect(
      applyForfeitedDeposit({
        forfeitedFen: 100_000,
        resaleCostsFen: 10_000,
        originalPriceFen: 1_000_000,
        resalePriceFen: 950_000,
        debtOutstandingFen: 1_000_000,
      }),
    ).toEqual({ costsFen: 10_000, shortfallFen: 50_000, debtFen: 40_000, remainingFen: 0 });
  });

  it('stops where the deposit runs out, and keeps what is left after the debt', () => {
    expect(
      applyForfeitedDeposit({
        forfeitedFen: 30_000,
        resaleCostsFen: 10_000,
        originalPriceFen: 1_000_000,
        resalePriceFen: 950_000,
        debtOutstandingFen: 5,
      }),
    ).toEqual({ costsFen: 10_000, shortfallFen: 20_000, debtFen: 0, remainingFen: 0 });
    expect(
      applyForfeitedDeposit({
        forfeitedFen: 30_000,
        resaleCostsFen: 0,
        originalPriceFen: 900,
        resalePriceFen: 1_000,
        debtOutstandingFen: 5_000,
      }),
    ).toEqual({ costsFen: 0, shortfallFen: 0, debtFen: 5_000, remainingFen: 25_000 });
  });

  it('refuses a negative or fractional figure', () => {
    expect(() =>
      applyForfeitedDeposit({
        forfeitedFen: 1.5,
        resaleCostsFen: 0,
        originalPriceFen: 0,
        resalePriceFen: 0,
        debtOutstandingFen: 0,
      }),
    ).toThrow(CodedError);
  });

  it('moves a deposit only from the states that allow it', () => {
    expect(() => assertDepositStatus(deposit('a', 'REFUNDED'), ['REFUND_DUE'], 'refund')).toThrow(
      /refunded; cannot refund/,
    );
    expect(() => assertDepositStatus(deposit('a', 'REFUND_DUE'), ['REFUND_DUE'], 'refund')).not.toThrow();
  });
});

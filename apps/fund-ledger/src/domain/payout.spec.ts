import { CodedError, ErrorCode, Role } from '@writ/contracts';
import {
  assertConfirmable,
  assertMayRequestPayout,
  crossesClaim,
  decidePayoutApproval,
  needsSecondApproval,
  owedOnCase,
  splitPayout,
} from './payout.js';

function codeOf(fn: () => unknown): { code: string; rule?: string } {
  try {
    fn();
  } catch (error) {
    if (error instanceof CodedError)
      return { code: error.code, ...(error.details.rule ? { rule: error.details.rule } : {}) };
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('发放: fees first (诉讼费用交纳办法 Art 20, 民诉解释 Art 508)', () => {
  it('settles the unsettled fee in the same payout, then pays the creditor', () => {
    expect(splitPayout({ caseBalanceFen: 100_000, feeOutstandingFen: 5_000, creditorFen: 95_000 })).toEqual({
      feeFen: 5_000,
      creditorFen: 95_000,
    });
  });

  it('takes no fee once it is settled', () => {
    expect(splitPayout({ caseBalanceFen: 100_000, feeOutstandingFen: 0, creditorFen: 100_000 })).toEqual({
      feeFen: 0,
      creditorFen: 100_000,
    });
  });

  it('refuses to pay the creditor more than what is left after the fee', () => {
    expect(
      codeOf(() => splitPayout({ caseBalanceFen: 100_000, feeOutstandingFen: 5_000, creditorFen: 95_001 })),
    ).toEqual({ code: ErrorCode.RuleViolated, rule: 'FEES_FIRST' });
  });

  it('refuses any creditor payout while the money does not even cover the fee', () => {
    expect(
      codeOf(() => splitPayout({ caseBalanceFen: 3_000, feeOutstandingFen: 5_000, creditorFen: 1 })),
    ).toEqual({
      code: ErrorCode.RuleViolated,
      rule: 'FEES_FIRST',
    });
  });

  it('refuses a payout of nothing', () => {
    expect(
      codeOf(() => splitPayout({ caseBalanceFen: 3_000, feeOutstandingFen: 0, creditorFen: 0 })).code,
    ).toBe(ErrorCode.ValidationFailed);
  });
});

describe('second approval (双人审批) above the court threshold', () => {
  const pending = { id: 'p1', status: 'PENDING_APPROVAL' as const, requestedBy: 'fm-1', decidedBy: null };
  const director = { id: 'dir-1', roles: [Role.Director] };

  it('is needed strictly above the threshold', () => {
    expect(needsSecondApproval(50_000_000, 50_000_000)).toBe(false);
    expect(needsSecondApproval(50_000_001, 50_000_000)).toBe(true);
  });

  it('is asked by the fund manager only', () => {
    expect(codeOf(() => assertMayRequestPayout({ roles: [Role.Officer] }))).toEqual({
      code: ErrorCode.Forbidden,
      rule: 'PAYOUT_BY_FUND_MANAGER',
    });
    expect(() => assertMayRequestPayout({ roles: [Role.FundManager] })).not.toThrow();
  });

  it('is given by a director who did not ask', () => {
    expect(decidePayoutApproval(pending, { approve: true, by: director })).toEqual({
      status: 'APPROVED',
      comment: null,
    });
  });

  it('refuses anyone but a director, naming the rule', () => {
    expect(
      codeOf(() =>
        decidePayoutApproval(pending, { approve: true, by: { id: 'fm-2', roles: [Role.FundManager] } }),
      ),
    ).toEqual({ code: ErrorCode.Forbidden, rule: 'PAYOUT_SECOND_APPROVAL' });
  });

  it('refuses the requester, even a director', () => {
    const own = { ...pending, requestedBy: 'dir-1' };
    expect(codeOf(() => decidePayoutApproval(own, { approve: true, by: director }))).toEqual({
      code: ErrorCode.Forbidden,
      rule: 'PAYOUT_SECOND_APPROVAL',
    });
  });

  it('decides once, and a rejection says why', () => {
    expect(
      codeOf(() => decidePayoutApproval({ ...pending, status: 'APPROVED' }, { approve: true, by: director }))
        .code,
    ).toBe(ErrorCode.InvalidState);
    expect(
      codeOf(() => decidePayoutApproval(pending, { approve: false, comment: ' ', by: director })).rule,
    ).toBe('REJECTION_GIVES_REASON');
    expect(decidePayoutApproval(pending, { approve: false, comment: '账户有误', by: director }).status).toBe(
      'REJECTED',
    );
  });

  it('confirms payment of an approved payout only', () => {
    expect(() => assertConfirmable({ id: 'p', status: 'APPROVED' })).not.toThrow();
    expect(codeOf(() => assertConfirmable({ id: 'p', status: 'PENDING_APPROVAL' })).rule).toBe(
      'PAYOUT_CONFIRM_APPROVED',
    );
    expect(codeOf(() => assertConfirmable({ id: 'p', status: 'PAID' })).rule).toBe('PAYOUT_CONFIRM_APPROVED');
  });
});

describe('claim fully paid (执行完毕)', () => {
  it('is crossed once, by the payout that reaches the claim', () => {
    expect(crossesClaim(100, 0, 99)).toBe(false);
    expect(crossesClaim(100, 99, 1)).toBe(true);
    expect(crossesClaim(100, 100, 5)).toBe(false);
    expect(crossesClaim(100, 0, 150)).toBe(true);
    expect(crossesClaim(0, 0, 10)).toBe(false);
  });
});

describe('owedOnCase', () => {
  it('owes the claim and the unsettled fee, less what the creditors were paid', () => {
    expect(
      owedOnCase({ claimFen: 100_000, feeDueFen: 2_000, feeSettledFen: 0, paidToCreditorsFen: 0 }),
    ).toEqual({ feeOutstandingFen: 2_000, owedFen: 102_000 });
    expect(
      owedOnCase({ claimFen: 100_000, feeDueFen: 2_000, feeSettledFen: 2_000, paidToCreditorsFen: 30_000 }),
    ).toEqual({ feeOutstandingFen: 0, owedFen: 70_000 });
  });

  it('never owes below zero, nor a fee settled beyond its figure', () => {
    expect(
      owedOnCase({ claimFen: 100_000, feeDueFen: 2_000, feeSettledFen: 3_000, paidToCreditorsFen: 120_000 }),
    ).toEqual({ feeOutstandingFen: 0, owedFen: 0 });
  });
});

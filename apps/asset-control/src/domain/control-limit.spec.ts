import { CodedError, ErrorCode } from '@writ/contracts';
import {
  assertWithinControlLimit,
  controlLimitFen,
  excessOverLimitFen,
  executionFeeFen,
  owedFen,
  recoveredFen,
} from './control-limit.js';

describe('the execution fee (诉讼费用交纳办法 Art 14)', () => {
  it('is ¥50 up to ¥10,000 and then by bands', () => {
    expect(executionFeeFen(0)).toBe(0);
    expect(executionFeeFen(500_000)).toBe(5_000);
    expect(executionFeeFen(1_000_000)).toBe(5_000);
    // ¥123,456: 50 + 1.5% × 113,456 = ¥1,751.84
    expect(executionFeeFen(12_345_600)).toBe(175_184);
    // ¥1,000,000: 50 + 7,350 + 1% × 500,000 = ¥12,400
    expect(executionFeeFen(100_000_000)).toBe(1_240_000);
    // ¥20,000,000: 50 + 7,350 + 45,000 + 25,000 + 0.1% × 10,000,000 = ¥87,400
    expect(executionFeeFen(2_000_000_000)).toBe(8_740_000);
  });
});

describe('no over-control (查封规定 Art 19)', () => {
  const base = { owedFen: 100_000, controlledFen: 0, indivisible: false, factorPermille: 1200 };

  it('owes claim and costs less what came in, and allows owed × the factor', () => {
    expect(owedFen(90_000, 10_000, 30_000)).toBe(70_000);
    expect(owedFen(90_000, 10_000, 200_000)).toBe(0);
    expect(controlLimitFen(100_000, 1200)).toBe(120_000);
  });

  it('allows controls up to the limit', () => {
    expect(() => assertWithinControlLimit({ ...base, addingFen: 120_000 })).not.toThrow();
    expect(() =>
      assertWithinControlLimit({ ...base, controlledFen: 60_000, addingFen: 60_000 }),
    ).not.toThrow();
  });

  it('refuses money beyond the limit, naming the rule and the room left', () => {
    let caught: unknown;
    try {
      assertWithinControlLimit({ ...base, controlledFen: 100_000, addingFen: 20_001 });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(CodedError);
    const error = caught as CodedError;
    expect(error.code).toBe(ErrorCode.RuleViolated);
    expect(error.details.rule).toBe('OVER_CONTROL');
    expect(error.message).toContain('¥1,200.00');
    expect(error.details.errors?.[0]?.message).toBe('limit 120000 fen, room 20000 fen');
  });

  it('lets an indivisible item exceed the limit while the earlier controls do not cover the debt', () => {
    expect(() =>
      assertWithinControlLimit({ ...base, indivisible: true, controlledFen: 40_000, addingFen: 500_000 }),
    ).not.toThrow();
    expect(() =>
      assertWithinControlLimit({ ...base, indivisible: true, controlledFen: 100_000, addingFen: 500_000 }),
    ).toThrow(/over-control/);
  });
});

describe('what has come in, each fen once (查封规定 Art 19)', () => {
  it('counts confirmed deductions before the ledger reports anything', () => {
    expect(recoveredFen({ deductedFen: 30_000, ledgerReceivedFen: 0, ledgerDeductedFen: 0 })).toBe(30_000);
  });

  it('does not count a deduction twice once the ledger has booked it', () => {
    expect(recoveredFen({ deductedFen: 30_000, ledgerReceivedFen: 30_000, ledgerDeductedFen: 30_000 })).toBe(
      30_000,
    );
  });

  it('adds money paid otherwise (voluntary, auction) to the deductions not yet booked', () => {
    // ¥500 paid voluntarily and booked; ¥300 deducted, ¥100 of it booked so far
    expect(recoveredFen({ deductedFen: 30_000, ledgerReceivedFen: 60_000, ledgerDeductedFen: 10_000 })).toBe(
      80_000,
    );
  });

  it('never goes below the ledger when the ledger booked deductions asset-control has not seen', () => {
    expect(recoveredFen({ deductedFen: 0, ledgerReceivedFen: 20_000, ledgerDeductedFen: 20_000 })).toBe(
      20_000,
    );
  });

  it('shows what is held beyond a limit that fell', () => {
    expect(excessOverLimitFen(150_000, 120_000)).toBe(30_000);
    expect(excessOverLimitFen(100_000, 120_000)).toBe(0);
  });
});

import { AssetClass, CodedError } from '@writ/contracts';
import { daysToExpiry, hasLapsed, lastDayOf, renewal, termMonthsOf } from './control-term.js';

const ruleOf = (work: () => void): string | undefined => {
  try {
    work();
  } catch (error) {
    return error instanceof CodedError ? error.details.rule : 'not coded';
  }
  return undefined;
};

describe('control terms (民诉解释 2022 Art 485)', () => {
  it('gives deposits 1 year, movables 2 years, real estate and other property rights 3 years', () => {
    expect(termMonthsOf(AssetClass.Deposit)).toBe(12);
    expect(termMonthsOf(AssetClass.Movable)).toBe(24);
    expect(termMonthsOf(AssetClass.RealEstate)).toBe(36);
    expect(termMonthsOf(AssetClass.FinancialRight)).toBe(36);
    expect(termMonthsOf(AssetClass.Information)).toBe(0);
  });

  it('ends the term the day before the same date a term later, and counts the days left', () => {
    expect(lastDayOf('2026-03-02', 12)).toBe('2027-03-01');
    expect(lastDayOf('2026-08-31', 6)).toBe('2027-02-27');
    expect(daysToExpiry('2027-02-01', '2027-03-01')).toBe(28);
    expect(daysToExpiry('2027-03-01', '2027-03-01')).toBe(0);
  });

  it('lapses the day after the last day (查封规定 Art 27)', () => {
    expect(hasLapsed('2027-03-01', '2027-03-01')).toBe(false);
    expect(hasLapsed('2027-03-02', '2027-03-01')).toBe(true);
  });

  describe('续封 / 续冻', () => {
    const control = { expiresOn: '2027-03-01', termMonths: 12 };
    it('runs on from the last day by the original term, or less', () => {
      expect(renewal(control, '2027-02-20')).toEqual({ expiresOn: '2028-03-01', months: 12 });
      expect(renewal(control, '2027-03-01', 6)).toEqual({ expiresOn: '2027-09-01', months: 6 });
    });
    it('refuses a renewal longer than the original term', () => {
      expect(ruleOf(() => renewal(control, '2027-02-20', 13))).toBe('RENEWAL_WITHIN_TERM');
    });
    it('refuses to renew a control whose term has ended', () => {
      expect(ruleOf(() => renewal(control, '2027-03-02'))).toBe('RENEWAL_BEFORE_EXPIRY');
    });
  });
});

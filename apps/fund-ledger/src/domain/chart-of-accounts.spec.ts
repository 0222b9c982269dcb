import {
  AccountCodes,
  AccountKind,
  kindOfCode,
  lowers,
  naturalBalance,
  ruleOf,
} from './chart-of-accounts.js';

describe('chart of accounts (会计科目)', () => {
  it('shows a case account (a liability) holding money as a positive balance', () => {
    // a receipt credits the case account: −50 000 signed is ¥500 held
    expect(naturalBalance(AccountKind.Case, -50_000)).toBe(50_000);
    expect(naturalBalance(AccountKind.Dedicated, 50_000)).toBe(50_000);
    expect(naturalBalance(AccountKind.Case, 0)).toBe(0);
    expect(Object.is(naturalBalance(AccountKind.Case, 0), -0)).toBe(false);
  });

  it('knows which postings draw an account down', () => {
    expect(lowers(AccountKind.Case, 100)).toBe(true); // a debit takes money out of a case
    expect(lowers(AccountKind.Case, -100)).toBe(false);
    expect(lowers(AccountKind.Dedicated, -100)).toBe(true);
  });

  it('keeps 专户, 待认领款 and fees HOT (insert-only) and every case, payable and deposit in its row', () => {
    expect(ruleOf(AccountKind.Dedicated)).toMatchObject({ hot: true, guard: 'IMPLIED' });
    expect(ruleOf(AccountKind.Suspense)).toMatchObject({ hot: true, guard: 'LOCKED_SUM' });
    for (const kind of [
      AccountKind.Case,
      AccountKind.Payable,
      AccountKind.DepositsHeld,
      AccountKind.Forfeited,
    ]) {
      expect(ruleOf(kind)).toMatchObject({ hot: false, guard: 'ROW', nonNegative: true });
    }
  });

  it('reads the kind from the code', () => {
    expect(kindOfCode(AccountCodes.caseAccount('c1'))).toBe(AccountKind.Case);
    expect(kindOfCode(AccountCodes.deposit('lot', 'bidder'))).toBe(AccountKind.DepositsHeld);
    expect(kindOfCode(AccountCodes.dedicated('辽1104'))).toBe(AccountKind.Dedicated);
    expect(kindOfCode('NOPE:1')).toBeUndefined();
  });
});

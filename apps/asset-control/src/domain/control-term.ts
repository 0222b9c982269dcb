import { AssetClass, addDays, addMonths, CodedError, daysBetween, ErrorCode } from '@writ/contracts';

/**
 * The longest term of a control (民诉解释 2022 Art 485): bank deposits 1 year, movables 2 years, real
 * estate and other property rights 3 years. Online-payment balances and the housing fund are money held
 * like deposits (the catalog classes them DEPOSIT); wealth products, securities and equity are "other
 * property rights". Information records take no control: 0.
 */
const TERM_MONTHS: Record<AssetClass, number> = {
  [AssetClass.Deposit]: 12,
  [AssetClass.FinancialRight]: 36,
  [AssetClass.RealEstate]: 36,
  [AssetClass.Movable]: 24,
  [AssetClass.Information]: 0,
};

export function termMonthsOf(assetClass: AssetClass): number {
  return TERM_MONTHS[assetClass];
}

/** The last day in force of a term of `months` starting on `startOn` (a 1-year freeze from 3 March ends 2 March). */
export function lastDayOf(startOn: string, months: number): string {
  return addDays(addMonths(startOn, months), -1);
}

/** Days left until the last day in force: 0 on that day, negative once past. */
export function daysToExpiry(today: string, expiresOn: string): number {
  return daysBetween(today, expiresOn);
}

/** An unrenewed control lapses the day after its last day (查封规定 Art 27). */
export function hasLapsed(today: string, expiresOn: string): boolean {
  return today > expiresOn;
}

/**
 * 续封 / 续冻 (民诉解释 Art 485): only while the control is still in force, each renewal at most the
 * original term, running on from the current last day. Returns the new last day and the months granted.
 */
export function renewal(
  control: { expiresOn: string; termMonths: number },
  today: string,
  requestedMonths?: number,
): { expiresOn: string; months: number } {
  // 民诉解释 Art 485: renewal must be done before the term ends
  if (hasLapsed(today, control.expiresOn)) {
    throw new CodedError(
      ErrorCode.RuleViolated,
      `the control ended on ${control.expiresOn}; a lapsed control cannot be renewed, only ordered anew`,
      { rule: 'RENEWAL_BEFORE_EXPIRY' },
    );
  }
  const months = requestedMonths ?? control.termMonths;
  // 民诉解释 Art 485: each renewal no longer than the original term
  if (months > control.termMonths) {
    throw new CodedError(
      ErrorCode.RuleViolated,
      `a renewal may run at most the original term of ${control.termMonths} months, not ${months}`,
      {
        rule: 'RENEWAL_WITHIN_TERM',
        errors: [
          { field: 'termMonths', rule: 'renewalWithinTerm', message: `at most ${control.termMonths}` },
        ],
      },
    );
  }
  return { expiresOn: lastDayOf(addDays(control.expiresOn, 1), months), months };
}

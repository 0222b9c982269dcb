import { BasisKind, CodedError } from '@writ/contracts';
import {
  assertExtensionMayBeRequested,
  closedWithinPeriod,
  daysLeft,
  statutoryDeadline,
  type PeriodFacts,
} from './statutory-period.js';

const filed: PeriodFacts = {
  filingDate: '2026-01-05',
  basisKind: BasisKind.Judgment,
  extensionMonths: 0,
  suspendedDays: 0,
};

function ruleOf(fn: () => void): string | undefined {
  try {
    fn();
  } catch (error) {
    return (error as CodedError).details.rule;
  }
  return undefined;
}

describe('the enforcement period (执行期限)', () => {
  it('runs 6 months from filing, 3 for a non-litigation case (执行工作规定 Art 63)', () => {
    expect(statutoryDeadline(filed, '2026-01-05')).toBe('2026-07-05');
    expect(statutoryDeadline({ ...filed, basisKind: BasisKind.NonLitigation }, '2026-01-05')).toBe(
      '2026-04-05',
    );
  });

  it('does not count suspended days, including a suspension still running (审限规定 2000 Art 9)', () => {
    expect(statutoryDeadline({ ...filed, suspendedDays: 10 }, '2026-03-01')).toBe('2026-07-15');
    expect(statutoryDeadline({ ...filed, suspendedSince: '2026-03-01' }, '2026-03-21')).toBe('2026-07-25');
  });

  it('adds the president’s 3 months', () => {
    expect(statutoryDeadline({ ...filed, extensionMonths: 3 }, '2026-06-01')).toBe('2026-10-05');
  });

  it('takes an extension request no later than 5 days before the end, and only once', () => {
    expect(ruleOf(() => assertExtensionMayBeRequested(filed, '2026-06-30'))).toBeUndefined();
    expect(daysLeft(filed, '2026-06-30')).toBe(5);
    expect(ruleOf(() => assertExtensionMayBeRequested(filed, '2026-07-01'))).toBe('EXTENSION_NOTICE_5_DAYS');
    expect(ruleOf(() => assertExtensionMayBeRequested({ ...filed, extensionMonths: 3 }, '2026-06-01'))).toBe(
      'EXTENSION_ONCE',
    );
  });

  it('counts a closure on the last day as within the period', () => {
    expect(closedWithinPeriod(filed, '2026-07-05')).toBe(true);
    expect(closedWithinPeriod(filed, '2026-07-06')).toBe(false);
  });
});

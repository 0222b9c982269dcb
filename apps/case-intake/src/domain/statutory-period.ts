import { addDays, addMonths, BasisKind, CodedError, daysBetween, ErrorCode } from '@writ/contracts';

/** What the enforcement period (执行期限) of a case depends on. */
export interface PeriodFacts {
  filingDate: string;
  basisKind: BasisKind;
  /** months granted by the president's approval */
  extensionMonths: number;
  /** days of closed suspensions (中止, 执转破, appraisal, auction, stays after settlement) */
  suspendedDays: number;
  /** the start of a suspension still running, if any */
  suspendedSince?: string;
}

/** 6 months from filing; 3 for non-litigation cases (执行工作规定 Art 63; 审限规定 2000 Art 5). */
export function statutoryMonthsOf(basisKind: BasisKind): number {
  return basisKind === BasisKind.NonLitigation ? 3 : 6;
}

/** An extension adds 3 months, with the president's approval (审限规定 2000 Art 5). */
export const EXTENSION_MONTHS = 3;
/** The extension is requested at least 5 days before the period runs out (审限规定 2000 Art 5). */
export const EXTENSION_NOTICE_DAYS = 5;

/**
 * The last day of the period as of `today`: filing + the statutory months + extensions, with suspended
 * time not counted (审限规定 2000 Art 9) — a suspension still running pushes the end day by day.
 */
export function statutoryDeadline(facts: PeriodFacts, today: string): string {
  const running = facts.suspendedSince ? Math.max(0, daysBetween(facts.suspendedSince, today)) : 0;
  const months = statutoryMonthsOf(facts.basisKind) + facts.extensionMonths;
  return addDays(addMonths(facts.filingDate, months), facts.suspendedDays + running);
}

/** Days left before the period ends (negative once past). */
export function daysLeft(facts: PeriodFacts, today: string): number {
  return daysBetween(today, statutoryDeadline(facts, today));
}

/**
 * Whether an extension may be asked for today: once, and no later than 5 days before the period ends;
 * beyond one extension the case goes to the provincial high court (DOMAIN.md §2).
 */
export function assertExtensionMayBeRequested(facts: PeriodFacts, today: string): void {
  if (facts.extensionMonths > 0) {
    throw new CodedError(
      ErrorCode.RuleViolated,
      'the period was already extended once; a further extension is reported to the provincial high court',
      {
        rule: 'EXTENSION_ONCE',
        errors: [{ field: 'caseId', rule: 'extensionOnce', message: 'already extended by the president' }],
      },
    );
  }
  const left = daysLeft(facts, today);
  if (left < EXTENSION_NOTICE_DAYS) {
    throw new CodedError(
      ErrorCode.RuleViolated,
      `an extension must be requested at least ${EXTENSION_NOTICE_DAYS} days before the period ends (${statutoryDeadline(facts, today)}); ${left} left (审限规定 2000 Art 5)`,
      {
        rule: 'EXTENSION_NOTICE_5_DAYS',
        errors: [
          {
            field: 'caseId',
            rule: 'extensionNotice',
            message: `requested ${left} days before expiry; at least ${EXTENSION_NOTICE_DAYS} needed`,
          },
        ],
      },
    );
  }
}

/** Whether a closure on `closedOn` falls within the period (for 法定期限内执结率). */
export function closedWithinPeriod(facts: PeriodFacts, closedOn: string): boolean {
  return closedOn <= statutoryDeadline(facts, closedOn);
}

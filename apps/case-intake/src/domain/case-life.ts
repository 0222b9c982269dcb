import {
  BasisKind,
  CaseStatus,
  CaseType,
  ClosureType,
  CodedError,
  daysBetween,
  ErrorCode,
  IMPLEMENTATION_CASE_TYPES,
  PerformanceMode,
  SuspensionReason,
  type Fen,
  type JurisdictionGround,
  type Track,
} from '@writ/contracts';
import type { ClosedCaseFacts } from './court-metrics.js';
import { closedWithinPeriod, statutoryDeadline, type PeriodFacts } from './statutory-period.js';

/** What case-intake tracks of a case after 立案: state, period, assignment, money seen, closure. */
export interface CaseLife {
  id: string;
  courtCode: string;
  caseNumber: string;
  caseType: CaseType;
  status: CaseStatus;
  filingDate: string;
  applicationDate: string;
  basisKind: BasisKind;
  jurisdictionGround: JurisdictionGround;
  claimAmountFen: Fen;
  extensionMonths: number;
  suspendedDays: number;
  suspendedSince?: string;
  suspensionReason?: SuspensionReason;
  track?: Track;
  trackReason?: string;
  teamId?: string;
  officerId?: string;
  hasProperty: boolean;
  foundValueFen: Fen;
  inquiryCompletedOn?: string;
  receivedFen: Fen;
  recoveredFen: Fen;
  relatedCaseId?: string;
  thirdPartyObjection?: boolean;
  objectionAssetRef?: string;
  closureType?: ClosureType;
  performanceMode?: PerformanceMode;
  closedOn?: string;
  closedWithinPeriod?: boolean;
  zhongbenQualified?: boolean;
  limitationExpired: boolean;
  acceptedWithinDeadline: boolean;
  entrustingCourtCode?: string;
  entrustingCaseNumber?: string;
}

export function periodFactsOf(life: CaseLife): PeriodFacts {
  return {
    filingDate: life.filingDate,
    basisKind: life.basisKind,
    extensionMonths: life.extensionMonths,
    suspendedDays: life.suspendedDays,
    ...(life.suspendedSince ? { suspendedSince: life.suspendedSince } : {}),
  };
}

export function deadlineOf(life: CaseLife, today: string): string {
  return statutoryDeadline(periodFactsOf(life), today);
}

/** What is still owed on the claim: the claim less what has reached the creditor. */
export function outstandingOf(life: Pick<CaseLife, 'claimAmountFen' | 'recoveredFen'>): Fen {
  return Math.max(0, life.claimAmountFen - life.recoveredFen);
}

function invalidState(message: string, rule: string): CodedError {
  return new CodedError(ErrorCode.InvalidState, message, {
    rule,
    errors: [{ field: 'caseId', rule, message }],
  });
}

/** Most acts need a case still being enforced: a closed case is changed only by resumption (执恢). */
export function assertOpen(life: CaseLife): void {
  if (life.status === CaseStatus.Closed) {
    throw invalidState(`${life.caseNumber} is closed (${life.closureType ?? ''})`, 'CASE_CLOSED');
  }
}

export function isImplementation(life: Pick<CaseLife, 'caseType'>): boolean {
  return IMPLEMENTATION_CASE_TYPES.includes(life.caseType);
}

/** 中止: the period stops running from today (审限规定 2000 Art 9). */
export function suspend(life: CaseLife, reason: SuspensionReason, today: string): CaseLife {
  if (life.status !== CaseStatus.Registered) {
    throw invalidState(
      `${life.caseNumber} is ${life.status}: only a case under way can be suspended`,
      'NOT_UNDER_WAY',
    );
  }
  return { ...life, status: CaseStatus.Suspended, suspendedSince: today, suspensionReason: reason };
}

/** The case goes on; the days it stood still are added to the period. */
export function liftSuspension(life: CaseLife, today: string): CaseLife {
  if (life.status !== CaseStatus.Suspended || !life.suspendedSince) {
    throw invalidState(`${life.caseNumber} is not suspended`, 'NOT_SUSPENDED');
  }
  if (life.suspensionReason === SuspensionReason.Bankruptcy) {
    // 执转破: the bankruptcy court's ruling ends execution; it is closed, not resumed, here
    throw invalidState(`${life.caseNumber} was transferred to bankruptcy`, 'BANKRUPTCY_TRANSFERRED');
  }
  const { suspendedSince: _since, suspensionReason: _reason, ...rest } = life;
  return {
    ...rest,
    status: CaseStatus.Registered,
    suspendedDays: life.suspendedDays + Math.max(0, daysBetween(life.suspendedSince, today)),
  };
}

/** The closure types an implementation case (执行实施) may end with (DOMAIN.md §7). */
export const IMPLEMENTATION_CLOSURES: readonly ClosureType[] = Object.values(ClosureType);

/** What a closure records, derived from the case and the day. */
export interface Closure {
  closureType: ClosureType;
  performanceMode?: PerformanceMode;
  closedOn: string;
  withinPeriod: boolean;
  /** controls are released unless the case is 终本, where they stay in force (终本规定 2016 Art 9) */
  releaseControls: boolean;
}

/**
 * 结案. The 终本 prerequisites are checked by the checklist before this is called; here: the case must
 * be open, 执行完毕 needs how it was performed, and a suspended case closes only as terminated,
 * withdrawn or (执转破) terminated by the bankruptcy.
 */
export function close(
  life: CaseLife,
  request: { closureType: ClosureType; performanceMode?: PerformanceMode },
  today: string,
): Closure {
  assertOpen(life);
  if (!isImplementation(life)) {
    throw invalidState(
      `${life.caseNumber} is a review case: it ends with its decision`,
      'REVIEW_CASE_DECIDED',
    );
  }
  if (request.closureType === ClosureType.FullyExecuted && !request.performanceMode) {
    throw new CodedError(ErrorCode.ValidationFailed, 'performanceMode is required to close as 执行完毕', {
      rule: 'PERFORMANCE_MODE_REQUIRED',
      errors: [
        { field: 'performanceMode', rule: 'requiredFor执行完毕', message: 'say how the claim was performed' },
      ],
    });
  }
  if (
    life.status === CaseStatus.Suspended &&
    ![ClosureType.Terminated, ClosureType.Withdrawn].includes(request.closureType)
  ) {
    throw invalidState(
      `${life.caseNumber} is suspended: it can only be closed as 终结执行 or 销案 until it goes on`,
      'SUSPENDED_CASE_CLOSURE',
    );
  }
  return {
    closureType: request.closureType,
    ...(request.closureType === ClosureType.FullyExecuted && request.performanceMode
      ? { performanceMode: request.performanceMode }
      : {}),
    closedOn: today,
    withinPeriod: closedWithinPeriod(periodFactsOf(life), today),
    releaseControls: request.closureType !== ClosureType.TerminatedThisRound,
  };
}

/**
 * 恢复执行 from a 终本 case (or a settlement that was broken after 执行完毕 by settlement): no
 * limitation period runs after 终本, and what was already paid is deducted (DOMAIN.md §8).
 */
export function resumptionOf(original: CaseLife): { claimAmountFen: Fen } {
  const resumable =
    original.status === CaseStatus.Closed &&
    (original.closureType === ClosureType.TerminatedThisRound ||
      (original.closureType === ClosureType.FullyExecuted &&
        original.performanceMode === PerformanceMode.Settlement));
  if (!resumable || !isImplementation(original)) {
    throw invalidState(
      `${original.caseNumber} cannot be resumed: only a 终本 case (or a broken settlement) is resumed as 执恢`,
      'RESUME_ONLY_TERMINATED_THIS_ROUND',
    );
  }
  const outstanding = outstandingOf(original);
  if (outstanding <= 0) {
    throw invalidState(`${original.caseNumber} has nothing outstanding to resume for`, 'NOTHING_OUTSTANDING');
  }
  return { claimAmountFen: outstanding };
}

/**
 * A closed implementation case as the court metrics count it; null for a case still open or a review
 * case (the metrics count implementation cases only).
 */
export function closedCaseFactsOf(life: CaseLife): ClosedCaseFacts | null {
  if (life.status !== CaseStatus.Closed || !life.closedOn || !life.closureType || !isImplementation(life))
    return null;
  return {
    courtCode: life.courtCode,
    caseType: life.caseType,
    filingDate: life.filingDate,
    claimAmountFen: life.claimAmountFen,
    closedOn: life.closedOn,
    closureType: life.closureType,
    ...(life.performanceMode ? { performanceMode: life.performanceMode } : {}),
    closedWithinPeriod: life.closedWithinPeriod ?? false,
    hasProperty: life.hasProperty,
    recoveredFen: life.recoveredFen,
    zhongbenQualified: life.zhongbenQualified ?? false,
  };
}

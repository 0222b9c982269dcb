import {
  addDays,
  addMonths,
  ClosureType,
  CodedError,
  ErrorCode,
  IMPLEMENTATION_CASE_TYPES,
  PerformanceMode,
  type CaseType,
  type CourtMetricsView,
  type Fen,
  type RateView,
  type TargetView,
} from '@writ/contracts';

/**
 * The court's enforcement figures (执行质效指标, DOMAIN.md §12), computed from summed counters.
 *
 * Only implementation cases (执行实施: 执, 执恢, 执保) are counted: the rates measure enforcement, and
 * review cases (执异, 执复, 执监, 执协, 执他) are decisions about it, not enforcement of a claim.
 */
export const METRIC_CASE_TYPES: readonly CaseType[] = IMPLEMENTATION_CASE_TYPES;

/**
 * What the summary holds for a court, case type and day, and what any stretch of days adds up to:
 * received cases by filing date, closed cases by closing date.
 */
export interface CaseCounters {
  /** 新收 */
  received: number;
  receivedClaimFen: Fen;
  /** 已结, every closure type */
  closed: number;
  /** 执行完毕, whatever the performance mode */
  fullyExecuted: number;
  fullyExecutedByExecution: number;
  fullyExecutedVoluntary: number;
  fullyExecutedSettlement: number;
  /** 终结本次执行程序 */
  zhongben: number;
  /** 终本 closures meeting every condition of 严格规范终本规定 2016 Art 1 */
  zhongbenQualified: number;
  /** 终结执行 */
  terminated: number;
  /** 销案 */
  withdrawn: number;
  /** 不予执行 */
  notEnforced: number;
  /** 驳回申请 */
  dismissed: number;
  /** closed on or before the statutory deadline (法定期限内) */
  closedWithinPeriod: number;
  /** closed cases whose inquiry had found executable property (有财产可供执行) */
  withPropertyClosed: number;
  /** of those, 执行完毕 within the statutory period */
  withPropertyExecutedInPeriod: number;
  /** money recovered for the closed cases (执行到位) */
  closedRecoveredFen: Fen;
  /** what the closed cases claimed (申请执行标的) */
  closedClaimFen: Fen;
}

export const NO_COUNTS: Readonly<CaseCounters> = Object.freeze({
  received: 0,
  receivedClaimFen: 0,
  closed: 0,
  fullyExecuted: 0,
  fullyExecutedByExecution: 0,
  fullyExecutedVoluntary: 0,
  fullyExecutedSettlement: 0,
  zhongben: 0,
  zhongbenQualified: 0,
  terminated: 0,
  withdrawn: 0,
  notEnforced: 0,
  dismissed: 0,
  closedWithinPeriod: 0,
  withPropertyClosed: 0,
  withPropertyExecutedInPeriod: 0,
  closedRecoveredFen: 0,
  closedClaimFen: 0,
});

/** A case as its registration (立案) counts: one more received, on its filing date. */
export interface RegisteredCaseFacts {
  courtCode: string;
  caseType: CaseType;
  filingDate: string;
  claimAmountFen: Fen;
}

/** A case as its closure (结案) counts, on its closing date. */
export interface ClosedCaseFacts extends RegisteredCaseFacts {
  closedOn: string;
  closureType: ClosureType;
  /** for 执行完毕: by execution, voluntary performance or settlement */
  performanceMode?: PerformanceMode;
  closedWithinPeriod: boolean;
  /** the inquiry found executable property */
  hasProperty: boolean;
  recoveredFen: Fen;
  /** for 终本: whether the closure met every condition */
  zhongbenQualified: boolean;
}

export function registrationCounts(c: RegisteredCaseFacts): CaseCounters {
  return { ...NO_COUNTS, received: 1, receivedClaimFen: c.claimAmountFen };
}

/** The counters one closure adds to its closing day. */
export function closureCounts(c: ClosedCaseFacts): CaseCounters {
  if (c.closedOn < c.filingDate) {
    throw new Error(`a case filed on ${c.filingDate} cannot be closed on ${c.closedOn}`);
  }
  const executed = c.closureType === ClosureType.FullyExecuted;
  const byType = (type: ClosureType): number => (c.closureType === type ? 1 : 0);
  const byMode = (mode: PerformanceMode): number => (executed && c.performanceMode === mode ? 1 : 0);
  return {
    ...NO_COUNTS,
    closed: 1,
    fullyExecuted: byType(ClosureType.FullyExecuted),
    fullyExecutedByExecution: byMode(PerformanceMode.Execution),
    fullyExecutedVoluntary: byMode(PerformanceMode.Voluntary),
    fullyExecutedSettlement: byMode(PerformanceMode.Settlement),
    zhongben: byType(ClosureType.TerminatedThisRound),
    zhongbenQualified: c.closureType === ClosureType.TerminatedThisRound && c.zhongbenQualified ? 1 : 0,
    terminated: byType(ClosureType.Terminated),
    withdrawn: byType(ClosureType.Withdrawn),
    notEnforced: byType(ClosureType.NotEnforced),
    dismissed: byType(ClosureType.Dismissed),
    closedWithinPeriod: c.closedWithinPeriod ? 1 : 0,
    withPropertyClosed: c.hasProperty ? 1 : 0,
    withPropertyExecutedInPeriod: c.hasProperty && executed && c.closedWithinPeriod ? 1 : 0,
    closedRecoveredFen: c.recoveredFen,
    closedClaimFen: c.claimAmountFen,
  };
}

export function addCounts(a: CaseCounters, b: CaseCounters): CaseCounters {
  const sum = { ...a };
  for (const key of Object.keys(b) as (keyof CaseCounters)[]) sum[key] += b[key];
  return sum;
}

/** `a` − `b`, counter by counter. */
export function subtractCounts(a: CaseCounters, b: CaseCounters): CaseCounters {
  const difference = { ...a };
  for (const key of Object.keys(b) as (keyof CaseCounters)[]) difference[key] -= b[key];
  return difference;
}

export function isNoCount(c: CaseCounters): boolean {
  return Object.values(c).every((value) => value === 0);
}

/** The period asked about, and the three-year window of target (4) that ends with it. */
export interface MetricsPeriod {
  from: string;
  to: string;
  /** the first day of the three years ending on `to` */
  threeYearFrom: string;
  /** every calendar month the period touches, YYYY-MM */
  months: string[];
}

/** The longest period the dashboard answers for: five years keeps the chart and the query small. */
export const MAX_PERIOD_YEARS = 5;

function isCalendarDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && addDays(value, 0) === value;
}

function periodRefused(field: 'from' | 'to', rule: string, message: string): CodedError {
  return new CodedError(ErrorCode.ValidationFailed, message, {
    rule: 'METRICS_PERIOD',
    errors: [{ field, rule, message }],
  });
}

/** Checks a period (`from` ≤ `to`, at most five years) and derives what the figures need. */
export function metricsPeriod(from: string, to: string): MetricsPeriod {
  if (!isCalendarDate(from)) throw periodRefused('from', 'isDate', `from ${from} is not a YYYY-MM-DD date`);
  if (!isCalendarDate(to)) throw periodRefused('to', 'isDate', `to ${to} is not a YYYY-MM-DD date`);
  if (from > to)
    throw periodRefused('to', 'periodOrder', `the period ends (${to}) before it starts (${from})`);
  if (to >= addMonths(from, 12 * MAX_PERIOD_YEARS)) {
    throw periodRefused('to', 'periodSpan', `a period may span at most ${MAX_PERIOD_YEARS} years`);
  }
  const months: string[] = [];
  for (let first = `${from.slice(0, 7)}-01`; first <= to; first = addMonths(first, 1)) {
    months.push(first.slice(0, 7));
  }
  return { from, to, threeYearFrom: addDays(addMonths(to, -36), 1), months };
}

/** The counters a period's figures are computed from, as the summary (or the case rows) add them up. */
export interface MetricsTotals {
  /** 旧存: cases received before `from` and not closed before it */
  carriedOver: number;
  /** received and closed within the period */
  period: CaseCounters;
  /** the same over the three years ending on `to` */
  threeYear: { carriedOver: number; received: number; closed: number };
  /** received and closed per month, counting only the period's days; months without any may be left out */
  months: { month: string; received: number; closed: number }[];
}

export function rate(numerator: number, denominator: number): RateView {
  return { numerator, denominator, value: denominator === 0 ? null : numerator / denominator };
}

/**
 * 三个90%、一个80%: the targets of 基本解决执行难 (最高人民法院 2016 评估指标; DOMAIN.md §12), in percent
 * so that meeting one is decided on whole numbers.
 */
export const TARGET_PERCENT = {
  propertyCasesExecuted: 90,
  zhongbenQualified: 90,
  petitionSettlement: 90,
  threeYearClosure: 80,
} as const;

function target(percent: number, share: RateView): TargetView {
  return {
    threshold: percent / 100,
    available: true,
    rate: share,
    met: share.denominator === 0 ? null : share.numerator * 100 >= percent * share.denominator,
  };
}

/**
 * The figures for a court and period. How each is read:
 * - 结案率: closed in the period ÷ (carried over at its start + received in it).
 * - 实际执结率: 执行完毕 in any performance mode (execution, voluntary, settlement) ÷ closed.
 * - 法定期限内执结率: closed on or before the case's statutory deadline ÷ closed.
 * - 执行标的到位率: fen recovered ÷ fen claimed, both over the cases closed in the period.
 * - 终结率: 终结执行 (not 终本) ÷ closed.
 * - target (1): cases with property closed in the period, 执行完毕 within the statutory period ÷ all of
 *   them closed, ≥ 90%.
 * - target (2) 终本合格率: qualified 终本 ÷ 终本 closed in the period, ≥ 90%.
 * - target (3) petition settlement ≥ 90%: not available here; the petitions stage supplies it.
 * - target (4) three-year overall closure rate: 结案率 over the three years ending on `to`, ≥ 80%.
 */
export function courtMetricsView(
  courtCode: string,
  period: MetricsPeriod,
  totals: MetricsTotals,
): CourtMetricsView {
  const p = totals.period;
  const monthly = new Map(totals.months.map((m) => [m.month, m]));
  const three = totals.threeYear;
  return {
    courtCode,
    from: period.from,
    to: period.to,
    caseTypes: [...METRIC_CASE_TYPES],
    caseload: {
      carriedOver: totals.carriedOver,
      received: p.received,
      receivedClaimFen: p.receivedClaimFen,
      closed: p.closed,
      pending: totals.carriedOver + p.received - p.closed,
    },
    rates: {
      closure: rate(p.closed, totals.carriedOver + p.received),
      actualExecution: rate(p.fullyExecuted, p.closed),
      inDeadline: rate(p.closedWithinPeriod, p.closed),
      recovery: rate(p.closedRecoveredFen, p.closedClaimFen),
      termination: rate(p.terminated, p.closed),
    },
    targets: {
      propertyCasesExecuted: target(
        TARGET_PERCENT.propertyCasesExecuted,
        rate(p.withPropertyExecutedInPeriod, p.withPropertyClosed),
      ),
      zhongbenQualified: target(TARGET_PERCENT.zhongbenQualified, rate(p.zhongbenQualified, p.zhongben)),
      petitionSettlement: {
        threshold: TARGET_PERCENT.petitionSettlement / 100,
        available: false,
        rate: null,
        met: null,
      },
      threeYearClosure: target(
        TARGET_PERCENT.threeYearClosure,
        rate(three.closed, three.carriedOver + three.received),
      ),
    },
    threeYearWindow: { from: period.threeYearFrom, to: period.to },
    closuresByType: [
      { closureType: ClosureType.FullyExecuted, count: p.fullyExecuted },
      { closureType: ClosureType.TerminatedThisRound, count: p.zhongben },
      { closureType: ClosureType.Terminated, count: p.terminated },
      { closureType: ClosureType.Withdrawn, count: p.withdrawn },
      { closureType: ClosureType.NotEnforced, count: p.notEnforced },
      { closureType: ClosureType.Dismissed, count: p.dismissed },
    ],
    fullyExecutedByMode: [
      { performanceMode: PerformanceMode.Execution, count: p.fullyExecutedByExecution },
      { performanceMode: PerformanceMode.Voluntary, count: p.fullyExecutedVoluntary },
      { performanceMode: PerformanceMode.Settlement, count: p.fullyExecutedSettlement },
    ],
    months: period.months.map((month) => ({
      month,
      received: monthly.get(month)?.received ?? 0,
      closed: monthly.get(month)?.closed ?? 0,
    })),
  };
}

import { CaseType, ClosureType, CodedError, ErrorCode, PerformanceMode } from '@writ/contracts';
import {
  addCounts,
  closureCounts,
  courtMetricsView,
  isNoCount,
  metricsPeriod,
  NO_COUNTS,
  registrationCounts,
  subtractCounts,
  type CaseCounters,
  type ClosedCaseFacts,
  type MetricsTotals,
} from './court-metrics.js';

const DAWA = '辽1104';
/** 大洼区人民法院's 2018 – H1 2019 report (DOMAIN.md): the period the figures below are read over */
const REPORT = metricsPeriod('2018-01-01', '2019-06-30');

function closure(overrides: Partial<ClosedCaseFacts> = {}): ClosedCaseFacts {
  return {
    courtCode: DAWA,
    caseType: CaseType.Execution,
    filingDate: '2018-03-01',
    claimAmountFen: 1_000_000,
    closedOn: '2018-07-15',
    closureType: ClosureType.FullyExecuted,
    performanceMode: PerformanceMode.Execution,
    closedWithinPeriod: true,
    hasProperty: true,
    recoveredFen: 1_000_000,
    zhongbenQualified: false,
    ...overrides,
  };
}

function totals(
  period: Partial<CaseCounters>,
  rest: Partial<Omit<MetricsTotals, 'period'>> = {},
): MetricsTotals {
  return {
    carriedOver: 0,
    period: { ...NO_COUNTS, ...period },
    threeYear: { carriedOver: 0, received: 0, closed: 0 },
    months: [],
    ...rest,
  };
}

/** Figures of the seed court's kind: 364 carried over, 3,453 new, 3,510 closed. */
const dawa = totals(
  {
    received: 3_453,
    receivedClaimFen: 98_765_432_100,
    closed: 3_510,
    fullyExecuted: 2_502,
    fullyExecutedByExecution: 1_201,
    fullyExecutedVoluntary: 850,
    fullyExecutedSettlement: 451,
    zhongben: 28,
    zhongbenQualified: 26,
    terminated: 963,
    withdrawn: 10,
    notEnforced: 4,
    dismissed: 3,
    closedWithinPeriod: 3_339,
    withPropertyClosed: 2_300,
    withPropertyExecutedInPeriod: 2_093,
    closedRecoveredFen: 67_700_000_000,
    closedClaimFen: 100_000_000_000,
  },
  { carriedOver: 364, threeYear: { carriedOver: 520, received: 6_100, closed: 5_390 } },
);

describe('the court metrics of DOMAIN.md §12', () => {
  const view = courtMetricsView(DAWA, REPORT, dawa);

  it('gives the seed court its 结案率 of 91.96%: 3,510 closed of 364 carried over and 3,453 received', () => {
    expect(view.rates.closure).toEqual({ numerator: 3_510, denominator: 3_817, value: 3_510 / 3_817 });
    expect(view.rates.closure.value).toBeCloseTo(0.9196, 4);
    expect(view.caseload).toEqual({
      carriedOver: 364,
      received: 3_453,
      receivedClaimFen: 98_765_432_100,
      closed: 3_510,
      pending: 307,
    });
  });

  it('reads 实际执结率 as every 执行完毕 — by execution, voluntary performance or settlement — over closed', () => {
    expect(view.rates.actualExecution).toMatchObject({ numerator: 2_502, denominator: 3_510 });
    expect(view.rates.actualExecution.value).toBeCloseTo(0.7129, 3);
    expect(view.fullyExecutedByMode).toEqual([
      { performanceMode: PerformanceMode.Execution, count: 1_201 },
      { performanceMode: PerformanceMode.Voluntary, count: 850 },
      { performanceMode: PerformanceMode.Settlement, count: 451 },
    ]);
  });

  it('reads 法定期限内执结率 as the closures on or before their statutory deadline over closed', () => {
    expect(view.rates.inDeadline).toMatchObject({ numerator: 3_339, denominator: 3_510 });
    expect(view.rates.inDeadline.value).toBeCloseTo(0.9514, 3);
  });

  it('reads 标的到位率 in fen, recovered over claimed, of the cases closed in the period', () => {
    expect(view.rates.recovery).toEqual({
      numerator: 67_700_000_000,
      denominator: 100_000_000_000,
      value: 0.677,
    });
  });

  it('counts 终结执行, not 终本, in 终结率 — where the seed court lost points at 27.44%', () => {
    expect(view.rates.termination).toMatchObject({ numerator: 963, denominator: 3_510 });
    expect(view.rates.termination.value).toBeCloseTo(0.2744, 4);
  });

  it('lists every closure type, in a fixed order, adding up to the closed cases', () => {
    expect(view.closuresByType.map((c) => c.closureType)).toEqual([
      ClosureType.FullyExecuted,
      ClosureType.TerminatedThisRound,
      ClosureType.Terminated,
      ClosureType.Withdrawn,
      ClosureType.NotEnforced,
      ClosureType.Dismissed,
    ]);
    expect(view.closuresByType.reduce((n, c) => n + c.count, 0)).toBe(view.caseload.closed);
  });

  it('counts implementation cases only (执, 执恢, 执保)', () => {
    expect(view.caseTypes).toEqual([CaseType.Execution, CaseType.Resumed, CaseType.Preservation]);
  });
});

describe('三个90%、一个80%', () => {
  it('meets target (1) when 91% of the cases with property were executed within the period', () => {
    const target = courtMetricsView(DAWA, REPORT, dawa).targets.propertyCasesExecuted;
    expect(target).toMatchObject({ threshold: 0.9, available: true, met: true });
    expect(target.rate).toMatchObject({ numerator: 2_093, denominator: 2_300 });
  });

  it('meets a 90% target at exactly 90%, and misses it one case short', () => {
    const at = courtMetricsView(DAWA, REPORT, totals({ zhongben: 10, zhongbenQualified: 9 }));
    const short = courtMetricsView(DAWA, REPORT, totals({ zhongben: 10, zhongbenQualified: 8 }));
    expect(at.targets.zhongbenQualified.met).toBe(true);
    expect(short.targets.zhongbenQualified.met).toBe(false);
    expect(short.targets.zhongbenQualified.rate).toEqual({ numerator: 8, denominator: 10, value: 0.8 });
  });

  it('gives 终本合格率 as qualified 终本 over all 终本 closures', () => {
    const target = courtMetricsView(DAWA, REPORT, dawa).targets.zhongbenQualified;
    expect(target.rate).toMatchObject({ numerator: 26, denominator: 28 });
    expect(target.met).toBe(true);
  });

  it('leaves the petition settlement rate unavailable until the petitions stage supplies it', () => {
    expect(courtMetricsView(DAWA, REPORT, dawa).targets.petitionSettlement).toEqual({
      threshold: 0.9,
      available: false,
      rate: null,
      met: null,
    });
  });

  it('reads the three-year closure rate over the three years ending with the period, against 80%', () => {
    const view = courtMetricsView(DAWA, REPORT, dawa);
    expect(view.threeYearWindow).toEqual({ from: '2016-07-01', to: '2019-06-30' });
    expect(view.targets.threeYearClosure).toMatchObject({
      threshold: 0.8,
      met: true,
      rate: { numerator: 5_390, denominator: 6_620 },
    });
    const behind = totals({}, { threeYear: { carriedOver: 100, received: 900, closed: 799 } });
    expect(courtMetricsView(DAWA, REPORT, behind).targets.threeYearClosure.met).toBe(false);
  });

  it('gives no rate and no verdict for a court with nothing to count', () => {
    const view = courtMetricsView(DAWA, REPORT, totals({}));
    expect(view.rates.closure).toEqual({ numerator: 0, denominator: 0, value: null });
    expect(view.rates.recovery.value).toBeNull();
    expect(view.targets.propertyCasesExecuted).toMatchObject({ available: true, met: null });
    expect(view.targets.threeYearClosure.met).toBeNull();
  });
});

describe('what one case adds to the counters', () => {
  it('adds a registration to the received cases and their claims', () => {
    expect(registrationCounts(closure({ claimAmountFen: 12_345_600 }))).toEqual({
      ...NO_COUNTS,
      received: 1,
      receivedClaimFen: 12_345_600,
    });
  });

  it('counts a case with property executed within the period towards target (1)', () => {
    const counts = closureCounts(closure());
    expect(counts).toMatchObject({
      closed: 1,
      fullyExecuted: 1,
      fullyExecutedByExecution: 1,
      closedWithinPeriod: 1,
      withPropertyClosed: 1,
      withPropertyExecutedInPeriod: 1,
      closedRecoveredFen: 1_000_000,
      closedClaimFen: 1_000_000,
    });
  });

  it('does not count a case with property executed after its deadline as executed within the period', () => {
    const counts = closureCounts(closure({ closedWithinPeriod: false, closedOn: '2018-10-15' }));
    expect(counts).toMatchObject({
      withPropertyClosed: 1,
      withPropertyExecutedInPeriod: 0,
      closedWithinPeriod: 0,
    });
  });

  it('counts a qualified 终本 as 终本 and qualified, with what was recovered so far', () => {
    const counts = closureCounts(
      closure({
        closureType: ClosureType.TerminatedThisRound,
        performanceMode: undefined,
        hasProperty: false,
        recoveredFen: 150_000,
        zhongbenQualified: true,
      }),
    );
    expect(counts).toMatchObject({
      zhongben: 1,
      zhongbenQualified: 1,
      fullyExecuted: 0,
      withPropertyClosed: 0,
      closedRecoveredFen: 150_000,
    });
  });

  it('ignores a qualified flag or a performance mode on a closure they do not belong to', () => {
    const counts = closureCounts(
      closure({
        closureType: ClosureType.Terminated,
        performanceMode: PerformanceMode.Settlement,
        zhongbenQualified: true,
      }),
    );
    expect(counts).toMatchObject({ terminated: 1, zhongbenQualified: 0, fullyExecutedSettlement: 0 });
  });

  it('refuses to count a closure dated before the filing', () => {
    expect(() => closureCounts(closure({ closedOn: '2018-02-28' }))).toThrow(/cannot be closed/);
  });

  it('moves only what was recovered when money is paid out after 终本', () => {
    const zhongben = {
      closureType: ClosureType.TerminatedThisRound,
      hasProperty: false,
      zhongbenQualified: true,
    };
    const change = subtractCounts(
      closureCounts(closure({ ...zhongben, recoveredFen: 150_000 })),
      closureCounts(closure({ ...zhongben, recoveredFen: 0 })),
    );
    expect(change).toEqual({ ...NO_COUNTS, closedRecoveredFen: 150_000 });
    expect(isNoCount(subtractCounts(closureCounts(closure()), closureCounts(closure())))).toBe(true);
  });

  it('adds counters field by field', () => {
    const sum = addCounts(closureCounts(closure()), registrationCounts(closure()));
    expect(sum).toMatchObject({
      received: 1,
      closed: 1,
      closedClaimFen: 1_000_000,
      receivedClaimFen: 1_000_000,
    });
  });
});

describe('the period the dashboard asks about', () => {
  function refusal(from: string, to: string): CodedError {
    try {
      metricsPeriod(from, to);
    } catch (error) {
      if (error instanceof CodedError) return error;
      throw error;
    }
    throw new Error('expected the period to be refused');
  }

  it('refuses a period that ends before it starts', () => {
    const refused = refusal('2019-06-30', '2019-01-01');
    expect(refused.code).toBe(ErrorCode.ValidationFailed);
    expect(refused.details.errors).toEqual([expect.objectContaining({ field: 'to', rule: 'periodOrder' })]);
  });

  it('answers for five years and refuses a day more', () => {
    expect(metricsPeriod('2019-01-01', '2023-12-31').months).toHaveLength(60);
    expect(refusal('2019-01-01', '2024-01-01').details.errors).toEqual([
      expect.objectContaining({ field: 'to', rule: 'periodSpan' }),
    ]);
  });

  it('refuses a day that is not in the calendar', () => {
    expect(refusal('2019-02-29', '2019-03-31').details.errors).toEqual([
      expect.objectContaining({ field: 'from', rule: 'isDate' }),
    ]);
  });

  it('takes a single day as a period', () => {
    expect(metricsPeriod('2019-03-05', '2019-03-05')).toEqual({
      from: '2019-03-05',
      to: '2019-03-05',
      threeYearFrom: '2016-03-06',
      months: ['2019-03'],
    });
  });

  it('charts every month the period touches, with the months nothing happened in at zero', () => {
    const period = metricsPeriod('2018-11-15', '2019-02-10');
    const view = courtMetricsView(
      DAWA,
      period,
      totals({}, { months: [{ month: '2019-01', received: 40, closed: 35 }] }),
    );
    expect(view.months).toEqual([
      { month: '2018-11', received: 0, closed: 0 },
      { month: '2018-12', received: 0, closed: 0 },
      { month: '2019-01', received: 40, closed: 35 },
      { month: '2019-02', received: 0, closed: 0 },
    ]);
  });
});

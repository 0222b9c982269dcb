import {
  CaseType,
  ClosureType,
  ErrorCode,
  PartyKind,
  PerformanceMode,
  Role,
  Subjects,
  type Actor,
  type CaseDetail,
  type Fen,
  type RegisterCaseCommand,
} from '@writ/contracts';
import {
  FixedClock,
  rejection,
  testActor,
  TestNamespace,
  UnitOfWork,
  uniqueSuffix,
  type BusClient,
  type RunningService,
} from '@writ/platform';
import {
  CaseMetricsRecorder,
  CaseMetricsRepository,
  courtMetricsView,
  metricsPeriod,
  startCaseIntake,
} from '../src/app.js';

const DAWA = '辽1104';
const PANSHAN = '辽1103';
const officer = testActor({ courtCode: DAWA });
const leader = testActor({ id: 'user-leader-1', username: 'leader1', roles: [Role.Leader], courtCode: DAWA });
const debtor = { kind: PartyKind.NaturalPerson, name: '张三', idNumber: '11010519491231002X' };

function application(caseType: CaseType, claimAmountFen: Fen): RegisterCaseCommand {
  return {
    requestKey: `metrics-${uniqueSuffix()}-${Math.random()}`,
    caseType,
    basis: {
      documentNumber: '（2024）辽1104民初88号',
      issuingCourt: '大洼区人民法院',
      effectiveDate: '2024-06-01',
    },
    applicants: [
      { kind: PartyKind.Organisation, name: '盘锦某某商贸有限公司', idNumber: '91350100M000100Y43' },
    ],
    respondents: [debtor],
    claimAmountFen,
  };
}

/** How a case ends, and what the other stages had found and recovered for it by then. */
interface Closure {
  closureType: ClosureType;
  performanceMode?: PerformanceMode;
  hasProperty: boolean;
  recoveredFen: Fen;
  zhongbenQualified?: boolean;
}

/** A closure as the recorder counts it. */
function closedFacts(
  k: CaseDetail,
  closedOn: string,
  closure: Closure,
  closedWithinPeriod: boolean,
): Parameters<CaseMetricsRecorder['recordClosed']>[1] {
  return {
    courtCode: k.courtCode,
    caseType: k.caseType,
    filingDate: k.filingDate,
    claimAmountFen: k.claimAmountFen,
    closedOn,
    closureType: closure.closureType,
    ...(closure.performanceMode ? { performanceMode: closure.performanceMode } : {}),
    closedWithinPeriod,
    hasProperty: closure.hasProperty,
    recoveredFen: closure.recoveredFen,
    zhongbenQualified: closure.zhongbenQualified ?? false,
  };
}

describe('the court metrics, kept current as cases are registered and closed', () => {
  const here = new TestNamespace('t-metrics');
  const clock = new FixedClock(new Date('2025-01-10T02:00:00Z'));
  let service: RunningService;
  let client: BusClient;
  /** the 终本 case and a withdrawn one, changed after their closure */
  let c: CaseDetail;
  let x: CaseDetail;

  /** Sets the clock to 10:00 Beijing time of a day. */
  function on(day: string): void {
    clock.set(new Date(`${day}T02:00:00Z`));
  }

  async function register(day: string, caseType: CaseType, claimAmountFen: Fen, courtCode = DAWA) {
    on(day);
    const actor = testActor({ courtCode });
    return client.request(Subjects.Cases.Register, application(caseType, claimAmountFen), { actor });
  }

  /**
   * What asset-control and fund-ledger would have told case-intake by the closing day (property found,
   * money recovered), written straight to the case: their events are other tests' matter.
   */
  async function stagesReport(c: CaseDetail, closure: Closure): Promise<void> {
    await service.dataSource.query(
      `UPDATE enforcement_case SET has_property = $2, recovered_fen = $3 WHERE id = $1`,
      [c.id, closure.hasProperty, closure.recoveredFen],
    );
  }

  /** 结案 through `cases.case.close`, which counts the closure in the summary as it commits. */
  async function closeOverBus(day: string, c: CaseDetail, closure: Closure, actor: Actor = officer) {
    await stagesReport(c, closure);
    on(day);
    await client.request(
      Subjects.Cases.Close,
      {
        caseId: c.id,
        closureType: closure.closureType,
        ...(closure.performanceMode ? { performanceMode: closure.performanceMode } : {}),
        reason: '依法结案',
      },
      { actor },
    );
  }

  /**
   * Several closures in one transaction, the case rows written as the closing use case writes them and
   * counted by the recorder. Used for what the bus cannot do here: two closures of one court, type and
   * day in one transaction, and a 终本 without building up its whole checklist.
   */
  async function closeTogether(day: string, closures: [CaseDetail, Closure][]): Promise<void> {
    const unitOfWork = service.app.get(UnitOfWork);
    const recorder = service.app.get(CaseMetricsRecorder);
    await unitOfWork.run(async (tx) => {
      for (const [k, closure] of closures) {
        // an UPDATE answers with its rows and its count
        const [[row]] = await tx.manager.query<[{ within: boolean }[], number]>(
          `UPDATE enforcement_case SET status = 'CLOSED', closure_type = $2, performance_mode = $3, closed_on = $4,
             closed_within_period = ($4::date <= statutory_deadline), has_property = $5, recovered_fen = $6,
             zhongben_qualified = $7
           WHERE id = $1 RETURNING closed_within_period AS within`,
          [
            k.id,
            closure.closureType,
            closure.performanceMode ?? null,
            day,
            closure.hasProperty,
            closure.recoveredFen,
            closure.zhongbenQualified ?? null,
          ],
        );
        recorder.recordClosed(tx, closedFacts(k, day, closure, row!.within));
      }
    });
  }

  /** The figures computed straight from enforcement_case, without the summary. */
  async function fromCases(from: string, to: string, courtCode = DAWA) {
    const period = metricsPeriod(from, to);
    const totals = await service.app
      .get(CaseMetricsRepository)
      .totalsFromCases(service.dataSource.manager, courtCode, period);
    return courtMetricsView(courtCode, period, totals);
  }

  function metrics(from: string, to: string, actor: Actor = leader) {
    return client.request(Subjects.Cases.GetMetrics, { from, to }, { actor });
  }

  async function summaryRows(day: string, caseType: CaseType): Promise<number> {
    const [row] = await service.dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM case_metrics_daily WHERE court_code = $1 AND day = $2 AND case_type = $3`,
      [DAWA, day, caseType],
    );
    return row!.n;
  }

  beforeAll(async () => {
    service = await here.start(startCaseIntake, 'case-intake', {}, { clock });
    ({ client } = await here.connect());

    const a = await register('2025-01-10', CaseType.Execution, 1_000_000);
    const b = await register('2025-01-10', CaseType.Execution, 2_000_000);
    c = await register('2025-01-10', CaseType.Preservation, 500_000);
    await closeOverBus('2025-01-25', a, {
      closureType: ClosureType.FullyExecuted,
      performanceMode: PerformanceMode.Execution,
      hasProperty: true,
      recoveredFen: 1_000_000,
    });
    const d = await register('2025-02-20', CaseType.Execution, 3_000_000);
    await register('2025-02-20', CaseType.Resumed, 400_000);
    x = await register('2025-02-20', CaseType.Execution, 800_000);
    const y = await register('2025-02-20', CaseType.Execution, 900_000);
    // a review case (执异) and another court's case: neither is in 辽1104's enforcement figures
    const objection = await client.request(
      Subjects.Cases.FileObjection,
      {
        requestKey: `objection-${uniqueSuffix()}`,
        targetCaseId: d.id,
        objector: debtor,
        thirdParty: false,
        grounds: '查封超标的',
      },
      { actor: officer },
    );
    const elsewhere = await register('2025-02-20', CaseType.Execution, 700_000, PANSHAN);
    await closeOverBus('2025-03-03', b, {
      closureType: ClosureType.FullyExecuted,
      performanceMode: PerformanceMode.Voluntary,
      hasProperty: true,
      recoveredFen: 2_000_000,
    });
    await closeOverBus('2025-03-03', d, {
      closureType: ClosureType.Terminated,
      hasProperty: true,
      recoveredFen: 500_000,
    });
    await closeOverBus(
      '2025-03-03',
      elsewhere,
      {
        closureType: ClosureType.FullyExecuted,
        performanceMode: PerformanceMode.Execution,
        hasProperty: true,
        recoveredFen: 700_000,
      },
      testActor({ courtCode: PANSHAN }),
    );
    on('2025-03-10');
    await client.request(
      Subjects.Cases.DecideObjection,
      { objectionCaseId: objection.id, decision: 'DISMISSED', reasoning: '查封财产未明显超过标的额' },
      { actor: officer },
    );
    await closeTogether('2025-03-10', [
      [x, { closureType: ClosureType.Withdrawn, hasProperty: false, recoveredFen: 0 }],
      [y, { closureType: ClosureType.NotEnforced, hasProperty: false, recoveredFen: 0 }],
    ]);
    await register('2025-04-02', CaseType.Execution, 600_000);
    await closeTogether('2025-04-20', [
      [
        c,
        {
          closureType: ClosureType.TerminatedThisRound,
          hasProperty: false,
          recoveredFen: 0,
          zhongbenQualified: true,
        },
      ],
    ]);
  });

  afterAll(() => here.tearDown());

  it("gives the leader February to April's figures from the summary, equal to counting the cases directly", async () => {
    const view = await metrics('2025-02-01', '2025-04-30');
    expect(view.caseload).toEqual({
      carriedOver: 2,
      received: 5,
      receivedClaimFen: 5_700_000,
      closed: 5,
      pending: 2,
    });
    expect(view.rates.closure).toEqual({ numerator: 5, denominator: 7, value: 5 / 7 });
    expect(view.rates.actualExecution).toEqual({ numerator: 1, denominator: 5, value: 0.2 });
    expect(view.rates.inDeadline).toEqual({ numerator: 5, denominator: 5, value: 1 });
    expect(view.rates.recovery).toMatchObject({ numerator: 2_500_000, denominator: 7_200_000 });
    expect(view.rates.termination).toEqual({ numerator: 1, denominator: 5, value: 0.2 });
    expect(view.targets.propertyCasesExecuted).toMatchObject({
      met: false,
      rate: { numerator: 1, denominator: 2 },
    });
    expect(view.targets.zhongbenQualified).toMatchObject({
      met: true,
      rate: { numerator: 1, denominator: 1 },
    });
    expect(view.targets.petitionSettlement).toMatchObject({ available: false, met: null });
    expect(view.targets.threeYearClosure).toMatchObject({
      met: false,
      rate: { numerator: 6, denominator: 8 },
    });
    expect(view.closuresByType.map((c) => c.count)).toEqual([1, 1, 1, 1, 1, 0]);
    expect(view.months).toEqual([
      { month: '2025-02', received: 4, closed: 0 },
      { month: '2025-03', received: 0, closed: 4 },
      { month: '2025-04', received: 1, closed: 1 },
    ]);
    expect(view).toEqual(await fromCases('2025-02-01', '2025-04-30'));
  });

  it('agrees with the case rows over other periods, and for the other court', async () => {
    for (const [from, to] of [
      ['2025-01-01', '2025-12-31'],
      ['2025-01-25', '2025-01-25'],
      ['2025-03-04', '2025-04-19'],
      ['2021-01-01', '2025-03-03'],
    ] as const) {
      expect(await metrics(from, to)).toEqual(await fromCases(from, to));
    }
    const panshan = testActor({ roles: [Role.Leader], courtCode: PANSHAN });
    const view = await metrics('2025-01-01', '2025-12-31', panshan);
    expect(view.caseload).toMatchObject({ received: 1, closed: 1 });
    expect(view).toEqual(await fromCases('2025-01-01', '2025-12-31', PANSHAN));
  });

  it('keeps review cases out of the summary, and two closures of one day in one transaction apart', async () => {
    expect(await summaryRows('2025-02-20', CaseType.Objection)).toBe(0);
    expect(await summaryRows('2025-03-10', CaseType.Objection)).toBe(0);
    expect(await summaryRows('2025-03-10', CaseType.Execution)).toBe(2);
  });

  it('follows money paid out after 终本 and property found for a closed case', async () => {
    const before = await metrics('2025-02-01', '2025-04-30');
    const zhongben = {
      closureType: ClosureType.TerminatedThisRound,
      hasProperty: false,
      zhongbenQualified: true,
    };
    const withdrawn = { closureType: ClosureType.Withdrawn, recoveredFen: 0 };
    await service.app.get(UnitOfWork).run(async (tx) => {
      await tx.manager.query(`UPDATE enforcement_case SET recovered_fen = 150000 WHERE id = $1`, [c.id]);
      await tx.manager.query(`UPDATE enforcement_case SET has_property = true WHERE id = $1`, [x.id]);
      const recorder = service.app.get(CaseMetricsRecorder);
      recorder.recordClosedCaseChanged(
        tx,
        closedFacts(c, '2025-04-20', { ...zhongben, recoveredFen: 0 }, true),
        closedFacts(c, '2025-04-20', { ...zhongben, recoveredFen: 150_000 }, true),
      );
      recorder.recordClosedCaseChanged(
        tx,
        closedFacts(x, '2025-03-10', { ...withdrawn, hasProperty: false }, true),
        closedFacts(x, '2025-03-10', { ...withdrawn, hasProperty: true }, true),
      );
    });
    const after = await metrics('2025-02-01', '2025-04-30');
    expect(after.rates.recovery.numerator).toBe(before.rates.recovery.numerator + 150_000);
    expect(after.targets.propertyCasesExecuted.rate).toMatchObject({ numerator: 1, denominator: 3 });
    expect(after.caseload).toEqual(before.caseload);
    expect(after).toEqual(await fromCases('2025-02-01', '2025-04-30'));
  });

  it('rebuilds the same summary from the case rows, court by court or all at once', async () => {
    const before = await metrics('2025-01-01', '2025-06-30');
    const recorder = service.app.get(CaseMetricsRecorder);
    expect(await recorder.rebuild(DAWA)).toBeGreaterThan(0);
    expect(await summaryRows('2025-03-10', CaseType.Execution)).toBe(1);
    expect(await metrics('2025-01-01', '2025-06-30')).toEqual(before);
    await recorder.rebuild();
    expect(await metrics('2025-01-01', '2025-06-30')).toEqual(before);
    const panshan = testActor({ roles: [Role.Leader], courtCode: PANSHAN });
    expect(await metrics('2025-01-01', '2025-06-30', panshan)).toEqual(
      await fromCases('2025-01-01', '2025-06-30', PANSHAN),
    );
  });

  it('refuses a party: the court figures are for court staff', async () => {
    const party = testActor({ roles: [Role.Party], partyIdNumber: debtor.idNumber, courtCode: DAWA });
    const refused = await rejection(metrics('2025-01-01', '2025-06-30', party));
    expect(refused.wire.code).toBe(ErrorCode.Forbidden);
  });

  it('refuses a period that ends before it starts, spans over five years, or is not made of dates', async () => {
    const backwards = await rejection(metrics('2025-06-30', '2025-01-01'));
    expect(backwards.wire.code).toBe(ErrorCode.ValidationFailed);
    expect(backwards.wire.errors).toEqual([expect.objectContaining({ field: 'to', rule: 'periodOrder' })]);
    const long = await rejection(metrics('2019-01-01', '2025-01-01'));
    expect(long.wire.errors).toEqual([expect.objectContaining({ field: 'to', rule: 'periodSpan' })]);
    const notDates = await rejection(metrics('2025/01/01', 'soon'));
    expect(notDates.wire.code).toBe(ErrorCode.ValidationFailed);
    expect(new Set(notDates.wire.errors!.map((e) => e.field))).toEqual(new Set(['from', 'to']));
  });

  it('lets an officer see the figures too', async () => {
    const view = await metrics('2025-02-01', '2025-04-30', officer);
    expect(view.caseload.closed).toBe(5);
  });
});

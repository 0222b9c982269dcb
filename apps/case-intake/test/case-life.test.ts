import {
  addMonths,
  AlertKind,
  CaseActivityKind,
  CaseStatus,
  CaseType,
  ClosureType,
  ErrorCode,
  Events,
  FlowNode,
  FlowNodeState,
  MeasureKind,
  PartyKind,
  PerformanceMode,
  Role,
  Subjects,
  SuspensionReason,
  Track,
  type Actor,
  type CaseTimelineView,
  type RegisterCaseCommand,
} from '@writ/contracts';
import {
  eventually,
  FixedClock,
  rejection,
  testActor,
  testEvent,
  TestNamespace,
  uniqueSuffix,
  type BusClient,
  type NatsBus,
  type RunningService,
} from '@writ/platform';
import { startCaseIntake } from '../src/app.js';
import { application } from './fixtures.js';

const COURT = '辽1104';
const officer = testActor({ id: 'user-officer-1', username: 'officer1', roles: [Role.Officer] });
const judge = testActor({ id: 'user-judge-1', username: 'judge1', roles: [Role.Judge] });
const director = testActor({ id: 'user-director-1', username: 'director1', roles: [Role.Director] });
const president = testActor({ id: 'user-leader-1', username: 'leader1', roles: [Role.Leader] });
const neighbour = testActor({ id: 'user-officer-2', username: 'officer2', courtCode: '辽1103' });
const party = testActor({
  id: 'user-party-1',
  username: 'party1',
  roles: [Role.Party],
  partyIdNumber: '11010519491231002X',
});

const DAY = 86_400_000;

describe('the case’s whole life in case-intake', () => {
  const here = new TestNamespace('t-life');
  // 10:00 in Beijing on Monday 5 January 2026
  const clock = new FixedClock(new Date('2026-01-05T02:00:00Z'));
  let service: RunningService;
  let client: BusClient;
  let bus: NatsBus;

  beforeAll(async () => {
    service = await here.start(startCaseIntake, 'case-intake', { ALERT_SCAN_INTERVAL_MS: '0' }, { clock });
    ({ client, bus } = await here.connect());
  });

  afterAll(() => here.tearDown());

  // every story starts on the same Monday morning; a story moves the clock as it needs
  beforeEach(() => clock.set(new Date('2026-01-05T02:00:00Z')));

  const register = (overrides: Partial<RegisterCaseCommand> = {}, actor: Actor = officer) =>
    client.request(Subjects.Cases.Register, application(overrides), { actor });
  const timeline = (caseId: string, actor: Actor = officer) =>
    client.request(Subjects.Cases.Timeline, { caseId }, { actor });
  const node = (view: CaseTimelineView, which: FlowNode) => view.nodes.find((n) => n.node === which)!;
  const auditActions = async (caseId: string) =>
    (
      await service.dataSource.query<{ action: string }[]>(
        `SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY id`,
        [caseId],
      )
    ).map((r) => r.action);
  const outbox = async (type: string) =>
    service.dataSource.query<{ envelope: { data: Record<string, unknown> } }[]>(
      `SELECT envelope FROM outbox WHERE type = $1 ORDER BY created_at`,
      [type],
    );

  it('lays out the eleven flow nodes at 立案, with the statutory period, the track and the officer', async () => {
    const registered = await register();
    const view = await timeline(registered.id);
    expect(view.nodes.map((n) => n.node)).toEqual(Object.values(FlowNode));
    expect(node(view, FlowNode.Intake).state).toBe(FlowNodeState.Finished);
    // 立案当日启动财产查控: the inquiry node is due the day of filing
    expect(node(view, FlowNode.AssetInquiry)).toMatchObject({
      state: FlowNodeState.Started,
      deadlineOn: '2026-01-05',
    });
    expect(node(view, FlowNode.ServiceOfDocuments)).toMatchObject({
      state: FlowNodeState.Started,
      deadlineOn: '2026-01-10',
    });
    expect(node(view, FlowNode.Resumption).state).toBe(FlowNodeState.NotApplicable);
    expect(view.period).toMatchObject({
      filingDate: '2026-01-05',
      months: 6,
      deadline: '2026-07-05',
      daysLeft: 181,
    });
    // ¥123,456 is over the fast-track ceiling of ¥50,000
    expect(view.track).toBe(Track.Ordinary);
    expect(view.trackReason).toContain('超过快执上限');
    expect(view.officerId).toBe('judge1');
    expect(view.assignments).toHaveLength(1);
    const small = await timeline((await register({ claimAmountFen: 800_000 })).id);
    expect(small.track).toBe(Track.Fast);
    expect(small.officerId).toBe('officer1');
  });

  it('accepts a late application with a flag, and refuses a premature one naming the rule', async () => {
    const late = await register({
      basis: {
        documentNumber: '（2022）辽1104民初1号',
        issuingCourt: '大洼区人民法院',
        effectiveDate: '2022-03-01',
      },
      applicationDate: '2025-12-20',
    });
    const view = await timeline(late.id);
    expect(view.limitationExpired).toBe(true);
    // applied 20 December, filed 5 January: past the 7 days
    expect(view.acceptedWithinDeadline).toBe(false);
    const premature = await rejection(
      register({
        basis: {
          documentNumber: 'x',
          issuingCourt: 'y',
          effectiveDate: '2025-12-20',
          performanceDueDate: '2026-01-30',
        },
      }),
    );
    expect(premature.wire.code).toBe(ErrorCode.RuleViolated);
    expect(premature.wire.errors?.map((e) => e.rule)).toContain('performancePeriodPassed');
  });

  it('records 不予受理 with its reasons, once per request key', async () => {
    const refusal = {
      requestKey: `refuse-${uniqueSuffix()}`,
      applicationDate: '2026-01-02',
      basis: {
        documentNumber: '（2025）辽1104民初9号',
        issuingCourt: '大洼区人民法院',
        effectiveDate: '2025-10-01',
      },
      applicants: application().applicants,
      respondents: application().respondents,
      reasons: ['执行依据尚未发生法律效力'],
    };
    const first = await client.request(Subjects.Cases.RefuseApplication, refusal, { actor: officer });
    expect(first).toMatchObject({ withinDeadline: true, reasons: ['执行依据尚未发生法律效力'] });
    const again = await client.request(Subjects.Cases.RefuseApplication, refusal, { actor: officer });
    expect(again.id).toBe(first.id);
    const conflict = await rejection(
      client.request(
        Subjects.Cases.RefuseApplication,
        { ...refusal, reasons: ['另一理由'] },
        { actor: officer },
      ),
    );
    expect(conflict.wire.code).toBe(ErrorCode.IdempotencyConflict);
  });

  it('moves the nodes on other stages’ events, each handled once', async () => {
    const registered = await register();
    const completed = testEvent(
      Events.AssetInquiryCompleted,
      {
        caseId: registered.id,
        caseNumber: registered.caseNumber,
        answered: 9,
        failed: 0,
        assetsFound: 2,
        totalValueFen: 20_000_000,
        depositsFoundFen: 15_000_000,
      },
      { courtCode: COURT, occurredAt: clock.now() },
    );
    await bus.publish(completed);
    await bus.publish(completed);
    let view = await eventually(
      () => timeline(registered.id),
      (v) => node(v, FlowNode.AssetInquiry).state === FlowNodeState.Finished,
      'the inquiry node to finish',
    );
    expect(view.hasProperty).toBe(true);
    // deposits of ¥150,000 cover the claim: the case moves to the fast track, and the move is recorded
    expect(view.track).toBe(Track.Fast);
    expect(view.assignments).toHaveLength(2);
    // …and to the fast-track team, whose only officer is officer1
    expect(view).toMatchObject({ teamId: 'fast-1', teamName: '快执团队', officerId: 'officer1' });
    expect(node(view, FlowNode.ControlAndAnalysis)).toMatchObject({
      state: FlowNodeState.Started,
      deadlineOn: '2026-01-07',
    });
    await bus.publish(
      testEvent(
        Events.AssetControlApplied,
        {
          caseId: registered.id,
          controlId: 'ctl-1',
          controlKind: 'SEIZE',
          amountFen: 5_000_000,
          assetDescription: '房产',
          effectiveOn: '2026-01-05',
        },
        { courtCode: COURT, occurredAt: clock.now() },
      ),
    );
    await bus.publish(
      testEvent(
        Events.LedgerMoneyReceived,
        {
          caseId: registered.id,
          receiptId: 'r1',
          amountFen: 1_000_000,
          source: 'DEDUCTION',
          receivedOn: '2026-01-05',
          totalReceivedFen: 1_000_000,
        },
        { courtCode: COURT, occurredAt: clock.now() },
      ),
    );
    view = await eventually(
      () => timeline(registered.id),
      (v) =>
        node(v, FlowNode.Funds).state === FlowNodeState.Started &&
        node(v, FlowNode.Disposal).state === FlowNodeState.Started,
      'control, disposal and funds nodes',
    );
    expect(node(view, FlowNode.ControlAndAnalysis).state).toBe(FlowNodeState.Finished);
    expect(node(view, FlowNode.Disposal).deadlineOn).toBe('2026-02-04');
    expect(node(view, FlowNode.Funds).deadlineOn).toBe('2026-02-04');
    expect(view.receivedFen).toBe(1_000_000);
    const handled = await service.dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM inbox WHERE event_id = $1`,
      [completed.id],
    );
    expect(handled[0]!.n).toBe(1);
  });

  it('refuses 终本 with the unmet conditions and changes nothing; closes once every condition holds', async () => {
    const registered = await register();
    const refused = await rejection(
      client.request(
        Subjects.Cases.Close,
        { caseId: registered.id, closureType: ClosureType.TerminatedThisRound, reason: '无财产可供执行' },
        { actor: judge },
      ),
    );
    expect(refused.wire.code).toBe(ErrorCode.RuleViolated);
    expect(refused.wire.rule).toBe('TERMINATION_PREREQUISITES');
    expect(refused.wire.errors?.map((e) => e.rule)).toEqual(
      expect.arrayContaining([
        'NOTICE_AND_REPORT_ORDER',
        'CONSUMPTION_RESTRICTED',
        'OVER_THREE_MONTHS',
        'APPLICANT_INTERVIEWED',
      ]),
    );
    expect((await timeline(registered.id)).status).toBe(CaseStatus.Registered);
    expect(await auditActions(registered.id)).not.toContain('case.close');

    // the officer does what the 2016 provisions ask
    const decide = (kind: MeasureKind, details?: object) =>
      client.request(
        Subjects.Cases.DecideMeasure,
        {
          requestKey: `m-${uniqueSuffix()}`,
          caseId: registered.id,
          kind,
          respondentIdNumber: '11010519491231002X',
          ...(details ? { details } : {}),
        },
        { actor: officer },
      );
    await decide(MeasureKind.ExecutionNotice);
    const restriction = await decide(MeasureKind.ConsumptionRestriction);
    const listing = await decide(MeasureKind.DishonestListing, { ground: 'BREAKS_REPORT_DUTY' });
    for (const measure of [restriction, listing]) {
      if (measure.approval?.id) {
        await client.request(
          Subjects.Cases.DecideApproval,
          { approvalId: measure.approval.id, approve: true, comment: '同意' },
          { actor: director },
        );
      }
    }
    await bus.publish(
      testEvent(
        Events.AssetInquiryCompleted,
        {
          caseId: registered.id,
          caseNumber: registered.caseNumber,
          answered: 9,
          failed: 0,
          assetsFound: 0,
          totalValueFen: 0,
        },
        { courtCode: COURT, occurredAt: clock.now() },
      ),
    );
    await eventually(
      () => timeline(registered.id),
      (v) => node(v, FlowNode.AssetInquiry).state === FlowNodeState.Finished,
      'the inquiry to complete',
    );
    for (const kind of [CaseActivityKind.NoExecutablePropertyFound, CaseActivityKind.ApplicantInterviewed]) {
      await client.request(
        Subjects.Cases.RecordActivity,
        { caseId: registered.id, kind, occurredOn: '2026-01-05' },
        { actor: officer },
      );
    }
    let checklist = await client.request(
      Subjects.Cases.TerminationChecklist,
      { caseId: registered.id },
      { actor: judge },
    );
    expect(checklist.items.filter((i) => !i.met).map((i) => i.code)).toEqual(['OVER_THREE_MONTHS']);

    clock.advance(92 * DAY);
    checklist = await client.request(
      Subjects.Cases.TerminationChecklist,
      { caseId: registered.id },
      { actor: judge },
    );
    expect(checklist.allMet).toBe(true);
    const closed = await client.request(
      Subjects.Cases.Close,
      { caseId: registered.id, closureType: ClosureType.TerminatedThisRound, reason: '无财产可供执行' },
      { actor: judge },
    );
    expect(closed.status).toBe(CaseStatus.Closed);
    expect(closed.closure).toMatchObject({
      closureType: ClosureType.TerminatedThisRound,
      withinPeriod: true,
    });
    expect(node(closed, FlowNode.Closure).state).toBe(FlowNodeState.Finished);
    const [event] = (await outbox(Events.CaseClosed)).filter(
      (e) => e.envelope.data['caseId'] === registered.id,
    );
    // a 终本 case keeps its controls (终本规定 2016 Art 9)
    expect(event?.envelope.data['releaseControls']).toBe(false);
    const again = await rejection(
      client.request(
        Subjects.Cases.Close,
        { caseId: registered.id, closureType: ClosureType.Withdrawn, reason: 'again' },
        { actor: judge },
      ),
    );
    expect(again.wire.code).toBe(ErrorCode.InvalidState);

    // property found at the 6-monthly re-search: a 执恢 case for what is still owed, opened once
    const found = testEvent(
      Events.AssetPropertyFoundAfterClosure,
      { caseId: registered.id, assetsFound: 1, totalValueFen: 3_000_000, description: '新登记车辆一辆' },
      { courtCode: COURT, occurredAt: clock.now() },
    );
    await bus.publish(found);
    await bus.publish({ ...found, id: `${found.id.slice(0, -4)}ffff` });
    const linked = await eventually(
      () => timeline(registered.id),
      (v) => v.links.some((l) => l.relation === 'RESUMED_BY'),
      'the 执恢 case',
    );
    expect(linked.links.filter((l) => l.relation === 'RESUMED_BY')).toHaveLength(1);
    const resumed = linked.links.find((l) => l.relation === 'RESUMED_BY')!;
    expect(resumed.caseNumber).toMatch(/执恢\d+号$/);
    const resumedView = await timeline(resumed.caseId);
    expect(node(resumedView, FlowNode.Resumption).state).toBe(FlowNodeState.Finished);
    const manual = await rejection(
      client.request(
        Subjects.Cases.Resume,
        { requestKey: `r-${uniqueSuffix()}`, originalCaseId: registered.id, reason: '申请人申请' },
        { actor: officer },
      ),
    );
    expect(manual.wire.rule).toBe('RESUMPTION_ALREADY_OPEN');
  });

  it('opens a 执恢 case by hand once per request key, for what is still owed after a broken settlement', async () => {
    const registered = await register();
    await client.request(
      Subjects.Cases.Close,
      {
        caseId: registered.id,
        closureType: ClosureType.FullyExecuted,
        performanceMode: PerformanceMode.Settlement,
        reason: '达成和解',
      },
      { actor: judge },
    );
    const resume = {
      requestKey: `r-${uniqueSuffix()}`,
      originalCaseId: registered.id,
      reason: '被执行人不履行和解协议',
    };
    const first = await client.request(Subjects.Cases.Resume, resume, { actor: officer });
    const again = await client.request(Subjects.Cases.Resume, resume, { actor: officer });
    expect(again.id).toBe(first.id);
    expect(first.caseType).toBe(CaseType.Resumed);
    expect(first.claimAmountFen).toBe(12_345_600);
    const reused = await rejection(
      client.request(Subjects.Cases.Resume, { ...resume, reason: '另一理由' }, { actor: officer }),
    );
    expect(reused.wire.code).toBe(ErrorCode.IdempotencyConflict);
  });

  it('closes as 执行完毕 on the ledger’s word, lifts the measures and releases the controls', async () => {
    const registered = await register();
    const restriction = await client.request(
      Subjects.Cases.DecideMeasure,
      {
        requestKey: `m-${uniqueSuffix()}`,
        caseId: registered.id,
        kind: MeasureKind.ConsumptionRestriction,
        respondentIdNumber: '11010519491231002X',
      },
      { actor: officer },
    );
    if (restriction.approval?.id) {
      await client.request(
        Subjects.Cases.DecideApproval,
        { approvalId: restriction.approval.id, approve: true },
        { actor: director },
      );
    }
    const paid = testEvent(
      Events.LedgerClaimFullyPaid,
      { caseId: registered.id, recoveredFen: 12_345_600, performanceMode: 'VOLUNTARY', paidOn: '2026-01-05' },
      { courtCode: COURT, occurredAt: clock.now() },
    );
    await bus.publish(paid);
    await bus.publish(paid);
    const view = await eventually(
      () => timeline(registered.id),
      (v) => v.status === CaseStatus.Closed,
      'the case to close',
    );
    expect(view.closure).toMatchObject({
      closureType: ClosureType.FullyExecuted,
      performanceMode: PerformanceMode.Voluntary,
    });
    expect(view.recoveredFen).toBe(12_345_600);
    const measures = await client.request(
      Subjects.Cases.ListMeasures,
      { caseId: registered.id },
      { actor: officer },
    );
    expect(measures.items.every((m: { status: string }) => m.status !== 'IN_FORCE')).toBe(true);
    const closedEvents = (await outbox(Events.CaseClosed)).filter(
      (e) => e.envelope.data['caseId'] === registered.id,
    );
    expect(closedEvents).toHaveLength(1);
    expect(closedEvents[0]!.envelope.data['releaseControls']).toBe(true);

    // money paid out after closure (interest, costs) is recounted in the court metrics
    await bus.publish(
      testEvent(
        Events.LedgerMoneyPaidOut,
        {
          caseId: registered.id,
          payoutId: 'p9',
          amountFen: 54_400,
          paidOn: '2026-01-05',
          totalPaidFen: 12_400_000,
        },
        { courtCode: COURT, occurredAt: clock.now() },
      ),
    );
    await eventually(
      () => timeline(registered.id),
      (v) => v.recoveredFen === 12_400_000,
      'the late payout to be seen',
    );
    const [counted] = await service.dataSource.query<{ summary: string; rows: string }[]>(
      `SELECT (SELECT sum(closed_recovered_fen) FROM case_metrics_daily WHERE court_code = $1) AS summary,
              (SELECT sum(recovered_fen) FROM enforcement_case
                WHERE court_code = $1 AND status = 'CLOSED' AND case_type IN ('执', '执恢', '执保')) AS rows`,
      [COURT],
    );
    expect(counted!.summary).toBe(counted!.rows);
  });

  it('extends the period by three months only with the president’s approval, asked 5 days ahead', async () => {
    const registered = await register();
    // 1 July: four days before the period ends on 5 July
    clock.set(new Date('2026-07-01T02:00:00Z'));
    const tooLate = await rejection(
      client.request(
        Subjects.Cases.RequestExtension,
        { caseId: registered.id, reason: '评估拍卖中' },
        { actor: officer },
      ),
    );
    expect(tooLate.wire.rule).toBe('EXTENSION_NOTICE_5_DAYS');
    clock.set(new Date('2026-06-20T02:00:00Z'));
    const asked = await client.request(
      Subjects.Cases.RequestExtension,
      { caseId: registered.id, reason: '评估拍卖中' },
      { actor: officer },
    );
    expect(node(asked, FlowNode.Supervision).state).toBe(FlowNodeState.Started);
    const approvals = await client.request(
      Subjects.Cases.ListApprovals,
      { page: 1, pageSize: 50 },
      { actor: president },
    );
    const approval = approvals.items.find((a: { caseId: string }) => a.caseId === registered.id)!;
    const byDirector = await rejection(
      client.request(
        Subjects.Cases.DecideApproval,
        { approvalId: approval.id, approve: true },
        { actor: director },
      ),
    );
    expect([ErrorCode.Forbidden, ErrorCode.RuleViolated]).toContain(byDirector.wire.code);
    await client.request(
      Subjects.Cases.DecideApproval,
      { approvalId: approval.id, approve: true },
      { actor: president },
    );
    const extended = await timeline(registered.id);
    expect(extended.period).toMatchObject({ extensionMonths: 3, deadline: '2026-10-05' });
    expect(node(extended, FlowNode.Closure).deadlineOn).toBe('2026-10-05');
    expect(node(extended, FlowNode.Supervision).state).toBe(FlowNodeState.Finished);
  });

  it('does not count suspended days, and 执转破 only for an enterprise debtor', async () => {
    const registered = await register();
    await client.request(
      Subjects.Cases.Suspend,
      { caseId: registered.id, reason: SuspensionReason.Suspension, note: '案外人提起确权诉讼' },
      { actor: officer },
    );
    clock.advance(10 * DAY);
    const lifted = await client.request(
      Subjects.Cases.LiftSuspension,
      { caseId: registered.id },
      { actor: officer },
    );
    expect(lifted.period).toMatchObject({ suspendedDays: 10, deadline: '2026-07-15' });
    const person = await rejection(
      client.request(
        Subjects.Cases.TransferToBankruptcy,
        { caseId: registered.id, consentBy: 'APPLICANT', insolvencyFinding: '资不抵债' },
        { actor: judge },
      ),
    );
    expect(person.wire.rule).toBe('BANKRUPTCY_ENTERPRISE_ONLY');
    const company = await register({
      respondents: [
        { kind: PartyKind.Organisation, name: '盘锦某某建材有限公司', idNumber: '91350100M000100Y43' },
      ],
      applicants: [{ kind: PartyKind.NaturalPerson, name: '张三', idNumber: '11010519491231002X' }],
    });
    const transferred = await client.request(
      Subjects.Cases.TransferToBankruptcy,
      { caseId: company.id, consentBy: 'APPLICANT', insolvencyFinding: '资产不足以清偿全部债务' },
      { actor: judge },
    );
    expect(transferred).toMatchObject({
      status: CaseStatus.Suspended,
      suspensionReason: SuspensionReason.Bankruptcy,
    });
    expect((await outbox(Events.CaseSuspended)).some((e) => e.envelope.data['caseId'] === company.id)).toBe(
      true,
    );
  });

  it('gives an objection its own 执异 case with a 15-day deadline, and publishes its decision', async () => {
    const target = await register();
    const objection = await client.request(
      Subjects.Cases.FileObjection,
      {
        requestKey: `o-${uniqueSuffix()}`,
        targetCaseId: target.id,
        objector: { kind: PartyKind.NaturalPerson, name: '李四', idNumber: '110105198001010032' },
        thirdParty: true,
        assetRef: 'property:辽(2020)大洼区不动产权第0001号',
        grounds: '被查封房产为异议人所有',
      },
      { actor: officer },
    );
    expect(objection.caseNumber).toMatch(/执异\d+号$/);
    const objectionView = await timeline(objection.id);
    expect(node(objectionView, FlowNode.Adjudication)).toMatchObject({
      state: FlowNodeState.Started,
      deadlineOn: '2026-01-20',
    });
    expect(objectionView.links).toEqual([
      expect.objectContaining({ caseId: target.id, relation: 'OBJECTS_IN' }),
    ]);
    const [filed] = (await outbox(Events.CaseObjectionFiled)).filter(
      (e) => e.envelope.data['targetCaseId'] === target.id,
    );
    expect(filed?.envelope.data).toMatchObject({ thirdParty: true, decisionDueOn: '2026-01-20' });
    const decided = await client.request(
      Subjects.Cases.DecideObjection,
      { objectionCaseId: objection.id, decision: 'DISMISSED', reasoning: '异议人未能证明其权利' },
      { actor: judge },
    );
    expect(decided.status).toBe(CaseStatus.Closed);
    expect(node(await timeline(target.id), FlowNode.Adjudication).state).toBe(FlowNodeState.Finished);
    const [out] = (await outbox(Events.CaseObjectionDecided)).filter(
      (e) => e.envelope.data['targetCaseId'] === target.id,
    );
    expect(out?.envelope.data).toMatchObject({ decision: 'DISMISSED', thirdParty: true });
  });

  it('moves an entrusted case to the other court, which files it while the first closes as 销案', async () => {
    const original = await register();
    const entrustment = await client.request(
      Subjects.Cases.Entrust,
      { caseId: original.id, toCourtCode: '辽1103', reason: '被执行人财产在兴隆台区' },
      { actor: judge },
    );
    expect(entrustment).toMatchObject({ status: 'PENDING', dueOn: '2026-01-12' });
    const wrongCourt = await rejection(
      client.request(Subjects.Cases.AcceptEntrustment, { entrustmentId: entrustment.id }, { actor: officer }),
    );
    expect(wrongCourt.wire.code).toBe(ErrorCode.NotFound);
    const filed = await client.request(
      Subjects.Cases.AcceptEntrustment,
      { entrustmentId: entrustment.id },
      { actor: neighbour },
    );
    expect(filed.caseNumber).toMatch(/辽1103执\d+号$/);
    const filedView = await timeline(filed.id, neighbour);
    expect(filedView).toMatchObject({
      entrustingCourtCode: COURT,
      entrustingCaseNumber: original.caseNumber,
    });
    expect(node(filedView, FlowNode.Entrusted).state).toBe(FlowNodeState.Finished);
    const originalView = await timeline(original.id);
    expect(originalView.closure?.closureType).toBe(ClosureType.Withdrawn);
    const [closed] = (await outbox(Events.CaseClosed)).filter(
      (e) => e.envelope.data['caseId'] === original.id,
    );
    expect(closed?.envelope.data['releaseControls']).toBe(false);
  });

  it('keeps officers’ notes from a party and other courts from the case', async () => {
    const registered = await register();
    await client.request(
      Subjects.Cases.RecordActivity,
      {
        caseId: registered.id,
        kind: CaseActivityKind.OnSiteInvestigation,
        occurredOn: '2026-01-05',
        note: '内部记录',
      },
      { actor: officer },
    );
    const seen = await timeline(registered.id, party);
    expect(seen.activities).toEqual([]);
    expect(seen.officerId).toBeUndefined();
    expect(seen.nodes).toHaveLength(11);
    const other = await rejection(timeline(registered.id, neighbour));
    expect(other.wire.code).toBe(ErrorCode.NotFound);
  });

  it('lets the director set the court’s own figures within the law, and triage follows them', async () => {
    const current = await client.request(Subjects.Cases.GetSettings, {}, { actor: officer });
    expect(current.nodeDeadlineDays[FlowNode.ServiceOfDocuments]).toBe(5);
    const wanted = {
      triage: { ...current.triage, fastTrackMaxClaimFen: 100_000_000 },
      teams: current.teams,
      nodeDeadlineDays: { [FlowNode.Funds]: 15 },
      holidays: ['2026-02-17'],
      workingWeekends: [],
    };
    const byOfficer = await rejection(client.request(Subjects.Cases.PutSettings, wanted, { actor: officer }));
    expect(byOfficer.wire.code).toBe(ErrorCode.Forbidden);
    const tooLong = await rejection(
      client.request(
        Subjects.Cases.PutSettings,
        { ...wanted, nodeDeadlineDays: { [FlowNode.Funds]: 45 } },
        { actor: director },
      ),
    );
    expect(tooLong.wire.code).toBe(ErrorCode.RuleViolated);
    expect(tooLong.wire.errors).toEqual([
      expect.objectContaining({ field: 'nodeDeadlineDays.FUNDS', rule: 'legalMaximum' }),
    ]);
    const set = await client.request(Subjects.Cases.PutSettings, wanted, { actor: director });
    expect(set).toMatchObject({ updatedBy: 'director1', holidays: ['2026-02-17'] });
    // a node left unset keeps the seed court's figure
    expect(set.nodeDeadlineDays).toMatchObject({ [FlowNode.Funds]: 15, [FlowNode.ServiceOfDocuments]: 5 });
    const view = await timeline((await register()).id);
    expect(view.track).toBe(Track.Fast);
    await client.request(
      Subjects.Cases.PutSettings,
      { ...wanted, triage: current.triage, nodeDeadlineDays: {} },
      { actor: director },
    );
  });

  it('deals a new case to the least-loaded officer of its track, by caseloads kept as cases open and close', async () => {
    const held = async () =>
      service.dataSource.query<{ officer_id: string; kept: number; counted: number }[]>(
        `SELECT coalesce(l.officer_id, c.officer_id) AS officer_id, coalesce(l.open_cases, 0) AS kept,
                coalesce(c.n, 0)::int AS counted
           FROM officer_caseload l
           FULL JOIN (SELECT court_code, officer_id, count(*) AS n FROM enforcement_case
                       WHERE status <> 'CLOSED' AND officer_id IS NOT NULL GROUP BY court_code, officer_id) c
             ON c.court_code = l.court_code AND c.officer_id = l.officer_id`,
      );
    for (const row of await held()) expect(row.kept).toBe(row.counted);
    const loads = new Map((await held()).map((r) => [r.officer_id, r.kept]));
    // the ordinary track's team is judge1 and officer1: the next case goes to whoever holds fewer
    const next = await timeline((await register()).id);
    const expected = (loads.get('officer1') ?? 0) < (loads.get('judge1') ?? 0) ? 'officer1' : 'judge1';
    expect(next.officerId).toBe(expected);
    await client.request(
      Subjects.Cases.Close,
      { caseId: next.caseId, closureType: ClosureType.Withdrawn, reason: '申请人撤回' },
      { actor: judge },
    );
    for (const row of await held()) expect(row.kept).toBe(row.counted);
  });

  it('raises each supervision alert once, and resolves it when its fact no longer holds', async () => {
    const registered = await register();
    clock.set(new Date(`${addMonths('2026-01-05', 6)}T02:00:00Z`));
    clock.advance(2 * DAY);
    const first = await client.request(Subjects.Cases.ScanAlerts, {}, { actor: director });
    expect(first.raised).toBeGreaterThan(0);
    const again = await client.request(Subjects.Cases.ScanAlerts, {}, { actor: director });
    expect(again.raised).toBe(0);
    const alerts = await client.request(Subjects.Cases.ListAlerts, {}, { actor: officer });
    const mine = alerts.items.filter((a) => a.caseId === registered.id);
    expect(mine.map((a) => a.kind)).toEqual(
      expect.arrayContaining([AlertKind.StatutoryPeriodExceeded, AlertKind.NodeOverdue]),
    );
    const neighbours = await client.request(Subjects.Cases.ListAlerts, {}, { actor: neighbour });
    expect(neighbours.items.filter((a) => a.caseId === registered.id)).toEqual([]);
    const raised = (await outbox(Events.CaseAlertRaised)).filter(
      (e) => e.envelope.data['caseId'] === registered.id,
    );
    expect(raised.length).toBe(mine.length);
    await client.request(
      Subjects.Cases.Close,
      { caseId: registered.id, closureType: ClosureType.Withdrawn, reason: '申请人撤回申请' },
      { actor: judge },
    );
    await client.request(Subjects.Cases.ScanAlerts, {}, { actor: director });
    const after = await client.request(Subjects.Cases.ListAlerts, {}, { actor: officer });
    expect(after.items.filter((a) => a.caseId === registered.id)).toEqual([]);
  });
});

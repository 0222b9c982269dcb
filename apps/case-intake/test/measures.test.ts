import {
  ApprovalStatus,
  CaseType,
  DishonestGround,
  ErrorCode,
  MeasureKind,
  MeasureStatus,
  PartyKind,
  Role,
  Subjects,
  isValidResidentIdNumber,
  type CaseDetail,
  type DecideMeasureCommand,
  type PartyInput,
} from '@writ/contracts';
import {
  FixedClock,
  rejection,
  testActor,
  TestNamespace,
  uniqueSuffix,
  UnitOfWork,
  type BusClient,
  type RunningService,
} from '@writ/platform';
import { startCaseIntake } from '../src/app.js';
import { MeasuresUseCase } from '../src/application/measures.use-case.js';

/** 10:00 on Saturday 28 November 2026 in Beijing. */
const NOW = new Date('2026-11-28T02:00:00Z');
const TODAY = '2026-11-28';

const ADULT: PartyInput = { kind: PartyKind.NaturalPerson, name: '王五', idNumber: '211104198503010057' };
/** born 5 May 2012: 14 years old today */
const MINOR: PartyInput = { kind: PartyKind.NaturalPerson, name: '小明', idNumber: '110105201205050014' };
const COMPANY: PartyInput = {
  kind: PartyKind.Organisation,
  name: '盘锦某某实业有限公司',
  idNumber: '91211104MA0Q00001L',
};

const officer = testActor();
const director = testActor({ id: 'user-director-1', username: 'director1', roles: [Role.Director] });
const deputyDirector = testActor({ id: 'user-director-2', username: 'director2', roles: [Role.Director] });
const president = testActor({ id: 'user-leader-1', username: 'leader1', roles: [Role.Leader] });

const key = (): string => `measure-${uniqueSuffix()}-${Math.random()}`;

describe('coercive measures and their approval over NATS, stored in PostgreSQL', () => {
  const here = new TestNamespace('t-ms');
  const clock = new FixedClock(NOW);
  let service: RunningService;
  let client: BusClient;

  async function registerCase(respondents: PartyInput[] = [ADULT, COMPANY]): Promise<CaseDetail> {
    return client.request(
      Subjects.Cases.Register,
      {
        requestKey: key(),
        caseType: CaseType.Execution,
        basis: {
          documentNumber: '（2026）辽1104民初88号',
          issuingCourt: '大洼区人民法院',
          effectiveDate: '2026-06-01',
        },
        applicants: [
          { kind: PartyKind.Organisation, name: '盘锦某某商贸有限公司', idNumber: '91350100M000100Y43' },
        ],
        respondents,
        applicationDate: '2026-11-25',
        claimAmountFen: 12_345_600,
      },
      { actor: officer },
    );
  }

  function decide(
    caseId: string,
    kind: MeasureKind,
    respondentIdNumber: string,
    details: object | undefined,
    actor = officer,
    requestKey = key(),
  ) {
    const command: DecideMeasureCommand = { requestKey, caseId, kind, respondentIdNumber };
    if (details) command.details = details;
    return client.request(Subjects.Cases.DecideMeasure, command, { actor });
  }

  /** Rows of the tables a refusal must leave alone. */
  async function footprint(): Promise<Record<string, number>> {
    const [row] = await service.dataSource.query<Record<string, number>[]>(
      `SELECT (SELECT count(*)::int FROM case_measure) AS measures,
              (SELECT count(*)::int FROM approval_request) AS approvals,
              (SELECT count(*)::int FROM audit_log) AS audits,
              (SELECT count(*)::int FROM outbox) AS events`,
    );
    return row!;
  }

  async function auditActions(entityId: string): Promise<string[]> {
    const rows = await service.dataSource.query<{ action: string }[]>(
      `SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY id`,
      [entityId],
    );
    return rows.map((r) => r.action);
  }

  async function measureEvents(measureId: string): Promise<string[]> {
    const rows = await service.dataSource.query<{ status: string }[]>(
      `SELECT envelope->'data'->>'status' AS status FROM outbox
        WHERE type = 'case.measure.changed' AND envelope->'data'->>'measureId' = $1 ORDER BY seq`,
      [measureId],
    );
    return rows.map((r) => r.status);
  }

  beforeAll(async () => {
    service = await here.start(startCaseIntake, 'case-intake', {}, { clock });
    ({ client } = await here.connect());
  });

  afterAll(() => here.tearDown());

  it('issues the execution notice with the report order at once, within the 10 days, and tells the flow', async () => {
    const registered = await registerCase();
    const notice = await decide(registered.id, MeasureKind.ExecutionNotice, ADULT.idNumber, undefined);
    expect(notice).toMatchObject({
      kind: MeasureKind.ExecutionNotice,
      status: MeasureStatus.InForce,
      inForceFrom: TODAY,
      dueOn: '2026-12-05',
      late: false,
      decidedBy: officer.id,
    });
    expect(notice.approval).toBeUndefined();
    expect(await measureEvents(notice.id)).toEqual([MeasureStatus.InForce]);
    const flow = await service.dataSource.query<{ action: string }[]>(
      `SELECT action FROM audit_log WHERE entity_id = $1 AND action LIKE 'case.flow.%'`,
      [registered.id],
    );
    expect(flow.map((r) => r.action)).toContain('case.flow.execution_notice_issued');
  });

  it('fines a person with the president’s approval only: the director is refused, the president’s decision is kept', async () => {
    const registered = await registerCase();
    const fine = await decide(registered.id, MeasureKind.Fine, ADULT.idNumber, { amountFen: 5_000_000 });
    expect(fine.status).toBe(MeasureStatus.PendingApproval);
    expect(fine.approval).toMatchObject({ requiredRole: Role.Leader, status: ApprovalStatus.Pending });
    const approvalId = fine.approval!.id;

    const presidentsQueue = await client.request(
      Subjects.Cases.ListApprovals,
      { page: 1, pageSize: 100 },
      { actor: president },
    );
    expect(presidentsQueue.items.map((a) => a.id)).toContain(approvalId);
    expect(presidentsQueue.items.find((a) => a.id === approvalId)?.summary).toBe(
      `罚款 ¥50,000.00 — 王五（${ADULT.idNumber}）`,
    );
    const directorsQueue = await client.request(
      Subjects.Cases.ListApprovals,
      { page: 1, pageSize: 100 },
      { actor: director },
    );
    expect(directorsQueue.items.map((a) => a.id)).not.toContain(approvalId);

    const before = await footprint();
    const refused = await rejection(
      client.request(Subjects.Cases.DecideApproval, { approvalId, approve: true }, { actor: director }),
    );
    expect(refused.wire.code).toBe(ErrorCode.Forbidden);
    expect(refused.wire.rule).toBe('APPROVAL_ROLE_REQUIRED');
    expect(await footprint()).toEqual(before);

    clock.set(new Date('2026-11-30T01:30:00Z'));
    try {
      const approved = await client.request(
        Subjects.Cases.DecideApproval,
        { approvalId, approve: true, comment: '同意罚款' },
        { actor: president },
      );
      expect(approved).toMatchObject({
        status: ApprovalStatus.Approved,
        decidedBy: president.id,
        decidedAt: '2026-11-30T01:30:00.000Z',
        comment: '同意罚款',
      });
    } finally {
      clock.set(NOW);
    }

    const { items } = await client.request(
      Subjects.Cases.ListMeasures,
      { caseId: registered.id },
      { actor: officer },
    );
    expect(items.find((m) => m.id === fine.id)).toMatchObject({
      status: MeasureStatus.InForce,
      inForceFrom: '2026-11-30',
      decidedOn: TODAY,
      approval: { status: ApprovalStatus.Approved, decidedBy: president.id, comment: '同意罚款' },
    });
    expect(await auditActions(fine.id)).toEqual(['case.measure.decide', 'case.measure.approve']);
    expect(await auditActions(approvalId)).toEqual(['approval.request', 'approval.approve']);
    expect(await measureEvents(fine.id)).toEqual([MeasureStatus.InForce]);

    const twice = await rejection(
      client.request(Subjects.Cases.DecideApproval, { approvalId, approve: true }, { actor: president }),
    );
    expect(twice.wire.code).toBe(ErrorCode.InvalidState);
    expect(twice.wire.rule).toBe('APPROVAL_DECIDED_ONCE');
  });

  it('refuses a fine above ¥100,000 on a person, naming the rule, and writes nothing', async () => {
    const registered = await registerCase();
    const before = await footprint();
    const refused = await rejection(
      decide(registered.id, MeasureKind.Fine, ADULT.idNumber, { amountFen: 10_000_001 }),
    );
    expect(refused.wire.code).toBe(ErrorCode.RuleViolated);
    expect(refused.wire.rule).toBe('FINE_PERSON_MAX');
    expect(refused.wire.errors?.[0]?.field).toBe('details.amountFen');
    expect(await footprint()).toEqual(before);
  });

  it('refuses a fine on an organisation below ¥50,000', async () => {
    const registered = await registerCase();
    const refused = await rejection(
      decide(registered.id, MeasureKind.Fine, COMPANY.idNumber, { amountFen: 4_999_999 }),
    );
    expect(refused.wire.code).toBe(ErrorCode.RuleViolated);
    expect(refused.wire.rule).toBe('FINE_ORGANISATION_RANGE');
  });

  it('never puts a minor on the 失信 list, and writes nothing', async () => {
    expect(isValidResidentIdNumber(MINOR.idNumber)).toBe(true);
    const registered = await registerCase([MINOR]);
    const before = await footprint();
    const refused = await rejection(
      decide(registered.id, MeasureKind.DishonestListing, MINOR.idNumber, {
        ground: DishonestGround.BreaksReportDuty,
      }),
    );
    expect(refused.wire.code).toBe(ErrorCode.RuleViolated);
    expect(refused.wire.rule).toBe('DISHONEST_NOT_FOR_MINORS');
    expect(await footprint()).toEqual(before);
  });

  it('checks each kind’s details by the kind, naming the field', async () => {
    const registered = await registerCase();
    const refused = await rejection(
      decide(registered.id, MeasureKind.Detention, ADULT.idNumber, { days: 'ten', amountFen: 5 }),
    );
    expect(refused.wire.code).toBe(ErrorCode.ValidationFailed);
    expect(refused.wire.errors?.map((e) => `${e.field}:${e.rule}`)).toEqual(
      expect.arrayContaining(['details.days:isInt', 'details.amountFen:whitelistValidation']),
    );
    const missing = await rejection(decide(registered.id, MeasureKind.Fine, ADULT.idNumber, undefined));
    expect(missing.wire.errors?.map((e) => e.field)).toContain('details');
  });

  it('refuses the requester deciding their own request; another director brings the restriction into force', async () => {
    const registered = await registerCase();
    const restriction = await decide(
      registered.id,
      MeasureKind.ConsumptionRestriction,
      COMPANY.idNumber,
      { legalRepresentative: { name: '孙八', idNumber: ADULT.idNumber } },
      director,
    );
    const approvalId = restriction.approval!.id;
    expect(restriction.approval?.requiredRole).toBe(Role.Director);
    const own = await rejection(
      client.request(Subjects.Cases.DecideApproval, { approvalId, approve: true }, { actor: director }),
    );
    expect(own.wire.code).toBe(ErrorCode.Forbidden);
    expect(own.wire.rule).toBe('APPROVAL_NOT_BY_REQUESTER');
    await client.request(
      Subjects.Cases.DecideApproval,
      { approvalId, approve: true },
      { actor: deputyDirector },
    );
    const again = await rejection(
      decide(registered.id, MeasureKind.ConsumptionRestriction, COMPANY.idNumber, {
        legalRepresentative: { name: '孙八', idNumber: ADULT.idNumber },
      }),
    );
    expect(again.wire.code).toBe(ErrorCode.InvalidState);
    expect(again.wire.rule).toBe('MEASURE_ALREADY_STANDING');
  });

  it('rejects with a reason, and the rejected measure never binds', async () => {
    const registered = await registerCase();
    const exit = await decide(registered.id, MeasureKind.ExitRestriction, ADULT.idNumber, {
      onApplication: true,
    });
    const approvalId = exit.approval!.id;
    const noReason = await rejection(
      client.request(Subjects.Cases.DecideApproval, { approvalId, approve: false }, { actor: director }),
    );
    expect(noReason.wire.rule).toBe('REJECTION_GIVES_REASON');
    await client.request(
      Subjects.Cases.DecideApproval,
      { approvalId, approve: false, comment: '无出境记录，无必要' },
      { actor: director },
    );
    const { items } = await client.request(
      Subjects.Cases.ListMeasures,
      { caseId: registered.id },
      { actor: officer },
    );
    expect(items.find((m) => m.id === exit.id)?.status).toBe(MeasureStatus.Rejected);
    expect(await measureEvents(exit.id)).toEqual([]);
  });

  it('lifts a 失信 listing once, recording the deletion deadline; lifting it again is refused', async () => {
    const registered = await registerCase();
    const listing = await decide(registered.id, MeasureKind.DishonestListing, ADULT.idNumber, {
      ground: DishonestGround.EvadesExecution,
    });
    await client.request(
      Subjects.Cases.DecideApproval,
      { approvalId: listing.approval!.id, approve: true },
      { actor: director },
    );
    const lifted = await client.request(
      Subjects.Cases.LiftMeasure,
      { measureId: listing.id, reason: '申请执行人书面申请删除', groundOccurredOn: '2026-11-27' },
      { actor: officer },
    );
    // ground on Friday 27 November: three working days end on Wednesday 2 December
    expect(lifted).toMatchObject({
      status: MeasureStatus.Lifted,
      liftedOn: TODAY,
      removalDueOn: '2026-12-02',
      removedLate: false,
      termUntil: '2028-11-28',
    });
    expect(await measureEvents(listing.id)).toEqual([MeasureStatus.InForce, MeasureStatus.Lifted]);
    const before = await footprint();
    const again = await rejection(
      client.request(
        Subjects.Cases.LiftMeasure,
        { measureId: listing.id, reason: '再次' },
        { actor: officer },
      ),
    );
    expect(again.wire.code).toBe(ErrorCode.InvalidState);
    expect(again.wire.rule).toBe('MEASURE_TRANSITION');
    expect(await footprint()).toEqual(before);
  });

  it('answers a retried request key with the same measure, and refuses the key for other content', async () => {
    const registered = await registerCase();
    const requestKey = key();
    const first = await decide(
      registered.id,
      MeasureKind.Detention,
      ADULT.idNumber,
      { days: 5 },
      officer,
      requestKey,
    );
    const retry = await decide(
      registered.id,
      MeasureKind.Detention,
      ADULT.idNumber,
      { days: 5 },
      officer,
      requestKey,
    );
    expect(retry.id).toBe(first.id);
    expect(retry.approvalId).toBe(first.approvalId);
    expect(retry.approval?.id).toBe(first.approvalId);
    const [count] = await service.dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM approval_request WHERE subject_id = $1`,
      [first.id],
    );
    expect(count?.n).toBe(1);
    const reused = await rejection(
      decide(registered.id, MeasureKind.Detention, ADULT.idNumber, { days: 6 }, officer, requestKey),
    );
    expect(reused.wire.code).toBe(ErrorCode.IdempotencyConflict);
  });

  it('answers another court’s case as not found', async () => {
    const registered = await registerCase();
    const refused = await rejection(
      decide(
        registered.id,
        MeasureKind.ExecutionNotice,
        ADULT.idNumber,
        undefined,
        testActor({ courtCode: '辽1103' }),
      ),
    );
    expect(refused.wire.code).toBe(ErrorCode.NotFound);
  });

  it('on full performance lifts the restrictions in force and withdraws what awaits approval', async () => {
    const registered = await registerCase();
    const restriction = await decide(
      registered.id,
      MeasureKind.ConsumptionRestriction,
      ADULT.idNumber,
      undefined,
    );
    await client.request(
      Subjects.Cases.DecideApproval,
      { approvalId: restriction.approval!.id, approve: true },
      { actor: director },
    );
    const pendingFine = await decide(registered.id, MeasureKind.Fine, ADULT.idNumber, { amountFen: 100_000 });

    const measures = service.app.get(MeasuresUseCase);
    const unitOfWork = service.app.get(UnitOfWork);
    const result = await unitOfWork.run((tx) =>
      measures.liftAllOnFullPerformance(tx, registered.id, officer.courtCode, TODAY, officer),
    );
    expect(result.lifted.map((m) => [m.id, m.status, m.liftedOn])).toEqual([
      [restriction.id, MeasureStatus.Lifted, TODAY],
    ]);
    expect(result.withdrawn.map((m) => [m.id, m.status, m.approval?.status])).toEqual([
      [pendingFine.id, MeasureStatus.Rejected, ApprovalStatus.Rejected],
    ]);
    expect(await measureEvents(restriction.id)).toEqual([MeasureStatus.InForce, MeasureStatus.Lifted]);
    const late = await rejection(
      client.request(
        Subjects.Cases.DecideApproval,
        { approvalId: pendingFine.approval!.id, approve: true },
        { actor: president },
      ),
    );
    expect(late.wire.rule).toBe('APPROVAL_DECIDED_ONCE');
  });
});

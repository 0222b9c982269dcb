import { randomUUID } from 'node:crypto';
import {
  AgencyKind,
  ApprovalStatus,
  AssetValueKind,
  CaseInquiryStatus,
  CaseType,
  ClosureType,
  ControlEndReason,
  ControlKind,
  ControlStatus,
  ErrorCode,
  Events,
  Role,
  Subjects,
  SuspensionReason,
  type CaseRegisteredV1,
  type EventEnvelope,
  type EventType,
  type OrderControlCommand,
} from '@writ/contracts';
import {
  eventually,
  FixedClock,
  rejection,
  testActor,
  testEvent,
  TestNamespace,
  type BusClient,
  type NatsBus,
  type RunningService,
} from '@writ/platform';
import { startAgencySandbox } from '@writ/agency-sandbox';
import { startAssetControl } from '../src/app.js';
import { otherCourtHold, depositorHolding, respondentWith } from './respondents.js';

const COURT = '辽1104';
const officer = testActor({
  id: 'user-officer-7',
  username: '王执行',
  courtCode: COURT,
  roles: [Role.Officer],
});
const director = testActor({
  id: 'user-director-1',
  username: '李局长',
  courtCode: COURT,
  roles: [Role.Director],
});
const otherDirector = testActor({
  id: 'user-director-2',
  username: '赵局长',
  courtCode: COURT,
  roles: [Role.Director],
});
const clerk = testActor({ id: 'user-clerk-1', username: '书记员', courtCode: COURT, roles: [Role.Clerk] });
/** 10:00 on 2 March 2026, Beijing time */
const START = new Date('2026-03-02T02:00:00Z');
/** the test court's deduction threshold: ¥500 */
const THRESHOLD_FEN = 50_000;

const DEPOSITOR = depositorHolding(200_000, 500);
const FREE_HOUSE = respondentWith(
  AgencyKind.RealEstate,
  (f) =>
    f.valueKind === AssetValueKind.Estimate && otherCourtHold(AgencyKind.RealEstate, f.identifier) === null,
  500,
);
const HELD_HOUSE = respondentWith(
  AgencyKind.RealEstate,
  (f) => otherCourtHold(AgencyKind.RealEstate, f.identifier) !== null,
  1500,
);
type Respondent = typeof DEPOSITOR;

let sequence = 0;

describe('control orders: the director approves, part of a freeze is released, a closed case holds nothing, property goes to auction', () => {
  const here = new TestNamespace('t-aca');
  const clock = new FixedClock(START);
  let service: RunningService;
  let sandbox: RunningService;
  let client: BusClient;
  let bus: NatsBus;

  const order = (body: Omit<OrderControlCommand, 'requestKey'>, actor = officer) =>
    client.request(Subjects.Assets.OrderControl, { requestKey: randomUUID(), ...body }, { actor });
  const release = (controlId: string, extra: { amountFen?: number; reason?: string } = {}, actor = officer) =>
    client.request(
      Subjects.Assets.ReleaseControl,
      { requestKey: randomUUID(), controlId, ...extra },
      { actor },
    );
  const handOver = (controlId: string, actor = officer) =>
    client.request(Subjects.Assets.HandToAuction, { requestKey: randomUUID(), controlId }, { actor });
  const approvals = (query: { caseId?: string; status?: ApprovalStatus } = {}, actor = clerk) =>
    client.request(Subjects.Assets.ListControlApprovals, query, { actor });
  const decide = (approvalId: string, approve: boolean, actor = director, comment?: string) =>
    client.request(
      Subjects.Assets.DecideControlApproval,
      { approvalId, approve, ...(comment ? { comment } : {}) },
      { actor },
    );
  const list = (caseId: string) =>
    client.request(Subjects.Assets.ListControls, { caseId }, { actor: officer });
  const controlOf = async (caseId: string, id: string) =>
    (await list(caseId)).controls.find((c) => c.id === id)!;
  const events = async <T extends EventType>(type: T, caseId: string) =>
    (
      await service.dataSource.query<{ envelope: EventEnvelope<Record<string, unknown>> }[]>(
        `SELECT envelope FROM outbox WHERE type = $1 ORDER BY seq`,
        [type],
      )
    )
      .map((r) => r.envelope)
      .filter((e) => e.data['caseId'] === caseId);
  const trail = async (controlId: string) =>
    (
      await service.dataSource.query<{ action: string }[]>(
        `SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY id`,
        [controlId],
      )
    ).map((r) => r.action);
  /** what the sandbox's agency was asked under the control's follow-up orders */
  const agencyLog = async (controlId: string) =>
    (
      await sandbox.dataSource.query<{ action: string; outcome: string }[]>(
        `SELECT action, outcome FROM agency_control_log WHERE control_id = $1 ORDER BY id`,
        [controlId],
      )
    ).map((r) => `${r.action}:${r.outcome}`);
  const handled = (eventId: string) =>
    eventually(
      () =>
        service.dataSource.query<unknown[]>(`SELECT 1 FROM inbox WHERE event_id = $1 AND consumer = $2`, [
          eventId,
          'asset-control.controls',
        ]),
      (rows) => rows.length === 1,
      `event ${eventId} to be handled`,
    );

  async function registered(respondents: Respondent[], claimFen: number) {
    sequence++;
    const event: EventEnvelope<CaseRegisteredV1> = testEvent(
      Events.CaseRegistered,
      {
        caseId: randomUUID(),
        caseNumber: `（2026）${COURT}执${1200 + sequence}号`,
        caseType: CaseType.Execution,
        courtCode: COURT,
        claimAmountFen: claimFen,
        filingDate: '2026-03-02',
        respondents: respondents.map(({ kind, name, idNumber }) => ({ kind, name, idNumber })),
      },
      { courtCode: COURT },
    );
    await bus.publish(event);
    const findings = await eventually(
      () => client.request(Subjects.Assets.GetFindings, { caseId: event.data.caseId }, { actor: officer }),
      (f) => f.status === CaseInquiryStatus.Completed,
      'the inquiries to complete',
    );
    const assetOf = (identifier: string) => findings.assets.find((a) => a.identifier === identifier)!;
    return { event, caseId: event.data.caseId, assetOf };
  }

  const closure = (c: Awaited<ReturnType<typeof registered>>, releaseControls: boolean) =>
    testEvent(
      Events.CaseClosed,
      {
        caseId: c.caseId,
        caseNumber: c.event.data.caseNumber,
        closureType: releaseControls ? ClosureType.FullyExecuted : ClosureType.TerminatedThisRound,
        closedOn: '2026-03-02',
        releaseControls,
        recoveredFen: 0,
      },
      { courtCode: COURT },
    );

  beforeAll(async () => {
    sandbox = await here.start(startAgencySandbox, 'agency-sandbox', { SANDBOX_LATENCY_MS: '0' });
    service = await here.start(
      startAssetControl,
      'asset-control',
      {
        INQUIRY_POLL_MS: '50',
        INQUIRY_TIMEOUT_MS: '2000',
        CONTROL_AGENCY_TIMEOUT_MS: '5000',
        CONTROL_DEDUCT_APPROVAL_FEN: '10000000',
        CONTROL_DEDUCT_APPROVAL_FEN_BY_COURT: `辽1103=1,${COURT}=${THRESHOLD_FEN}`,
      },
      { clock },
    );
    ({ client, bus } = await here.connect());
  });

  afterEach(async () => {
    clock.set(START);
    await client.request(Subjects.Agency.Configure, { latencyMs: 0 });
  });
  afterAll(() => here.tearDown());

  let moneyCase: Awaited<ReturnType<typeof registered>>;
  let freezeId: string;

  it('holds a deduction at or above the court’s threshold for the director, and sends a smaller one at once', async () => {
    const balance = DEPOSITOR.record.amountFen;
    moneyCase = await registered([DEPOSITOR], balance * 10);
    const frozen = await order({
      caseId: moneyCase.caseId,
      kind: ControlKind.Freeze,
      assetId: moneyCase.assetOf(DEPOSITOR.record.identifier).id,
      amountFen: balance,
    });
    freezeId = frozen.id;
    expect(frozen.status).toBe(ControlStatus.Effective);

    const small = await order({
      caseId: moneyCase.caseId,
      kind: ControlKind.Deduct,
      controlId: freezeId,
      amountFen: THRESHOLD_FEN - 1,
    });
    expect(small).toMatchObject({ deductedFen: THRESHOLD_FEN - 1 });
    expect(small.pendingApproval).toBeUndefined();

    const large = await order({
      caseId: moneyCase.caseId,
      kind: ControlKind.Deduct,
      controlId: freezeId,
      amountFen: THRESHOLD_FEN,
    });
    // nothing moved: the control as it was, waiting (待审批) with who asked
    expect(large).toMatchObject({
      deductedFen: THRESHOLD_FEN - 1,
      amountFen: balance - (THRESHOLD_FEN - 1),
      pendingApproval: {
        action: 'DEDUCT',
        amountFen: THRESHOLD_FEN,
        requestedBy: officer.id,
        requestedByName: '王执行',
      },
    });
    expect(await events(Events.AssetDeducted, moneyCase.caseId)).toHaveLength(1);
    expect((await controlOf(moneyCase.caseId, freezeId)).pendingApproval?.approvalId).toBe(
      large.pendingApproval!.approvalId,
    );
    const queue = await approvals();
    expect(queue.items.map((a) => a.id)).toContain(large.pendingApproval!.approvalId);
    expect(queue.items.find((a) => a.id === large.pendingApproval!.approvalId)).toMatchObject({
      status: ApprovalStatus.Pending,
      rule: 'DEDUCT_OVER_THRESHOLD',
      caseNumber: moneyCase.event.data.caseNumber,
      action: 'DEDUCT',
      requestedByName: '王执行',
    });
    // another court's staff sees none of it
    const elsewhere = testActor({ courtCode: '辽1103', roles: [Role.Director] });
    expect((await approvals({}, elsewhere)).items).toEqual([]);
    expect((await rejection(decide(large.pendingApproval!.approvalId, true, elsewhere))).wire.code).toBe(
      ErrorCode.NotFound,
    );
  });

  it('lets only a director other than the requester decide, with 403 naming the rule', async () => {
    const approvalId = (await controlOf(moneyCase.caseId, freezeId)).pendingApproval!.approvalId;
    const byOfficer = await rejection(decide(approvalId, true, officer));
    expect(byOfficer.wire).toMatchObject({ code: ErrorCode.Forbidden, rule: 'APPROVAL_ROLE_REQUIRED' });
    const judge = testActor({ id: 'user-judge-1', courtCode: COURT, roles: [Role.Judge, Role.Leader] });
    expect((await rejection(decide(approvalId, true, judge))).wire.rule).toBe('APPROVAL_ROLE_REQUIRED');

    // a director's own deduction waits for another director
    const own = await order(
      {
        caseId: moneyCase.caseId,
        kind: ControlKind.Deduct,
        controlId: freezeId,
        amountFen: THRESHOLD_FEN + 1,
      },
      director,
    );
    expect(own.pendingApproval).toMatchObject({ requestedBy: director.id, requestedByName: '李局长' });
    const self = await rejection(decide(own.pendingApproval!.approvalId, true, director));
    expect(self.wire).toMatchObject({ code: ErrorCode.Forbidden, rule: 'APPROVAL_NOT_BY_REQUESTER' });

    // rejected, with its reason: nothing sent, the control unchanged
    expect((await rejection(decide(own.pendingApproval!.approvalId, false, otherDirector))).wire.rule).toBe(
      'REJECTION_GIVES_REASON',
    );
    const before = await controlOf(moneyCase.caseId, freezeId);
    const rejected = await decide(
      own.pendingApproval!.approvalId,
      false,
      otherDirector,
      '数额有误，重新核算',
    );
    expect(rejected).toMatchObject({
      status: ApprovalStatus.Rejected,
      decidedBy: otherDirector.id,
      decidedByName: '赵局长',
      comment: '数额有误，重新核算',
    });
    expect(rejected.decidedAt).toBeDefined();
    const after = await controlOf(moneyCase.caseId, freezeId);
    expect(after).toMatchObject({ amountFen: before.amountFen, deductedFen: before.deductedFen });
    expect((await rejection(decide(own.pendingApproval!.approvalId, true, otherDirector))).wire.rule).toBe(
      'APPROVAL_DECIDED_ONCE',
    );
  });

  it('sends the deduction once approved, and records request, decision and the agency’s answer', async () => {
    const approvalId = (await controlOf(moneyCase.caseId, freezeId)).pendingApproval!.approvalId;
    const approved = await decide(approvalId, true);
    expect(approved).toMatchObject({
      status: ApprovalStatus.Approved,
      decidedBy: director.id,
      orderStatus: 'DONE',
    });
    const control = await controlOf(moneyCase.caseId, freezeId);
    expect(control.deductedFen).toBe(THRESHOLD_FEN - 1 + THRESHOLD_FEN);
    expect(control.pendingApproval).toBeUndefined();
    expect((await events(Events.AssetDeducted, moneyCase.caseId)).map((e) => e.data['amountFen'])).toEqual([
      THRESHOLD_FEN - 1,
      THRESHOLD_FEN,
    ]);
    expect(await trail(freezeId)).toEqual([
      'asset.control.order',
      'asset.control.confirm',
      'asset.control.deduct.order',
      'asset.control.deduct',
      'asset.control.deduct.order',
      'asset.control.approval.request',
      'asset.control.deduct.order',
      'asset.control.approval.request',
      'asset.control.approval.reject',
      'asset.control.approval.approve',
      'asset.control.deduct',
    ]);
    // each deduction reached the bank once, by its own action id; the rejected one never did
    expect(await agencyLog(freezeId)).toEqual(['DEDUCT:ANSWERED', 'DEDUCT:ANSWERED']);
    expect((await approvals({ caseId: moneyCase.caseId })).items.map((a) => a.status).sort()).toEqual([
      ApprovalStatus.Approved,
      ApprovalStatus.Rejected,
    ]);
  });

  it('releases part of a freeze — the excess over the limit at once — and holds a release before payment for the director', async () => {
    const balance = DEPOSITOR.record.amountFen;
    const house = FREE_HOUSE.record.amountFen;
    // owed about twice the deposit: the deposit fits under the limit, the house (indivisible) goes over it
    const c = await registered([DEPOSITOR, FREE_HOUSE], balance * 2);
    const freeze = await order({
      caseId: c.caseId,
      kind: ControlKind.Freeze,
      assetId: c.assetOf(DEPOSITOR.record.identifier).id,
      amountFen: balance,
    });
    const seizure = await order({
      caseId: c.caseId,
      kind: ControlKind.Seize,
      assetId: c.assetOf(FREE_HOUSE.record.identifier).id,
    });
    expect(seizure.status).toBe(ControlStatus.Effective);
    const view = await list(c.caseId);
    expect(view.excessFen).toBe(balance + house - view.limitFen);
    expect(view.excessFen).toBeGreaterThan(balance / 2);

    // 部分解除 of the excess: no approval, the bank unfreezes that part, the freeze keeps the rest
    const part = Math.floor(balance / 2);
    const released = await release(freeze.id, { amountFen: part, reason: '释放超标部分' });
    expect(released).toMatchObject({ status: ControlStatus.Effective, amountFen: balance - part });
    expect(released.pendingApproval).toBeUndefined();
    expect((await list(c.caseId)).controlledFen).toBe(balance - part + house);
    expect(await events(Events.AssetControlReleased, c.caseId)).toEqual([]);
    expect(await trail(freeze.id)).toEqual([
      'asset.control.order',
      'asset.control.confirm',
      'asset.control.release.order',
      'asset.control.release-part',
    ]);
    expect((await rejection(release(seizure.id, { amountFen: 1_000 }))).wire.rule).toBe(
      'PARTIAL_RELEASE_OF_MONEY',
    );
    expect((await rejection(release(freeze.id, { amountFen: balance }))).wire.rule).toBe(
      'RELEASE_EXCEEDS_CONTROLLED',
    );

    // releasing the house gives up more than the excess before the claim is paid: the director decides
    const asked = await release(seizure.id, { reason: '被执行人提供担保' });
    expect(asked).toMatchObject({
      status: ControlStatus.Effective,
      pendingApproval: { action: 'RELEASE', requestedBy: officer.id },
    });
    const pending = (await approvals({ caseId: c.caseId })).items[0]!;
    expect(pending).toMatchObject({ rule: 'RELEASE_BEFORE_PAID', reason: '被执行人提供担保' });
    const rejected = await decide(pending.id, false, director, '担保手续不全');
    expect(rejected.status).toBe(ApprovalStatus.Rejected);
    expect(await controlOf(c.caseId, seizure.id)).toMatchObject({ status: ControlStatus.Effective });
    expect(await agencyLog(seizure.id)).toEqual([]);

    const again = await release(seizure.id, { reason: '担保已补正' });
    const approved = await decide(again.pendingApproval!.approvalId, true, director);
    expect(approved.orderStatus).toBe('DONE');
    expect(await controlOf(c.caseId, seizure.id)).toMatchObject({
      status: ControlStatus.Released,
      endReason: ControlEndReason.Released,
    });
  });

  it('releases an order the agency confirms after the case was closed, and withdraws pending approvals', async () => {
    const c = await registered([DEPOSITOR, FREE_HOUSE], DEPOSITOR.record.amountFen * 10);
    const freeze = await order({
      caseId: c.caseId,
      kind: ControlKind.Freeze,
      assetId: c.assetOf(DEPOSITOR.record.identifier).id,
      amountFen: DEPOSITOR.record.amountFen,
    });
    const waiting = await order({
      caseId: c.caseId,
      kind: ControlKind.Deduct,
      controlId: freeze.id,
      amountFen: THRESHOLD_FEN * 2,
    });
    expect(waiting.pendingApproval).toBeDefined();

    // the registry takes its time: the seizure is still PENDING when the case closes
    await client.request(Subjects.Agency.Configure, { latencyMs: 1500 });
    const seizing = order({
      caseId: c.caseId,
      kind: ControlKind.Seize,
      assetId: c.assetOf(FREE_HOUSE.record.identifier).id,
    });
    const pendingId = (
      await eventually(
        () => list(c.caseId),
        (v) => v.controls.some((x) => x.kind === ControlKind.Seize && x.status === ControlStatus.Pending),
        'the seizure to be out at the registry',
      )
    ).controls.find((x) => x.kind === ControlKind.Seize)!.id;
    const closed = closure(c, true);
    await bus.publish(closed);
    await handled(closed.id);
    expect((await controlOf(c.caseId, pendingId)).status).toBe(ControlStatus.Pending);

    // the registry confirms: released at once, nothing stays held for the closed case
    const answered = await seizing;
    expect(answered).toMatchObject({ id: pendingId, status: ControlStatus.Released });
    const after = await list(c.caseId);
    // both were ordered at the same (fixed) moment: their listing order is not the point
    expect(after.controls.map((x) => [x.kind, x.status, x.endReason]).sort()).toEqual([
      [ControlKind.Freeze, ControlStatus.Released, ControlEndReason.CaseClosed],
      [ControlKind.Seize, ControlStatus.Released, ControlEndReason.CaseClosed],
    ]);
    expect(await trail(pendingId)).toEqual([
      'asset.control.order',
      'asset.control.confirm',
      'asset.control.confirmed-after-closure',
      'asset.control.release',
    ]);
    // the deduction waiting for the director was withdrawn, never sent
    const withdrawn = (await approvals({ caseId: c.caseId })).items[0]!;
    expect(withdrawn).toMatchObject({ status: ApprovalStatus.Rejected, decidedBy: 'service:asset-control' });
    expect((await rejection(decide(withdrawn.id, true))).wire.rule).toBe('APPROVAL_DECIDED_ONCE');
    expect(await agencyLog(freeze.id)).toEqual(['RELEASE:ANSWERED']);
  });

  it('withdraws a queued order confirmed after the closure, and keeps what a 终本 closure keeps', async () => {
    const c = await registered([HELD_HOUSE], 500_000_000);
    await client.request(Subjects.Agency.Configure, { latencyMs: 1500 });
    const queuing = order({
      caseId: c.caseId,
      kind: ControlKind.Seize,
      assetId: c.assetOf(HELD_HOUSE.record.identifier).id,
    });
    await eventually(
      () => list(c.caseId),
      (v) => v.controls.some((x) => x.status === ControlStatus.Pending),
      'the seizure to be out at the registry',
    );
    const closed = closure(c, true);
    await bus.publish(closed);
    await handled(closed.id);
    expect(await queuing).toMatchObject({
      status: ControlStatus.Released,
      endReason: ControlEndReason.CaseClosed,
    });

    // 终本: the controls stay, also one confirmed after the closure
    const kept = await registered([FREE_HOUSE], 500_000_000);
    const seizing = order({
      caseId: kept.caseId,
      kind: ControlKind.Seize,
      assetId: kept.assetOf(FREE_HOUSE.record.identifier).id,
    });
    await eventually(
      () => list(kept.caseId),
      (v) => v.controls.some((x) => x.status === ControlStatus.Pending),
      'the seizure to be out at the registry',
    );
    const ended = closure(kept, false);
    await bus.publish(ended);
    await handled(ended.id);
    expect(await seizing).toMatchObject({ status: ControlStatus.Effective });
  });

  it('hands a seizure in force to the auction stage once, with what the auction needs', async () => {
    const c = await registered([FREE_HOUSE, DEPOSITOR], 500_000_000);
    const house = c.assetOf(FREE_HOUSE.record.identifier);
    const seized = await order({ caseId: c.caseId, kind: ControlKind.Seize, assetId: house.id });
    const handed = await handOver(seized.id);
    expect(handed.handedToAuction).toMatchObject({ by: officer.id, byName: '王执行' });
    const again = await handOver(seized.id);
    expect(again.handedToAuction).toEqual(handed.handedToAuction);
    expect((await controlOf(c.caseId, seized.id)).handedToAuction).toEqual(handed.handedToAuction);
    const sent = await events(Events.AssetPropertyHandedToAuction, c.caseId);
    expect(sent.map((e) => e.data)).toEqual([
      {
        caseId: c.caseId,
        caseNumber: c.event.data.caseNumber,
        courtCode: COURT,
        controlId: seized.id,
        controlKind: 'SEIZE',
        agencyKind: AgencyKind.RealEstate,
        assetId: house.id,
        respondentIdNumber: FREE_HOUSE.idNumber,
        identifier: house.identifier,
        description: house.description,
        registry: house.holder,
        estimatedValueFen: house.amountFen,
        expiresOn: '2029-03-01',
        effectiveOn: '2026-03-02',
        otherCourtsQueued: false,
        handedBy: officer.id,
        handedByName: '王执行',
        handedAt: START.toISOString(),
      },
    ]);
    expect((await trail(seized.id)).filter((a) => a === 'asset.control.hand-to-auction')).toHaveLength(1);

    // money is deducted, not sold; a clerk cannot hand over
    const freeze = await order({
      caseId: c.caseId,
      kind: ControlKind.Freeze,
      assetId: c.assetOf(DEPOSITOR.record.identifier).id,
      amountFen: 10_000,
    });
    expect((await rejection(handOver(freeze.id))).wire).toMatchObject({
      code: ErrorCode.RuleViolated,
      rule: 'HAND_OVER_PROPERTY_ONLY',
    });
    expect((await rejection(handOver(seized.id, clerk))).wire.code).toBe(ErrorCode.Forbidden);
  });

  it('refuses a hand-over while the case is suspended or closed, or the control is not in force (422 naming the rule)', async () => {
    const c = await registered([FREE_HOUSE, HELD_HOUSE], 500_000_000);
    const seized = await order({
      caseId: c.caseId,
      kind: ControlKind.Seize,
      assetId: c.assetOf(FREE_HOUSE.record.identifier).id,
    });
    const queued = await order({
      caseId: c.caseId,
      kind: ControlKind.Seize,
      assetId: c.assetOf(HELD_HOUSE.record.identifier).id,
    });
    expect(queued.status).toBe(ControlStatus.Queued);
    expect((await rejection(handOver(queued.id))).wire).toMatchObject({
      code: ErrorCode.RuleViolated,
      rule: 'HAND_OVER_CONTROL_IN_FORCE',
    });

    const suspended = testEvent(
      Events.CaseSuspended,
      {
        caseId: c.caseId,
        caseNumber: c.event.data.caseNumber,
        reason: SuspensionReason.Suspension,
        since: '2026-03-02',
      },
      { courtCode: COURT },
    );
    await bus.publish(suspended);
    await handled(suspended.id);
    expect((await rejection(handOver(seized.id))).wire).toMatchObject({
      code: ErrorCode.RuleViolated,
      rule: 'HAND_OVER_CASE_NOT_SUSPENDED',
    });
    const lifted = testEvent(
      Events.CaseSuspensionLifted,
      { caseId: c.caseId, caseNumber: c.event.data.caseNumber, liftedOn: '2026-03-10' },
      { courtCode: COURT },
    );
    await bus.publish(lifted);
    await handled(lifted.id);

    const released = await release(seized.id, {}, director);
    expect(released.pendingApproval).toBeDefined(); // a release before payment, by the director: another one decides
    await decide(released.pendingApproval!.approvalId, true, otherDirector);
    expect((await rejection(handOver(seized.id))).wire.rule).toBe('HAND_OVER_CONTROL_IN_FORCE');

    const again = await order({
      caseId: c.caseId,
      kind: ControlKind.Seize,
      assetId: c.assetOf(FREE_HOUSE.record.identifier).id,
    });
    const closed = closure(c, false);
    await bus.publish(closed);
    await handled(closed.id);
    expect((await rejection(handOver(again.id))).wire).toMatchObject({
      code: ErrorCode.RuleViolated,
      rule: 'HAND_OVER_CASE_OPEN',
    });
  });
});

import { randomUUID } from 'node:crypto';
import {
  AgencyKind,
  CaseInquiryStatus,
  CaseType,
  ClosureType,
  ControlEndReason,
  ControlKind,
  ControlStatus,
  ErrorCode,
  Events,
  PartyKind,
  Role,
  Subjects,
  type CaseRegisteredV1,
  type EventEnvelope,
  type EventType,
  type LedgerMoneyReceivedV1,
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
import { startCaseIntake } from '@writ/case-intake';
import { startAssetControl } from '../src/app.js';
import { otherCourtHold, depositorHolding, respondentWith } from './respondents.js';
import { ControlCaseUseCase } from '../src/application/control-case.use-case.js';
import { executionFeeFen } from '../src/domain/control-limit.js';

const COURT = '辽1104';
const officer = testActor({ courtCode: COURT, roles: [Role.Officer] });
/** 10:00 on 2 March 2026, Beijing time */
const START = new Date('2026-03-02T02:00:00Z');

const DEPOSITOR = depositorHolding(100_000, 300);
const HELD_HOUSE = respondentWith(
  AgencyKind.RealEstate,
  (f) => otherCourtHold(AgencyKind.RealEstate, f.identifier) !== null,
  300,
);
const FREE_HOUSE = respondentWith(
  AgencyKind.RealEstate,
  (f) => otherCourtHold(AgencyKind.RealEstate, f.identifier) === null,
  300,
);
type Respondent = typeof DEPOSITOR;

let sequence = 0;
function caseRegistered(
  respondents: Respondent[],
  claimAmountFen: number,
  caseType = CaseType.Execution,
  preservationCaseId?: string,
): EventEnvelope<CaseRegisteredV1> {
  sequence++;
  return testEvent(
    Events.CaseRegistered,
    {
      caseId: randomUUID(),
      caseNumber: `（2026）${COURT}${caseType}${900 + sequence}号`,
      caseType,
      courtCode: COURT,
      claimAmountFen,
      filingDate: '2026-03-02',
      respondents: respondents.map(({ kind, name, idNumber }) => ({ kind, name, idNumber })),
      ...(preservationCaseId ? { preservationCaseId } : {}),
    },
    { courtCode: COURT },
  );
}

describe('controls and the money: the limit follows what came in, the paid claim releases, 执保 controls carry on', () => {
  const here = new TestNamespace('t-acm');
  const clock = new FixedClock(START);
  let service: RunningService;
  let client: BusClient;
  let bus: NatsBus;

  const order = (body: Omit<OrderControlCommand, 'requestKey'>) =>
    client.request(Subjects.Assets.OrderControl, { requestKey: randomUUID(), ...body }, { actor: officer });
  const list = (caseId: string) =>
    client.request(Subjects.Assets.ListControls, { caseId }, { actor: officer });
  const events = async <T extends EventType>(type: T, caseId: string) =>
    (
      await service.dataSource.query<{ envelope: EventEnvelope<Record<string, unknown>> }[]>(
        `SELECT envelope FROM outbox WHERE type = $1 ORDER BY seq`,
        [type],
      )
    )
      .map((r) => r.envelope)
      .filter((e) => e.data['caseId'] === caseId);
  const audits = async (entityId: string) =>
    (
      await service.dataSource.query<{ action: string }[]>(
        `SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY id`,
        [entityId],
      )
    ).map((r) => r.action);
  /** Waits until the control part's inbox has handled an event. */
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

  async function registered(respondents: Respondent[], claimFen: number, caseType = CaseType.Execution) {
    const event = caseRegistered(respondents, claimFen, caseType);
    await bus.publish(event);
    const findings = await eventually(
      () => client.request(Subjects.Assets.GetFindings, { caseId: event.data.caseId }, { actor: officer }),
      (f) => f.status === CaseInquiryStatus.Completed,
      'the inquiries to complete',
    );
    const assetOf = (identifier: string) => findings.assets.find((a) => a.identifier === identifier)!;
    return { event, caseId: event.data.caseId, assetOf };
  }

  const received = (caseId: string, data: Omit<LedgerMoneyReceivedV1, 'caseId' | 'receivedOn'>) =>
    testEvent(
      Events.LedgerMoneyReceived,
      { caseId, receivedOn: '2026-03-02', ...data },
      { courtCode: COURT },
    );

  beforeAll(async () => {
    await here.start(startAgencySandbox, 'agency-sandbox', { SANDBOX_LATENCY_MS: '0' });
    service = await here.start(
      startAssetControl,
      'asset-control',
      { INQUIRY_POLL_MS: '50', INQUIRY_TIMEOUT_MS: '2000' },
      { clock },
    );
    ({ client, bus } = await here.connect());
  });

  afterEach(() => clock.set(START));
  afterAll(() => here.tearDown());

  it('lowers the limit as the ledger receives money, counting a booked deduction once and each receipt once (查封规定 Art 19)', async () => {
    const balance = DEPOSITOR.record.amountFen;
    const claim = balance * 10;
    const fee = executionFeeFen(claim);
    const c = await registered([DEPOSITOR], claim);
    const freeze = await order({
      caseId: c.caseId,
      kind: ControlKind.Freeze,
      assetId: c.assetOf(DEPOSITOR.record.identifier).id,
      amountFen: balance,
    });
    await order({ caseId: c.caseId, kind: ControlKind.Deduct, controlId: freeze.id, amountFen: 10_000 });
    // the deduction counts before the ledger books it
    expect((await list(c.caseId)).recoveredFen).toBe(10_000);

    // the ledger books it: still ¥100 in, not ¥200
    const booked = received(c.caseId, {
      receiptId: randomUUID(),
      amountFen: 10_000,
      source: 'DEDUCTION',
      totalReceivedFen: 10_000,
    });
    await bus.publish(booked);
    await handled(booked.id);
    expect((await list(c.caseId)).recoveredFen).toBe(10_000);

    // the debtor pays the rest of the claim of their own accord: only the costs are owed now
    const voluntary = received(c.caseId, {
      receiptId: randomUUID(),
      amountFen: claim - 10_000,
      source: 'VOLUNTARY',
      totalReceivedFen: claim,
    });
    await bus.publish(voluntary);
    await handled(voluntary.id);
    const view = await list(c.caseId);
    const limit = Math.floor((fee * 1200) / 1000);
    expect(view).toMatchObject({
      recoveredFen: claim,
      owedFen: fee,
      limitFen: limit,
      controlledFen: balance - 10_000,
      excessFen: Math.max(0, balance - 10_000 - limit),
    });
    expect(view.excessFen).toBeGreaterThan(0);

    // the same receipt published again under another event id counts nothing
    const again = { ...voluntary, id: randomUUID() };
    await bus.publish(again);
    await handled(again.id);
    expect((await list(c.caseId)).recoveredFen).toBe(claim);
    // a late receipt with an older running total does not lower what the ledger reported
    const late = received(c.caseId, {
      receiptId: randomUUID(),
      amountFen: 1,
      source: 'OTHER',
      totalReceivedFen: 5_000,
    });
    await bus.publish(late);
    await handled(late.id);
    expect((await list(c.caseId)).recoveredFen).toBe(claim);
    expect((await audits(c.caseId)).filter((a) => a === 'asset.control.case-money-received')).toHaveLength(3);

    // and a new order must fit the lower limit
    const refused = await rejection(
      order({
        caseId: c.caseId,
        kind: ControlKind.Freeze,
        target: {
          agencyKind: AgencyKind.BankDeposit,
          respondentIdNumber: DEPOSITOR.idNumber,
          identifier: '6222000000000000001',
          description: '申请人提供的账户',
          estimatedValueFen: 1_000,
        },
        amountFen: 1_000,
      }),
    );
    expect(refused.wire).toMatchObject({ code: ErrorCode.RuleViolated, rule: 'OVER_CONTROL' });
  });

  it('releases what is held and withdraws what is queued when the claim is fully paid, once', async () => {
    const c = await registered([HELD_HOUSE, FREE_HOUSE], 500_000_000);
    const queued = await order({
      caseId: c.caseId,
      kind: ControlKind.Seize,
      assetId: c.assetOf(HELD_HOUSE.record.identifier).id,
    });
    const seized = await order({
      caseId: c.caseId,
      kind: ControlKind.Seize,
      assetId: c.assetOf(FREE_HOUSE.record.identifier).id,
    });
    expect([queued.status, seized.status]).toEqual([ControlStatus.Queued, ControlStatus.Effective]);

    const paid = testEvent(
      Events.LedgerClaimFullyPaid,
      { caseId: c.caseId, recoveredFen: 500_000_000, performanceMode: 'VOLUNTARY', paidOn: '2026-03-02' },
      { courtCode: COURT },
    );
    await bus.publish(paid);
    const after = await eventually(
      () => list(c.caseId),
      (v) => v.controls.every((x) => x.status === ControlStatus.Released),
      'every control to be released',
    );
    expect(after.fullyPaidOn).toBe('2026-03-02');
    expect(after.controls.map((x) => x.endReason)).toEqual([
      ControlEndReason.CaseClosed,
      ControlEndReason.CaseClosed,
    ]);
    const releases = () => events(Events.AssetControlReleased, c.caseId);
    expect((await releases()).map((e) => e.data['controlId']).sort()).toEqual([queued.id, seized.id].sort());
    expect(await audits(c.caseId)).toContain('asset.control.case-fully-paid');
    expect(await audits(queued.id)).toEqual([
      'asset.control.order',
      'asset.control.queue',
      'asset.control.release',
    ]);

    // republished, or followed by the 执行完毕 closure: nothing is released twice
    const republished = { ...paid, id: randomUUID() };
    await bus.publish(republished);
    await handled(republished.id);
    const closed = testEvent(
      Events.CaseClosed,
      {
        caseId: c.caseId,
        caseNumber: c.event.data.caseNumber,
        closureType: ClosureType.FullyExecuted,
        closedOn: '2026-03-02',
        releaseControls: true,
        recoveredFen: 500_000_000,
      },
      { courtCode: COURT },
    );
    await bus.publish(closed);
    await handled(closed.id);
    expect(await releases()).toHaveLength(2);
    expect((await audits(c.caseId)).filter((a) => a === 'asset.control.case-fully-paid')).toHaveLength(1);
  });

  it('refuses new controls once the claim is paid', async () => {
    const c = await registered([FREE_HOUSE], 500_000_000);
    const paid = testEvent(
      Events.LedgerClaimFullyPaid,
      { caseId: c.caseId, recoveredFen: 500_000_000, performanceMode: 'EXECUTION', paidOn: '2026-03-02' },
      { courtCode: COURT },
    );
    await bus.publish(paid);
    await handled(paid.id);
    const refused = await rejection(
      order({
        caseId: c.caseId,
        kind: ControlKind.Seize,
        assetId: c.assetOf(FREE_HOUSE.record.identifier).id,
      }),
    );
    expect(refused.wire).toMatchObject({ code: ErrorCode.InvalidState, rule: 'CLAIM_FULLY_PAID' });
  });

  it('carries a 执保 case’s controls into the 执 case with their running terms (民诉解释 Art 168), once', async () => {
    const balance = DEPOSITOR.record.amountFen;
    const preservation = await registered([DEPOSITOR, HELD_HOUSE], 500_000_000, CaseType.Preservation);
    const frozen = await order({
      caseId: preservation.caseId,
      kind: ControlKind.Freeze,
      assetId: preservation.assetOf(DEPOSITOR.record.identifier).id,
      amountFen: balance,
    });
    const queued = await order({
      caseId: preservation.caseId,
      kind: ControlKind.Seize,
      assetId: preservation.assetOf(HELD_HOUSE.record.identifier).id,
    });
    expect(frozen).toMatchObject({ status: ControlStatus.Effective, expiresOn: '2027-03-01' });

    // three months on, the creditor applies for execution
    clock.set(new Date('2026-06-02T02:00:00Z'));
    const execution = caseRegistered(
      [DEPOSITOR, HELD_HOUSE],
      400_000_000,
      CaseType.Execution,
      preservation.caseId,
    );
    await bus.publish(execution);
    const carried = await eventually(
      () => list(execution.data.caseId).catch(() => null),
      (v) => (v?.controls.length ?? 0) === 2,
      'the preserved controls to be carried',
    );
    const byId = new Map(carried!.controls.map((x) => [x.id, x]));
    expect(byId.get(frozen.id)).toMatchObject({
      caseId: execution.data.caseId,
      status: ControlStatus.Effective,
      effectiveOn: '2026-03-02',
      expiresOn: '2027-03-01',
      termMonths: 12,
      amountFen: balance,
      renewals: 0,
      carriedFromCaseId: preservation.caseId,
    });
    expect(byId.get(queued.id)).toMatchObject({
      status: ControlStatus.Queued,
      carriedFromCaseId: preservation.caseId,
    });
    // the new case's limit counts them
    expect(carried!.controlledFen).toBe(balance + queued.amountFen);
    expect((await list(preservation.caseId)).controls).toEqual([]);
    expect(await audits(frozen.id)).toEqual([
      'asset.control.order',
      'asset.control.confirm',
      'asset.control.carry',
    ]);
    expect(await audits(preservation.caseId)).toContain('asset.control.case-carried');

    // delivered again: nothing moves twice
    await service.app.get(ControlCaseUseCase).registered(execution);
    expect((await audits(frozen.id)).filter((a) => a === 'asset.control.carry')).toHaveLength(1);

    // the 执保 case closes afterwards: what it carried on stays in force
    const closed = testEvent(
      Events.CaseClosed,
      {
        caseId: preservation.caseId,
        caseNumber: preservation.event.data.caseNumber,
        closureType: ClosureType.FullyExecuted,
        closedOn: '2026-06-02',
        releaseControls: true,
        recoveredFen: 0,
      },
      { courtCode: COURT },
    );
    await bus.publish(closed);
    await handled(closed.id);
    const still = await list(execution.data.caseId);
    expect(still.controls.map((x) => x.status).sort()).toEqual([
      ControlStatus.Effective,
      ControlStatus.Queued,
    ]);
    expect(await events(Events.AssetControlReleased, preservation.caseId)).toEqual([]);
    expect(await events(Events.AssetControlReleased, execution.data.caseId)).toEqual([]);
  });
});

describe('cases registered before controls were kept get their control record from case-intake', () => {
  const here = new TestNamespace('t-acb');
  let service: RunningService;
  let client: BusClient;
  let bus: NatsBus;

  beforeAll(async () => {
    await here.start(startAgencySandbox, 'agency-sandbox', { SANDBOX_LATENCY_MS: '0' });
    await here.start(startCaseIntake, 'case-intake');
    service = await here.start(startAssetControl, 'asset-control', {
      INQUIRY_POLL_MS: '50',
      INQUIRY_TIMEOUT_MS: '2000',
    });
    ({ client, bus } = await here.connect());
  });

  afterAll(() => here.tearDown());

  it('asks case-intake for the claim on the first order of an unknown case, and goes on', async () => {
    const claim = DEPOSITOR.record.amountFen * 10;
    const registered = await client.request(
      Subjects.Cases.Register,
      {
        requestKey: `key-${randomUUID()}`,
        caseType: CaseType.Execution,
        basis: {
          documentNumber: '（2025）辽1104民初88号',
          issuingCourt: '大洼区人民法院',
          effectiveDate: '2025-06-01',
          performanceDueDate: '2025-06-11',
        },
        applicants: [
          { kind: PartyKind.Organisation, name: '盘锦某某商贸有限公司', idNumber: '91350100M000100Y43' },
        ],
        respondents: [{ kind: DEPOSITOR.kind, name: DEPOSITOR.name, idNumber: DEPOSITOR.idNumber }],
        claimAmountFen: claim,
      },
      { actor: officer },
    );
    const findings = await eventually(
      () => client.request(Subjects.Assets.GetFindings, { caseId: registered.id }, { actor: officer }),
      (f) => f.status === CaseInquiryStatus.Completed,
      'the inquiries to complete',
    );
    // as a case registered before the controls migration: inquiries, but no control record
    const caseRows = () =>
      service.dataSource.query<{ claim_fen: string; costs_fen: string }[]>(
        `SELECT claim_fen::text, costs_fen::text FROM control_case WHERE case_id = $1`,
        [registered.id],
      );
    await eventually(caseRows, (rows) => rows.length === 1, 'the control record');
    await service.dataSource.query(`DELETE FROM control_case WHERE case_id = $1`, [registered.id]);
    // money the ledger received meanwhile is kept for the record to come
    const paid = testEvent(
      Events.LedgerMoneyReceived,
      {
        caseId: registered.id,
        receiptId: randomUUID(),
        amountFen: 20_000,
        source: 'VOLUNTARY',
        receivedOn: '2026-03-02',
        totalReceivedFen: 20_000,
      },
      { courtCode: COURT },
    );
    await bus.publish(paid);
    await eventually(
      () =>
        service.dataSource.query<unknown[]>(`SELECT 1 FROM control_ledger_receipt WHERE receipt_id = $1`, [
          paid.data.receiptId,
        ]),
      (rows) => rows.length === 1,
      'the receipt to be kept',
    );

    // another court's officer learns nothing and makes nothing
    const elsewhere = testActor({ courtCode: '辽1103', roles: [Role.Officer] });
    const hidden = await rejection(
      client.request(Subjects.Assets.ListControls, { caseId: registered.id }, { actor: elsewhere }),
    );
    expect(hidden.wire.code).toBe(ErrorCode.NotFound);
    expect(await caseRows()).toEqual([]);

    const asset = findings.assets.find((a) => a.identifier === DEPOSITOR.record.identifier)!;
    const frozen = await client.request(
      Subjects.Assets.OrderControl,
      {
        requestKey: randomUUID(),
        caseId: registered.id,
        kind: ControlKind.Freeze,
        assetId: asset.id,
        amountFen: 10_000,
      },
      { actor: officer },
    );
    expect(frozen.status).toBe(ControlStatus.Effective);
    expect(await caseRows()).toEqual([
      { claim_fen: String(claim), costs_fen: String(executionFeeFen(claim)) },
    ]);
    expect(
      await client.request(Subjects.Assets.ListControls, { caseId: registered.id }, { actor: officer }),
    ).toMatchObject({ claimFen: claim, recoveredFen: 20_000, controlledFen: 10_000 });
    const trail = await service.dataSource.query<{ action: string }[]>(
      `SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY id`,
      [registered.id],
    );
    expect(trail.map((r) => r.action)).toContain('asset.control.case-backfill');

    // a case case-intake does not know stays unknown
    const unknown = await rejection(
      client.request(Subjects.Assets.ListControls, { caseId: randomUUID() }, { actor: officer }),
    );
    expect(unknown.wire.code).toBe(ErrorCode.NotFound);
  });
});

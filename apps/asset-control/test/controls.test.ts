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
import { ControlCaseUseCase } from '../src/application/control-case.use-case.js';

const COURT = '辽1104';
const officer = testActor({ courtCode: COURT, roles: [Role.Officer] });
/** 10:00 on 2 March 2026, Beijing time */
const START = new Date('2026-03-02T02:00:00Z');

const DEPOSITOR = depositorHolding(100_000, 100);
const HELD_HOUSE = respondentWith(
  AgencyKind.RealEstate,
  (f) => otherCourtHold(AgencyKind.RealEstate, f.identifier) !== null,
  100,
);
const FREE_HOUSE = respondentWith(
  AgencyKind.RealEstate,
  (f) => otherCourtHold(AgencyKind.RealEstate, f.identifier) === null,
  100,
);

let sequence = 0;
function caseRegistered(
  respondents: { kind: PartyKind; name: string; idNumber: string }[],
  claimAmountFen: number,
): EventEnvelope<CaseRegisteredV1> {
  sequence++;
  return testEvent(
    Events.CaseRegistered,
    {
      caseId: randomUUID(),
      caseNumber: `（2026）${COURT}执${700 + sequence}号`,
      caseType: CaseType.Execution,
      courtCode: COURT,
      claimAmountFen,
      filingDate: '2026-03-02',
      respondents: respondents.map(({ kind, name, idNumber }) => ({ kind, name, idNumber })),
    },
    { courtCode: COURT },
  );
}

describe('财产控制: freeze, seize, deduct, renew and release, within the limit and the terms', () => {
  const here = new TestNamespace('t-acc');
  const clock = new FixedClock(START);
  let service: RunningService;
  let client: BusClient;
  let bus: NatsBus;

  const order = (body: Omit<OrderControlCommand, 'requestKey'> & { requestKey?: string }, actor = officer) =>
    client.request(Subjects.Assets.OrderControl, { requestKey: randomUUID(), ...body }, { actor });
  const list = (caseId: string, actor = officer) =>
    client.request(Subjects.Assets.ListControls, { caseId }, { actor });
  const scan = () => client.request(Subjects.Assets.ScanControls, {}, { actor: officer });
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

  /** Registers a case and waits until its inquiries found everything; answers the found assets. */
  async function registered(respondents: (typeof DEPOSITOR)[], claimFen: number) {
    const event = caseRegistered(respondents, claimFen);
    await bus.publish(event);
    const findings = await eventually(
      () => client.request(Subjects.Assets.GetFindings, { caseId: event.data.caseId }, { actor: officer }),
      (f) => f.status === CaseInquiryStatus.Completed,
      'the inquiries to complete',
    );
    const assetOf = (identifier: string) => findings.assets.find((a) => a.identifier === identifier)!;
    return { event, caseId: event.data.caseId, assetOf };
  }

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

  let freezeCase: Awaited<ReturnType<typeof registered>>;
  let freezeId: string;

  it('freezes a found deposit once the bank confirms, recording only what the account held', async () => {
    const balance = DEPOSITOR.record.amountFen;
    freezeCase = await registered([DEPOSITOR], balance * 10);
    const asset = freezeCase.assetOf(DEPOSITOR.record.identifier);
    const requestKey = randomUUID();
    const frozen = await order({
      requestKey,
      caseId: freezeCase.caseId,
      kind: ControlKind.Freeze,
      assetId: asset.id,
      amountFen: balance + 5_000,
    });
    freezeId = frozen.id;
    expect(frozen).toMatchObject({
      kind: ControlKind.Freeze,
      status: ControlStatus.Effective,
      agencyKind: AgencyKind.BankDeposit,
      assetId: asset.id,
      requestedFen: balance + 5_000,
      amountFen: balance,
      termMonths: 12,
      effectiveOn: '2026-03-02',
      expiresOn: '2027-03-01',
      daysToExpiry: 364,
      renewals: 0,
    });
    // the same request key answers with the first order and sends nothing again
    const again = await order({
      requestKey,
      caseId: freezeCase.caseId,
      kind: ControlKind.Freeze,
      assetId: asset.id,
      amountFen: balance + 5_000,
    });
    expect(again.id).toBe(frozen.id);
    const applied = await events(Events.AssetControlApplied, freezeCase.caseId);
    expect(applied.map((e) => e.data)).toEqual([
      {
        caseId: freezeCase.caseId,
        controlId: frozen.id,
        controlKind: 'FREEZE',
        amountFen: balance,
        assetDescription: `${asset.holder} ${asset.identifier} ${asset.description}`,
        effectiveOn: '2026-03-02',
      },
    ]);
    expect(await trail(frozen.id)).toEqual(['asset.control.order', 'asset.control.confirm']);
    const view = await list(freezeCase.caseId);
    expect(view).toMatchObject({ claimFen: balance * 10, controlledFen: balance, recoveredFen: 0 });
    expect(view.costsFen).toBeGreaterThan(0);
  });

  it('refuses an order that clearly exceeds the claim and costs (查封规定 Art 19), recording nothing', async () => {
    // ¥10 claimed, ¥50 execution fee: ¥60 owed, ¥72 the limit at the default factor 1.2
    const small = await registered([DEPOSITOR], 1_000);
    const asset = small.assetOf(DEPOSITOR.record.identifier);
    const refused = await rejection(
      order({ caseId: small.caseId, kind: ControlKind.Freeze, assetId: asset.id, amountFen: 7_201 }),
    );
    expect(refused.wire).toMatchObject({ code: ErrorCode.RuleViolated, rule: 'OVER_CONTROL' });
    expect(refused.wire.message).toContain('¥72.00');
    expect((await list(small.caseId)).controls).toEqual([]);

    const within = await order({
      caseId: small.caseId,
      kind: ControlKind.Freeze,
      assetId: asset.id,
      amountFen: 7_200,
    });
    expect(within).toMatchObject({ status: ControlStatus.Effective, amountFen: 7_200 });
    expect(await list(small.caseId)).toMatchObject({ owedFen: 6_000, limitFen: 7_200, controlledFen: 7_200 });
  });

  it('deducts frozen money into the case account and announces it for the ledger', async () => {
    const deducted = await order({
      caseId: freezeCase.caseId,
      kind: ControlKind.Deduct,
      controlId: freezeId,
      amountFen: 10_000,
    });
    expect(deducted).toMatchObject({
      status: ControlStatus.Effective,
      amountFen: DEPOSITOR.record.amountFen - 10_000,
      deductedFen: 10_000,
    });
    expect((await events(Events.AssetDeducted, freezeCase.caseId)).map((e) => e.data)).toEqual([
      { caseId: freezeCase.caseId, controlId: freezeId, amountFen: 10_000, deductedOn: '2026-03-02' },
    ]);
    expect((await list(freezeCase.caseId)).recoveredFen).toBe(10_000);
    const tooMuch = await rejection(
      order({
        caseId: freezeCase.caseId,
        kind: ControlKind.Deduct,
        controlId: freezeId,
        amountFen: DEPOSITOR.record.amountFen,
      }),
    );
    expect(tooMuch.wire).toMatchObject({ code: ErrorCode.RuleViolated, rule: 'DEDUCT_EXCEEDS_FROZEN' });
  });

  it('renews before expiry by at most the original term, warns before the end, and lapses an unrenewed control', async () => {
    const renew = (termMonths?: number) =>
      client.request(
        Subjects.Assets.RenewControl,
        { requestKey: randomUUID(), controlId: freezeId, ...(termMonths ? { termMonths } : {}) },
        { actor: officer },
      );
    expect((await rejection(renew(13))).wire).toMatchObject({
      code: ErrorCode.RuleViolated,
      rule: 'RENEWAL_WITHIN_TERM',
    });
    clock.set(new Date('2027-02-20T02:00:00Z'));
    const renewed = await renew();
    expect(renewed).toMatchObject({ expiresOn: '2028-03-01', renewals: 1, daysToExpiry: 375 });

    const expiring = (withinDays?: number) =>
      client.request(Subjects.Assets.ExpiringControls, withinDays === undefined ? {} : { withinDays }, {
        actor: officer,
      });
    clock.set(new Date('2028-02-10T02:00:00Z'));
    const soon = await expiring();
    expect(soon.withinDays).toBe(30);
    expect(soon.controls.map((c) => [c.id, c.daysToExpiry, c.caseNumber])).toContainEqual([
      freezeId,
      20,
      freezeCase.event.data.caseNumber,
    ]);
    expect((await expiring(10)).controls.map((c) => c.id)).not.toContain(freezeId);
    // another court sees none of them
    const other = await client.request(
      Subjects.Assets.ExpiringControls,
      {},
      {
        actor: testActor({ courtCode: '辽1103', roles: [Role.Officer] }),
      },
    );
    expect(other.controls).toEqual([]);

    clock.set(new Date('2028-03-01T15:00:00Z')); // 23:00 on the last day: still in force
    await scan();
    const stillInForce = (await list(freezeCase.caseId)).controls.find((c) => c.id === freezeId)!;
    expect(stillInForce).toMatchObject({ status: ControlStatus.Effective, daysToExpiry: 0 });
    clock.set(new Date('2028-03-01T16:00:00Z')); // 00:00 the next day in Beijing
    expect((await rejection(renew())).wire.rule).toBe('RENEWAL_BEFORE_EXPIRY');
    const swept = await scan();
    expect(swept.lapsed).toBeGreaterThanOrEqual(1);
    const lapsed = (await list(freezeCase.caseId)).controls.find((c) => c.id === freezeId)!;
    expect(lapsed).toMatchObject({
      status: ControlStatus.Lapsed,
      endedOn: '2028-03-02',
      endReason: ControlEndReason.Lapsed,
    });
    const released = await events(Events.AssetControlReleased, freezeCase.caseId);
    expect(released.map((e) => e.data)).toEqual([
      expect.objectContaining({ controlId: freezeId, reason: 'LAPSED', releasedOn: '2028-03-02' }),
    ]);
    expect(await trail(freezeId)).toEqual([
      'asset.control.order',
      'asset.control.confirm',
      'asset.control.deduct.order',
      'asset.control.deduct',
      'asset.control.renew.order',
      'asset.control.renew',
      'asset.control.lapse',
    ]);
  });

  let houseCase: Awaited<ReturnType<typeof registered>>;

  it('queues a seizure of property another court holds (轮候, Art 26) and puts it in force when that hold is released', async () => {
    houseCase = await registered([HELD_HOUSE, FREE_HOUSE], 500_000_000);
    const held = houseCase.assetOf(HELD_HOUSE.record.identifier);
    const queued = await order({ caseId: houseCase.caseId, kind: ControlKind.Seize, assetId: held.id });
    expect(queued).toMatchObject({
      status: ControlStatus.Queued,
      queuedBehind: otherCourtHold(AgencyKind.RealEstate, held.identifier),
      amountFen: held.amountFen,
    });
    expect(queued.effectiveOn).toBeUndefined();
    expect(await events(Events.AssetControlApplied, houseCase.caseId)).toEqual([]);
    expect((await scan()).becameEffective).toBe(0);

    const freed = await client.request(Subjects.Agency.ReleaseHold, {
      kind: AgencyKind.RealEstate,
      identifier: held.identifier,
    });
    expect(freed.released).toBe(true);
    clock.set(new Date('2026-04-01T02:00:00Z'));
    expect((await scan()).becameEffective).toBe(1);
    const effective = (await list(houseCase.caseId)).controls.find((c) => c.id === queued.id)!;
    expect(effective).toMatchObject({
      status: ControlStatus.Effective,
      termMonths: 36,
      effectiveOn: '2026-04-01',
      expiresOn: '2029-03-31',
    });
    expect(
      (await events(Events.AssetControlApplied, houseCase.caseId)).map((e) => e.data['controlId']),
    ).toEqual([queued.id]);
    expect(await trail(queued.id)).toEqual([
      'asset.control.order',
      'asset.control.queue',
      'asset.control.effective',
    ]);
  });

  it('releases a control by order (解除), and keeps one live hold per asset', async () => {
    const free = houseCase.assetOf(FREE_HOUSE.record.identifier);
    const seized = await order({ caseId: houseCase.caseId, kind: ControlKind.Seize, assetId: free.id });
    expect(seized.status).toBe(ControlStatus.Effective);
    const twice = await rejection(
      order({ caseId: houseCase.caseId, kind: ControlKind.Seize, assetId: free.id }),
    );
    expect(twice.wire).toMatchObject({ code: ErrorCode.InvalidState, rule: 'ONE_CONTROL_PER_ASSET' });
    const asked = await client.request(
      Subjects.Assets.ReleaseControl,
      { requestKey: randomUUID(), controlId: seized.id, reason: '被执行人提供担保' },
      { actor: officer },
    );
    // before the claim is paid a release waits for the director (审批), who sends it on approval
    expect(asked).toMatchObject({ status: ControlStatus.Effective, pendingApproval: { action: 'RELEASE' } });
    const director = testActor({ id: 'user-director-1', courtCode: COURT, roles: [Role.Director] });
    const decided = await client.request(
      Subjects.Assets.DecideControlApproval,
      { approvalId: asked.pendingApproval!.approvalId, approve: true },
      { actor: director },
    );
    expect(decided.orderStatus).toBe('DONE');
    const released = (await list(houseCase.caseId)).controls.find((c) => c.id === seized.id)!;
    expect(released).toMatchObject({
      status: ControlStatus.Released,
      endReason: ControlEndReason.Released,
      endedOn: '2026-03-02',
    });
    const again = await rejection(
      client.request(
        Subjects.Assets.ReleaseControl,
        { requestKey: randomUUID(), controlId: seized.id },
        { actor: officer },
      ),
    );
    expect(again.wire.code).toBe(ErrorCode.InvalidState);
    // and it can be seized again afterwards
    const reseized = await order({ caseId: houseCase.caseId, kind: ControlKind.Seize, assetId: free.id });
    expect(reseized.status).toBe(ControlStatus.Effective);
  });

  it('shows and takes orders for its own court only, from the judges and officers', async () => {
    const elsewhere = testActor({ courtCode: '辽1103', roles: [Role.Officer] });
    expect((await rejection(list(houseCase.caseId, elsewhere))).wire.code).toBe(ErrorCode.NotFound);
    const free = houseCase.assetOf(FREE_HOUSE.record.identifier);
    expect(
      (
        await rejection(
          order({ caseId: houseCase.caseId, kind: ControlKind.Seize, assetId: free.id }, elsewhere),
        )
      ).wire.code,
    ).toBe(ErrorCode.NotFound);
    const clerk = testActor({ courtCode: COURT, roles: [Role.Clerk] });
    expect(
      (await rejection(order({ caseId: houseCase.caseId, kind: ControlKind.Seize, assetId: free.id }, clerk)))
        .wire.code,
    ).toBe(ErrorCode.Forbidden);
    expect((await list(houseCase.caseId, clerk)).controls.length).toBeGreaterThan(0);
    const marriage = await rejection(
      order({
        caseId: houseCase.caseId,
        kind: ControlKind.Freeze,
        target: {
          agencyKind: AgencyKind.Marriage,
          respondentIdNumber: FREE_HOUSE.idNumber,
          identifier: 'J211104-2001-000001',
          description: '结婚登记',
          estimatedValueFen: 0,
        },
      }),
    );
    expect(marriage.wire).toMatchObject({ code: ErrorCode.RuleViolated, rule: 'CONTROL_KIND_FITS_ASSET' });
  });

  it('releases everything still held when the case is closed with releaseControls, once', async () => {
    const before = (await list(houseCase.caseId)).controls.filter(
      (c) => c.status === ControlStatus.Effective,
    );
    expect(before.length).toBe(2);
    const closed = testEvent(
      Events.CaseClosed,
      {
        caseId: houseCase.caseId,
        caseNumber: houseCase.event.data.caseNumber,
        closureType: ClosureType.FullyExecuted,
        closedOn: '2026-03-02',
        releaseControls: true,
        recoveredFen: 0,
      },
      { courtCode: COURT },
    );
    await bus.publish(closed);
    const after = await eventually(
      () => list(houseCase.caseId),
      (v) => v.controls.every((c) => c.status === ControlStatus.Released),
      'every control to be released',
    );
    expect(
      after.controls
        .filter((c) => c.endReason === ControlEndReason.CaseClosed)
        .map((c) => c.id)
        .sort(),
    ).toEqual(before.map((c) => c.id).sort());
    const releasedEvents = () =>
      events(Events.AssetControlReleased, houseCase.caseId).then((es) =>
        es.filter((e) => e.data['reason'] === 'CASE_CLOSED'),
      );
    expect(await releasedEvents()).toHaveLength(2);

    // delivered again, or republished under another id: nothing is released twice
    expect(await service.app.get(ControlCaseUseCase).closed(closed)).toEqual([]);
    const republished = { ...closed, id: randomUUID() };
    await bus.publish(republished);
    await eventually(
      () =>
        service.dataSource.query<unknown[]>(`SELECT 1 FROM inbox WHERE event_id = $1 AND consumer = $2`, [
          republished.id,
          'asset-control.controls',
        ]),
      (rows) => rows.length === 1,
      'the republished closure to be handled',
    );
    expect(await releasedEvents()).toHaveLength(2);

    const free = houseCase.assetOf(FREE_HOUSE.record.identifier);
    expect(
      (await rejection(order({ caseId: houseCase.caseId, kind: ControlKind.Seize, assetId: free.id }))).wire
        .code,
    ).toBe(ErrorCode.InvalidState);
  });
});

import { randomUUID } from 'node:crypto';
import {
  AgencyKind,
  CaseInquiryStatus,
  CaseType,
  ControlKind,
  ErrorCode,
  Events,
  Role,
  Subjects,
  type LedgerMoneyReceivedV1,
  type LedgerMoneyReversedV1,
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
import { depositorHolding } from './respondents.js';
import { executionFeeFen } from '../src/domain/control-limit.js';

const COURT = '辽1104';
const officer = testActor({ courtCode: COURT, roles: [Role.Officer] });
/** 10:00 on 2 March 2026, Beijing time */
const START = new Date('2026-03-02T02:00:00Z');

const DEPOSITOR = depositorHolding(100_000, 300);

describe('a receipt the ledger reverses (冲正) is taken off what came in, and the limit rises again', () => {
  const here = new TestNamespace('t-acr');
  const clock = new FixedClock(START);
  let service: RunningService;
  let client: BusClient;
  let bus: NatsBus;

  const order = (body: Omit<OrderControlCommand, 'requestKey'>) =>
    client.request(Subjects.Assets.OrderControl, { requestKey: randomUUID(), ...body }, { actor: officer });
  const list = (caseId: string) =>
    client.request(Subjects.Assets.ListControls, { caseId }, { actor: officer });
  const trail = async (entityId: string, action: string) =>
    service.dataSource.query<{ before: Record<string, number>; after: Record<string, unknown> }[]>(
      `SELECT before, after FROM audit_log WHERE entity_id = $1 AND action = $2 ORDER BY id`,
      [entityId, action],
    );
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
  const tell = async (event: { id: string }) => {
    await bus.publish(event as Parameters<NatsBus['publish']>[0]);
    await handled(event.id);
  };
  const received = (caseId: string, data: Omit<LedgerMoneyReceivedV1, 'caseId' | 'receivedOn'>) =>
    testEvent(
      Events.LedgerMoneyReceived,
      { caseId, receivedOn: '2026-03-02', ...data },
      { courtCode: COURT },
    );
  const reversed = (
    caseId: string,
    data: Omit<LedgerMoneyReversedV1, 'caseId' | 'reversalId' | 'reversedOn' | 'reason'>,
  ) =>
    testEvent(
      Events.LedgerMoneyReversed,
      { caseId, reversalId: randomUUID(), reversedOn: '2026-03-03', reason: '录错案件', ...data },
      { courtCode: COURT },
    );
  /** a bank account the applicant names: money, so it must fit the room left under the limit */
  const leadFreeze = (caseId: string, amountFen: number) =>
    order({
      caseId,
      kind: ControlKind.Freeze,
      target: {
        agencyKind: AgencyKind.BankDeposit,
        respondentIdNumber: DEPOSITOR.idNumber,
        identifier: '6222000000000000002',
        description: '申请人提供的账户',
        estimatedValueFen: amountFen,
      },
      amountFen,
    });

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

  afterAll(() => here.tearDown());

  it('lowers what came in once per reversal; a reversed deduction still counts as the deduction it was', async () => {
    const balance = DEPOSITOR.record.amountFen;
    const claim = balance * 10;
    const fee = executionFeeFen(claim);
    const registered = testEvent(
      Events.CaseRegistered,
      {
        caseId: randomUUID(),
        caseNumber: `（2026）${COURT}执${randomUUID().slice(0, 6)}号`,
        caseType: CaseType.Execution,
        courtCode: COURT,
        claimAmountFen: claim,
        filingDate: '2026-03-02',
        respondents: [{ kind: DEPOSITOR.kind, name: DEPOSITOR.name, idNumber: DEPOSITOR.idNumber }],
      },
      { courtCode: COURT },
    );
    const caseId = registered.data.caseId;
    await bus.publish(registered);
    const findings = await eventually(
      () => client.request(Subjects.Assets.GetFindings, { caseId }, { actor: officer }),
      (f) => f.status === CaseInquiryStatus.Completed,
      'the inquiries to complete',
    );
    const freeze = await order({
      caseId,
      kind: ControlKind.Freeze,
      assetId: findings.assets.find((a) => a.identifier === DEPOSITOR.record.identifier)!.id,
      amountFen: balance,
    });
    await order({ caseId, kind: ControlKind.Deduct, controlId: freeze.id, amountFen: 10_000 });

    // the ledger books the deduction, then the debtor pays all but ¥100 of the claim of their own accord
    const deduction = received(caseId, {
      receiptId: randomUUID(),
      amountFen: 10_000,
      source: 'DEDUCTION',
      totalReceivedFen: 10_000,
    });
    await tell(deduction);
    const voluntary = received(caseId, {
      receiptId: randomUUID(),
      amountFen: claim - 20_000,
      source: 'VOLUNTARY',
      totalReceivedFen: claim - 10_000,
    });
    await tell(voluntary);
    const paidUp = await list(caseId);
    expect(paidUp).toMatchObject({ recoveredFen: claim - 10_000, owedFen: fee + 10_000 });
    // little is owed: a new freeze of ¥1,000 is over the limit
    expect((await rejection(leadFreeze(caseId, 100_000))).wire).toMatchObject({
      code: ErrorCode.RuleViolated,
      rule: 'OVER_CONTROL',
    });

    // the voluntary payment was booked to the wrong case: the ledger reverses it
    const wrongCase = reversed(caseId, {
      receiptId: voluntary.data.receiptId,
      amountFen: voluntary.data.amountFen,
      totalReceivedFen: 10_000,
    });
    await tell(wrongCase);
    const reopened = await list(caseId);
    const owed = claim + fee - 10_000;
    expect(reopened).toMatchObject({
      recoveredFen: 10_000,
      owedFen: owed,
      limitFen: Math.floor((owed * 1200) / 1000),
      excessFen: 0,
    });
    const audits = await trail(caseId, 'asset.control.case-money-reversed');
    expect(audits).toHaveLength(1);
    expect(audits[0]!.before).toMatchObject({
      recoveredFen: claim - 10_000,
      ledgerReceivedFen: claim - 10_000,
    });
    expect(audits[0]!.after).toMatchObject({
      recoveredFen: 10_000,
      ledgerReceivedFen: 10_000,
      receiptId: voluntary.data.receiptId,
      reversalId: wrongCase.data.reversalId,
      amountFen: voluntary.data.amountFen,
    });
    // the limit has room again: the freeze refused before is taken now
    expect(await leadFreeze(caseId, 100_000)).toMatchObject({ caseId, amountFen: 100_000 });

    // told again under another event id, and the reversed receipt delivered again: nothing moves
    await tell({ ...wrongCase, id: randomUUID() });
    await tell({ ...voluntary, id: randomUUID() });
    expect((await list(caseId)).recoveredFen).toBe(10_000);
    expect(await trail(caseId, 'asset.control.case-money-reversed')).toHaveLength(1);

    // the deduction's booking reversed: the ledger holds nothing, but the money asset-control saw the
    // agency deduct still came in (as before the ledger booked it)
    await tell(
      reversed(caseId, { receiptId: deduction.data.receiptId, amountFen: 10_000, totalReceivedFen: 0 }),
    );
    const counts = await service.dataSource.query<{ r: string; d: string }[]>(
      `SELECT ledger_received_fen::text AS r, ledger_deducted_fen::text AS d FROM control_case WHERE case_id = $1`,
      [caseId],
    );
    expect(counts).toEqual([{ r: '0', d: '0' }]);
    expect((await list(caseId)).recoveredFen).toBe(10_000);

    // a reversal that arrives before its receipt: the late receipt is kept but not counted
    const lateReceiptId = randomUUID();
    await tell(reversed(caseId, { receiptId: lateReceiptId, amountFen: 5_000, totalReceivedFen: 0 }));
    await tell(
      received(caseId, {
        receiptId: lateReceiptId,
        amountFen: 5_000,
        source: 'OTHER',
        totalReceivedFen: 5_000,
      }),
    );
    expect((await list(caseId)).recoveredFen).toBe(10_000);
    expect(await trail(caseId, 'asset.control.case-money-reversed')).toHaveLength(3);
  });
});

import { randomUUID } from 'node:crypto';
import {
  CaseType,
  ClosureType,
  ErrorCode,
  Events,
  executionFeeFen,
  PartyKind,
  Role,
  Subjects,
  type EventEnvelope,
  type EventType,
  type RecordReceiptCommand,
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
import { startFundLedger } from '../src/app.js';
import { books, CLEAN_BOOKS, COURT, fundManager, key } from './ledger-fixtures.js';

/** 10:00 on 2 March 2026, Beijing time */
const START = new Date('2026-03-02T02:00:00Z');
const DAY = 86_400_000;
/** the test court's second-approval threshold: ¥10,000 */
const THRESHOLD_FEN = 1_000_000;

const director = testActor({
  id: 'user-director-1',
  username: '李局长',
  courtCode: COURT,
  roles: [Role.Director],
});
const fundDirector = testActor({
  id: 'user-director-2',
  username: '赵局长',
  courtCode: COURT,
  roles: [Role.FundManager, Role.Director],
});
const otherFundManager = testActor({
  id: 'user-fund-2',
  username: 'fund2',
  courtCode: COURT,
  roles: [Role.FundManager],
});
const officer = testActor({ courtCode: COURT, roles: [Role.Officer] });

let n = 0;
function registered(claimAmountFen: number, applicants: { name: string; idNumber: string }[] = []) {
  n++;
  return testEvent(
    Events.CaseRegistered,
    {
      caseId: randomUUID(),
      caseNumber: `（2026）${COURT}执${900 + n}号`,
      caseType: CaseType.Execution,
      courtCode: COURT,
      claimAmountFen,
      filingDate: '2026-03-02',
      respondents: [{ kind: PartyKind.NaturalPerson, name: `被执行人${n}`, idNumber: '11010519491231002X' }],
      applicants: applicants.map((a) => ({ kind: PartyKind.Organisation, ...a })),
    },
    { courtCode: COURT },
  );
}

describe('the money’s way out: payouts, distribution, the 30-day rule, deposits, reconciliation, 到位率', () => {
  const here = new TestNamespace('t-flf');
  const clock = new FixedClock(START);
  let service: RunningService;
  let client: BusClient;
  let bus: NatsBus;

  const receive = (caseId: string, amountFen: number, extra: Partial<RecordReceiptCommand> = {}) =>
    client.request(
      Subjects.Ledger.RecordReceipt,
      {
        idempotencyKey: key('rcpt'),
        caseId,
        amountFen,
        source: 'BANK_TRANSFER',
        receivedOn: '2026-03-02',
        ...extra,
      },
      { actor: fundManager },
    );
  const requestPayout = (
    caseId: string,
    amountFen: number,
    creditorId = 'C-1',
    actor = fundManager,
    idempotencyKey = key('pay'),
  ) =>
    client.request(
      Subjects.Ledger.RequestPayout,
      { idempotencyKey, caseId, creditorId, creditorName: `债权人${creditorId}`, amountFen },
      { actor },
    );
  const decide = (payoutId: string, approve: boolean, actor = director, comment?: string) =>
    client.request(
      Subjects.Ledger.DecidePayout,
      { payoutId, approve, ...(comment ? { comment } : {}) },
      { actor },
    );
  const confirm = (payoutId: string, paidOn = '2026-03-03', bankSerial?: string) =>
    client.request(
      Subjects.Ledger.ConfirmPayout,
      { payoutId, paidOn, ...(bankSerial ? { bankSerial } : {}) },
      { actor: fundManager },
    );
  const balance = async (code: string) =>
    (await client.request(Subjects.Ledger.AccountBalance, { code }, { actor: fundManager })).balanceFen;
  const outbox = async <T extends EventType>(type: T, caseId: string) =>
    (
      await service.dataSource.query<{ envelope: EventEnvelope<Record<string, unknown>> }[]>(
        `SELECT envelope FROM outbox WHERE type = $1 AND envelope->'data'->>'caseId' = $2 ORDER BY seq`,
        [type, caseId],
      )
    ).map((r) => r.envelope.data);

  async function newCase(
    claimFen: number,
    applicants: { name: string; idNumber: string }[] = [],
  ): Promise<string> {
    const event = registered(claimFen, applicants);
    await bus.publish(event);
    await eventually(
      () =>
        service.dataSource.query<{ n: number }[]>(
          `SELECT jsonb_array_length(applicants) AS n FROM ledger_case WHERE case_id = $1`,
          [event.data.caseId],
        ),
      (rows) => rows.length === 1 && rows[0]!.n === applicants.length,
      'the ledger to learn the case',
    );
    return event.data.caseId;
  }

  beforeAll(async () => {
    service = await here.start(
      startFundLedger,
      'fund-ledger',
      {
        SEALER_INTERVAL_MS: '0',
        PAYOUT_ALERT_SCAN_MS: '0',
        PAYOUT_SECOND_APPROVAL_FEN_BY_COURT: `${COURT}=${THRESHOLD_FEN}`,
        PAYOUT_DEADLINE_DAYS_BY_PROVINCE: '辽=20',
      },
      { clock },
    );
    ({ client, bus } = await here.connect());
  });

  afterAll(async () => {
    await here.tearDown();
  });

  it('settles the execution fee first, then pays the creditor in two postings, and tells the case stage', async () => {
    clock.set(START);
    // claim ¥10,000: fee ¥50 (诉讼费用交纳办法 Art 14)
    const caseId = await newCase(1_000_000, [{ name: '某银行', idNumber: 'C-1' }]);
    await receive(caseId, 100_000);
    const over = await rejection(requestPayout(caseId, 95_001));
    expect(over.wire).toMatchObject({ code: ErrorCode.RuleViolated, rule: 'FEES_FIRST' });
    const notTheirs = await rejection(requestPayout(caseId, 1_000, 'C-9'));
    expect(notTheirs.wire.rule).toBe('CREDITOR_OF_CASE');
    const byOfficer = await rejection(requestPayout(caseId, 1_000, 'C-1', officer));
    expect(byOfficer.wire).toMatchObject({ code: ErrorCode.Forbidden });

    const idempotencyKey = key('pay');
    const payout = await requestPayout(caseId, 95_000, 'C-1', fundManager, idempotencyKey);
    expect(payout).toMatchObject({ status: 'APPROVED', feeFen: 5_000, amountFen: 95_000 });
    expect(await requestPayout(caseId, 95_000, 'C-1', fundManager, idempotencyKey)).toMatchObject({
      id: payout.id,
      replayed: true,
    });
    const reused = await rejection(requestPayout(caseId, 94_000, 'C-1', fundManager, idempotencyKey));
    expect(reused.wire).toMatchObject({
      code: ErrorCode.IdempotencyConflict,
      rule: 'IDEMPOTENCY_KEY_REUSED',
    });
    expect(await balance(`CASE:${caseId}`)).toBe(0);
    expect(await balance(`PAYABLE:${caseId}:C-1`)).toBe(95_000);

    const paid = await confirm(payout.id, '2026-03-03', 'B-OUT-1');
    expect(paid).toMatchObject({ status: 'PAID', paidOn: '2026-03-03', bankSerial: 'B-OUT-1' });
    expect(await confirm(payout.id, '2026-03-03')).toMatchObject({ replayed: true });
    expect(await balance(`PAYABLE:${caseId}:C-1`)).toBe(0);
    expect(await outbox(Events.LedgerMoneyPaidOut, caseId)).toEqual([
      { caseId, payoutId: payout.id, amountFen: 95_000, paidOn: '2026-03-03', totalPaidFen: 95_000 },
    ]);
    expect(await outbox(Events.LedgerClaimFullyPaid, caseId)).toEqual([]);
    expect(await books(service.dataSource)).toMatchObject({ ...CLEAN_BOOKS, receivedMismatch: [] });
  });

  it('holds a large payout for the director, never the requester, and says fully paid once', async () => {
    clock.set(START);
    const caseId = await newCase(2_000_000, [{ name: '某公司', idNumber: 'C-1' }]);
    const fee = 20_000; // ¥50 + 1.5% × ¥10,000
    await receive(caseId, 2_000_000 + fee);
    const payout = await requestPayout(caseId, 2_000_000);
    expect(payout).toMatchObject({
      status: 'PENDING_APPROVAL',
      approvalRule: 'PAYOUT_SECOND_APPROVAL',
      thresholdFen: THRESHOLD_FEN,
    });
    expect(await balance(`CASE:${caseId}`)).toBe(2_000_000 + fee);
    // the money is spoken for while it waits
    expect((await rejection(requestPayout(caseId, 1))).wire.rule).toBe('FEES_FIRST');
    const queue = await client.request(Subjects.Ledger.ListPayouts, {}, { actor: director });
    expect(queue.items.map((p) => p.id)).toContain(payout.id);

    const byPeer = await rejection(decide(payout.id, true, otherFundManager));
    expect(byPeer.wire).toMatchObject({ code: ErrorCode.Forbidden, rule: 'PAYOUT_SECOND_APPROVAL' });
    await receive(caseId, 1_500_000);
    const own = await requestPayout(caseId, 1_500_000, 'C-1', fundDirector);
    const self = await rejection(decide(own.id, true, fundDirector));
    expect(self.wire).toMatchObject({ code: ErrorCode.Forbidden, rule: 'PAYOUT_SECOND_APPROVAL' });
    expect(await decide(own.id, false, director, '重复申请')).toMatchObject({ status: 'REJECTED' });

    const approved = await decide(payout.id, true);
    expect(approved).toMatchObject({ status: 'APPROVED', decidedBy: director.id, feeFen: fee });
    expect((await rejection(decide(payout.id, true))).wire.rule).toBe('APPROVAL_DECIDED_ONCE');
    await confirm(payout.id, '2026-03-05');
    expect(await outbox(Events.LedgerClaimFullyPaid, caseId)).toEqual([
      {
        caseId,
        recoveredFen: 2_000_000 + fee + 1_500_000,
        performanceMode: 'EXECUTION',
        paidOn: '2026-03-05',
      },
    ]);
  });

  it('pays several creditors only by a final distribution plan (民诉解释 Arts 508–510)', async () => {
    clock.set(START);
    const caseId = await newCase(3_000_000, [
      { name: '甲', idNumber: 'A' },
      { name: '乙', idNumber: 'B' },
    ]);
    await receive(caseId, 1_000_000);
    expect((await rejection(requestPayout(caseId, 100, 'A'))).wire.rule).toBe('DISTRIBUTION_PLAN_REQUIRED');
    const plan = await client.request(
      Subjects.Ledger.ProposeDistribution,
      {
        idempotencyKey: key('plan'),
        caseId,
        servedOn: '2026-03-02',
        claims: [
          { creditorId: 'A', creditorName: '甲', claimFen: 2_000_000, rank: 'ORDINARY' },
          { creditorId: 'B', creditorName: '乙', claimFen: 1_000_000, rank: 'ORDINARY' },
        ],
      },
      { actor: fundManager },
    );
    // fee on ¥30,000: ¥50 + 1.5% × ¥20,000 = ¥350 first; the rest 2 : 1, to the fen
    expect(plan).toMatchObject({
      status: 'OBJECTION_WINDOW',
      objectionDeadline: '2026-03-17',
      costsFen: 35_000,
    });
    expect(plan.allocations.map((a) => a.allocatedFen)).toEqual([643_333, 321_667]);
    expect((await rejection(requestPayout(caseId, 100, 'A'))).wire.rule).toBe('DISTRIBUTION_PLAN_NOT_FINAL');

    const objected = await client.request(
      Subjects.Ledger.ObjectToDistribution,
      { planId: plan.id, objector: '乙', reason: '债权数额有误' },
      { actor: officer },
    );
    expect(objected.status).toBe('OBJECTED');
    clock.set(new Date(START.getTime() + 20 * DAY));
    expect((await rejection(requestPayout(caseId, 100, 'A'))).wire.rule).toBe('DISTRIBUTION_PLAN_NOT_FINAL');
    const late = await rejection(
      client.request(
        Subjects.Ledger.ObjectToDistribution,
        { planId: plan.id, objector: '甲', reason: '迟' },
        { actor: officer },
      ),
    );
    expect(late.wire.rule).toBe('OBJECTION_WITHIN_15_DAYS');
    const stands = await client.request(
      Subjects.Ledger.DecideDistributionObjection,
      { planId: plan.id, objectionId: objected.objections[0]!.id, uphold: false, decision: '异议不成立' },
      { actor: director },
    );
    expect(stands.status).toBe('CONFIRMED');

    expect(await requestPayout(caseId, 643_333, 'A')).toMatchObject({
      status: 'APPROVED',
      planId: plan.id,
      feeFen: 35_000,
    });
    expect((await rejection(requestPayout(caseId, 321_668, 'B'))).wire.rule).toBe('WITHIN_PLAN_ALLOCATION');
    expect(await requestPayout(caseId, 321_667, 'B')).toMatchObject({ status: 'APPROVED', feeFen: 0 });
    expect(await balance(`CASE:${caseId}`)).toBe(0);
  });

  it('revises the plan when an objection is upheld, with a new window', async () => {
    clock.set(START);
    const caseId = await newCase(2_000_000, [
      { name: '甲', idNumber: 'A' },
      { name: '乙', idNumber: 'B' },
    ]);
    await receive(caseId, 500_000);
    const claims = [
      { creditorId: 'A', creditorName: '甲', claimFen: 1_000_000, rank: 'ORDINARY' as const },
      { creditorId: 'B', creditorName: '乙', claimFen: 1_000_000, rank: 'ORDINARY' as const },
    ];
    const plan = await client.request(
      Subjects.Ledger.ProposeDistribution,
      { idempotencyKey: key('plan'), caseId, claims },
      { actor: fundManager },
    );
    const objected = await client.request(
      Subjects.Ledger.ObjectToDistribution,
      { planId: plan.id, objector: '甲', reason: '甲有抵押权' },
      { actor: officer },
    );
    clock.set(new Date(START.getTime() + 5 * DAY));
    const revised = await client.request(
      Subjects.Ledger.DecideDistributionObjection,
      {
        planId: plan.id,
        objectionId: objected.objections[0]!.id,
        uphold: true,
        decision: '甲的抵押债权优先受偿',
        claims: [{ ...claims[0]!, rank: 'SECURED' as const }, claims[1]!],
      },
      { actor: director },
    );
    expect(revised).toMatchObject({
      revision: 2,
      servedOn: '2026-03-07',
      objectionDeadline: '2026-03-22',
      status: 'OBJECTION_WINDOW',
    });
    expect(revised.allocations.map((a) => a.allocatedFen)).toEqual([480_000, 0]); // ¥5,000 less the ¥200 fee, all to the secured claim
  });

  it('lists each receipt’s payout deadline, alerts before it once, and reports what is overdue', async () => {
    clock.set(START);
    const caseId = await newCase(10_000_000, [{ name: '丙', idNumber: 'C-1' }]);
    const first = await receive(caseId, 300_000);
    // 辽 courts: 20 days (PAYOUT_DEADLINE_DAYS_BY_PROVINCE)
    const deadlines = await client.request(Subjects.Ledger.PayoutDeadlines, { caseId }, { actor: officer });
    expect(deadlines).toMatchObject({
      deadlineDays: 20,
      items: [{ receiptId: first.transactionId, deadline: '2026-03-22', state: 'OK' }],
    });

    clock.set(new Date(START.getTime() + 16 * DAY));
    expect(await client.request(Subjects.Ledger.ScanPayoutDeadlines, {}, { actor: officer })).toMatchObject({
      alerted: expect.any(Number),
    });
    expect(await client.request(Subjects.Ledger.ScanPayoutDeadlines, {}, { actor: officer })).toEqual({
      alerted: 0,
    });
    expect(await outbox(Events.LedgerPayoutDueSoon, caseId)).toEqual([
      expect.objectContaining({
        receiptId: first.transactionId,
        deadline: '2026-03-22',
        unpaidFen: 300_000,
        daysLeft: 4,
      }),
    ]);

    // part paid: the oldest money is paid first
    const payout = await requestPayout(caseId, 100_000);
    await confirm(payout.id, '2026-03-18');
    clock.set(new Date(START.getTime() + 21 * DAY));
    const overdue = await client.request(Subjects.Ledger.OverduePayouts, {}, { actor: officer });
    const mine = overdue.items.filter((i) => i.caseId === caseId);
    // fee on ¥100,000: ¥50 + 1.5% × ¥90,000 = ¥1,400 settled first
    expect(mine).toEqual([
      expect.objectContaining({ state: 'OVERDUE', unpaidFen: 300_000 - 140_000 - 100_000 }),
    ]);
  });

  it('counts each deadline from the money’s arrival, and the case’s money tells what is owed and the deadlines', async () => {
    clock.set(new Date(START.getTime() + 5 * DAY)); // 2026-03-07: the money is booked days after it came
    const caseId = await newCase(1_000_000, [{ name: '丁', idNumber: 'C-1' }]);
    const transfer = await receive(caseId, 300_000, { receivedOn: '2026-03-03' });
    const controlId = randomUUID();
    await bus.publish(
      testEvent(
        Events.AssetDeducted,
        { caseId, controlId, amountFen: 100_000, deductedOn: '2026-03-04' },
        { courtCode: COURT },
      ),
    );
    const deadlines = await eventually(
      () => client.request(Subjects.Ledger.PayoutDeadlines, { caseId }, { actor: officer }),
      (reply) => reply.items.length === 2,
      'the deduction to be booked',
    );
    // 辽 courts: 20 days from 到账日, not from the day it was booked
    expect(deadlines.items).toEqual([
      expect.objectContaining({
        receiptId: transfer.transactionId,
        receivedOn: '2026-03-03',
        deadline: '2026-03-23',
      }),
      expect.objectContaining({ receivedOn: '2026-03-04', deadline: '2026-03-24', unpaidFen: 100_000 }),
    ]);

    const feeDueFen = executionFeeFen(1_000_000);
    expect(await client.request(Subjects.Ledger.CaseSummary, { caseId }, { actor: officer })).toMatchObject({
      receivedFen: 400_000,
      paidFen: 0,
      feeDueFen,
      feeOutstandingFen: feeDueFen,
      owedFen: 1_000_000 + feeDueFen,
      deadlineDays: 20,
      deadlines: deadlines.items,
    });

    const payout = await requestPayout(caseId, 200_000);
    await confirm(payout.id, '2026-03-07');
    const after = await client.request(Subjects.Ledger.CaseSummary, { caseId }, { actor: officer });
    expect(after).toMatchObject({
      paidFen: 200_000,
      feeOutstandingFen: 0,
      owedFen: 1_000_000 - 200_000,
      heldFen: 400_000 - 200_000 - feeDueFen,
    });
    // the oldest money was paid first: the fee and the payout came out of the transfer
    expect('deadlines' in after ? after.deadlines?.map((d) => [d.deadline, d.unpaidFen]) : []).toEqual([
      ['2026-03-23', 300_000 - 200_000 - feeDueFen],
      ['2026-03-24', 100_000],
    ]);
    clock.set(START);
  });

  it('holds bidder deposits, applies the winner’s, refunds the losers within 24 hours and lists late refunds', async () => {
    clock.set(START);
    const caseId = await newCase(5_000_000);
    const lotId = `lot-${randomUUID()}`;
    const hold = (bidderId: string) =>
      client.request(
        Subjects.Ledger.HoldDeposit,
        {
          idempotencyKey: key('dep'),
          caseId,
          lotId,
          bidderId,
          bidderName: `竞买人${bidderId}`,
          amountFen: 50_000,
        },
        { actor: fundManager },
      );
    const winner = await hold('W');
    const loser1 = await hold('L1');
    await hold('L2');
    expect(await balance(`DEPOSIT:${lotId}:W`)).toBe(50_000);
    const endedAt = new Date(START.getTime() + 2 * DAY);
    clock.set(endedAt);
    const settled = await client.request(
      Subjects.Ledger.SettleLotDeposits,
      { lotId, endedAt: endedAt.toISOString(), winnerBidderId: 'W' },
      { actor: fundManager },
    );
    expect(Object.fromEntries(settled.items.map((d) => [d.bidderId, d.status]))).toEqual({
      W: 'APPLIED',
      L1: 'REFUND_DUE',
      L2: 'REFUND_DUE',
    });
    expect(await balance(`CASE:${caseId}`)).toBe(50_000);
    expect(await outbox(Events.LedgerMoneyReceived, caseId)).toEqual([
      expect.objectContaining({ amountFen: 50_000, source: 'AUCTION' }),
    ]);
    await client.request(Subjects.Ledger.RefundDeposit, { depositId: loser1.id }, { actor: fundManager });
    clock.set(new Date(endedAt.getTime() + DAY + 60_000));
    const late = await client.request(Subjects.Ledger.OverdueRefunds, {}, { actor: officer });
    expect(late.items.filter((d) => d.lotId === lotId).map((d) => [d.bidderId, d.overdue])).toEqual([
      ['L2', true],
    ]);
    expect(winner.status).toBe('HELD');
  });

  it('forfeits a defaulting buyer’s deposit and applies it to costs, shortfall, then the debt (Art 24)', async () => {
    clock.set(START);
    const caseId = await newCase(1_000_000);
    const lotId = `lot-${randomUUID()}`;
    await client.request(
      Subjects.Ledger.HoldDeposit,
      { idempotencyKey: key('dep'), caseId, lotId, bidderId: 'D', bidderName: '悔拍人', amountFen: 200_000 },
      { actor: fundManager },
    );
    await client.request(
      Subjects.Ledger.SettleLotDeposits,
      { lotId, endedAt: START.toISOString(), winnerBidderId: 'D' },
      { actor: fundManager },
    );
    expect(
      await client.request(
        Subjects.Ledger.ForfeitDeposit,
        { lotId, bidderId: 'D', reason: '未按期交付价款' },
        { actor: fundManager },
      ),
    ).toMatchObject({ status: 'FORFEITED' });
    expect(await balance(`FORFEITED:${lotId}`)).toBe(200_000);
    const applied = await client.request(
      Subjects.Ledger.ApplyForfeitedDeposit,
      { lotId, resaleCostsFen: 30_000, originalPriceFen: 2_000_000, resalePriceFen: 1_900_000 },
      { actor: fundManager },
    );
    expect(applied).toMatchObject({
      forfeitedFen: 200_000,
      costsFen: 30_000,
      shortfallFen: 100_000,
      debtFen: 70_000,
      remainingFen: 0,
    });
    expect(await balance(`FORFEITED:${lotId}`)).toBe(0);
    expect(await balance(`CASE:${caseId}`)).toBe(170_000);
  });

  it('imports the bank statement, refuses a bad one naming its lines, and matches line by line', async () => {
    clock.set(START);
    const caseId = await newCase(1_000_000);
    const caseNumber = (
      await service.dataSource.query<{ case_number: string }[]>(
        `SELECT case_number FROM ledger_case WHERE case_id = $1`,
        [caseId],
      )
    )[0]!.case_number;
    const receipt = await receive(caseId, 123_456);
    const bad = await rejection(
      client.request(
        Subjects.Ledger.ImportBankStatement,
        {
          csv: '交易日期,金额,对方户名,摘要/附言,流水号\n2026-03-02,12.345,x,y,S1\n2026-13-01,1.00,x,y,S2\n',
        },
        { actor: fundManager },
      ),
    );
    expect(bad.wire.code).toBe(ErrorCode.ValidationFailed);
    expect(bad.wire.errors?.map((e) => e.field)).toEqual(['line 2 金额', 'line 3 交易日期']);

    const serial = `B-${randomUUID().slice(0, 8)}`;
    const csv = [
      '交易日期,金额,对方户名,摘要/附言,流水号',
      `2026-03-03,"1,234.56",被执行人,"${caseNumber} 还款",${serial}`,
      `2026-03-03,9.99,不明汇款,,${serial}-X`,
    ].join('\r\n');
    const imported = await client.request(
      Subjects.Ledger.ImportBankStatement,
      { fileName: 'stmt.csv', csv },
      { actor: fundManager },
    );
    expect(imported).toMatchObject({ lines: 2, newLines: 2, matched: 1, unmatched: 1 });
    expect(
      await client.request(Subjects.Ledger.ImportBankStatement, { csv }, { actor: fundManager }),
    ).toMatchObject({
      newLines: 0,
      matched: 0,
    });
    const view = await client.request(
      Subjects.Ledger.GetReconciliation,
      { from: '2026-03-01', to: '2026-03-31' },
      { actor: officer },
    );
    expect(view.matched.find((m) => m.line.serial === serial)).toMatchObject({
      entry: { transactionId: receipt.transactionId, amountFen: 123_456 },
      byReference: true,
    });
    expect(view.unmatchedLines.map((l) => l.serial)).toContain(`${serial}-X`);
    expect(view.unmatchedEntries.map((e) => e.transactionId)).not.toContain(receipt.transactionId);
  });

  it('gives 执行标的到位率 per case and per court', async () => {
    clock.set(START);
    const caseId = await newCase(400_000);
    await receive(caseId, 100_000);
    await bus.publish(
      testEvent(
        Events.CaseClosed,
        {
          caseId,
          caseNumber: 'x',
          closureType: ClosureType.Terminated,
          closedOn: '2026-03-02',
          releaseControls: false,
          recoveredFen: 100_000,
        },
        { courtCode: COURT },
      ),
    );
    await eventually(
      () =>
        service.dataSource.query<unknown[]>(
          `SELECT 1 FROM ledger_case WHERE case_id = $1 AND closed_on IS NOT NULL`,
          [caseId],
        ),
      (rows) => rows.length === 1,
      'the case to be closed in the ledger',
    );
    const recovery = await client.request(Subjects.Ledger.GetRecovery, { caseId }, { actor: officer });
    expect(recovery.case).toMatchObject({
      claimFen: 400_000,
      receivedFen: 100_000,
      ratePermille: 250,
      closed: true,
    });
    expect(recovery.court.closedCases).toBeGreaterThanOrEqual(1);
  });
});

import { randomUUID } from 'node:crypto';
import {
  CaseType,
  ErrorCode,
  Events,
  PartyKind,
  Subjects,
  type EventEnvelope,
  type EventType,
  type LedgerMoneyReversedV1,
} from '@writ/contracts';
import {
  eventually,
  FixedClock,
  rejection,
  testEvent,
  TestNamespace,
  type BusClient,
  type NatsBus,
  type RunningService,
} from '@writ/platform';
import { startFundLedger } from '../src/app.js';
import { COURT, fundManager, key } from './ledger-fixtures.js';

/** 10:00 on 2 March 2026, Beijing time */
const START = new Date('2026-03-02T02:00:00Z');

describe('冲正 of money a case received tells the other stages: ledger.money.reversed, once', () => {
  const here = new TestNamespace('t-flr');
  const clock = new FixedClock(START);
  let service: RunningService;
  let client: BusClient;
  let bus: NatsBus;

  let n = 0;
  async function newCase(claimAmountFen = 10_000_000): Promise<string> {
    n++;
    const event = testEvent(
      Events.CaseRegistered,
      {
        caseId: randomUUID(),
        caseNumber: `（2026）${COURT}执${600 + n}号`,
        caseType: CaseType.Execution,
        courtCode: COURT,
        claimAmountFen,
        filingDate: '2026-03-02',
        respondents: [
          { kind: PartyKind.NaturalPerson, name: `被执行人${n}`, idNumber: '11010519491231002X' },
        ],
        applicants: [{ kind: PartyKind.Organisation, name: '申请人', idNumber: 'C-1' }],
      },
      { courtCode: COURT },
    );
    await bus.publish(event);
    await eventually(
      () =>
        service.dataSource.query<{ n: number }[]>(
          `SELECT jsonb_array_length(applicants) AS n FROM ledger_case WHERE case_id = $1`,
          [event.data.caseId],
        ),
      (rows) => rows.length === 1 && rows[0]!.n === 1,
      'the ledger to learn the case',
    );
    return event.data.caseId;
  }
  const receive = (caseId: string, amountFen: number) =>
    client.request(
      Subjects.Ledger.RecordReceipt,
      { idempotencyKey: key('rcpt'), caseId, amountFen, source: 'BANK_TRANSFER', receivedOn: '2026-03-02' },
      { actor: fundManager },
    );
  const reverse = (transactionId: string, idempotencyKey = key('rev'), reason = '录错案件') =>
    client.request(
      Subjects.Ledger.ReverseTransaction,
      { idempotencyKey, transactionId, reason },
      { actor: fundManager },
    );
  const outbox = async <T extends EventType>(type: T, caseId: string) =>
    (
      await service.dataSource.query<{ envelope: EventEnvelope<Record<string, unknown>> }[]>(
        `SELECT envelope FROM outbox WHERE type = $1 AND envelope->'data'->>'caseId' = $2 ORDER BY seq`,
        [type, caseId],
      )
    ).map((r) => r.envelope);
  const receivedFen = async (caseId: string) =>
    Number(
      (
        await service.dataSource.query<{ r: string }[]>(
          `SELECT received_fen::text AS r FROM ledger_case WHERE case_id = $1`,
          [caseId],
        )
      )[0]!.r,
    );
  const transactions = async () =>
    Number(
      (await service.dataSource.query<{ n: string }[]>('SELECT count(*) AS n FROM journal_transaction'))[0]!
        .n,
    );

  beforeAll(async () => {
    service = await here.start(
      startFundLedger,
      'fund-ledger',
      { SEALER_INTERVAL_MS: '0', PAYOUT_ALERT_SCAN_MS: '0' },
      { clock },
    );
    ({ client, bus } = await here.connect());
  });

  afterAll(() => here.tearDown());

  it('lowers the case’s total received and says so once, however often the reversal is retried', async () => {
    const caseId = await newCase();
    const wrong = await receive(caseId, 7_000);
    await receive(caseId, 1_000);
    expect(await receivedFen(caseId)).toBe(8_000);

    const idempotencyKey = key('rev');
    const reversal = await reverse(wrong.transactionId, idempotencyKey);
    expect(await receivedFen(caseId)).toBe(1_000);
    const said = await outbox(Events.LedgerMoneyReversed, caseId);
    expect(said).toHaveLength(1);
    expect(said[0]).toMatchObject({ version: 1, courtCode: COURT, actor: { id: fundManager.id } });
    expect(said[0]!.data).toEqual({
      caseId,
      receiptId: wrong.transactionId,
      reversalId: reversal.id,
      amountFen: 7_000,
      totalReceivedFen: 1_000,
      reversedOn: '2026-03-02',
      reason: '录错案件',
    } satisfies LedgerMoneyReversedV1);

    // the same reversal again: the first answer, nothing new said, nothing taken twice
    expect((await reverse(wrong.transactionId, idempotencyKey)).id).toBe(reversal.id);
    // another key: refused, as before
    expect((await rejection(reverse(wrong.transactionId))).wire).toMatchObject({ rule: 'REVERSED_ONCE' });
    expect(await outbox(Events.LedgerMoneyReversed, caseId)).toHaveLength(1);
    expect(await receivedFen(caseId)).toBe(1_000);
    const summary = await client.request(Subjects.Ledger.CaseSummary, { caseId }, { actor: fundManager });
    expect(summary).toMatchObject({ receivedFen: 1_000, heldFen: 1_000 });
  });

  it('says it for a suspense match and for the winner’s deposit applied to the price, not for money of no case', async () => {
    const caseId = await newCase();
    const unmatched = await client.request(
      Subjects.Ledger.RecordReceipt,
      { idempotencyKey: key('sus'), amountFen: 4_000, source: 'BANK_TRANSFER', receivedOn: '2026-03-02' },
      { actor: fundManager },
    );
    // the suspense receipt is of no case: its reversal changes no case's total
    const matched = await client.request(
      Subjects.Ledger.MatchSuspense,
      {
        idempotencyKey: key('match'),
        caseId,
        amountFen: 3_000,
        suspenseTransactionId: unmatched.transactionId,
      },
      { actor: fundManager },
    );
    await reverse(matched.transactionId);
    expect((await outbox(Events.LedgerMoneyReversed, caseId)).map((e) => e.data)).toEqual([
      expect.objectContaining({ receiptId: matched.transactionId, amountFen: 3_000, totalReceivedFen: 0 }),
    ]);

    const lotId = randomUUID();
    await client.request(
      Subjects.Ledger.HoldDeposit,
      { idempotencyKey: key('dep'), caseId, lotId, bidderId: 'W', bidderName: '竞买人W', amountFen: 50_000 },
      { actor: fundManager },
    );
    await client.request(
      Subjects.Ledger.SettleLotDeposits,
      { lotId, endedAt: START.toISOString(), winnerBidderId: 'W' },
      { actor: fundManager },
    );
    expect(await receivedFen(caseId)).toBe(50_000);
    const applied = (await outbox(Events.LedgerMoneyReceived, caseId)).find(
      (e) => e.data['source'] === 'AUCTION',
    )!;
    await reverse(applied.data['receiptId'] as string, key('rev'), '竞买人并未成交');
    expect(await receivedFen(caseId)).toBe(0);
    expect((await outbox(Events.LedgerMoneyReversed, caseId)).map((e) => e.data)).toEqual([
      expect.objectContaining({ amountFen: 3_000 }),
      expect.objectContaining({
        receiptId: applied.data['receiptId'],
        amountFen: 50_000,
        totalReceivedFen: 0,
      }),
    ]);

    // what remains in suspense was never a case's: its reversal says nothing about any case
    const before = (
      await service.dataSource.query<unknown[]>(`SELECT 1 FROM outbox WHERE type = $1`, [
        Events.LedgerMoneyReversed,
      ])
    ).length;
    const another = await client.request(
      Subjects.Ledger.RecordReceipt,
      { idempotencyKey: key('sus'), amountFen: 900, source: 'BANK_TRANSFER', receivedOn: '2026-03-02' },
      { actor: fundManager },
    );
    await reverse(another.transactionId);
    expect(
      (
        await service.dataSource.query<unknown[]>(`SELECT 1 FROM outbox WHERE type = $1`, [
          Events.LedgerMoneyReversed,
        ])
      ).length,
    ).toBe(before);
  });

  it('refuses to reverse a receipt whose money was paid out (422 RECEIPT_ALREADY_PAID_OUT), and nothing changes', async () => {
    const caseId = await newCase();
    const first = await receive(caseId, 300_000);
    // below the second-approval threshold: approved at once, the fee settled first, the creditor's share set aside
    await client.request(
      Subjects.Ledger.RequestPayout,
      { idempotencyKey: key('pay'), caseId, creditorId: 'C-1', creditorName: '申请人', amountFen: 100_000 },
      { actor: fundManager },
    );
    const before = await transactions();
    const refused = await rejection(reverse(first.transactionId));
    expect(refused.wire).toMatchObject({
      code: ErrorCode.RuleViolated,
      rule: 'RECEIPT_ALREADY_PAID_OUT',
      errors: [expect.objectContaining({ field: 'transactionId', rule: 'RECEIPT_ALREADY_PAID_OUT' })],
    });
    expect(refused.wire.message).toContain(first.transactionId);
    expect(await transactions()).toBe(before);
    expect(await receivedFen(caseId)).toBe(300_000);
    expect(await outbox(Events.LedgerMoneyReversed, caseId)).toEqual([]);

    // a receipt whose money is all still held is reversed
    const second = await receive(caseId, 5_000);
    await reverse(second.transactionId);
    expect((await outbox(Events.LedgerMoneyReversed, caseId)).map((e) => e.data)).toEqual([
      expect.objectContaining({
        receiptId: second.transactionId,
        amountFen: 5_000,
        totalReceivedFen: 300_000,
      }),
    ]);
  });
});

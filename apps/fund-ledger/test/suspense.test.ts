import { randomUUID } from 'node:crypto';
import { ErrorCode, Role, Subjects, type MatchSuspenseCommand } from '@writ/contracts';
import {
  eventually,
  FixedClock,
  rejection,
  testActor,
  TestNamespace,
  type BusClient,
  type NatsBus,
  type RunningService,
} from '@writ/platform';
import { startFundLedger } from '../src/app.js';
import { books, caseRegistered, CLEAN_BOOKS, key } from './ledger-fixtures.js';

/** 10:00 on 2 March 2026, Beijing time */
const START = new Date('2026-03-02T02:00:00Z');

let courts = 0;
/** A court of its own for each test: the suspense account and its list are per court. */
function court() {
  courts++;
  const courtCode = `辽9${String(courts).padStart(3, '0')}`;
  return {
    courtCode,
    manager: testActor({ id: `fund-${courtCode}`, username: 'fund1', roles: [Role.FundManager], courtCode }),
  };
}

describe('待认领款: the court’s unmatched money, what is left of each receipt, and 认领 naming its receipt', () => {
  const here = new TestNamespace('t-fls');
  const clock = new FixedClock(START);
  let service: RunningService;
  let client: BusClient;
  let bus: NatsBus;

  type Court = ReturnType<typeof court>;
  const unmatched = (c: Court, amountFen: number, receivedOn = '2026-03-02', memo?: string) =>
    client.request(
      Subjects.Ledger.RecordReceipt,
      {
        idempotencyKey: key('s'),
        amountFen,
        source: 'BANK_TRANSFER',
        receivedOn,
        ...(memo ? { memo } : {}),
      },
      { actor: c.manager },
    );
  const match = (
    c: Court,
    body: Omit<MatchSuspenseCommand, 'idempotencyKey'> & { idempotencyKey?: string },
  ) =>
    client.request(
      Subjects.Ledger.MatchSuspense,
      { idempotencyKey: key('m'), ...body },
      { actor: c.manager },
    );
  const list = (c: Court, actor = c.manager) => client.request(Subjects.Ledger.ListSuspense, {}, { actor });
  const remainders = async (c: Court) =>
    Object.fromEntries((await list(c)).items.map((i) => [i.transactionId, i.remainingFen]));
  const suspenseHeld = async (c: Court) =>
    (
      await client.request(
        Subjects.Ledger.AccountBalance,
        { code: `SUSPENSE:${c.courtCode}` },
        { actor: c.manager },
      )
    ).balanceFen;
  const transactionCount = async () =>
    Number(
      (await service.dataSource.query<{ n: string }[]>('SELECT count(*) AS n FROM journal_transaction'))[0]!
        .n,
    );
  async function newCase(c: Court): Promise<{ caseId: string; caseNumber: string }> {
    const registered = caseRegistered(c.courtCode);
    await bus.publish(registered);
    await eventually(
      () =>
        service.dataSource.query('SELECT 1 FROM ledger_case WHERE case_id = $1', [registered.data.caseId]),
      (rows) => rows.length === 1,
      'the ledger to learn the case',
    );
    return { caseId: registered.data.caseId, caseNumber: registered.data.caseNumber };
  }

  beforeAll(async () => {
    service = await here.start(startFundLedger, 'fund-ledger', { SEALER_INTERVAL_MS: '0' }, { clock });
    ({ client, bus } = await here.connect());
  });

  afterAll(async () => {
    await here.tearDown();
  });

  it('lists each unmatched receipt with what is left, oldest first, adding up to what suspense holds', async () => {
    const c = court();
    const { caseId } = await newCase(c);
    const first = await unmatched(c, 30_000, '2026-02-27', '张三转账，未注明案号');
    const second = await unmatched(c, 50_000, '2026-03-01');
    const view = await list(c);
    expect(view).toEqual({
      items: [
        {
          transactionId: first.transactionId,
          seq: first.seq,
          receivedOn: '2026-02-27',
          amountFen: 30_000,
          matchedFen: 0,
          remainingFen: 30_000,
          memo: '张三转账，未注明案号',
          postedAt: START.toISOString(),
          postedBy: 'fund1',
        },
        expect.objectContaining({ transactionId: second.transactionId, receivedOn: '2026-03-01' }),
      ],
      totalRemainingFen: 80_000,
    });

    // 认领 of part of the newer receipt counts against it, not against the older one
    const matched = await match(c, {
      caseId,
      amountFen: 20_000,
      suspenseTransactionId: second.transactionId,
    });
    expect(matched).toMatchObject({ caseId, amountFen: 20_000, replayed: false, totalReceivedFen: 20_000 });
    expect(await remainders(c)).toEqual({ [first.transactionId]: 30_000, [second.transactionId]: 30_000 });
    expect((await list(c)).items[1]).toMatchObject({ matchedFen: 20_000, remainingFen: 30_000 });

    // a match naming no receipt is counted against the oldest first
    await match(c, { caseId, amountFen: 10_000 });
    expect(await remainders(c)).toEqual({ [first.transactionId]: 20_000, [second.transactionId]: 30_000 });
    expect((await list(c)).totalRemainingFen).toBe(await suspenseHeld(c));

    // matched in full, a receipt leaves the list; the case has all that was matched to it
    await match(c, { caseId, amountFen: 30_000, suspenseTransactionId: second.transactionId });
    expect(await remainders(c)).toEqual({ [first.transactionId]: 20_000 });
    expect((await list(c)).totalRemainingFen).toBe(20_000);
    expect(await suspenseHeld(c)).toBe(20_000);
    expect(await client.request(Subjects.Ledger.CaseSummary, { caseId }, { actor: c.manager })).toMatchObject(
      { receivedFen: 60_000, heldFen: 60_000 },
    );
    expect(await books(service.dataSource)).toEqual(CLEAN_BOOKS);
  });

  it('refuses a match taking more than its receipt has left (422 naming amountFen), posting nothing', async () => {
    const c = court();
    const { caseId } = await newCase(c);
    const small = await unmatched(c, 10_000);
    await unmatched(c, 90_000);
    await match(c, { caseId, amountFen: 6_000, suspenseTransactionId: small.transactionId });
    const before = await transactionCount();
    // suspense as a whole holds 94,000: enough, but not in this receipt
    const refused = await rejection(
      match(c, { caseId, amountFen: 4_001, suspenseTransactionId: small.transactionId }),
    );
    expect(refused.wire).toMatchObject({ code: ErrorCode.RuleViolated, rule: 'SUSPENSE_RECEIPT_EXCEEDED' });
    expect(refused.wire.errors?.map((e) => e.field)).toEqual(['amountFen']);
    expect(refused.wire.message).toContain('4000 fen left');
    expect(await transactionCount()).toBe(before);
    expect(await remainders(c)).toMatchObject({ [small.transactionId]: 4_000 });
  });

  it('answers a retried match with the first result, though its receipt has less left now', async () => {
    const c = court();
    const { caseId } = await newCase(c);
    const receipt = await unmatched(c, 40_000);
    const idempotencyKey = key('m');
    const body = { idempotencyKey, caseId, amountFen: 40_000, suspenseTransactionId: receipt.transactionId };
    const first = await match(c, body);
    expect(await remainders(c)).toEqual({});
    const again = await match(c, body);
    expect(again).toMatchObject({ replayed: true, transactionId: first.transactionId });
    // the same key naming another receipt is other content: refused, and the first claim stands
    const other = await unmatched(c, 40_000);
    const reused = await rejection(match(c, { ...body, suspenseTransactionId: other.transactionId }));
    expect(reused.wire).toMatchObject({
      code: ErrorCode.IdempotencyConflict,
      rule: 'IDEMPOTENCY_KEY_REUSED',
    });
    expect(await remainders(c)).toEqual({ [other.transactionId]: 40_000 });
  });

  it('names the receipt field when the receipt is not the court’s, is unknown, or was reversed (404)', async () => {
    const c = court();
    const elsewhere = court();
    const { caseId } = await newCase(c);
    const theirs = await unmatched(elsewhere, 5_000);
    const reversed = await unmatched(c, 5_000);
    await client.request(
      Subjects.Ledger.ReverseTransaction,
      { idempotencyKey: key('v'), transactionId: reversed.transactionId, reason: '重复登记' },
      { actor: c.manager },
    );
    await unmatched(c, 50_000);
    for (const suspenseTransactionId of [theirs.transactionId, randomUUID(), reversed.transactionId]) {
      const refused = await rejection(match(c, { caseId, amountFen: 1_000, suspenseTransactionId }));
      expect(refused.wire.code).toBe(ErrorCode.NotFound);
      expect(refused.wire.errors?.map((e) => [e.field, e.rule])).toEqual([
        ['suspenseTransactionId', 'suspenseReceiptOfCourt'],
      ]);
    }
    // the reversed receipt is not listed; the other court's list shows only its own
    expect(Object.keys(await remainders(c))).toHaveLength(1);
    expect(await remainders(elsewhere)).toEqual({ [theirs.transactionId]: 5_000 });
  });

  it('puts a reversed match’s money back on its receipt', async () => {
    const c = court();
    const { caseId } = await newCase(c);
    const older = await unmatched(c, 10_000);
    const receipt = await unmatched(c, 25_000);
    const matched = await match(c, {
      caseId,
      amountFen: 25_000,
      suspenseTransactionId: receipt.transactionId,
    });
    expect(await remainders(c)).toEqual({ [older.transactionId]: 10_000 });
    await client.request(
      Subjects.Ledger.ReverseTransaction,
      { idempotencyKey: key('v'), transactionId: matched.transactionId, reason: '认领错案件' },
      { actor: c.manager },
    );
    expect(await remainders(c)).toEqual({ [older.transactionId]: 10_000, [receipt.transactionId]: 25_000 });
  });

  it('shows the list to the fund office only', async () => {
    const c = court();
    const officer = testActor({ courtCode: c.courtCode, roles: [Role.Officer] });
    const director = testActor({ courtCode: c.courtCode, roles: [Role.Director] });
    await unmatched(c, 1_000);
    expect((await rejection(list(c, officer))).wire).toMatchObject({
      code: ErrorCode.Forbidden,
      rule: 'FUND_MANAGER_ONLY',
    });
    expect((await list(c, director)).items).toHaveLength(1);
  });

  it('finds the court’s cases by part of their number, written with either kind of bracket', async () => {
    const c = court();
    const elsewhere = court();
    const mine = await newCase(c);
    await newCase(elsewhere);
    const search = (q: string, actor = c.manager) =>
      client.request(Subjects.Ledger.SearchCases, { q, limit: 20 }, { actor });
    const sequence = /执(\d+)号/.exec(mine.caseNumber)![1]!;
    expect((await search(`执${sequence}号`)).items).toEqual([
      { caseId: mine.caseId, caseNumber: mine.caseNumber, claimFen: 1_000_000, receivedFen: 0 },
    ]);
    expect((await search(`(2026)${c.courtCode}执`)).items.map((i) => i.caseId)).toEqual([mine.caseId]);
    // another court's cases are never found
    expect((await search(elsewhere.courtCode)).items).toEqual([]);
    const invalid = await rejection(search(''));
    expect(invalid.wire.code).toBe(ErrorCode.ValidationFailed);
    expect(invalid.wire.errors?.map((e) => e.field)).toEqual(['q']);
  });
});

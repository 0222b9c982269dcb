import { randomUUID } from 'node:crypto';
import {
  ErrorCode,
  Events,
  Role,
  Subjects,
  type ReceiptView,
  type RecordReceiptCommand,
} from '@writ/contracts';
import {
  eventually,
  testActor,
  FixedClock,
  rejection,
  testEvent,
  TestNamespace,
  UnitOfWork,
  type BusClient,
  type NatsBus,
  type RunningService,
} from '@writ/platform';
import { startFundLedger } from '../src/app.js';
import { Accounts, Journal } from '../src/application/journal.js';
import { TransactionKind } from '../src/domain/journal.js';
import {
  books,
  caseRegistered,
  CLEAN_BOOKS,
  COURT,
  fundManager,
  key,
  officer,
  otherCourtFundManager,
} from './ledger-fixtures.js';

/** 10:00 on 2 March 2026, Beijing time */
const START = new Date('2026-03-02T02:00:00Z');

describe('the fund ledger’s journal: receipts, keys, guards, balances in time, reversal, tamper evidence', () => {
  const here = new TestNamespace('t-fl');
  const clock = new FixedClock(START);
  let service: RunningService;
  let client: BusClient;
  let bus: NatsBus;

  const record = (body: Partial<RecordReceiptCommand>, actor = fundManager) =>
    client.request(
      Subjects.Ledger.RecordReceipt,
      {
        idempotencyKey: key(),
        amountFen: 10_000,
        source: 'VOLUNTARY',
        receivedOn: '2026-03-02',
        ...body,
      },
      { actor },
    );
  const balance = (code: string, asOf?: Date) =>
    client.request(
      Subjects.Ledger.AccountBalance,
      { code, ...(asOf ? { asOf: asOf.toISOString() } : {}) },
      { actor: fundManager },
    );
  const transactionCount = async () =>
    Number(
      (await service.dataSource.query<{ n: string }[]>('SELECT count(*) AS n FROM journal_transaction'))[0]!
        .n,
    );
  const receivedEvents = async (caseId: string) =>
    service.dataSource.query<{ envelope: { data: { amountFen: number; totalReceivedFen: number } } }[]>(
      `SELECT envelope FROM outbox WHERE type = $1 AND envelope->'data'->>'caseId' = $2 ORDER BY seq`,
      [Events.LedgerMoneyReceived, caseId],
    );
  async function newCase(courtCode = COURT): Promise<string> {
    const registered = caseRegistered(courtCode);
    await bus.publish(registered);
    await eventually(
      () =>
        service.dataSource.query('SELECT 1 FROM ledger_case WHERE case_id = $1', [registered.data.caseId]),
      (rows) => rows.length === 1,
      'the ledger to learn the case',
    );
    return registered.data.caseId;
  }

  beforeAll(async () => {
    service = await here.start(startFundLedger, 'fund-ledger', { SEALER_INTERVAL_MS: '0' }, { clock });
    ({ client, bus } = await here.connect());
  });

  afterAll(async () => {
    await here.tearDown();
  });

  it('books a deduction (扣划) as the case’s receipt once, however often it is told', async () => {
    const caseId = await newCase();
    const deducted = testEvent(
      Events.AssetDeducted,
      { caseId, controlId: randomUUID(), amountFen: 123_456, deductedOn: '2026-03-02' },
      { courtCode: COURT },
    );
    await bus.publish(deducted);
    await bus.publish({ ...deducted }); // the broker drops the same id; a consumer's redelivery is the inbox's
    await bus.publish({ ...deducted, id: randomUUID() }); // told again under a new event id
    await eventually(
      () => service.dataSource.query<unknown[]>(`SELECT 1 FROM inbox WHERE event_type = 'asset.deducted'`),
      (rows) => rows.length >= 2,
      'both deliveries to be handled',
    );
    expect(await balance(`CASE:${caseId}`)).toMatchObject({ balanceFen: 123_456, kind: 'CASE' });
    const events = await receivedEvents(caseId);
    expect(events.map((e) => e.envelope.data)).toEqual([
      expect.objectContaining({ amountFen: 123_456, totalReceivedFen: 123_456, source: 'DEDUCTION' }),
    ]);
  });

  it('books an auction buyer’s payment (拍卖款) as the case’s receipt once per payment', async () => {
    const caseId = await newCase();
    const lotId = randomUUID();
    const paid = (paymentId: string, amountFen: number) =>
      testEvent(
        Events.AuctionProceedsPaid,
        { caseId, lotId, paymentId, amountFen, paidOn: '2026-03-02' },
        { courtCode: COURT },
      );
    const first = paid('settle-1', 800_000);
    await bus.publish(first);
    await bus.publish({ ...first, id: randomUUID() }); // the same payment told again
    await bus.publish(paid('settle-2', 200_000)); // the rest of the price, paid later
    await eventually(
      () => receivedEvents(caseId),
      (events) => events.length === 2,
      'both payments to be booked',
    );
    await eventually(
      () =>
        service.dataSource.query<unknown[]>(
          `SELECT 1 FROM inbox WHERE event_type = 'auction.proceeds.paid' AND event_id = $1`,
          [first.id],
        ),
      (rows) => rows.length === 1,
      'the first delivery to be handled',
    );
    expect(await balance(`CASE:${caseId}`)).toMatchObject({ balanceFen: 1_000_000 });
    const events = (await receivedEvents(caseId)).map((e) => e.envelope.data);
    expect(events).toEqual([
      expect.objectContaining({ amountFen: 800_000, totalReceivedFen: 800_000, source: 'AUCTION' }),
      expect.objectContaining({ amountFen: 200_000, totalReceivedFen: 1_000_000, source: 'AUCTION' }),
    ]);
  });

  it('answers a retried receipt with the first result, and refuses the same key with other content (409)', async () => {
    const caseId = await newCase();
    const idempotencyKey = key('bank-serial');
    const first = await record({ idempotencyKey, caseId, amountFen: 50_000 });
    expect(first).toMatchObject({ replayed: false, totalReceivedFen: 50_000, suspense: false });
    const again = await record({ idempotencyKey, caseId, amountFen: 50_000 });
    expect(again).toMatchObject({ replayed: true, transactionId: first.transactionId, seq: first.seq });
    const before = await transactionCount();
    const refused = await rejection(record({ idempotencyKey, caseId, amountFen: 50_001 }));
    expect(refused.wire).toMatchObject({
      code: ErrorCode.IdempotencyConflict,
      rule: 'IDEMPOTENCY_KEY_REUSED',
    });
    expect(refused.wire.errors?.[0]?.field).toBe('idempotencyKey');
    expect(await transactionCount()).toBe(before);
    expect(await balance(`CASE:${caseId}`)).toMatchObject({ balanceFen: 50_000 });
    expect(await receivedEvents(caseId)).toHaveLength(1);
  });

  it('answers receipts that arrive together (one batch, one statement) each as if it came alone', async () => {
    const [a, b] = [await newCase(), await newCase()];
    const shared = key('shared');
    const before = await transactionCount();
    const settled = await Promise.allSettled([
      record({ idempotencyKey: shared, caseId: a, amountFen: 100 }),
      record({ caseId: a, amountFen: 200 }),
      record({ idempotencyKey: shared, caseId: a, amountFen: 100 }),
      record({ caseId: b, amountFen: 300, receivedOn: '2026-03-01' }),
      record({ caseId: b, amountFen: 400 }, otherCourtFundManager),
      record({ caseId: b, amountFen: 500 }),
      record({ amountFen: 600, source: 'BANK_TRANSFER' }),
    ]);
    const [first, second, retry, early, otherCourt, fifth, unmatched] = settled;
    expect(unmatched).toMatchObject({
      status: 'fulfilled',
      value: { suspense: true, amountFen: 600, replayed: false },
    });
    expect(first).toMatchObject({ status: 'fulfilled' });
    expect(second).toMatchObject({ status: 'fulfilled' });
    expect(fifth).toMatchObject({ status: 'fulfilled', value: { totalReceivedFen: 500, replayed: false } });
    // the shared key posted once; the other call is its replay, whichever came first
    const sharedReplies = [first, retry].map((r) => (r as PromiseFulfilledResult<ReceiptView>).value);
    expect(new Set(sharedReplies.map((r) => r.transactionId)).size).toBe(1);
    expect(sharedReplies.map((r) => r.replayed).sort()).toEqual([false, true]);
    expect(early).toMatchObject({
      status: 'rejected',
      reason: { wire: { code: ErrorCode.RuleViolated, rule: 'NOT_BEFORE_FILING' } },
    });
    expect(otherCourt).toMatchObject({ status: 'rejected', reason: { wire: { code: ErrorCode.NotFound } } });
    expect(await transactionCount()).toBe(before + 4);
    // case a's receipts carry its running total, each amount counted once
    const totals = (await receivedEvents(a)).map((e) => [
      e.envelope.data.amountFen,
      e.envelope.data.totalReceivedFen,
    ]);
    expect(totals.sort((x, y) => x[1]! - y[1]!)).toEqual(
      totals[0]![0] === 100
        ? [
            [100, 100],
            [200, 300],
          ]
        : [
            [200, 200],
            [100, 300],
          ],
    );
    expect(await balance(`CASE:${a}`)).toMatchObject({ balanceFen: 300 });
    expect(await balance(`CASE:${b}`)).toMatchObject({ balanceFen: 500 });
    expect(await books(service.dataSource)).toEqual(CLEAN_BOOKS);
  });

  it('checks the command: fields named, fund manager only, another court’s case unseen', async () => {
    const caseId = await newCase();
    const invalid = await rejection(record({ caseId, amountFen: 12.5, receivedOn: '2026-13-01' }));
    expect(invalid.wire.code).toBe(ErrorCode.ValidationFailed);
    expect(invalid.wire.errors?.map((e) => e.field).sort()).toEqual(['amountFen', 'receivedOn']);
    expect((await rejection(record({ caseId }, officer))).wire).toMatchObject({
      code: ErrorCode.Forbidden,
      rule: 'FUND_MANAGER_ONLY',
    });
    expect((await rejection(record({ caseId }, otherCourtFundManager))).wire.code).toBe(ErrorCode.NotFound);
    expect((await rejection(balance(`CASE:${caseId}-x`))).wire.code).toBe(ErrorCode.NotFound);
  });

  it('checks the day the money arrived: not after today, not before the case was filed (422 naming receivedOn)', async () => {
    const caseId = await newCase(); // filed 2026-03-02, today is 2026-03-02 in Shanghai
    const before = await transactionCount();
    const future = await rejection(record({ caseId, receivedOn: '2026-03-03' }));
    expect(future.wire).toMatchObject({ code: ErrorCode.RuleViolated, rule: 'NOT_IN_FUTURE' });
    expect(future.wire.errors?.map((e) => e.field)).toEqual(['receivedOn']);
    const unmatchedFuture = await rejection(record({ receivedOn: '2026-04-01' }));
    expect(unmatchedFuture.wire).toMatchObject({ code: ErrorCode.RuleViolated, rule: 'NOT_IN_FUTURE' });
    const early = await rejection(record({ caseId, receivedOn: '2026-03-01' }));
    expect(early.wire).toMatchObject({ code: ErrorCode.RuleViolated, rule: 'NOT_BEFORE_FILING' });
    expect(early.wire.errors?.map((e) => e.field)).toEqual(['receivedOn']);
    expect(early.wire.message).toContain('2026-03-02');
    expect(await transactionCount()).toBe(before);
    expect(await balance(`CASE:${caseId}`).catch(() => ({ balanceFen: 0 }))).toMatchObject({ balanceFen: 0 });

    // a day later: the arrival day is kept with the receipt, not the posting day
    clock.set(new Date('2026-03-05T02:00:00Z'));
    const late = await record({ caseId, receivedOn: '2026-03-03' });
    const unmatched = await record({ receivedOn: '2026-03-04' });
    clock.set(START);
    const stored = await service.dataSource.query<{ id: string; day: string }[]>(
      `SELECT id, to_char(value_date, 'YYYY-MM-DD') AS day FROM journal_transaction WHERE id = ANY($1::uuid[])`,
      [[late.transactionId, unmatched.transactionId]],
    );
    expect(Object.fromEntries(stored.map((r) => [r.id, r.day]))).toEqual({
      [late.transactionId]: '2026-03-03',
      [unmatched.transactionId]: '2026-03-04',
    });
    // the stored day is the journal's: it cannot be changed afterwards
    await expect(
      service.dataSource.query(`UPDATE journal_transaction SET value_date = '2026-03-04' WHERE id = $1`, [
        late.transactionId,
      ]),
    ).rejects.toThrow(/immutable/);
  });

  it('shows a party named in the case its three sums, and nobody else’s (404 as for a missing case)', async () => {
    const caseId = await newCase(); // respondent 11010519491231002X
    await record({ caseId, amountFen: 25_000 });
    const party = (partyIdNumber: string | undefined, courtCode = COURT) =>
      testActor({
        id: 'user-party-1',
        username: 'party1',
        roles: [Role.Party],
        courtCode,
        ...(partyIdNumber ? { partyIdNumber } : {}),
      });
    const summary = (actor = party('11010519491231002X'), id = caseId) =>
      client.request(Subjects.Ledger.CaseSummary, { caseId: id }, { actor });
    expect(await summary()).toEqual({
      caseId,
      caseNumber: expect.stringContaining('执'),
      receivedFen: 25_000,
      paidFen: 0,
      heldFen: 25_000,
    });
    for (const refused of [
      summary(party('110105199001010011')),
      summary(party(undefined)),
      summary(party('11010519491231002X', '辽1103')),
      summary(party('11010519491231002X'), randomUUID()),
    ]) {
      expect((await rejection(refused)).wire.code).toBe(ErrorCode.NotFound);
    }
    // a case the ledger knows only from a deduction names no parties: a party sees nothing of it
    const deductedOnly = randomUUID();
    await bus.publish(
      testEvent(
        Events.AssetDeducted,
        { caseId: deductedOnly, controlId: randomUUID(), amountFen: 100, deductedOn: '2026-03-02' },
        { courtCode: COURT },
      ),
    );
    await eventually(
      () => service.dataSource.query('SELECT 1 FROM ledger_case WHERE case_id = $1', [deductedOnly]),
      (rows) => rows.length === 1,
      'the ledger to learn the deducted case',
    );
    expect((await rejection(summary(undefined, deductedOnly))).wire.code).toBe(ErrorCode.NotFound);
    // the staff still see the whole panel
    expect(
      await client.request(Subjects.Ledger.CaseSummary, { caseId }, { actor: fundManager }),
    ).toMatchObject({ caseId, receivedFen: 25_000, accounts: expect.any(Array) });
  });

  it('holds unmatched money in suspense and matches it to a case; never more than suspense holds (422)', async () => {
    const caseId = await newCase();
    const suspense = `SUSPENSE:${COURT}`;
    const held = (await balance(suspense).catch(() => ({ balanceFen: 0 }))).balanceFen;
    const unmatched = await record({ amountFen: 30_000, source: 'BANK_TRANSFER', payer: '李四' });
    expect(unmatched).toMatchObject({ suspense: true, replayed: false });
    expect(unmatched.caseId).toBeUndefined();
    expect(await balance(suspense)).toMatchObject({ balanceFen: held + 30_000 });

    const before = await transactionCount();
    const tooMuch = await rejection(
      client.request(
        Subjects.Ledger.MatchSuspense,
        { idempotencyKey: key(), caseId, amountFen: held + 30_001 },
        { actor: fundManager },
      ),
    );
    expect(tooMuch.wire).toMatchObject({ code: ErrorCode.RuleViolated, rule: 'INSUFFICIENT_BALANCE' });
    expect(tooMuch.wire.message).toContain(suspense);
    expect(await transactionCount()).toBe(before);
    expect(await balance(suspense)).toMatchObject({ balanceFen: held + 30_000 });

    const matched = await client.request(
      Subjects.Ledger.MatchSuspense,
      { idempotencyKey: key(), caseId, amountFen: 30_000, suspenseTransactionId: unmatched.transactionId },
      { actor: fundManager },
    );
    expect(matched).toMatchObject({ caseId, totalReceivedFen: 30_000, replayed: false });
    expect(await balance(suspense)).toMatchObject({ balanceFen: held });
    expect(await balance(`CASE:${caseId}`)).toMatchObject({ balanceFen: 30_000 });
    expect((await receivedEvents(caseId)).map((e) => e.envelope.data.totalReceivedFen)).toEqual([30_000]);
  });

  it('refuses a posting that would take a case account below zero (422), and nothing changes', async () => {
    const caseId = await newCase();
    await record({ caseId, amountFen: 10_000 });
    const journal = service.app.get(Journal);
    const unitOfWork = service.app.get(UnitOfWork);
    const before = await transactionCount();
    const payout = (amountFen: number) =>
      unitOfWork.run((tx) =>
        journal.post(tx, {
          idempotencyKey: key('payout'),
          kind: TransactionKind.PayoutPaid,
          courtCode: COURT,
          caseId,
          lines: [
            { account: Accounts.caseAccount(COURT, caseId), amountFen },
            { account: Accounts.dedicated(COURT), amountFen: -amountFen },
          ],
        }),
      );
    await expect(payout(10_001)).rejects.toMatchObject({
      code: ErrorCode.RuleViolated,
      details: { rule: 'INSUFFICIENT_BALANCE' },
      message: expect.stringContaining(`CASE:${caseId}`),
    });
    expect(await transactionCount()).toBe(before);
    expect(await balance(`CASE:${caseId}`)).toMatchObject({ balanceFen: 10_000 });
    // an account never credited cannot be drawn on either
    const stranger = randomUUID();
    await expect(
      unitOfWork.run((tx) =>
        journal.post(tx, {
          idempotencyKey: key('payout'),
          kind: TransactionKind.PayoutPaid,
          courtCode: COURT,
          caseId: stranger,
          lines: [
            { account: Accounts.caseAccount(COURT, stranger), amountFen: 1 },
            { account: Accounts.dedicated(COURT), amountFen: -1 },
          ],
        }),
      ),
    ).rejects.toMatchObject({ details: { rule: 'INSUFFICIENT_BALANCE' } });
    await payout(10_000);
    expect(await balance(`CASE:${caseId}`)).toMatchObject({ balanceFen: 0 });
    const summary = await client.request(Subjects.Ledger.CaseSummary, { caseId }, { actor: fundManager });
    expect(summary).toMatchObject({ receivedFen: 10_000, paidFen: 10_000, heldFen: 0 });
  });

  it('tells a balance as it stood at a past moment', async () => {
    const caseId = await newCase();
    const code = `CASE:${caseId}`;
    clock.set(new Date('2026-03-03T01:00:00Z'));
    await record({ caseId, amountFen: 10_000 });
    clock.set(new Date('2026-03-03T03:00:00Z'));
    await record({ caseId, amountFen: 5_000 });
    expect(await balance(code)).toMatchObject({ balanceFen: 15_000 });
    expect(await balance(code, new Date('2026-03-03T00:59:59Z'))).toMatchObject({ balanceFen: 0 });
    expect(await balance(code, new Date('2026-03-03T01:00:00Z'))).toMatchObject({ balanceFen: 10_000 });
    expect(await balance(code, new Date('2026-03-03T02:00:00Z'))).toMatchObject({ balanceFen: 10_000 });
    expect(await balance(code, new Date('2026-03-03T03:00:00Z'))).toMatchObject({ balanceFen: 15_000 });
    clock.set(START);
  });

  it('reverses a transaction once (冲正), never a reversal, and a retried reversal answers the first', async () => {
    const caseId = await newCase();
    const wrong = await record({ caseId, amountFen: 7_000 });
    await record({ caseId, amountFen: 1_000 });
    const reverse = (transactionId: string, idempotencyKey = key('rev')) =>
      client.request(
        Subjects.Ledger.ReverseTransaction,
        { idempotencyKey, transactionId, reason: '录错案件' },
        { actor: fundManager },
      );
    const idempotencyKey = key('rev');
    const reversal = await reverse(wrong.transactionId, idempotencyKey);
    expect(reversal).toMatchObject({ kind: 'REVERSAL', correctsId: wrong.transactionId, caseId });
    expect(reversal.entries).toEqual([
      { accountCode: `DEDICATED:${COURT}`, amountFen: -7_000 },
      { accountCode: `CASE:${caseId}`, amountFen: 7_000 },
    ]);
    expect((await reverse(wrong.transactionId, idempotencyKey)).id).toBe(reversal.id);
    expect((await rejection(reverse(wrong.transactionId))).wire).toMatchObject({
      code: ErrorCode.InvalidState,
      rule: 'REVERSED_ONCE',
    });
    expect((await rejection(reverse(reversal.id))).wire).toMatchObject({
      code: ErrorCode.InvalidState,
      rule: 'REVERSAL_NOT_REVERSED',
    });
    expect(await balance(`CASE:${caseId}`)).toMatchObject({ balanceFen: 1_000 });
    const summary = await client.request(Subjects.Ledger.CaseSummary, { caseId }, { actor: fundManager });
    expect(summary).toMatchObject({ receivedFen: 1_000, heldFen: 1_000 });
    const listed = await client.request(
      Subjects.Ledger.ListJournal,
      { caseId, page: 1, pageSize: 50 },
      { actor: officer },
    );
    expect(listed.total).toBe(3);
    expect(listed.items.find((t) => t.id === wrong.transactionId)).toMatchObject({
      reversedById: reversal.id,
    });
  });

  it('keeps the journal immutable: an UPDATE or DELETE of an entry is refused by the database', async () => {
    await expect(
      service.dataSource.query('UPDATE journal_entry SET amount_fen = amount_fen + 1'),
    ).rejects.toThrow(/immutable/);
    await expect(service.dataSource.query('DELETE FROM journal_transaction')).rejects.toThrow(/immutable/);
    await expect(service.dataSource.query('UPDATE journal_transaction SET memo = $1', ['x'])).rejects.toThrow(
      /immutable/,
    );
  });

  it('seals the chain, and verify names the transaction whose amount was changed behind the trigger’s back', async () => {
    const caseId = await newCase();
    const victim = await record({ caseId, amountFen: 20_000 });
    await record({ caseId, amountFen: 1 });
    const sealed = await client.request(Subjects.Ledger.SealJournal, {}, { actor: fundManager });
    expect(sealed.sealed).toBeGreaterThan(0);
    await record({ caseId, amountFen: 2 }); // one left unsealed
    const clean = await client.request(Subjects.Ledger.VerifyJournal, {}, { actor: fundManager });
    expect(clean).toMatchObject({ ok: true, unsealedContentOk: 1 });
    expect(clean.sealed).toBe((await transactionCount()) - 1);
    expect(await books(service.dataSource)).toEqual(CLEAN_BOOKS);

    await service.dataSource.transaction(async (m) => {
      await m.query('ALTER TABLE journal_entry DISABLE TRIGGER journal_entry_immutable');
      await m.query('UPDATE journal_entry SET amount_fen = amount_fen * 10 WHERE transaction_id = $1', [
        victim.transactionId,
      ]);
      await m.query('ALTER TABLE journal_entry ENABLE TRIGGER journal_entry_immutable');
    });
    const broken = await client.request(Subjects.Ledger.VerifyJournal, {}, { actor: fundManager });
    expect(broken.ok).toBe(false);
    expect(broken.firstBroken).toMatchObject({
      transactionId: victim.transactionId,
      problem: 'CONTENT_HASH_MISMATCH',
    });
    expect(broken.firstBroken?.chainSeq).toBeDefined();

    // the arrival day is hashed too: put the amount back, move the day, and verify names it again
    const behindTheTrigger = async (sql: string) =>
      service.dataSource.transaction(async (m) => {
        await m.query('ALTER TABLE journal_entry DISABLE TRIGGER journal_entry_immutable');
        await m.query('ALTER TABLE journal_transaction DISABLE TRIGGER journal_transaction_immutable');
        await m.query(sql, [victim.transactionId]);
        await m.query('ALTER TABLE journal_transaction ENABLE TRIGGER journal_transaction_immutable');
        await m.query('ALTER TABLE journal_entry ENABLE TRIGGER journal_entry_immutable');
      });
    await behindTheTrigger('UPDATE journal_entry SET amount_fen = amount_fen / 10 WHERE transaction_id = $1');
    expect(await client.request(Subjects.Ledger.VerifyJournal, {}, { actor: fundManager })).toMatchObject({
      ok: true,
    });
    await behindTheTrigger(`UPDATE journal_transaction SET value_date = value_date - 1 WHERE id = $1`);
    const movedDay = await client.request(Subjects.Ledger.VerifyJournal, {}, { actor: fundManager });
    expect(movedDay.firstBroken).toMatchObject({
      transactionId: victim.transactionId,
      problem: 'CONTENT_HASH_MISMATCH',
    });
  });
});

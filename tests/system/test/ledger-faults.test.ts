import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role, Subjects, type RecordReceiptCommand } from '@writ/contracts';
import { eventually, testActor, TestNamespace, type BusClient, type NatsBus } from '@writ/platform';
import pg from 'pg';
import { COURT, registeredCase } from '../src/registered-cases.js';
import { startServiceProcess, type ServiceProcess } from '../src/service-process.js';

/**
 * The fund ledger under a crash: fund-ledger as its own process, a burst of receipts with idempotency
 * keys, SIGKILL in the middle, a restart, and the clients retrying what was never acknowledged with the
 * same keys. Afterwards the journal verifies and every acknowledged posting is there exactly once.
 */
const RECEIPTS = 600;
const CLIENTS = 32;
const fundManager = testActor({
  id: 'user-fund-1',
  username: 'fund1',
  roles: [Role.FundManager],
  courtCode: COURT,
});

describe('执行案款 under a crash, fund-ledger in its own process', () => {
  const here = new TestNamespace('t-flf');
  const ledgerEnv = here.env('fund-ledger', {
    LOG_LEVEL: 'error',
    SEALER_INTERVAL_MS: '100',
    EVENT_ACK_WAIT_MS: '3000',
    BUS_REQUEST_TIMEOUT_MS: '3000',
  });
  const db = new pg.Client({ connectionString: ledgerEnv['DATABASE_URL'] });
  let ledger: ServiceProcess | undefined;
  let client: BusClient;
  let bus: NatsBus;

  beforeAll(async () => {
    ({ client, bus } = await here.connect());
    ledger = await startServiceProcess('fund-ledger', ledgerEnv);
    await db.connect();
  });

  afterAll(async () => {
    await db.end();
    await ledger?.stop();
    await here.tearDown();
  });

  it('keeps every acknowledged receipt once when killed mid-burst and the clients retry', async () => {
    const cases = Array.from({ length: 20 }, (_, i) => registeredCase(i + 1, 'L'));
    await Promise.all(cases.map((c) => bus.publish(c)));
    await eventually(
      async () => (await db.query('SELECT count(*)::int AS n FROM ledger_case')).rows[0] as { n: number },
      (r) => r.n === cases.length,
      'the ledger to learn the cases',
    );
    const commands: RecordReceiptCommand[] = Array.from({ length: RECEIPTS }, (_, i) => ({
      idempotencyKey: `crash-${here.namespace}-${i}`,
      ...(i % 5 === 4 ? {} : { caseId: cases[i % cases.length]!.data.caseId }),
      amountFen: 100 + i,
      source: i % 5 === 4 ? 'BANK_TRANSFER' : 'VOLUNTARY',
      receivedOn: '2026-03-02',
    }));
    const acknowledged = new Map<string, string>();
    const send = async (command: RecordReceiptCommand): Promise<void> => {
      const reply = await client.request(Subjects.Ledger.RecordReceipt, command, { actor: fundManager });
      const first = acknowledged.get(command.idempotencyKey);
      if (first) expect(reply.transactionId).toBe(first);
      acknowledged.set(command.idempotencyKey, reply.transactionId);
    };

    let cursor = 0;
    let killed = false;
    const burst = Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        while (cursor < commands.length && !killed) {
          await send(commands[cursor++]!).catch(() => undefined);
        }
      }),
    );
    await eventually(
      async () => acknowledged.size,
      (n) => n >= RECEIPTS / 4,
      'the burst to be under way',
      60_000,
    );
    await ledger!.kill();
    killed = true;
    await burst;
    const atKill = acknowledged.size;
    expect(atKill).toBeLessThan(RECEIPTS);

    ledger = await startServiceProcess('fund-ledger', ledgerEnv);
    // the clients retry everything they hold no answer for, with the same keys and the same content
    const unanswered = commands.filter((c) => !acknowledged.has(c.idempotencyKey));
    let retry = 0;
    await Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        while (retry < unanswered.length) await send(unanswered[retry++]!);
      }),
    );
    expect(acknowledged.size).toBe(RECEIPTS);

    await client.request(Subjects.Ledger.SealJournal, {}, { actor: fundManager });
    const verified = await client.request(Subjects.Ledger.VerifyJournal, {}, { actor: fundManager });
    expect(verified).toMatchObject({ ok: true, sealed: RECEIPTS, unsealedContentOk: 0 });

    const { rows } = await db.query<{ id: string; idempotency_key: string }>(
      'SELECT id, idempotency_key FROM journal_transaction',
    );
    expect(rows).toHaveLength(RECEIPTS);
    const byKey = new Map(rows.map((r) => [r.idempotency_key, r.id]));
    expect([...acknowledged].filter(([key, id]) => byKey.get(key) !== id)).toEqual([]);
    const { rows: checks } = await db.query<{ total: string; mismatched: number; received_off: number }>(
      `SELECT (SELECT coalesce(sum(amount_fen), 0)::text FROM journal_entry) AS total,
              (SELECT count(*)::int FROM account a WHERE NOT a.hot AND a.balance_fen <>
                 (SELECT coalesce(sum(e.amount_fen), 0) FROM journal_entry e WHERE e.account_code = a.code)) AS mismatched,
              (SELECT count(*)::int FROM ledger_case c WHERE c.received_fen <>
                 (SELECT coalesce(-sum(e.amount_fen), 0) FROM journal_entry e WHERE e.account_code = 'CASE:' || c.case_id)) AS received_off`,
    );
    expect(checks[0]).toEqual({ total: '0', mismatched: 0, received_off: 0 });
    const expectedTotal = commands.reduce((sum, c) => sum + c.amountFen, 0);
    const dedicated = await client.request(
      Subjects.Ledger.AccountBalance,
      { code: `DEDICATED:${COURT}` },
      { actor: fundManager },
    );
    expect(dedicated.balanceFen).toBe(expectedTotal);
    // one money-received event per case receipt, none twice
    const { rows: events } = await db.query<{ n: number; distinct_receipts: number }>(
      `SELECT count(*)::int AS n, count(DISTINCT envelope->'data'->>'receiptId')::int AS distinct_receipts
         FROM outbox WHERE type = 'ledger.money.received'`,
    );
    const caseReceipts = commands.filter((c) => c.caseId).length;
    expect(events[0]).toEqual({ n: caseReceipts, distinct_receipts: caseReceipts });
  });
});

import { Subjects } from '@writ/contracts';
import {
  BusRequestError,
  eventually,
  TestNamespace,
  type BusClient,
  type NatsBus,
  type RunningService,
} from '@writ/platform';
import { startFundLedger } from '../src/app.js';
import { books, caseRegistered, CLEAN_BOOKS, COURT, fundManager, key } from './ledger-fixtures.js';

const CASES = 12;
const OPERATIONS = 600;
const WORKERS = 32;

/** A small deterministic random source, so a failing run can be repeated. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

describe('the journal’s invariants under concurrent receipts, matches, reversals and retried keys', () => {
  const here = new TestNamespace('t-fli');
  let service: RunningService;
  let client: BusClient;
  let bus: NatsBus;

  beforeAll(async () => {
    // the sealer runs all along, as in production, sealing while postings arrive
    service = await here.start(startFundLedger, 'fund-ledger', {
      SEALER_INTERVAL_MS: '20',
      SEALER_BATCH: '50',
    });
    ({ client, bus } = await here.connect());
  });

  afterAll(async () => {
    await here.tearDown();
  });

  it('sums to zero, keeps every row balance equal to its entries, posts no key twice, and verifies', async () => {
    const cases = Array.from({ length: CASES }, () => caseRegistered());
    await Promise.all(cases.map((c) => bus.publish(c)));
    await eventually(
      () => service.dataSource.query<unknown[]>('SELECT 1 FROM ledger_case'),
      (rows) => rows.length === CASES,
      'the ledger to learn the cases',
    );
    const caseIds = cases.map((c) => c.data.caseId);
    const next = random(20_260_302);
    const pick = <T>(xs: T[]): T => xs[Math.floor(next() * xs.length)]!;
    /** every acknowledged key with the request it carried and the transaction it answered with */
    const acknowledged = new Map<string, { subject: string; body: object; transactionId: string }>();
    const posted: string[] = [];
    const outcomes: Record<string, number> = {};
    const count = (what: string) => (outcomes[what] = (outcomes[what] ?? 0) + 1);

    const plan = Array.from({ length: OPERATIONS }, () => next());
    let cursor = 0;
    async function worker(): Promise<void> {
      while (cursor < plan.length) {
        const roll = plan[cursor++]!;
        let subject: string;
        let body: Record<string, unknown>;
        const earlier = [...acknowledged.entries()];
        if (roll < 0.15 && earlier.length) {
          // a client retrying: same key, same content
          const [idempotencyKey, first] = pick(earlier);
          subject = first.subject;
          body = { ...first.body, idempotencyKey };
        } else if (roll < 0.2 && earlier.length) {
          // a client reusing a key for something else
          const [idempotencyKey, first] = pick(earlier);
          subject = first.subject;
          body = { ...first.body, idempotencyKey, memo: `changed ${roll}` };
        } else if (roll < 0.55) {
          subject = Subjects.Ledger.RecordReceipt;
          body = {
            idempotencyKey: key('r'),
            caseId: pick(caseIds),
            amountFen: 1 + Math.floor(next() * 100_000),
            source: 'VOLUNTARY',
            receivedOn: '2026-03-02',
          };
        } else if (roll < 0.7) {
          subject = Subjects.Ledger.RecordReceipt;
          body = {
            idempotencyKey: key('s'),
            amountFen: 1 + Math.floor(next() * 50_000),
            source: 'BANK_TRANSFER',
            receivedOn: '2026-03-02',
          };
        } else if (roll < 0.85) {
          subject = Subjects.Ledger.MatchSuspense;
          body = {
            idempotencyKey: key('m'),
            caseId: pick(caseIds),
            amountFen: 1 + Math.floor(next() * 40_000),
          };
        } else if (posted.length) {
          subject = Subjects.Ledger.ReverseTransaction;
          body = { idempotencyKey: key('v'), transactionId: pick(posted), reason: '冲正测试' };
        } else continue;
        try {
          const reply = (await client.request(
            subject as typeof Subjects.Ledger.RecordReceipt,
            body as never,
            {
              actor: fundManager,
            },
          )) as { transactionId?: string; id?: string; replayed?: boolean };
          const transactionId = reply.transactionId ?? reply.id!;
          const idempotencyKey = body['idempotencyKey'] as string;
          const first = acknowledged.get(idempotencyKey);
          if (first) {
            // a retry answers with the first transaction, never a new one
            expect(transactionId).toBe(first.transactionId);
            count('replayed');
          } else {
            acknowledged.set(idempotencyKey, { subject, body, transactionId });
            posted.push(transactionId);
            count(subject);
          }
        } catch (error) {
          if (!(error instanceof BusRequestError)) throw error;
          count(error.wire.rule ?? error.wire.code);
        }
      }
    }
    await Promise.all(Array.from({ length: WORKERS }, () => worker()));

    // something of each kind happened, and each kind of refusal was met
    expect(outcomes).toMatchObject({
      replayed: expect.any(Number),
      IDEMPOTENCY_KEY_REUSED: expect.any(Number),
      [Subjects.Ledger.RecordReceipt]: expect.any(Number),
      [Subjects.Ledger.MatchSuspense]: expect.any(Number),
      [Subjects.Ledger.ReverseTransaction]: expect.any(Number),
    });

    await client.request(Subjects.Ledger.SealJournal, {}, { actor: fundManager });
    expect(await books(service.dataSource)).toEqual(CLEAN_BOOKS);
    // every acknowledged posting is there, under its key, once
    const rows = await service.dataSource.query<{ id: string; idempotency_key: string }[]>(
      'SELECT id, idempotency_key FROM journal_transaction',
    );
    expect(rows).toHaveLength(acknowledged.size);
    const byKey = new Map(rows.map((r) => [r.idempotency_key, r.id]));
    expect([...acknowledged].filter(([k, a]) => byKey.get(k) !== a.transactionId)).toEqual([]);
    // 专户 holds exactly what the court's other accounts hold (its non-negativity follows from theirs)
    const dedicated = await client.request(
      Subjects.Ledger.AccountBalance,
      { code: `DEDICATED:${COURT}` },
      { actor: fundManager },
    );
    const [others] = await service.dataSource.query<{ held: string }[]>(
      `SELECT coalesce(-sum(e.amount_fen), 0)::text AS held FROM journal_entry e WHERE e.account_code NOT LIKE 'DEDICATED:%'`,
    );
    expect(dedicated.balanceFen).toBe(Number(others!.held));
    expect(dedicated.balanceFen).toBeGreaterThanOrEqual(0);
    const verified = await client.request(Subjects.Ledger.VerifyJournal, {}, { actor: fundManager });
    expect(verified).toMatchObject({ ok: true, sealed: acknowledged.size, unsealedContentOk: 0 });
  });
});

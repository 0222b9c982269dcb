import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Role, Subjects, type Actor, type RecordReceiptCommand } from '@writ/contracts';
import { dropDatabase, testBusClient, testDatabaseUrl, type RunningService } from '@writ/platform';
import { ReceiptsUseCase, startFundLedger } from '@writ/fund-ledger';
import pg from 'pg';
import { uniqueName } from '../harness.js';
import { startServiceProcess } from '../service-process.js';

/**
 * 执行案款 postings per second, each beside a raw-SQL transfer through `pg` in the same run
 * (BEGIN; SELECT two rows FOR UPDATE; UPDATE both; INSERT two entries; COMMIT), interleaved rounds,
 * the same number of clients:
 * - spread: receipts to 10,000 case accounts (Writ: Dr 专户 insert-only, Cr 案款账户 guarded row;
 *   raw: two random rows of 10,000);
 * - hot: every posting on the court's one 专户 (Writ: unmatched receipts, Dr 专户 Cr 待认领款, both
 *   insert-only; raw: the one 专户 row locked and updated by every transfer, with a random second row).
 * Writ is measured twice: through the running service's request/reply subject (a fund-ledger process,
 * NATS hop included), and the same use case called in this process (no NATS) on its own database.
 */
const CLIENTS = Number(process.env['BENCH_LEDGER_CLIENTS'] ?? 32);
const ACCOUNTS = 10_000;
const ROUND_SECONDS = Number(process.env['BENCH_ROUND_SECONDS'] ?? 4);
const ROUNDS = Number(process.env['BENCH_LEDGER_ROUNDS'] ?? 3);
/**
 * Database connections of each side — the same for Writ and raw, so the ratio compares work, not
 * pools. Three pools are open at once (service process, in-process, raw) within PostgreSQL's 100.
 */
const POOL = Math.min(CLIENTS, 28);
const COURT = '辽1104';
const fundManager: Actor = {
  id: 'bench-fund',
  username: 'fund-bench',
  roles: [Role.FundManager],
  courtCode: COURT,
};

type Post = () => Promise<unknown>;

/** postings the fund-ledger process acknowledged over NATS, warm-up included */
let acknowledgedByProcess = 0;

/** the first failure seen, printed with the figures */
let firstFailure: string | undefined;

/** `CLIENTS` loops posting back to back for `seconds`; postings per second and failures. */
async function drive(post: Post, seconds: number): Promise<{ rate: number; failed: number }> {
  const until = performance.now() + seconds * 1000;
  let done = 0;
  let failed = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (performance.now() < until) {
        try {
          await post();
          done++;
        } catch (error) {
          if (!failed) firstFailure ??= String((error as Error).message ?? error).slice(0, 200);
          failed++;
        }
      }
    }),
  );
  return { rate: done / ((performance.now() - started) / 1000), failed };
}

const pick = (n: number) => Math.floor(Math.random() * n);

async function knowCases(url: string, caseIds: string[]): Promise<void> {
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  try {
    await db.query(
      `INSERT INTO ledger_case (case_id, court_code, known_at, source)
       SELECT id, $2, now(), 'bench' FROM unnest($1::uuid[]) id ON CONFLICT DO NOTHING`,
      [caseIds, COURT],
    );
  } finally {
    await db.end();
  }
}

async function countTransactions(url: string): Promise<number> {
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  try {
    const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM journal_transaction');
    return rows[0]?.n ?? 0;
  } finally {
    await db.end();
  }
}

async function rawSetup(url: string): Promise<pg.Pool> {
  const pool = new pg.Pool({ connectionString: url, max: POOL });
  await pool.query(`CREATE TABLE acct (id INT PRIMARY KEY, balance BIGINT NOT NULL)`);
  await pool.query(`CREATE TABLE entry (id BIGSERIAL PRIMARY KEY, acct INT NOT NULL, amount BIGINT NOT NULL,
                                        at TIMESTAMPTZ NOT NULL DEFAULT now())`);
  await pool.query(`INSERT INTO acct SELECT g, 1000000000 FROM generate_series(0, $1) g`, [ACCOUNTS]);
  return pool;
}

/** The raw transfer: lock two rows in id order, update both, insert two entries, commit. */
async function rawTransfer(pool: pg.Pool, a: number, b: number): Promise<void> {
  const [from, to] = a < b ? [a, b] : [b, a];
  const amount = 1 + pick(10_000);
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query({
      name: 'lock2',
      text: 'SELECT id, balance FROM acct WHERE id IN ($1, $2) ORDER BY id FOR UPDATE',
      values: [from, to],
    });
    await client.query({
      name: 'upd',
      text: 'UPDATE acct SET balance = balance - $2 WHERE id = $1',
      values: [from, amount],
    });
    await client.query({
      name: 'upd',
      text: 'UPDATE acct SET balance = balance - $2 WHERE id = $1',
      values: [to, -amount],
    });
    await client.query({
      name: 'ins2',
      text: 'INSERT INTO entry (acct, amount) VALUES ($1, $2), ($3, $4)',
      values: [from, -amount, to, amount],
    });
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

function receipt(caseId?: string): RecordReceiptCommand {
  return {
    idempotencyKey: `bench-${randomUUID()}`,
    ...(caseId ? { caseId } : {}),
    amountFen: 1 + pick(1_000_000),
    source: caseId ? 'VOLUNTARY' : 'BANK_TRANSFER',
    receivedOn: '2026-03-02',
  };
}

export async function runLedgerBench(): Promise<void> {
  const namespace = uniqueName('bench-ledger-').replace(/_/g, '-').toLowerCase();
  const processDb = testDatabaseUrl(uniqueName('writ_bench_ledger_p_'));
  const inProcessDb = testDatabaseUrl(uniqueName('writ_bench_ledger_i_'));
  const rawDb = testDatabaseUrl(uniqueName('writ_bench_ledger_raw_'));
  // group-commit settings given to the bench reach both of Writ's sides
  const groupCommit = Object.fromEntries(
    ['DB_GROUP_BATCHES', 'DB_GROUP_MAX'].flatMap((name) =>
      process.env[name] ? [[name, process.env[name]]] : [],
    ),
  );
  const env = {
    NATS_URL: process.env['NATS_URL'] ?? 'nats://127.0.0.1:4222',
    BUS_NAMESPACE: namespace,
    LOG_LEVEL: 'error',
    DB_POOL_SIZE: String(POOL),
    ...groupCommit,
  };
  const admin = new pg.Client({ connectionString: testDatabaseUrl('postgres') });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${new URL(rawDb).pathname.slice(1)}"`);
  await admin.end();

  const service = await startServiceProcess('fund-ledger', { ...env, DATABASE_URL: processDb });
  let local: RunningService | undefined;
  const { client, bus } = await testBusClient(namespace);
  const raw = await rawSetup(rawDb);
  try {
    // on a namespace of its own: on the process's, the two would share its subjects' requests as one
    // queue group, and the NATS figure would be half the in-process service's
    local = await startFundLedger({
      env: { ...env, BUS_NAMESPACE: `${namespace}-local`, DATABASE_URL: inProcessDb, HTTP_PORT: '0' },
    });
    const caseIds = Array.from({ length: ACCOUNTS }, () => randomUUID());
    await knowCases(processDb, caseIds);
    await knowCases(inProcessDb, caseIds);
    // the use case as the transport calls it, without the NATS hop (and without its validation pipe)
    const receipts = local.app.get(ReceiptsUseCase);

    const paths: Record<string, Record<'spread' | 'hot', Post>> = {
      'writ via NATS (fund-ledger process)': {
        spread: () =>
          client
            .request(Subjects.Ledger.RecordReceipt, receipt(caseIds[pick(ACCOUNTS)]), { actor: fundManager })
            .then(() => acknowledgedByProcess++),
        hot: () =>
          client
            .request(Subjects.Ledger.RecordReceipt, receipt(), { actor: fundManager })
            .then(() => acknowledgedByProcess++),
      },
      'writ use case in-process (no NATS)': {
        spread: () => receipts.record(receipt(caseIds[pick(ACCOUNTS)]), fundManager),
        hot: () => receipts.record(receipt(), fundManager),
      },
      'raw pg transfer': {
        spread: () => rawTransfer(raw, 1 + pick(ACCOUNTS), 1 + pick(ACCOUNTS)),
        hot: () => rawTransfer(raw, 0, 1 + pick(ACCOUNTS)),
      },
    };
    console.log(
      `\nFund ledger: ${ROUNDS} interleaved rounds of ${ROUND_SECONDS} s, ${CLIENTS} clients each ` +
        `(database pool of each side: ${POOL} connections; group commit ${JSON.stringify(groupCommit)})\n`,
    );
    // warm every path (JIT, pools, prepared statements, account rows)
    for (const path of Object.values(paths)) {
      await drive(path.spread, 1);
      await drive(path.hot, 1);
    }
    const results: Record<string, Record<'spread' | 'hot', number[]>> = {};
    let failures = 0;
    for (let round = 1; round <= ROUNDS; round++) {
      const line: string[] = [];
      for (const shape of ['spread', 'hot'] as const) {
        for (const [name, path] of Object.entries(paths)) {
          const { rate, failed } = await drive(path[shape], ROUND_SECONDS);
          failures += failed;
          (results[name] ??= { spread: [], hot: [] })[shape].push(rate);
          line.push(
            `${shape} ${name.split(' ')[0]}${name.includes('NATS (') ? '/nats' : name.includes('in-process') ? '/local' : ''} ${rate.toFixed(0)}/s`,
          );
        }
      }
      console.log(`round ${round}: ${line.join(' | ')}`);
    }
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const rawFig = results['raw pg transfer']!;
    console.log('\npostings per second (means over rounds)');
    for (const shape of ['spread', 'hot'] as const) {
      console.log(
        `  ${shape === 'spread' ? 'spread over 10,000 case accounts' : 'hot: every posting on the one 专户'}`,
      );
      for (const [name, figures] of Object.entries(results)) {
        const m = mean(figures[shape]);
        const ratio =
          name === 'raw pg transfer' ? '' : `  ratio to raw ${(m / mean(rawFig[shape])).toFixed(2)}`;
        console.log(`    ${name.padEnd(38)} ${m.toFixed(0).padStart(6)}/s${ratio}`);
      }
    }
    for (const [name, figures] of Object.entries(results)) {
      console.log(`  ${name}: hot/spread ${(mean(figures.hot) / mean(figures.spread)).toFixed(2)}`);
    }
    if (failures)
      console.log(`  WARNING: ${failures} postings failed during the run; the first: ${firstFailure}`);
    // the books still balance and verify after the run
    const verified = await client.request(Subjects.Ledger.VerifyJournal, {}, { actor: fundManager });
    const stored = await countTransactions(processDb);
    console.log(
      `  fund-ledger process journal after the run: verify ok=${verified.ok}, sealed ${verified.sealed}, ` +
        `unsealed ${verified.unsealedContentOk}; ${stored} transactions stored, ${acknowledgedByProcess} acknowledged`,
    );
  } finally {
    await local?.close();
    await service.stop();
    await raw.end();
    await bus.deleteStream().catch(() => undefined);
    const localBus = await testBusClient(`${namespace}-local`);
    await localBus.bus.deleteStream().catch(() => undefined);
    await localBus.bus.close();
    await bus.close();
    for (const url of [processDb, inProcessDb, rawDb]) await dropDatabase(url);
  }
}

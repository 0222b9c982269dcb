import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Line, StoredTransaction } from '../domain/journal.js';

/** An account as the posting path creates it on first use. */
export interface AccountRow {
  code: string;
  kind: string;
  courtCode: string;
  caseId: string | null;
  naturalSign: 1 | -1;
  nonNegative: boolean;
  hot: boolean;
}

export interface PostingRow {
  id: string;
  courtCode: string;
  kind: string;
  caseId: string | null;
  idempotencyKey: string;
  requestHash: Buffer;
  memo: string | null;
  correctsId: string | null;
  postedAt: Date;
  /** the day the money arrived, YYYY-MM-DD (arrivals only) */
  valueDate: string | null;
  actor: unknown;
  contentHash: Buffer;
  /** HOT accounts: created if missing, never updated */
  hotAccounts: AccountRow[];
  /** SPREAD accounts with the change of their signed balance, sorted by code (the lock order) */
  spread: (AccountRow & { deltaFen: number })[];
  entries: Line[];
  /** 到账 to the posting's case: its received total moves in the same statement (see POST_SQL) */
  caseArrival?: { amountFen: number; notBeforeFiling: boolean };
}

/** The case of a 到账 as the posting's statement found it: null when the ledger does not know it. */
export interface ArrivalCase {
  courtCode: string;
  filedOn: string | null;
  /** its received total with this arrival added; null when the statement added nothing for it */
  receivedFen: number | null;
}

/** What the posting's one statement did. */
export interface PostingWritten {
  /** the new transaction's seq; null when nothing was posted (the key exists, or the case refused it) */
  seq: string | null;
  /** the SPREAD accounts that took their change (one missing was refused by its guard) */
  updated: string[];
  /** for a 到账 to a case: the case as found (null: unknown) */
  arrivalCase?: ArrivalCase | null;
}

export interface KeyedTransaction {
  id: string;
  seq: string;
  postedAt: Date;
  requestHash: Buffer;
}

export interface AccountBalanceRow {
  code: string;
  kind: string;
  courtCode: string;
  caseId: string | null;
  /** signed: the sum of the account's entries */
  signedFen: number;
}

export interface TransactionRow {
  id: string;
  seq: string;
  kind: string;
  courtCode: string;
  caseId: string | null;
  memo: string | null;
  postedAt: Date;
  actor: { username?: string };
  correctsId: string | null;
  reversedById: string | null;
  sealed: boolean;
  entries: Line[];
}

interface PgClient {
  query<R>(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: R[] }>;
}

/**
 * A query as a named prepared statement on the transaction's own connection: the posting path runs
 * thousands of times a second and should not be parsed and planned each time.
 */
export async function prepared<R>(
  manager: EntityManager,
  name: string,
  text: string,
  values: unknown[],
): Promise<R[]> {
  const runner = manager.queryRunner;
  if (!runner) return manager.query<R[]>(text, values);
  const client = (await runner.connect()) as PgClient;
  return (await client.query<R>({ name, text, values })).rows;
}

/**
 * Postings in one statement, one or many — 到账 to cases among them: the cases of the arrivals locked in
 * id order; each transaction written (its key unused) if it is no arrival, or its case is known, of its
 * court and not filed after its value date; the cases' received totals raised by the arrivals written;
 * the accounts on first use and the SPREAD balances by their summed changes in code order (a guarded
 * account's change that would take it below zero is not made); the entries. Returns what was written and
 * the arrivals' cases as found.
 */
const POST_SQL = `
WITH p AS (
  SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::uuid[], $5::text[], $6::bytea[], $7::text[],
                       $8::timestamptz[], $9::text[], $10::bytea[], $11::date[], $12::bigint[], $13::boolean[], $14::int[],
                       $35::boolean[], $36::uuid[])
         AS p(id, court, kind, case_id, key, request_hash, memo, posted_at, actor, content_hash, value_date,
              arrival_fen, not_before_filing, ord, is_arrival, corrects_id)
), c AS (
  SELECT lc.case_id, lc.court_code, lc.filed_on, lc.received_fen FROM ledger_case lc
   WHERE lc.case_id IN (SELECT p.case_id FROM p WHERE p.is_arrival) ORDER BY lc.case_id FOR UPDATE
), t AS (
  INSERT INTO journal_transaction (id, court_code, kind, case_id, idempotency_key, request_hash, memo, corrects_id,
                                   posted_at, actor, content_hash, value_date)
  SELECT p.id, p.court, p.kind, p.case_id, p.key, p.request_hash, p.memo, p.corrects_id, p.posted_at, p.actor::jsonb,
         p.content_hash, p.value_date
    FROM p LEFT JOIN c ON p.is_arrival AND c.case_id = p.case_id
   WHERE NOT p.is_arrival
      OR (c.court_code = p.court AND (NOT p.not_before_filing OR c.filed_on IS NULL OR p.value_date >= c.filed_on))
   ORDER BY p.ord
  ON CONFLICT (idempotency_key) DO NOTHING
  RETURNING id, seq
), u AS (
  UPDATE ledger_case lc SET received_fen = lc.received_fen + s.fen
    FROM (SELECT p.case_id, sum(p.arrival_fen) AS fen FROM p JOIN t ON t.id = p.id WHERE p.is_arrival
           GROUP BY p.case_id) s
   WHERE lc.case_id = s.case_id
  RETURNING lc.case_id
), hot AS (
  INSERT INTO account (code, kind, court_code, case_id, natural_sign, non_negative, hot, created_at)
  SELECT x.code, x.kind, x.court, x.case_id, x.sign, x.nonneg, true, $34
    FROM unnest($15::text[], $16::text[], $17::text[], $18::uuid[], $19::smallint[], $20::boolean[])
         AS x(code, kind, court, case_id, sign, nonneg)
   WHERE EXISTS (SELECT 1 FROM t)
  ON CONFLICT (code) DO NOTHING
), spread AS (
  INSERT INTO account (code, kind, court_code, case_id, natural_sign, non_negative, hot, created_at, balance_fen)
  SELECT x.code, x.kind, x.court, x.case_id, x.sign, x.nonneg, false, $34, d.delta
    FROM unnest($21::text[], $22::text[], $23::text[], $24::uuid[], $25::smallint[], $26::boolean[])
         AS x(code, kind, court, case_id, sign, nonneg)
    JOIN (SELECT d.code, sum(d.delta) AS delta
            FROM unnest($27::uuid[], $28::text[], $29::bigint[]) AS d(tx, code, delta) JOIN t ON t.id = d.tx
           GROUP BY d.code) d ON d.code = x.code
   ORDER BY x.code
  ON CONFLICT (code) DO UPDATE SET balance_fen = account.balance_fen + EXCLUDED.balance_fen
   WHERE NOT account.non_negative OR account.natural_sign * (account.balance_fen + EXCLUDED.balance_fen) >= 0
  RETURNING code
), e AS (
  INSERT INTO journal_entry (transaction_id, line, account_code, amount_fen, posted_at)
  SELECT x.tx, x.line, x.code, x.amount, p.posted_at
    FROM unnest($30::uuid[], $31::smallint[], $32::text[], $33::bigint[]) AS x(tx, line, code, amount)
    JOIN t ON t.id = x.tx JOIN p ON p.id = x.tx
)
SELECT coalesce((SELECT json_agg(json_build_object('id', id, 'seq', seq::text)) FROM t), '[]') AS posted,
       coalesce((SELECT json_agg(json_build_object('caseId', case_id, 'court', court_code,
                   'filedOn', to_char(filed_on, 'YYYY-MM-DD'), 'received', received_fen::text)) FROM c), '[]') AS cases,
       (SELECT count(*) FROM u)::int AS raised,
       ARRAY(SELECT code FROM spread) AS updated`;

const BALANCE_SQL = `
SELECT a.code, a.kind, a.court_code, a.case_id,
       (CASE WHEN a.hot
             THEN coalesce((SELECT r.balance_fen FROM account_rollup r WHERE r.account_code = a.code), 0)
                + coalesce((SELECT sum(e.amount_fen) FROM journal_transaction t
                              JOIN journal_entry e ON e.transaction_id = t.id
                             WHERE t.chain_seq IS NULL AND e.account_code = a.code), 0)
             ELSE a.balance_fen END)::text AS signed
  FROM account a WHERE a.code = $1`;

interface BalanceRecord {
  code: string;
  kind: string;
  court_code: string;
  case_id: string | null;
  signed: string;
}

const balanceOf = (r: BalanceRecord): AccountBalanceRow => ({
  code: r.code,
  kind: r.kind,
  courtCode: r.court_code,
  caseId: r.case_id,
  signedFen: Number(r.signed),
});

/** The journal's tables, in raw SQL: one statement per posting, the sealer's batches, the verify walk. */
@Injectable()
export class JournalRepository {
  /**
   * Writes postings in one statement (POST_SQL) — one round trip, however many: on this path the
   * database's answers, not its work, are what a posting waits for. What it did for each, in the order
   * given; for a 到账, its case's total after the arrivals written before it and its own.
   */
  async insertPostings(manager: EntityManager, rows: PostingRow[]): Promise<PostingWritten[]> {
    const distinct = (accounts: AccountRow[]): AccountRow[] => [
      ...new Map(accounts.map((a) => [a.code, a])).values(),
    ];
    const hot = distinct(rows.flatMap((r) => r.hotAccounts));
    const spread = distinct(rows.flatMap((r) => r.spread));
    const deltas = rows.flatMap((r) => r.spread.map((a) => ({ tx: r.id, code: a.code, delta: a.deltaFen })));
    const entries = rows.flatMap((r) => r.entries.map((e, i) => ({ tx: r.id, line: i + 1, ...e })));
    const accountColumns = (accounts: AccountRow[]): unknown[] => [
      accounts.map((a) => a.code),
      accounts.map((a) => a.kind),
      accounts.map((a) => a.courtCode),
      accounts.map((a) => a.caseId),
      accounts.map((a) => a.naturalSign),
      accounts.map((a) => a.nonNegative),
    ];
    const [result] = await prepared<{
      posted: { id: string; seq: string }[];
      cases: { caseId: string; court: string; filedOn: string | null; received: string }[];
      updated: string[];
    }>(manager, 'ledger_post_v3', POST_SQL, [
      rows.map((r) => r.id),
      rows.map((r) => r.courtCode),
      rows.map((r) => r.kind),
      rows.map((r) => r.caseId),
      rows.map((r) => r.idempotencyKey),
      rows.map((r) => r.requestHash),
      rows.map((r) => r.memo),
      rows.map((r) => r.postedAt),
      rows.map((r) => JSON.stringify(r.actor)),
      rows.map((r) => r.contentHash),
      rows.map((r) => r.valueDate),
      rows.map((r) => String(r.caseArrival?.amountFen ?? 0)),
      rows.map((r) => r.caseArrival?.notBeforeFiling ?? false),
      rows.map((_, i) => i),
      ...accountColumns(hot),
      ...accountColumns(spread),
      deltas.map((d) => d.tx),
      deltas.map((d) => d.code),
      deltas.map((d) => String(d.delta)),
      entries.map((e) => e.tx),
      entries.map((e) => e.line),
      entries.map((e) => e.accountCode),
      entries.map((e) => String(e.amountFen)),
      rows[0]?.postedAt ?? null,
      rows.map((r) => r.caseArrival !== undefined),
      rows.map((r) => r.correctsId),
    ]);
    const seqs = new Map((result?.posted ?? []).map((p) => [p.id, p.seq]));
    const cases = new Map((result?.cases ?? []).map((c) => [c.caseId, c]));
    // each case's total as the arrivals written before it in this batch left it
    const running = new Map([...cases.values()].map((c) => [c.caseId, Number(c.received)]));
    return rows.map((r) => {
      const seq = seqs.get(r.id) ?? null;
      // a SPREAD change refused by its guard leaves its code out of every posting's list
      const updated =
        seq === null ? [] : r.spread.map((a) => a.code).filter((c) => result!.updated.includes(c));
      if (!r.caseArrival) return { seq, updated };
      const found = r.caseId ? cases.get(r.caseId) : undefined;
      if (!found) return { seq, updated: [], arrivalCase: null };
      let receivedFen: number | null = null;
      if (seq !== null) {
        receivedFen = running.get(found.caseId)! + (r.caseArrival?.amountFen ?? 0);
        running.set(found.caseId, receivedFen);
      }
      return { seq, updated, arrivalCase: { courtCode: found.court, filedOn: found.filedOn, receivedFen } };
    });
  }

  /** The arrival day of a suspense receipt of the court (its posting day if it has none), or null. */
  async suspenseArrival(manager: EntityManager, id: string, courtCode: string): Promise<string | null> {
    const rows = await manager.query<{ day: string }[]>(
      `SELECT to_char(coalesce(value_date, (posted_at AT TIME ZONE 'Asia/Shanghai')::date), 'YYYY-MM-DD') AS day
         FROM journal_transaction WHERE id = $1 AND court_code = $2 AND kind = 'SUSPENSE_RECEIPT'`,
      [id, courtCode],
    );
    return rows[0]?.day ?? null;
  }

  async findByKey(manager: EntityManager, idempotencyKey: string): Promise<KeyedTransaction | null> {
    const rows = await manager.query<{ id: string; seq: string; posted_at: Date; request_hash: Buffer }[]>(
      `SELECT id, seq::text AS seq, posted_at, request_hash FROM journal_transaction WHERE idempotency_key = $1`,
      [idempotencyKey],
    );
    const r = rows[0];
    return r ? { id: r.id, seq: r.seq, postedAt: r.posted_at, requestHash: r.request_hash } : null;
  }

  /** Takes the advisory locks of accounts whose balance is a sum of entries, in code order (no deadlocks). */
  async lockSums(manager: EntityManager, codes: string[]): Promise<void> {
    await manager.query(
      `SELECT pg_advisory_xact_lock(k) FROM (SELECT hashtextextended(c, 0) AS k FROM unnest($1::text[]) c ORDER BY c) s`,
      [[...codes].sort()],
    );
  }

  async balance(manager: EntityManager, code: string): Promise<AccountBalanceRow | null> {
    const rows = await prepared<BalanceRecord>(manager, 'ledger_balance_v1', BALANCE_SQL, [code]);
    return rows[0] ? balanceOf(rows[0]) : null;
  }

  /** The signed sum of the account's entries posted at or before `at`. */
  async balanceAt(manager: EntityManager, code: string, at: Date): Promise<AccountBalanceRow | null> {
    const rows = await manager.query<BalanceRecord[]>(
      `SELECT a.code, a.kind, a.court_code, a.case_id,
              coalesce((SELECT sum(e.amount_fen) FROM journal_entry e
                         WHERE e.account_code = a.code AND e.posted_at <= $2), 0)::text AS signed
         FROM account a WHERE a.code = $1`,
      [code, at],
    );
    return rows[0] ? balanceOf(rows[0]) : null;
  }

  async accountsOfCase(manager: EntityManager, caseId: string): Promise<AccountBalanceRow[]> {
    const rows = await manager.query<{ code: string }[]>(
      `SELECT code FROM account WHERE case_id = $1 ORDER BY code`,
      [caseId],
    );
    const found: AccountBalanceRow[] = [];
    for (const { code } of rows) {
      const balance = await this.balance(manager, code);
      if (balance) found.push(balance);
    }
    return found;
  }

  async transaction(manager: EntityManager, id: string): Promise<TransactionRow | null> {
    const [row] = await this.transactions(manager, `t.id = $1`, [id], 1, 0);
    return row ?? null;
  }

  /** Transactions matching `where` (over alias t), newest first, with their entries. */
  async transactions(
    manager: EntityManager,
    where: string,
    params: unknown[],
    limit: number,
    offset: number,
  ): Promise<TransactionRow[]> {
    const n = params.length;
    const rows = await manager.query<
      {
        id: string;
        seq: string;
        kind: string;
        court_code: string;
        case_id: string | null;
        memo: string | null;
        posted_at: Date;
        actor: { username?: string };
        corrects_id: string | null;
        reversed_by: string | null;
        sealed: boolean;
        entries: { a: string; f: string }[];
      }[]
    >(
      `SELECT t.id, t.seq::text AS seq, t.kind, t.court_code, t.case_id, t.memo, t.posted_at, t.actor, t.corrects_id,
              (SELECT r.id FROM journal_transaction r WHERE r.corrects_id = t.id) AS reversed_by,
              t.chain_seq IS NOT NULL AS sealed,
              (SELECT json_agg(json_build_object('a', e.account_code, 'f', e.amount_fen::text) ORDER BY e.line)
                 FROM journal_entry e WHERE e.transaction_id = t.id) AS entries
         FROM journal_transaction t WHERE ${where}
        ORDER BY t.seq DESC LIMIT $${n + 1} OFFSET $${n + 2}`,
      [...params, limit, offset],
    );
    return rows.map((r) => ({
      id: r.id,
      seq: r.seq,
      kind: r.kind,
      courtCode: r.court_code,
      caseId: r.case_id,
      memo: r.memo,
      postedAt: r.posted_at,
      actor: r.actor,
      correctsId: r.corrects_id,
      reversedById: r.reversed_by,
      sealed: r.sealed,
      entries: (r.entries ?? []).map((e) => ({ accountCode: e.a, amountFen: Number(e.f) })),
    }));
  }

  async countTransactions(manager: EntityManager, where: string, params: unknown[]): Promise<number> {
    const [row] = await manager.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM journal_transaction t WHERE ${where}`,
      params,
    );
    return row?.n ?? 0;
  }

  // ---- the sealer ---------------------------------------------------------------------------------

  /** The chain's head: the last sealed position and its link. */
  async chainHead(manager: EntityManager): Promise<{ chainSeq: bigint; chainHash: Buffer } | null> {
    const rows = await manager.query<{ chain_seq: string; chain_hash: Buffer }[]>(
      // ordered by the column, not by its text alias ('9' > '10')
      `SELECT t.chain_seq::text AS chain_seq, t.chain_hash FROM journal_transaction t
        WHERE t.chain_seq IS NOT NULL ORDER BY t.chain_seq DESC LIMIT 1`,
    );
    const r = rows[0];
    return r ? { chainSeq: BigInt(r.chain_seq), chainHash: r.chain_hash } : null;
  }

  /** The oldest committed transactions not yet sealed, in posting order. */
  async unsealed(manager: EntityManager, limit: number): Promise<{ id: string; contentHash: Buffer }[]> {
    const rows = await manager.query<{ id: string; content_hash: Buffer }[]>(
      `SELECT id, content_hash FROM journal_transaction WHERE chain_seq IS NULL ORDER BY seq LIMIT $1`,
      [limit],
    );
    return rows.map((r) => ({ id: r.id, contentHash: r.content_hash }));
  }

  /**
   * Seals a batch: each transaction's chain position and link, and the HOT accounts' rollup advanced by
   * the batch's entries — in the sealer's one transaction, so "rollup + unsealed entries" never counts
   * an entry twice or misses one.
   */
  async seal(
    manager: EntityManager,
    links: { id: string; chainSeq: bigint; chainHash: Buffer }[],
  ): Promise<void> {
    const ids = links.map((l) => l.id);
    const upto = links[links.length - 1]!.chainSeq.toString();
    await manager.query(
      `WITH s AS (
         UPDATE journal_transaction t SET chain_seq = v.chain_seq, chain_hash = v.chain_hash
           FROM unnest($1::uuid[], $2::bigint[], $3::bytea[]) AS v(id, chain_seq, chain_hash)
          WHERE t.id = v.id AND t.chain_seq IS NULL
       )
       INSERT INTO account_rollup (account_code, upto_chain_seq, balance_fen)
       SELECT e.account_code, $4, sum(e.amount_fen)
         FROM journal_entry e JOIN account a ON a.code = e.account_code AND a.hot
        WHERE e.transaction_id = ANY($1::uuid[])
        GROUP BY e.account_code
       ON CONFLICT (account_code) DO UPDATE
          SET balance_fen = account_rollup.balance_fen + EXCLUDED.balance_fen, upto_chain_seq = EXCLUDED.upto_chain_seq`,
      [ids, links.map((l) => l.chainSeq.toString()), links.map((l) => l.chainHash), upto],
    );
  }

  // ---- the verify walk ----------------------------------------------------------------------------

  /** A page of transactions as stored, sealed ones in chain order after `afterChainSeq`, or unsealed ones by seq. */
  async storedPage(
    manager: EntityManager,
    sealed: boolean,
    after: string,
    limit: number,
  ): Promise<(StoredTransaction & { cursor: string })[]> {
    const rows = await manager.query<
      {
        id: string;
        kind: string;
        court_code: string;
        case_id: string | null;
        idempotency_key: string;
        memo: string | null;
        corrects_id: string | null;
        posted_at: Date;
        value_date: string | null;
        content_hash: Buffer;
        chain_seq: string | null;
        chain_hash: Buffer | null;
        cursor: string;
        entries: { a: string; f: string }[] | null;
      }[]
    >(
      `SELECT t.id, t.kind, t.court_code, t.case_id, t.idempotency_key, t.memo, t.corrects_id, t.posted_at,
              to_char(t.value_date, 'YYYY-MM-DD') AS value_date, t.content_hash, t.chain_seq::text AS chain_seq, t.chain_hash,
              ${sealed ? 't.chain_seq' : 't.seq'}::text AS cursor,
              (SELECT json_agg(json_build_object('a', e.account_code, 'f', e.amount_fen::text) ORDER BY e.line)
                 FROM journal_entry e WHERE e.transaction_id = t.id) AS entries
         FROM journal_transaction t
        WHERE ${sealed ? 't.chain_seq IS NOT NULL AND t.chain_seq > $1' : 't.chain_seq IS NULL AND t.seq > $1'}
        ORDER BY ${sealed ? 't.chain_seq' : 't.seq'} LIMIT $2`,
      [after, limit],
    );
    return rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      courtCode: r.court_code,
      caseId: r.case_id,
      idempotencyKey: r.idempotency_key,
      memo: r.memo,
      correctsId: r.corrects_id,
      postedAt: r.posted_at.toISOString(),
      valueDate: r.value_date,
      entries: (r.entries ?? []).map((e) => ({ accountCode: e.a, amountFen: Number(e.f) })),
      contentHash: r.content_hash,
      chainSeq: r.chain_seq === null ? null : BigInt(r.chain_seq),
      chainHash: r.chain_hash,
      cursor: r.cursor,
    }));
  }
}

/** The accounts named by codes, as posting lines name them. */
export async function accountsByCode(
  manager: EntityManager,
  codes: string[],
): Promise<{ code: string; kind: string; courtCode: string; caseId: string | null }[]> {
  const rows = await manager.query<
    { code: string; kind: string; court_code: string; case_id: string | null }[]
  >(`SELECT code, kind, court_code, case_id FROM account WHERE code = ANY($1::text[])`, [codes]);
  return rows.map((r) => ({ code: r.code, kind: r.kind, courtCode: r.court_code, caseId: r.case_id }));
}

/** What has left the dedicated account for a case's creditors (payouts paid, less their reversals). */
export async function paidOutOfCase(manager: EntityManager, caseId: string): Promise<number> {
  const [row] = await manager.query<{ paid: string }[]>(
    `SELECT coalesce(-sum(e.amount_fen), 0)::text AS paid
       FROM journal_transaction t
       JOIN journal_entry e ON e.transaction_id = t.id AND e.account_code LIKE 'DEDICATED:%'
       LEFT JOIN journal_transaction o ON o.id = t.corrects_id
      WHERE t.case_id = $1 AND (t.kind = 'PAYOUT_PAID' OR o.kind = 'PAYOUT_PAID')`,
    [caseId],
  );
  return Number(row?.paid ?? 0);
}

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

const POST_SQL = `
WITH t AS (
  INSERT INTO journal_transaction (id, court_code, kind, case_id, idempotency_key, request_hash, memo, corrects_id,
                                   posted_at, actor, content_hash, value_date)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $28::date)
  ON CONFLICT (idempotency_key) DO NOTHING
  RETURNING seq
), hot AS (
  INSERT INTO account (code, kind, court_code, case_id, natural_sign, non_negative, hot, created_at)
  SELECT x.code, x.kind, x.court, x.case_id, x.sign, x.nonneg, true, $9
    FROM unnest($12::text[], $13::text[], $14::text[], $15::uuid[], $16::smallint[], $17::boolean[])
         AS x(code, kind, court, case_id, sign, nonneg)
   WHERE EXISTS (SELECT 1 FROM t)
  ON CONFLICT (code) DO NOTHING
), spread AS (
  INSERT INTO account (code, kind, court_code, case_id, natural_sign, non_negative, hot, created_at, balance_fen)
  SELECT x.code, x.kind, x.court, x.case_id, x.sign, x.nonneg, false, $9, x.delta
    FROM unnest($18::text[], $19::text[], $20::text[], $21::uuid[], $22::smallint[], $23::boolean[], $24::bigint[])
         AS x(code, kind, court, case_id, sign, nonneg, delta)
   WHERE EXISTS (SELECT 1 FROM t)
   ORDER BY x.code
  ON CONFLICT (code) DO UPDATE SET balance_fen = account.balance_fen + EXCLUDED.balance_fen
   WHERE NOT account.non_negative OR account.natural_sign * (account.balance_fen + EXCLUDED.balance_fen) >= 0
  RETURNING code
), e AS (
  INSERT INTO journal_entry (transaction_id, line, account_code, amount_fen, posted_at)
  SELECT $1, x.line, x.code, x.amount, $9
    FROM unnest($25::smallint[], $26::text[], $27::bigint[]) AS x(line, code, amount)
   WHERE EXISTS (SELECT 1 FROM t)
)
SELECT (SELECT seq FROM t)::text AS seq, ARRAY(SELECT code FROM spread) AS updated`;

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
   * Writes a posting in one statement: the transaction row (nothing else happens when its key exists),
   * the accounts on first use, the guarded balance updates of the SPREAD accounts in code order, and the
   * entries. Returns the new seq (null: the key was posted before) and the SPREAD accounts that took
   * their change (one missing was refused by its guard).
   */
  async insertPosting(
    manager: EntityManager,
    p: PostingRow,
  ): Promise<{ seq: string | null; updated: string[] }> {
    const column = <T>(rows: AccountRow[], pick: (r: AccountRow) => T): T[] => rows.map(pick);
    const [row] = await prepared<{ seq: string | null; updated: string[] }>(
      manager,
      'ledger_post_v2',
      POST_SQL,
      [
        p.id,
        p.courtCode,
        p.kind,
        p.caseId,
        p.idempotencyKey,
        p.requestHash,
        p.memo,
        p.correctsId,
        p.postedAt,
        JSON.stringify(p.actor),
        p.contentHash,
        column(p.hotAccounts, (a) => a.code),
        column(p.hotAccounts, (a) => a.kind),
        column(p.hotAccounts, (a) => a.courtCode),
        column(p.hotAccounts, (a) => a.caseId),
        column(p.hotAccounts, (a) => a.naturalSign),
        column(p.hotAccounts, (a) => a.nonNegative),
        column(p.spread, (a) => a.code),
        column(p.spread, (a) => a.kind),
        column(p.spread, (a) => a.courtCode),
        column(p.spread, (a) => a.caseId),
        column(p.spread, (a) => a.naturalSign),
        column(p.spread, (a) => a.nonNegative),
        p.spread.map((a) => String(a.deltaFen)),
        p.entries.map((_, i) => i + 1),
        p.entries.map((e) => e.accountCode),
        p.entries.map((e) => String(e.amountFen)),
        p.valueDate,
      ],
    );
    return { seq: row?.seq ?? null, updated: row?.updated ?? [] };
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

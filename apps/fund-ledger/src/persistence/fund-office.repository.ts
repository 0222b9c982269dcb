import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AccountCodes } from '../domain/chart-of-accounts.js';

/** An unmatched receipt still standing, as the journal holds it. */
export interface SuspenseReceiptRow {
  id: string;
  seq: string;
  receivedOn: string;
  amountFen: number;
  memo: string | null;
  postedAt: Date;
  postedBy: string;
}

/** The court's suspense book at one moment: its standing receipts (oldest first) and matches. */
export interface SuspenseBook {
  receipts: SuspenseReceiptRow[];
  /** standing matches summed by the receipt they name (null: none, or a claim never linked) */
  matches: { receiptId: string | null; amountFen: number }[];
}

export interface CaseHitRow {
  caseId: string;
  caseNumber: string;
  claimFen: number | null;
  receivedFen: number;
}

/**
 * One statement, one snapshot: a match committed between two reads would count in one and not in the
 * other. Standing: not reversed. Amounts are what each moved on the court's suspense account.
 */
const BOOK_SQL = `
WITH receipts AS (
  SELECT t.id, t.seq, t.memo, t.posted_at, t.actor->>'username' AS posted_by,
         to_char(coalesce(t.value_date, (t.posted_at AT TIME ZONE 'Asia/Shanghai')::date), 'YYYY-MM-DD') AS received_on,
         (SELECT -sum(e.amount_fen) FROM journal_entry e
           WHERE e.transaction_id = t.id AND e.account_code = $2)::text AS amount
    FROM journal_transaction t
   WHERE t.court_code = $1 AND t.kind = 'SUSPENSE_RECEIPT'
     AND NOT EXISTS (SELECT 1 FROM journal_transaction r WHERE r.corrects_id = t.id)
), matches AS (
  SELECT c.suspense_transaction_id AS receipt_id,
         sum((SELECT sum(e.amount_fen) FROM journal_entry e
               WHERE e.transaction_id = t.id AND e.account_code = $2))::text AS amount
    FROM journal_transaction t
    LEFT JOIN suspense_claim c ON c.idempotency_key = t.idempotency_key AND c.court_code = t.court_code
   WHERE t.court_code = $1 AND t.kind = 'SUSPENSE_MATCH'
     AND NOT EXISTS (SELECT 1 FROM journal_transaction r WHERE r.corrects_id = t.id)
   GROUP BY c.suspense_transaction_id
)
SELECT (SELECT json_agg(json_build_object('id', id, 'seq', seq::text, 'memo', memo, 'postedAt', posted_at,
                                          'postedBy', posted_by, 'receivedOn', received_on, 'amount', amount)
                        ORDER BY seq) FROM receipts) AS receipts,
       (SELECT json_agg(json_build_object('receiptId', receipt_id, 'amount', amount)) FROM matches) AS matches`;

/** The fund office's reads and the links of 认领: the suspense book, the claims, the court's cases by number. */
@Injectable()
export class FundOfficeRepository {
  async suspenseBook(manager: EntityManager, courtCode: string): Promise<SuspenseBook> {
    const [row] = await manager.query<
      {
        receipts:
          | {
              id: string;
              seq: string;
              memo: string | null;
              postedAt: string;
              postedBy: string | null;
              receivedOn: string;
              amount: string;
            }[]
          | null;
        matches: { receiptId: string | null; amount: string }[] | null;
      }[]
    >(BOOK_SQL, [courtCode, AccountCodes.suspense(courtCode)]);
    return {
      receipts: (row?.receipts ?? []).map((r) => ({
        id: r.id,
        seq: r.seq,
        receivedOn: r.receivedOn,
        amountFen: Number(r.amount),
        memo: r.memo,
        postedAt: new Date(r.postedAt),
        postedBy: r.postedBy ?? '',
      })),
      matches: (row?.matches ?? []).map((m) => ({ receiptId: m.receiptId, amountFen: Number(m.amount) })),
    };
  }

  /** Records which receipt the match with this key names, in the match's own transaction. */
  async claim(
    manager: EntityManager,
    c: { idempotencyKey: string; courtCode: string; suspenseTransactionId: string; at: Date },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO suspense_claim (idempotency_key, court_code, suspense_transaction_id, claimed_at)
       VALUES ($1, $2, $3, $4) ON CONFLICT (idempotency_key) DO NOTHING`,
      [c.idempotencyKey, c.courtCode, c.suspenseTransactionId, c.at],
    );
  }

  /** Whether a transaction was posted under the key. */
  async keyPosted(manager: EntityManager, idempotencyKey: string): Promise<boolean> {
    const rows = await manager.query<unknown[]>(
      `SELECT 1 FROM journal_transaction WHERE idempotency_key = $1`,
      [idempotencyKey],
    );
    return rows.length > 0;
  }

  /** The court's cases whose number contains `text`, the latest filed first. */
  async casesByNumber(
    manager: EntityManager,
    courtCode: string,
    text: string,
    limit: number,
  ): Promise<CaseHitRow[]> {
    const rows = await manager.query<
      { case_id: string; case_number: string; claim_fen: string | null; received_fen: string }[]
    >(
      `SELECT case_id, case_number, claim_fen::text AS claim_fen, received_fen::text AS received_fen
         FROM ledger_case
        WHERE court_code = $1 AND case_number IS NOT NULL AND strpos(case_number, $2) > 0
        ORDER BY filed_on DESC NULLS LAST, known_at DESC
        LIMIT $3`,
      [courtCode, text, limit],
    );
    return rows.map((r) => ({
      caseId: r.case_id,
      caseNumber: r.case_number,
      claimFen: r.claim_fen === null ? null : Number(r.claim_fen),
      receivedFen: Number(r.received_fen),
    }));
  }
}

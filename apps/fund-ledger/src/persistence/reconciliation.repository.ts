import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { StatementLine } from '../domain/bank-statement.js';

export interface StoredLine {
  serial: string;
  date: string;
  amountFen: number;
  counterparty: string;
  memo: string;
  matchedTx: string | null;
  byReference: boolean;
}

export interface DedicatedEntry {
  transactionId: string;
  kind: string;
  caseId: string | null;
  caseNumber: string | null;
  date: string;
  amountFen: number;
}

/** The bank's lines and the journal's entries on the dedicated account, for 对账. */
@Injectable()
export class ReconciliationRepository {
  async insertImport(
    manager: EntityManager,
    i: {
      id: string;
      courtCode: string;
      fileName: string | null;
      lines: number;
      newLines: number;
      by: string;
      at: Date;
    },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO bank_statement_import (id, court_code, file_name, lines, new_lines, imported_by, imported_at)
       VALUES ($1,$2,$3,$4,$5,$6,$7)`,
      [i.id, i.courtCode, i.fileName, i.lines, i.newLines, i.by, i.at],
    );
  }

  /** Inserts the lines not seen before (by 流水号); returns the serials that are new. */
  async insertLines(
    manager: EntityManager,
    courtCode: string,
    importId: string,
    lines: StatementLine[],
  ): Promise<Set<string>> {
    const fresh = new Set<string>();
    for (const l of lines) {
      const rows = await manager.query<{ serial: string }[]>(
        `INSERT INTO bank_statement_line (court_code, serial, import_id, line_no, txn_date, amount_fen, counterparty, memo)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8) ON CONFLICT DO NOTHING RETURNING serial`,
        [courtCode, l.serial, importId, l.line, l.date, l.amountFen, l.counterparty, l.memo],
      );
      if (rows.length) fresh.add(l.serial);
    }
    return fresh;
  }

  async lines(
    manager: EntityManager,
    courtCode: string,
    from?: string,
    to?: string,
    unmatchedOnly = false,
  ): Promise<StoredLine[]> {
    const rows = await manager.query<
      {
        serial: string;
        txn_date: string;
        amount_fen: string;
        counterparty: string;
        memo: string;
        matched_tx: string | null;
        by_reference: boolean;
      }[]
    >(
      `SELECT serial, to_char(txn_date, 'YYYY-MM-DD') AS txn_date, amount_fen::text, counterparty, memo, matched_tx,
              by_reference
         FROM bank_statement_line
        WHERE court_code = $1 AND ($2::date IS NULL OR txn_date >= $2) AND ($3::date IS NULL OR txn_date <= $3)
          AND (NOT $4 OR matched_tx IS NULL)
        ORDER BY txn_date, line_no, serial`,
      [courtCode, from ?? null, to ?? null, unmatchedOnly],
    );
    return rows.map((r) => ({
      serial: r.serial,
      date: r.txn_date,
      amountFen: Number(r.amount_fen),
      counterparty: r.counterparty,
      memo: r.memo,
      matchedTx: r.matched_tx,
      byReference: r.by_reference,
    }));
  }

  async match(
    manager: EntityManager,
    courtCode: string,
    serial: string,
    tx: string,
    byReference: boolean,
  ): Promise<void> {
    await manager.query(
      `UPDATE bank_statement_line SET matched_tx = $3, by_reference = $4 WHERE court_code = $1 AND serial = $2`,
      [courtCode, serial, tx, byReference],
    );
  }

  /**
   * Each transaction's net entry on the court's dedicated account (Asia/Shanghai date), with the case
   * number for the memo to name; with `unmatchedOnly`, those no bank line took yet.
   */
  async dedicatedEntries(
    manager: EntityManager,
    courtCode: string,
    range: { from?: string; to?: string },
    unmatchedOnly: boolean,
  ): Promise<DedicatedEntry[]> {
    const rows = await manager.query<
      {
        id: string;
        kind: string;
        case_id: string | null;
        case_number: string | null;
        day: string;
        amount: string;
      }[]
    >(
      `SELECT t.id, t.kind, t.case_id, c.case_number,
              to_char(t.posted_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS day, sum(e.amount_fen)::text AS amount
         FROM journal_entry e
         JOIN journal_transaction t ON t.id = e.transaction_id
         LEFT JOIN ledger_case c ON c.case_id = t.case_id
        WHERE e.account_code = $1
          AND ($2::date IS NULL OR (t.posted_at AT TIME ZONE 'Asia/Shanghai')::date >= $2)
          AND ($3::date IS NULL OR (t.posted_at AT TIME ZONE 'Asia/Shanghai')::date <= $3)
          AND (NOT $4 OR NOT EXISTS (SELECT 1 FROM bank_statement_line b WHERE b.matched_tx = t.id))
        GROUP BY t.id, t.kind, t.case_id, c.case_number, t.posted_at
       HAVING sum(e.amount_fen) <> 0
        ORDER BY t.posted_at, t.id`,
      [`DEDICATED:${courtCode}`, range.from ?? null, range.to ?? null, unmatchedOnly],
    );
    return rows.map((r) => ({
      transactionId: r.id,
      kind: r.kind,
      caseId: r.case_id,
      caseNumber: r.case_number,
      date: r.day,
      amountFen: Number(r.amount),
    }));
  }
}

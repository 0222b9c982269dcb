import type { MigrationInterface, QueryRunner } from 'typeorm';

/** 对账: the bank's statement lines of each court's dedicated account, and what each was matched with. */
export class Reconciliation1764300000300 implements MigrationInterface {
  name = 'Reconciliation1764300000300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE bank_statement_import (
        id           UUID PRIMARY KEY,
        court_code   TEXT NOT NULL,
        file_name    TEXT,
        lines        INT NOT NULL,
        new_lines    INT NOT NULL,
        imported_by  TEXT NOT NULL,
        imported_at  TIMESTAMPTZ NOT NULL
      )`);
    await q.query(`
      CREATE TABLE bank_statement_line (
        court_code     TEXT NOT NULL,
        serial         TEXT NOT NULL,
        import_id      UUID NOT NULL REFERENCES bank_statement_import (id),
        line_no        INT NOT NULL,
        txn_date       DATE NOT NULL,
        amount_fen     BIGINT NOT NULL CHECK (amount_fen <> 0),
        counterparty   TEXT NOT NULL,
        memo           TEXT NOT NULL,
        matched_tx     UUID,
        by_reference   BOOLEAN NOT NULL DEFAULT false,
        PRIMARY KEY (court_code, serial)
      )`);
    // a journal transaction is matched with one bank line at most
    await q.query(
      `CREATE UNIQUE INDEX bank_statement_line_matched ON bank_statement_line (matched_tx) WHERE matched_tx IS NOT NULL`,
    );
    await q.query(`CREATE INDEX bank_statement_line_date ON bank_statement_line (court_code, txn_date)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE bank_statement_line');
    await q.query('DROP TABLE bank_statement_import');
  }
}

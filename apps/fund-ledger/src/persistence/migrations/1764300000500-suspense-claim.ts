import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 认领: which unmatched receipt (待认领到账) a match of suspense money names, keyed by the match's
 * idempotency key and written in the match's own transaction (a refused match leaves none). Never changed.
 */
export class SuspenseClaim1764300000500 implements MigrationInterface {
  name = 'SuspenseClaim1764300000500';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE suspense_claim (
        idempotency_key          TEXT PRIMARY KEY,
        court_code               TEXT NOT NULL,
        suspense_transaction_id  UUID NOT NULL,
        claimed_at               TIMESTAMPTZ NOT NULL
      )`);
    await q.query(`CREATE INDEX suspense_claim_receipt ON suspense_claim (suspense_transaction_id)`);
    // the court's suspense receipts and matches, read whole by the 待认领款 list
    await q.query(
      `CREATE INDEX journal_transaction_suspense ON journal_transaction (court_code, seq)
        WHERE kind IN ('SUSPENSE_RECEIPT', 'SUSPENSE_MATCH')`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX journal_transaction_suspense');
    await q.query('DROP TABLE suspense_claim');
  }
}

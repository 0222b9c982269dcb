import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The fund ledger's reversals (冲正) of a case's receipts (`ledger.money.reversed`), kept by reversal id
 * (one per receipt at most): what came in falls again, and so the over-control limit rises
 * (查封规定 Art 19). A receipt delivered after its reversal is kept and not counted.
 */
export class LedgerReversals1764300000700 implements MigrationInterface {
  name = 'LedgerReversals1764300000700';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE control_ledger_reversal (
        reversal_id         TEXT PRIMARY KEY,
        receipt_id          TEXT NOT NULL UNIQUE,
        case_id             UUID NOT NULL,
        amount_fen          BIGINT NOT NULL CHECK (amount_fen > 0),
        total_received_fen  BIGINT NOT NULL CHECK (total_received_fen >= 0),
        reversed_on         DATE NOT NULL,
        recorded_at         TIMESTAMPTZ NOT NULL
      )`);
    await q.query(`CREATE INDEX control_ledger_reversal_case ON control_ledger_reversal (case_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE control_ledger_reversal`);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The over-control limit follows the money (查封规定 Art 19): a case counts its own confirmed deductions
 * and the fund ledger's receipts apart (`recovered_fen` becomes their sum, each fen once — the same rule
 * as domain/control-limit.ts `recoveredFen`), the ledger's receipts are kept by receipt id, and the
 * claim paid in full is recorded. Preservation controls carried into an execution case (保全转执行,
 * 民诉解释 Art 168) name the 执保 case they came from, and the 执保 case the case they went to.
 */
export class LedgerRecoveryAndCarriedControls1764300000600 implements MigrationInterface {
  name = 'LedgerRecoveryAndCarriedControls1764300000600';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE control_case
        ADD COLUMN deducted_fen          BIGINT NOT NULL DEFAULT 0 CHECK (deducted_fen >= 0),
        ADD COLUMN ledger_received_fen   BIGINT NOT NULL DEFAULT 0 CHECK (ledger_received_fen >= 0),
        ADD COLUMN ledger_deducted_fen   BIGINT NOT NULL DEFAULT 0 CHECK (ledger_deducted_fen >= 0),
        ADD COLUMN fully_paid_on         DATE,
        ADD COLUMN carried_into_case_id  UUID`);
    // until now recovered_fen counted confirmed deductions only
    await q.query(`UPDATE control_case SET deducted_fen = recovered_fen`);
    // derived from the counts, so no reader can see a stale sum and no writer can set it
    await q.query(`ALTER TABLE control_case DROP COLUMN recovered_fen`);
    await q.query(`
      ALTER TABLE control_case ADD COLUMN recovered_fen BIGINT
        GENERATED ALWAYS AS (ledger_received_fen + GREATEST(0, deducted_fen - ledger_deducted_fen)) STORED`);
    await q.query(`
      CREATE TABLE control_ledger_receipt (
        receipt_id   TEXT PRIMARY KEY,
        case_id      UUID NOT NULL,
        amount_fen   BIGINT NOT NULL CHECK (amount_fen >= 0),
        source       TEXT NOT NULL,
        received_on  DATE NOT NULL,
        total_received_fen  BIGINT NOT NULL CHECK (total_received_fen >= 0),
        recorded_at  TIMESTAMPTZ NOT NULL
      )`);
    await q.query(`CREATE INDEX control_ledger_receipt_case ON control_ledger_receipt (case_id)`);
    await q.query(`ALTER TABLE asset_control ADD COLUMN carried_from_case_id UUID`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE asset_control DROP COLUMN carried_from_case_id`);
    await q.query(`DROP TABLE control_ledger_receipt`);
    await q.query(`ALTER TABLE control_case DROP COLUMN recovered_fen`);
    await q.query(
      `ALTER TABLE control_case ADD COLUMN recovered_fen BIGINT NOT NULL DEFAULT 0 CHECK (recovered_fen >= 0)`,
    );
    await q.query(
      `UPDATE control_case SET recovered_fen = ledger_received_fen + GREATEST(0, deducted_fen - ledger_deducted_fen)`,
    );
    await q.query(`
      ALTER TABLE control_case
        DROP COLUMN deducted_fen, DROP COLUMN ledger_received_fen, DROP COLUMN ledger_deducted_fen,
        DROP COLUMN fully_paid_on, DROP COLUMN carried_into_case_id`);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The sandbox's log of follow-up control orders (续行, 解除, 扣划) by the court's action id: an agency
 * carries out an action id once, as a real one does by its request id; a repeat gets the first answer and
 * is logged as REPEATED. At most one ANSWERED row per action id; the money each DONE deduction moved is
 * kept so a record is never deducted beyond its balance.
 */
export class AgencyControlLog1764300000780 implements MigrationInterface {
  name = 'AgencyControlLog1764300000780';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE agency_control_log (
        id                 BIGSERIAL PRIMARY KEY,
        action_id          TEXT NOT NULL,
        control_id         TEXT NOT NULL,
        kind               TEXT NOT NULL,
        action             TEXT NOT NULL,
        identifier         TEXT NOT NULL,
        case_number        TEXT NOT NULL,
        outcome            TEXT NOT NULL CHECK (outcome IN ('ANSWERED', 'REPEATED')),
        answer             JSONB NOT NULL,
        moved_fen          BIGINT NOT NULL DEFAULT 0 CHECK (moved_fen >= 0),
        received_at        TIMESTAMPTZ NOT NULL
      )`);
    await q.query(`
      CREATE UNIQUE INDEX agency_control_log_answered_once ON agency_control_log (action_id)
        WHERE outcome = 'ANSWERED'`);
    await q.query(`CREATE INDEX agency_control_log_record ON agency_control_log (kind, identifier)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE agency_control_log');
  }
}

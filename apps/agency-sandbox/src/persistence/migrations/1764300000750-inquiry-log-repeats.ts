import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An agency answers an inquiry id once, as a real one does by its request id: a repeat of an answered
 * inquiry is logged as REPEATED, and at most one ANSWERED row per inquiry id is allowed.
 */
export class InquiryLogRepeats1764300000750 implements MigrationInterface {
  name = 'InquiryLogRepeats1764300000750';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE agency_inquiry_log DROP CONSTRAINT agency_inquiry_log_outcome_check`);
    await q.query(`
      ALTER TABLE agency_inquiry_log ADD CONSTRAINT agency_inquiry_log_outcome_check
        CHECK (outcome IN ('ANSWERED', 'FAILED', 'HELD', 'REPEATED'))`);
    await q.query(`
      CREATE UNIQUE INDEX agency_inquiry_log_answered_once ON agency_inquiry_log (inquiry_id)
        WHERE outcome = 'ANSWERED'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX agency_inquiry_log_answered_once');
    await q.query(`DELETE FROM agency_inquiry_log WHERE outcome = 'REPEATED'`);
    await q.query(`ALTER TABLE agency_inquiry_log DROP CONSTRAINT agency_inquiry_log_outcome_check`);
    await q.query(`
      ALTER TABLE agency_inquiry_log ADD CONSTRAINT agency_inquiry_log_outcome_check
        CHECK (outcome IN ('ANSWERED', 'FAILED', 'HELD'))`);
  }
}

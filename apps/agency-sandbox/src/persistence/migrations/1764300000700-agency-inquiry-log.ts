import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The sandbox's log of the inquiries it answered, failed or held. */
export class AgencyInquiryLog1764300000700 implements MigrationInterface {
  name = 'AgencyInquiryLog1764300000700';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE agency_inquiry_log (
        id                 BIGSERIAL PRIMARY KEY,
        inquiry_id         TEXT NOT NULL,
        kind               TEXT NOT NULL,
        subject_id_number  TEXT NOT NULL,
        case_number        TEXT NOT NULL,
        outcome            TEXT NOT NULL CHECK (outcome IN ('ANSWERED', 'FAILED', 'HELD')),
        findings           INT NOT NULL,
        received_at        TIMESTAMPTZ NOT NULL
      )`);
    await q.query(`CREATE INDEX agency_inquiry_log_inquiry ON agency_inquiry_log (inquiry_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE agency_inquiry_log');
  }
}

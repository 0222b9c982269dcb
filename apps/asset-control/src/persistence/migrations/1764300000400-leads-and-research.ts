import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 财产线索 and 终本后定期复查: applicants' leads; a round number on inquiries and found assets (0 is the
 * inquiry at registration, 1… the re-searches after 终本); the rounds and schedule of the re-searches;
 * the filing date and first dispatch that the indicator 立案当日启动财产查控 is read from; and the last
 * completion announced, so a re-sent inquiry announces again only when the outcome changed.
 */
export class LeadsAndResearch1764300000400 implements MigrationInterface {
  name = 'LeadsAndResearch1764300000400';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE inquiry_batch ADD COLUMN filing_date DATE`);
    await q.query(`UPDATE inquiry_batch SET filing_date = (started_at AT TIME ZONE 'Asia/Shanghai')::date`);
    await q.query(`ALTER TABLE inquiry_batch ALTER COLUMN filing_date SET NOT NULL`);
    await q.query(`ALTER TABLE inquiry_batch ADD COLUMN announced_summary JSONB`);
    await q.query(`CREATE INDEX inquiry_batch_filing ON inquiry_batch (court_code, filing_date)`);

    await q.query(`ALTER TABLE asset_inquiry ADD COLUMN round INT NOT NULL DEFAULT 0 CHECK (round >= 0)`);
    await q.query(`ALTER TABLE asset_inquiry ADD COLUMN first_sent_at TIMESTAMPTZ`);
    await q.query(`ALTER TABLE asset_inquiry ADD COLUMN resent INT NOT NULL DEFAULT 0 CHECK (resent >= 0)`);
    await q.query(
      `ALTER TABLE asset_inquiry DROP CONSTRAINT asset_inquiry_case_id_respondent_id_number_kind_key`,
    );
    await q.query(
      `ALTER TABLE asset_inquiry ADD CONSTRAINT asset_inquiry_round_key
         UNIQUE (case_id, round, respondent_id_number, kind)`,
    );
    await q.query(`ALTER TABLE found_asset ADD COLUMN round INT NOT NULL DEFAULT 0`);

    await q.query(`
      CREATE TABLE research_schedule (
        case_id          UUID PRIMARY KEY REFERENCES inquiry_batch (case_id),
        case_number      TEXT NOT NULL,
        court_code       TEXT NOT NULL,
        status           TEXT NOT NULL CHECK (status IN ('ACTIVE', 'STOPPED', 'ENDED')),
        closed_on        DATE NOT NULL,
        ends_on          DATE NOT NULL,
        next_due_on      DATE,
        rounds_started   INT NOT NULL DEFAULT 0,
        stopped_on       DATE,
        stopped_reason   TEXT,
        created_at       TIMESTAMPTZ NOT NULL,
        CHECK ((status = 'ACTIVE') = (next_due_on IS NOT NULL))
      )`);
    await q.query(
      `CREATE INDEX research_schedule_due ON research_schedule (next_due_on) WHERE status = 'ACTIVE'`,
    );
    await q.query(`
      CREATE TABLE research_round (
        case_id          UUID NOT NULL REFERENCES research_schedule (case_id),
        round            INT NOT NULL CHECK (round >= 1),
        started_at       TIMESTAMPTZ NOT NULL,
        completed_at     TIMESTAMPTZ,
        assets_found     INT,
        total_value_fen  BIGINT,
        announced_at     TIMESTAMPTZ,
        PRIMARY KEY (case_id, round)
      )`);

    await q.query(`
      CREATE TABLE asset_lead (
        id             UUID PRIMARY KEY,
        case_id        UUID NOT NULL REFERENCES inquiry_batch (case_id),
        court_code     TEXT NOT NULL,
        request_key    TEXT NOT NULL,
        kind           TEXT NOT NULL,
        description    TEXT NOT NULL,
        urgent         BOOLEAN NOT NULL,
        provided_by    TEXT NOT NULL,
        status         TEXT NOT NULL CHECK (status IN ('OPEN', 'CHECKED')),
        received_on    DATE NOT NULL,
        due_on         DATE NOT NULL,
        recorded_by    TEXT NOT NULL,
        recorded_at    TIMESTAMPTZ NOT NULL,
        result         TEXT CHECK (result IN ('FOUND', 'NOT_FOUND', 'NOT_VERIFIABLE')),
        note           TEXT,
        checked_on     DATE,
        checked_by     TEXT,
        checked_at     TIMESTAMPTZ,
        UNIQUE (court_code, request_key),
        CHECK ((status = 'CHECKED') = (result IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX asset_lead_case ON asset_lead (case_id, received_on)`);
    await q.query(`CREATE INDEX asset_lead_open ON asset_lead (court_code, due_on) WHERE status = 'OPEN'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE asset_lead');
    await q.query('DROP TABLE research_round');
    await q.query('DROP TABLE research_schedule');
    await q.query('DELETE FROM found_asset WHERE round > 0');
    await q.query('DELETE FROM asset_inquiry WHERE round > 0');
    await q.query('ALTER TABLE found_asset DROP COLUMN round');
    await q.query('ALTER TABLE asset_inquiry DROP CONSTRAINT asset_inquiry_round_key');
    await q.query(
      `ALTER TABLE asset_inquiry ADD CONSTRAINT asset_inquiry_case_id_respondent_id_number_kind_key
         UNIQUE (case_id, respondent_id_number, kind)`,
    );
    await q.query('ALTER TABLE asset_inquiry DROP COLUMN resent');
    await q.query('ALTER TABLE asset_inquiry DROP COLUMN first_sent_at');
    await q.query('ALTER TABLE asset_inquiry DROP COLUMN round');
    await q.query('ALTER TABLE inquiry_batch DROP COLUMN announced_summary');
    await q.query('ALTER TABLE inquiry_batch DROP COLUMN filing_date');
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 财产查控, first stage: one batch per case, one inquiry per respondent and agency kind, and the
 * assets the agencies reported. No foreign keys to other services: the case lives in case-intake.
 */
export class AssetInquiry1764300000200 implements MigrationInterface {
  name = 'AssetInquiry1764300000200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE inquiry_batch (
        case_id         UUID PRIMARY KEY,
        case_number     TEXT NOT NULL,
        case_type       TEXT NOT NULL,
        court_code      TEXT NOT NULL,
        correlation_id  TEXT NOT NULL,
        started_at      TIMESTAMPTZ NOT NULL,
        completed_at    TIMESTAMPTZ
      )`);
    await q.query(`CREATE INDEX inquiry_batch_court ON inquiry_batch (court_code, started_at DESC)`);
    await q.query(`
      CREATE TABLE asset_inquiry (
        id                    UUID PRIMARY KEY,
        case_id               UUID NOT NULL REFERENCES inquiry_batch (case_id),
        kind                  TEXT NOT NULL,
        respondent_position   INT NOT NULL,
        respondent_kind       TEXT NOT NULL,
        respondent_name       TEXT NOT NULL,
        respondent_id_number  TEXT NOT NULL,
        status                TEXT NOT NULL CHECK (status IN ('PENDING', 'ANSWERED', 'FAILED')),
        attempts              INT NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        next_attempt_at       TIMESTAMPTZ,
        claimed_until         TIMESTAMPTZ,
        claim_token           UUID,
        last_error            TEXT,
        answered_at           TIMESTAMPTZ,
        failed_at             TIMESTAMPTZ,
        created_at            TIMESTAMPTZ NOT NULL,
        UNIQUE (case_id, respondent_id_number, kind)
      )`);
    await q.query(
      `CREATE INDEX asset_inquiry_due ON asset_inquiry (next_attempt_at) WHERE status = 'PENDING'`,
    );
    await q.query(`
      CREATE TABLE found_asset (
        id                    UUID PRIMARY KEY,
        inquiry_id            UUID NOT NULL REFERENCES asset_inquiry (id),
        position              INT NOT NULL,
        case_id               UUID NOT NULL,
        kind                  TEXT NOT NULL,
        respondent_position   INT NOT NULL,
        respondent_id_number  TEXT NOT NULL,
        holder                TEXT NOT NULL,
        identifier            TEXT NOT NULL,
        description           TEXT NOT NULL,
        value_kind            TEXT NOT NULL CHECK (value_kind IN ('BALANCE', 'ESTIMATE', 'NONE')),
        amount_fen            BIGINT NOT NULL CHECK (amount_fen >= 0),
        found_at              TIMESTAMPTZ NOT NULL,
        UNIQUE (inquiry_id, position)
      )`);
    await q.query(`CREATE INDEX found_asset_case ON found_asset (case_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE found_asset');
    await q.query('DROP TABLE asset_inquiry');
    await q.query('DROP TABLE inquiry_batch');
  }
}

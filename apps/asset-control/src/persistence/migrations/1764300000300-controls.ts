import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 财产控制: the cases asset-control may control for (claim and costs, from `case.registered`), the
 * controls ordered (冻结 / 查封 / 扣押) with their terms, and the follow-up orders on them (续行, 解除,
 * 扣划), each idempotent by the officer's request key.
 */
export class Controls1764300000300 implements MigrationInterface {
  name = 'Controls1764300000300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE control_case (
        case_id        UUID PRIMARY KEY,
        case_number    TEXT NOT NULL,
        court_code     TEXT NOT NULL,
        claim_fen      BIGINT NOT NULL CHECK (claim_fen >= 0),
        costs_fen      BIGINT NOT NULL CHECK (costs_fen >= 0),
        recovered_fen  BIGINT NOT NULL DEFAULT 0 CHECK (recovered_fen >= 0),
        registered_at  TIMESTAMPTZ NOT NULL,
        closed_on      DATE
      )`);
    await q.query(`
      CREATE TABLE asset_control (
        id                    UUID PRIMARY KEY,
        case_id               UUID NOT NULL REFERENCES control_case (case_id),
        court_code            TEXT NOT NULL,
        request_key           TEXT NOT NULL,
        kind                  TEXT NOT NULL CHECK (kind IN ('FREEZE', 'SEIZE', 'DISTRAIN')),
        agency_kind           TEXT NOT NULL,
        asset_id              UUID,
        respondent_id_number  TEXT NOT NULL,
        holder                TEXT NOT NULL,
        identifier            TEXT NOT NULL,
        description           TEXT NOT NULL,
        requested_fen         BIGINT NOT NULL CHECK (requested_fen >= 0),
        amount_fen            BIGINT NOT NULL CHECK (amount_fen >= 0),
        deducted_fen          BIGINT NOT NULL DEFAULT 0 CHECK (deducted_fen >= 0),
        status                TEXT NOT NULL CHECK (status IN
                                ('PENDING', 'QUEUED', 'EFFECTIVE', 'REFUSED', 'FAILED', 'RELEASED', 'LAPSED', 'DEDUCTED')),
        term_months           INT NOT NULL CHECK (term_months > 0),
        effective_on          DATE,
        expires_on            DATE,
        renewals              INT NOT NULL DEFAULT 0,
        queued_behind         TEXT,
        agency_note           TEXT,
        note                  TEXT,
        ordered_at            TIMESTAMPTZ NOT NULL,
        confirmed_at          TIMESTAMPTZ,
        ended_on              DATE,
        end_reason            TEXT,
        UNIQUE (case_id, request_key)
      )`);
    // one live hold of a kind per record and case: a second order would double-count against the limit
    await q.query(`
      CREATE UNIQUE INDEX asset_control_live ON asset_control (case_id, agency_kind, identifier, kind)
       WHERE status IN ('PENDING', 'QUEUED', 'EFFECTIVE')`);
    await q.query(
      `CREATE INDEX asset_control_expiry ON asset_control (court_code, expires_on) WHERE status = 'EFFECTIVE'`,
    );
    await q.query(`CREATE INDEX asset_control_queued ON asset_control (court_code) WHERE status = 'QUEUED'`);
    await q.query(`
      CREATE TABLE control_action (
        id            UUID PRIMARY KEY,
        control_id    UUID NOT NULL REFERENCES asset_control (id),
        case_id       UUID NOT NULL,
        request_key   TEXT NOT NULL,
        action        TEXT NOT NULL CHECK (action IN ('RENEW', 'RELEASE', 'DEDUCT')),
        status        TEXT NOT NULL CHECK (status IN ('PENDING', 'DONE', 'REFUSED', 'FAILED')),
        amount_fen    BIGINT CHECK (amount_fen > 0),
        term_months   INT,
        reason        TEXT,
        agency_note   TEXT,
        created_at    TIMESTAMPTZ NOT NULL,
        done_at       TIMESTAMPTZ,
        UNIQUE (case_id, request_key)
      )`);
    await q.query(
      `CREATE INDEX control_action_open ON control_action (created_at) WHERE status IN ('PENDING', 'FAILED')`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE control_action');
    await q.query('DROP TABLE asset_control');
    await q.query('DROP TABLE control_case');
  }
}

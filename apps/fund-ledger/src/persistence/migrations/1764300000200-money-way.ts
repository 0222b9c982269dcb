import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The money's way out: payouts (发放) with their second approval, distribution plans (参与分配) with
 * objections, the 30-day rule's alerts, bidder deposits (竞买保证金); and what the ledger keeps of a case
 * for them (its applicants, its closure, what was paid and when the claim was covered).
 */
export class MoneyWay1764300000200 implements MigrationInterface {
  name = 'MoneyWay1764300000200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE ledger_case
        ADD COLUMN applicants      JSONB NOT NULL DEFAULT '[]',
        ADD COLUMN closed_on       DATE,
        ADD COLUMN closure_type    TEXT,
        ADD COLUMN paid_fen        BIGINT NOT NULL DEFAULT 0,
        ADD COLUMN fee_settled_fen BIGINT NOT NULL DEFAULT 0,
        ADD COLUMN fully_paid_on   DATE`);
    await q.query(`
      CREATE TABLE distribution_plan (
        id               UUID PRIMARY KEY,
        case_id          UUID NOT NULL,
        court_code       TEXT NOT NULL,
        revision         INT NOT NULL,
        served_on        DATE NOT NULL,
        amount_fen       BIGINT NOT NULL CHECK (amount_fen >= 0),
        costs_fen        BIGINT NOT NULL CHECK (costs_fen >= 0),
        surplus_fen      BIGINT NOT NULL CHECK (surplus_fen >= 0),
        superseded       BOOLEAN NOT NULL DEFAULT false,
        idempotency_key  TEXT UNIQUE,
        request_hash     TEXT,
        created_by       TEXT NOT NULL,
        created_at       TIMESTAMPTZ NOT NULL
      )`);
    // one live plan per case
    await q.query(
      `CREATE UNIQUE INDEX distribution_plan_live ON distribution_plan (case_id) WHERE NOT superseded`,
    );
    await q.query(`
      CREATE TABLE distribution_allocation (
        plan_id        UUID NOT NULL REFERENCES distribution_plan (id),
        creditor_id    TEXT NOT NULL,
        creditor_name  TEXT NOT NULL,
        claim_fen      BIGINT NOT NULL CHECK (claim_fen > 0),
        rank           TEXT NOT NULL CHECK (rank IN ('SECURED', 'PRIORITY', 'ORDINARY')),
        rank_order     INT,
        allocated_fen  BIGINT NOT NULL CHECK (allocated_fen >= 0),
        position       INT NOT NULL,
        PRIMARY KEY (plan_id, creditor_id)
      )`);
    await q.query(`
      CREATE TABLE distribution_objection (
        id           UUID PRIMARY KEY,
        plan_id      UUID NOT NULL REFERENCES distribution_plan (id),
        objector     TEXT NOT NULL,
        reason       TEXT NOT NULL,
        filed_on     DATE NOT NULL,
        filed_by     TEXT NOT NULL,
        status       TEXT NOT NULL CHECK (status IN ('OPEN', 'UPHELD', 'DISMISSED')),
        decision     TEXT,
        decided_on   DATE,
        decided_by   TEXT
      )`);
    await q.query(`CREATE INDEX distribution_objection_plan ON distribution_objection (plan_id)`);
    await q.query(`
      CREATE TABLE payout (
        id                 UUID PRIMARY KEY,
        court_code         TEXT NOT NULL,
        case_id            UUID NOT NULL,
        creditor_id        TEXT NOT NULL,
        creditor_name      TEXT NOT NULL,
        creditor_account   TEXT,
        amount_fen         BIGINT NOT NULL CHECK (amount_fen > 0),
        fee_fen            BIGINT NOT NULL DEFAULT 0 CHECK (fee_fen >= 0),
        plan_id            UUID REFERENCES distribution_plan (id),
        status             TEXT NOT NULL CHECK (status IN ('PENDING_APPROVAL', 'APPROVED', 'PAID', 'REJECTED')),
        needs_approval     BOOLEAN NOT NULL,
        threshold_fen      BIGINT NOT NULL,
        memo               TEXT,
        idempotency_key    TEXT NOT NULL UNIQUE,
        request_hash       TEXT NOT NULL,
        requested_by       TEXT NOT NULL,
        requested_by_name  TEXT NOT NULL,
        requested_at       TIMESTAMPTZ NOT NULL,
        decided_by         TEXT,
        decided_by_name    TEXT,
        decided_at         TIMESTAMPTZ,
        comment            TEXT,
        approved_tx        UUID,
        paid_tx            UUID,
        paid_on            DATE,
        bank_serial        TEXT
      )`);
    await q.query(`CREATE INDEX payout_court_status ON payout (court_code, status, requested_at)`);
    await q.query(`CREATE INDEX payout_case ON payout (case_id)`);
    // the due-soon alert of each receipt, raised once
    await q.query(`
      CREATE TABLE payout_deadline_alert (
        receipt_id   UUID PRIMARY KEY,
        case_id      UUID NOT NULL,
        court_code   TEXT NOT NULL,
        deadline     DATE NOT NULL,
        unpaid_fen   BIGINT NOT NULL,
        alerted_at   TIMESTAMPTZ NOT NULL
      )`);
    await q.query(`
      CREATE TABLE bidder_deposit (
        id               UUID PRIMARY KEY,
        court_code       TEXT NOT NULL,
        case_id          UUID NOT NULL,
        lot_id           TEXT NOT NULL,
        bidder_id        TEXT NOT NULL,
        bidder_name      TEXT NOT NULL,
        amount_fen       BIGINT NOT NULL CHECK (amount_fen > 0),
        status           TEXT NOT NULL CHECK (status IN ('HELD', 'REFUND_DUE', 'REFUNDED', 'APPLIED', 'FORFEITED')),
        idempotency_key  TEXT NOT NULL UNIQUE,
        request_hash     TEXT NOT NULL,
        held_at          TIMESTAMPTZ NOT NULL,
        auction_ended_at TIMESTAMPTZ,
        refund_due_at    TIMESTAMPTZ,
        refunded_at      TIMESTAMPTZ,
        bank_serial      TEXT,
        forfeit_reason   TEXT,
        UNIQUE (lot_id, bidder_id)
      )`);
    await q.query(
      `CREATE INDEX bidder_deposit_refund_due ON bidder_deposit (court_code, refund_due_at) WHERE status = 'REFUND_DUE'`,
    );
    // a lot's forfeited deposit applied after the resale, once (网络司法拍卖规定 Art 24)
    await q.query(`
      CREATE TABLE forfeit_application (
        lot_id           TEXT PRIMARY KEY,
        court_code       TEXT NOT NULL,
        case_id          UUID NOT NULL,
        forfeited_fen    BIGINT NOT NULL,
        costs_fen        BIGINT NOT NULL,
        shortfall_fen    BIGINT NOT NULL,
        debt_fen         BIGINT NOT NULL,
        remaining_fen    BIGINT NOT NULL,
        transaction_id   UUID NOT NULL,
        applied_at       TIMESTAMPTZ NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE forfeit_application');
    await q.query('DROP TABLE bidder_deposit');
    await q.query('DROP TABLE payout_deadline_alert');
    await q.query('DROP TABLE payout');
    await q.query('DROP TABLE distribution_objection');
    await q.query('DROP TABLE distribution_allocation');
    await q.query('DROP TABLE distribution_plan');
    await q.query(`
      ALTER TABLE ledger_case DROP COLUMN applicants, DROP COLUMN closed_on, DROP COLUMN closure_type,
        DROP COLUMN paid_fen, DROP COLUMN fee_settled_fen, DROP COLUMN fully_paid_on`);
  }
}

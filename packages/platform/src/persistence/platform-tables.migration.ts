import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The tables every service keeps for the plumbing: the outbox (events waiting to leave), the inbox
 * (events already handled, per consumer) and the audit log (who changed what, before and after).
 */
export class PlatformTables1764300000000 implements MigrationInterface {
  name = 'PlatformTables1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE outbox (
        seq           BIGSERIAL PRIMARY KEY,
        id            UUID NOT NULL UNIQUE,
        type          TEXT NOT NULL,
        envelope      JSONB NOT NULL,
        created_at    TIMESTAMPTZ NOT NULL,
        published_at  TIMESTAMPTZ,
        attempts      INT NOT NULL DEFAULT 0,
        last_error    TEXT
      )`);
    await q.query(`CREATE INDEX outbox_unpublished ON outbox (seq) WHERE published_at IS NULL`);
    await q.query(`
      CREATE TABLE inbox (
        consumer    TEXT NOT NULL,
        event_id    UUID NOT NULL,
        event_type  TEXT NOT NULL,
        handled_at  TIMESTAMPTZ NOT NULL,
        PRIMARY KEY (consumer, event_id)
      )`);
    await q.query(`
      CREATE TABLE audit_log (
        id              BIGSERIAL PRIMARY KEY,
        at              TIMESTAMPTZ NOT NULL,
        actor_id        TEXT NOT NULL,
        actor_name      TEXT NOT NULL,
        court_code      TEXT NOT NULL,
        action          TEXT NOT NULL,
        entity_type     TEXT NOT NULL,
        entity_id       TEXT NOT NULL,
        before          JSONB,
        after           JSONB,
        correlation_id  TEXT
      )`);
    await q.query(`CREATE INDEX audit_log_entity ON audit_log (entity_type, entity_id, at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE audit_log');
    await q.query('DROP TABLE inbox');
    await q.query('DROP TABLE outbox');
  }
}

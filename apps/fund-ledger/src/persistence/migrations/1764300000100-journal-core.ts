import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The journal core: the chart's accounts, double-entry transactions and their entries (immutable: a
 * trigger refuses UPDATE, DELETE and TRUNCATE, except the sealer setting a transaction's chain position
 * and link once), the rollup of HOT accounts kept by the sealer, and the cases the ledger knows with
 * what they have received.
 */
export class JournalCore1764300000100 implements MigrationInterface {
  name = 'JournalCore1764300000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE ledger_case (
        case_id       UUID PRIMARY KEY,
        court_code    TEXT NOT NULL,
        case_number   TEXT,
        claim_fen     BIGINT,
        received_fen  BIGINT NOT NULL DEFAULT 0,
        known_at      TIMESTAMPTZ NOT NULL,
        source        TEXT NOT NULL
      )`);
    // balance_fen is the signed sum of entries (debit +); kept in the row only for SPREAD accounts
    await q.query(`
      CREATE TABLE account (
        code          TEXT PRIMARY KEY,
        kind          TEXT NOT NULL CHECK (kind IN ('DEDICATED', 'CASE', 'PAYABLE', 'FEES', 'DEPOSITS_HELD',
                                                    'FORFEITED', 'SUSPENSE')),
        court_code    TEXT NOT NULL,
        case_id       UUID,
        natural_sign  SMALLINT NOT NULL CHECK (natural_sign IN (1, -1)),
        non_negative  BOOLEAN NOT NULL,
        hot           BOOLEAN NOT NULL,
        balance_fen   BIGINT NOT NULL DEFAULT 0,
        created_at    TIMESTAMPTZ NOT NULL,
        CONSTRAINT account_hot_keeps_no_balance CHECK (NOT hot OR balance_fen = 0)
      )`);
    // the guard's safety net, checked on the row as the statement leaves it: a CHECK constraint would
    // judge the proposed row of an upsert before it turns into an update of the existing one
    await q.query(`
      CREATE FUNCTION account_not_below_zero() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.non_negative AND NOT NEW.hot AND NEW.natural_sign * NEW.balance_fen < 0 THEN
          RAISE EXCEPTION 'account % would go below zero', NEW.code
            USING ERRCODE = 'check_violation', CONSTRAINT = 'account_not_below_zero';
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE CONSTRAINT TRIGGER account_not_below_zero AFTER INSERT OR UPDATE OF balance_fen ON account
        FOR EACH ROW EXECUTE FUNCTION account_not_below_zero()`);
    await q.query(`CREATE INDEX account_case ON account (case_id) WHERE case_id IS NOT NULL`);
    await q.query(`
      CREATE TABLE journal_transaction (
        id               UUID PRIMARY KEY,
        seq              BIGSERIAL NOT NULL UNIQUE,
        court_code       TEXT NOT NULL,
        kind             TEXT NOT NULL,
        case_id          UUID,
        idempotency_key  TEXT NOT NULL UNIQUE,
        request_hash     BYTEA NOT NULL,
        memo             TEXT,
        corrects_id      UUID UNIQUE REFERENCES journal_transaction (id),
        posted_at        TIMESTAMPTZ NOT NULL,
        actor            JSONB NOT NULL,
        content_hash     BYTEA NOT NULL,
        chain_seq        BIGINT UNIQUE,
        chain_hash       BYTEA,
        CONSTRAINT journal_transaction_sealed_whole CHECK ((chain_seq IS NULL) = (chain_hash IS NULL)),
        CONSTRAINT journal_transaction_reversal CHECK ((kind = 'REVERSAL') = (corrects_id IS NOT NULL))
      )`);
    await q.query(
      `CREATE INDEX journal_transaction_case ON journal_transaction (case_id, seq) WHERE case_id IS NOT NULL`,
    );
    await q.query(`CREATE INDEX journal_transaction_court ON journal_transaction (court_code, seq)`);
    await q.query(
      `CREATE INDEX journal_transaction_unsealed ON journal_transaction (seq) WHERE chain_seq IS NULL`,
    );
    // no foreign key to account: its check would share-lock the hot account rows on every posting
    await q.query(`
      CREATE TABLE journal_entry (
        transaction_id  UUID NOT NULL REFERENCES journal_transaction (id),
        line            SMALLINT NOT NULL,
        account_code    TEXT NOT NULL,
        amount_fen      BIGINT NOT NULL CHECK (amount_fen <> 0),
        posted_at       TIMESTAMPTZ NOT NULL,
        PRIMARY KEY (transaction_id, line)
      )`);
    await q.query(`CREATE INDEX journal_entry_account ON journal_entry (account_code, posted_at)`);
    // the sum of a HOT account's sealed entries, advanced by the sealer in the same transaction as the seal
    await q.query(`
      CREATE TABLE account_rollup (
        account_code    TEXT PRIMARY KEY,
        upto_chain_seq  BIGINT NOT NULL,
        balance_fen     BIGINT NOT NULL
      )`);
    await q.query(`
      CREATE FUNCTION journal_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' AND TG_TABLE_NAME = 'journal_transaction' THEN
          IF OLD.chain_seq IS NULL AND NEW.chain_seq IS NOT NULL
             AND (to_jsonb(NEW) - 'chain_seq' - 'chain_hash') = (to_jsonb(OLD) - 'chain_seq' - 'chain_hash') THEN
            RETURN NEW;
          END IF;
        END IF;
        RAISE EXCEPTION 'the journal is immutable: % on % refused (post a reversal instead)', TG_OP, TG_TABLE_NAME
          USING ERRCODE = 'restrict_violation';
      END $$`);
    for (const table of ['journal_transaction', 'journal_entry']) {
      await q.query(`
        CREATE TRIGGER ${table}_immutable BEFORE UPDATE OR DELETE ON ${table}
          FOR EACH ROW EXECUTE FUNCTION journal_immutable()`);
      await q.query(`
        CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON ${table}
          FOR EACH STATEMENT EXECUTE FUNCTION journal_immutable()`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE account_rollup');
    await q.query('DROP TABLE journal_entry');
    await q.query('DROP TABLE journal_transaction');
    await q.query('DROP FUNCTION journal_immutable()');
    await q.query('DROP TABLE account');
    await q.query('DROP FUNCTION account_not_below_zero()');
    await q.query('DROP TABLE ledger_case');
  }
}

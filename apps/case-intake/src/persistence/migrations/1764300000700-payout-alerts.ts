import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 案款即将超期: each receipt fund-ledger said is due to be paid out soon (`ledger.payout.due-soon`), with the
 * case's disbursements at which it is paid out (domain/payout-alerts.ts), grouped into the case's alert of
 * its deadline day (`case_alert.alert_key`). A receipt the ledger reversed is settled; one reversed before
 * its due-soon was heard is kept with no figures, so a late due-soon raises nothing.
 */
export class PayoutAlerts1764300000700 implements MigrationInterface {
  name = 'PayoutAlerts1764300000700';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE case_payout_due (
        receipt_id     TEXT PRIMARY KEY,
        case_id        UUID NOT NULL,
        alert_key      TEXT,
        received_on    DATE,
        deadline       DATE,
        unpaid_fen     BIGINT CHECK (unpaid_fen > 0),
        paid_when_fen  BIGINT,
        raised_at      TIMESTAMPTZ,
        settled_at     TIMESTAMPTZ,
        settled_how    TEXT CHECK (settled_how IN ('PAID_OUT', 'REVERSED')),
        CONSTRAINT case_payout_due_settled CHECK ((settled_at IS NULL) = (settled_how IS NULL)),
        CONSTRAINT case_payout_due_figures CHECK (
          settled_how = 'REVERSED' OR (alert_key IS NOT NULL AND received_on IS NOT NULL
            AND deadline IS NOT NULL AND unpaid_fen IS NOT NULL AND paid_when_fen IS NOT NULL
            AND raised_at IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX case_payout_due_open ON case_payout_due (case_id) WHERE settled_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE case_payout_due`);
  }
}

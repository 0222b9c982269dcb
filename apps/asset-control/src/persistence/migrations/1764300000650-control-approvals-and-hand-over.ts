import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Control orders that wait for the director (审批: large deductions, releases before the claim is paid),
 * partial releases (部分解除) of a money freeze, what a closed case asked of its controls (so a control
 * the agency confirms after the closure is released at once), the case's suspension (disposal stops),
 * and the hand-over of seized property to the auction stage (移交拍卖), once per control.
 */
export class ControlApprovalsAndHandOver1764300000650 implements MigrationInterface {
  name = 'ControlApprovalsAndHandOver1764300000650';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE control_case
        ADD COLUMN release_on_close   BOOLEAN NOT NULL DEFAULT false,
        ADD COLUMN suspended_since    DATE,
        ADD COLUMN suspension_reason  TEXT`);
    // closures recorded before this column released what was held (releaseControls) or kept it (终本)
    await q.query(`
      UPDATE control_case k SET release_on_close = true
       WHERE closed_on IS NOT NULL
         AND EXISTS (SELECT 1 FROM control_action a WHERE a.case_id = k.case_id AND a.request_key LIKE 'closure:%')`);
    await q.query(`ALTER TABLE control_action DROP CONSTRAINT control_action_status_check`);
    await q.query(`
      ALTER TABLE control_action ADD CONSTRAINT control_action_status_check
        CHECK (status IN ('AWAITING_APPROVAL', 'PENDING', 'DONE', 'REFUSED', 'FAILED', 'REJECTED'))`);
    // one hand-over per control, whatever the request: the primary key decides between two at once
    await q.query(`
      CREATE TABLE control_hand_over (
        control_id      UUID PRIMARY KEY REFERENCES asset_control (id),
        case_id         UUID NOT NULL,
        request_key     TEXT NOT NULL,
        handed_at       TIMESTAMPTZ NOT NULL,
        handed_by       TEXT NOT NULL,
        handed_by_name  TEXT NOT NULL
      )`);
    await q.query(`
      CREATE TABLE control_approval (
        id                 UUID PRIMARY KEY,
        action_id          UUID NOT NULL UNIQUE REFERENCES control_action (id),
        control_id         UUID NOT NULL REFERENCES asset_control (id),
        case_id            UUID NOT NULL,
        court_code         TEXT NOT NULL,
        rule               TEXT NOT NULL CHECK (rule IN ('DEDUCT_OVER_THRESHOLD', 'RELEASE_BEFORE_PAID')),
        summary            TEXT NOT NULL,
        controlled_fen     BIGINT NOT NULL,
        status             TEXT NOT NULL CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED')),
        requested_by       TEXT NOT NULL,
        requested_by_name  TEXT NOT NULL,
        requested_at       TIMESTAMPTZ NOT NULL,
        decided_by         TEXT,
        decided_by_name    TEXT,
        decided_at         TIMESTAMPTZ,
        comment            TEXT
      )`);
    await q.query(
      `CREATE INDEX control_approval_pending ON control_approval (court_code, requested_at) WHERE status = 'PENDING'`,
    );
    await q.query(`CREATE INDEX control_approval_case ON control_approval (case_id, requested_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE control_approval');
    await q.query('DROP TABLE control_hand_over');
    await q.query(`DELETE FROM control_action WHERE status IN ('AWAITING_APPROVAL', 'REJECTED')`);
    await q.query(`ALTER TABLE control_action DROP CONSTRAINT control_action_status_check`);
    await q.query(`
      ALTER TABLE control_action ADD CONSTRAINT control_action_status_check
        CHECK (status IN ('PENDING', 'DONE', 'REFUSED', 'FAILED'))`);
    await q.query(`
      ALTER TABLE control_case
        DROP COLUMN release_on_close, DROP COLUMN suspended_since, DROP COLUMN suspension_reason`);
  }
}

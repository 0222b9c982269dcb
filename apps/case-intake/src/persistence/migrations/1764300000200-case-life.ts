import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The case's whole life: acceptance facts, links between cases, triage and assignment, the statutory
 * period, closure; the flow-node timeline, recorded activities, suspensions, entrustments, intake
 * refusals, per-court settings and supervision alerts.
 */
export class CaseLife1764300000200 implements MigrationInterface {
  name = 'CaseLife1764300000200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE enforcement_case
        ADD COLUMN application_date         DATE,
        ADD COLUMN performance_due_date     DATE,
        ADD COLUMN basis_kind               TEXT NOT NULL DEFAULT 'JUDGMENT',
        ADD COLUMN jurisdiction_ground      TEXT NOT NULL DEFAULT 'FIRST_INSTANCE_COURT',
        ADD COLUMN limitation_expired       BOOLEAN NOT NULL DEFAULT false,
        ADD COLUMN accepted_within_deadline BOOLEAN NOT NULL DEFAULT true,
        ADD COLUMN related_case_id          UUID,
        ADD COLUMN entrusting_court_code    TEXT,
        ADD COLUMN entrusting_case_number   TEXT,
        ADD COLUMN third_party_objection    BOOLEAN,
        ADD COLUMN objection_asset_ref      TEXT,
        ADD COLUMN track                    TEXT,
        ADD COLUMN track_reason             TEXT,
        ADD COLUMN team_id                  TEXT,
        ADD COLUMN officer_id               TEXT,
        ADD COLUMN statutory_months         INT NOT NULL DEFAULT 6,
        ADD COLUMN extension_months         INT NOT NULL DEFAULT 0,
        ADD COLUMN suspended_days           INT NOT NULL DEFAULT 0,
        ADD COLUMN suspended_since          DATE,
        ADD COLUMN suspension_reason        TEXT,
        ADD COLUMN statutory_deadline       DATE,
        ADD COLUMN has_property             BOOLEAN NOT NULL DEFAULT false,
        ADD COLUMN found_value_fen          BIGINT NOT NULL DEFAULT 0,
        ADD COLUMN inquiry_completed_on     DATE,
        ADD COLUMN received_fen             BIGINT NOT NULL DEFAULT 0 CHECK (received_fen >= 0),
        ADD COLUMN recovered_fen            BIGINT NOT NULL DEFAULT 0 CHECK (recovered_fen >= 0),
        ADD COLUMN closure_type             TEXT,
        ADD COLUMN performance_mode         TEXT,
        ADD COLUMN closed_on                DATE,
        ADD COLUMN closed_at                TIMESTAMPTZ,
        ADD COLUMN closed_by                TEXT,
        ADD COLUMN closure_reason           TEXT,
        ADD COLUMN closed_within_period     BOOLEAN,
        ADD COLUMN zhongben_qualified       BOOLEAN,
        ADD COLUMN closure_checklist        JSONB,
        ADD COLUMN version                  INT NOT NULL DEFAULT 1`);
    await q.query(`UPDATE enforcement_case SET application_date = filing_date,
                     statutory_deadline = (filing_date + interval '6 months')::date`);
    await q.query(`ALTER TABLE enforcement_case ALTER COLUMN application_date SET NOT NULL,
                     ALTER COLUMN statutory_deadline SET NOT NULL`);
    await q.query(`CREATE INDEX enforcement_case_related ON enforcement_case (related_case_id)
                     WHERE related_case_id IS NOT NULL`);
    await q.query(
      `CREATE INDEX enforcement_case_officer ON enforcement_case (court_code, officer_id, status)`,
    );
    await q.query(`CREATE INDEX enforcement_case_open_deadline ON enforcement_case (statutory_deadline)
                     WHERE status <> 'CLOSED'`);
    await q.query(`CREATE INDEX enforcement_case_zhongben ON enforcement_case (closed_on)
                     WHERE closure_type = 'TERMINATED_THIS_ROUND'`);

    await q.query(`
      CREATE TABLE case_flow_node (
        case_id      UUID NOT NULL REFERENCES enforcement_case (id),
        node         TEXT NOT NULL,
        state        TEXT NOT NULL,
        started_at   TIMESTAMPTZ,
        deadline_on  DATE,
        finished_at  TIMESTAMPTZ,
        finished_by  TEXT,
        owner_team   TEXT,
        note         TEXT,
        PRIMARY KEY (case_id, node)
      )`);
    await q.query(
      `CREATE INDEX case_flow_node_overdue ON case_flow_node (deadline_on) WHERE state = 'STARTED'`,
    );

    await q.query(`
      CREATE TABLE case_activity (
        id           UUID PRIMARY KEY,
        case_id      UUID NOT NULL REFERENCES enforcement_case (id),
        kind         TEXT NOT NULL,
        occurred_on  DATE NOT NULL,
        note         TEXT,
        recorded_by  TEXT NOT NULL,
        recorded_at  TIMESTAMPTZ NOT NULL
      )`);
    await q.query(`CREATE INDEX case_activity_case ON case_activity (case_id, kind)`);

    await q.query(`
      CREATE TABLE case_assignment (
        id           UUID PRIMARY KEY,
        case_id      UUID NOT NULL REFERENCES enforcement_case (id),
        track        TEXT NOT NULL,
        team_id      TEXT,
        officer_id   TEXT,
        reason       TEXT NOT NULL,
        assigned_by  TEXT NOT NULL,
        assigned_at  TIMESTAMPTZ NOT NULL
      )`);
    await q.query(`CREATE INDEX case_assignment_case ON case_assignment (case_id, assigned_at)`);

    await q.query(`
      CREATE TABLE case_suspension (
        id        UUID PRIMARY KEY,
        case_id   UUID NOT NULL REFERENCES enforcement_case (id),
        reason    TEXT NOT NULL,
        since     DATE NOT NULL,
        until     DATE,
        note      TEXT
      )`);

    await q.query(`
      CREATE TABLE entrustment (
        id                 UUID PRIMARY KEY,
        from_court_code    TEXT NOT NULL,
        from_case_id       UUID NOT NULL REFERENCES enforcement_case (id),
        to_court_code      TEXT NOT NULL,
        status             TEXT NOT NULL,
        reason             TEXT NOT NULL,
        created_at         TIMESTAMPTZ NOT NULL,
        created_by         TEXT NOT NULL,
        due_on             DATE NOT NULL,
        accepted_case_id   UUID,
        accepted_at        TIMESTAMPTZ
      )`);
    await q.query(
      `CREATE UNIQUE INDEX entrustment_open ON entrustment (from_case_id) WHERE status = 'PENDING'`,
    );
    await q.query(`CREATE INDEX entrustment_incoming ON entrustment (to_court_code, status)`);

    await q.query(`
      CREATE TABLE intake_refusal (
        id                UUID PRIMARY KEY,
        court_code        TEXT NOT NULL,
        request_key       TEXT NOT NULL,
        application_date  DATE NOT NULL,
        decided_on        DATE NOT NULL,
        within_deadline   BOOLEAN NOT NULL,
        reasons           JSONB NOT NULL,
        application       JSONB NOT NULL,
        decided_by        TEXT NOT NULL,
        decided_at        TIMESTAMPTZ NOT NULL
      )`);
    await q.query(`CREATE UNIQUE INDEX intake_refusal_request ON intake_refusal (court_code, request_key)`);

    await q.query(`
      CREATE TABLE court_settings (
        court_code  TEXT PRIMARY KEY,
        settings    JSONB NOT NULL,
        updated_at  TIMESTAMPTZ NOT NULL,
        updated_by  TEXT NOT NULL
      )`);

    await q.query(`
      CREATE TABLE case_alert (
        id           UUID PRIMARY KEY,
        alert_key    TEXT NOT NULL UNIQUE,
        kind         TEXT NOT NULL,
        court_code   TEXT NOT NULL,
        case_id      UUID NOT NULL,
        case_number  TEXT NOT NULL,
        officer_id   TEXT,
        due_on       DATE NOT NULL,
        message      TEXT NOT NULL,
        raised_at    TIMESTAMPTZ NOT NULL,
        resolved_at  TIMESTAMPTZ
      )`);
    await q.query(
      `CREATE INDEX case_alert_open ON case_alert (court_code, officer_id) WHERE resolved_at IS NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'case_alert',
      'court_settings',
      'intake_refusal',
      'entrustment',
      'case_suspension',
      'case_assignment',
      'case_activity',
      'case_flow_node',
    ]) {
      await q.query(`DROP TABLE ${table}`);
    }
  }
}

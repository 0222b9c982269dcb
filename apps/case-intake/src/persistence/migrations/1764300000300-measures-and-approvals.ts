import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Coercive measures and credit punishment (强制措施、信用惩戒) decided in a case, and the approval
 * requests (审批) that the president or the director decides — for measures and for other subjects.
 */
export class MeasuresAndApprovals1764300000300 implements MigrationInterface {
  name = 'MeasuresAndApprovals1764300000300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE approval_request (
        id             UUID PRIMARY KEY,
        court_code     TEXT NOT NULL,
        case_id        UUID NOT NULL REFERENCES enforcement_case (id),
        subject_type   TEXT NOT NULL,
        subject_id     TEXT NOT NULL,
        summary        TEXT NOT NULL,
        required_role  TEXT NOT NULL,
        requested_by   TEXT NOT NULL,
        requested_at   TIMESTAMPTZ NOT NULL,
        status         TEXT NOT NULL CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED')),
        decided_by     TEXT,
        decided_at     TIMESTAMPTZ,
        comment        TEXT,
        CHECK ((status = 'PENDING') = (decided_at IS NULL))
      )`);
    // the approver's queue, and one open request per subject at a time
    await q.query(
      `CREATE INDEX approval_request_queue ON approval_request (court_code, required_role, requested_at DESC)
         WHERE status = 'PENDING'`,
    );
    await q.query(`CREATE INDEX approval_request_case ON approval_request (case_id, requested_at DESC)`);
    await q.query(
      `CREATE UNIQUE INDEX approval_request_open_subject ON approval_request (subject_type, subject_id)
         WHERE status = 'PENDING'`,
    );

    await q.query(`
      CREATE TABLE case_measure (
        id                    UUID PRIMARY KEY,
        case_id               UUID NOT NULL REFERENCES enforcement_case (id),
        court_code            TEXT NOT NULL,
        kind                  TEXT NOT NULL,
        respondent_id_number  TEXT NOT NULL,
        status                TEXT NOT NULL
                              CHECK (status IN ('PENDING_APPROVAL', 'IN_FORCE', 'REJECTED', 'LIFTED')),
        details               JSONB NOT NULL,
        note                  TEXT,
        decided_on            DATE NOT NULL,
        decided_by            TEXT NOT NULL,
        due_on                DATE,
        late                  BOOLEAN,
        in_force_from         DATE,
        term_until            DATE,
        lifted_on             DATE,
        lifted_by             TEXT,
        lift_reason           TEXT,
        removal_due_on        DATE,
        removed_late          BOOLEAN,
        approval_id           UUID REFERENCES approval_request (id),
        request_key           TEXT NOT NULL,
        created_at            TIMESTAMPTZ NOT NULL,
        updated_at            TIMESTAMPTZ NOT NULL,
        CHECK ((status IN ('IN_FORCE', 'LIFTED')) = (in_force_from IS NOT NULL)),
        CHECK ((status = 'LIFTED') = (lifted_on IS NOT NULL))
      )`);
    await q.query(`CREATE UNIQUE INDEX case_measure_request ON case_measure (court_code, request_key)`);
    await q.query(`CREATE INDEX case_measure_case ON case_measure (case_id, decided_on)`);
    // the rules refuse a second standing 限消 / 失信 / 限制出境 / notice; this catches two racing requests
    await q.query(
      `CREATE UNIQUE INDEX case_measure_standing ON case_measure (case_id, kind, respondent_id_number)
         WHERE status IN ('PENDING_APPROVAL', 'IN_FORCE')
           AND kind IN ('EXECUTION_NOTICE', 'CONSUMPTION_RESTRICTION', 'DISHONEST_LISTING', 'EXIT_RESTRICTION')`,
    );
    // the court's list of respondents under a measure, e.g. who is on the 失信 list today
    await q.query(
      `CREATE INDEX case_measure_in_force ON case_measure (court_code, kind, respondent_id_number)
         WHERE status = 'IN_FORCE'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE case_measure');
    await q.query('DROP TABLE approval_request');
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * How many open cases each officer holds, kept by the database itself as cases are filed, assigned and
 * closed: assignment deals a new case to the least-loaded officer by reading a handful of rows, not by
 * counting every open case of the court. Statement-level triggers with transition tables make a bulk
 * write cost one aggregated update, and no code path can forget to keep the count.
 */
export class OfficerCaseload1764300000500 implements MigrationInterface {
  name = 'OfficerCaseload1764300000500';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      -- no CHECK (open_cases >= 0): PostgreSQL would test it on the negative change proposed for
      -- insertion before ON CONFLICT turns it into a decrement
      CREATE TABLE officer_caseload (
        court_code  TEXT NOT NULL,
        officer_id  TEXT NOT NULL,
        open_cases  INT NOT NULL,
        PRIMARY KEY (court_code, officer_id)
      )`);
    await q.query(`
      INSERT INTO officer_caseload (court_code, officer_id, open_cases)
      SELECT court_code, officer_id, count(*) FROM enforcement_case
       WHERE status <> 'CLOSED' AND officer_id IS NOT NULL GROUP BY court_code, officer_id`);
    await q.query(`
      CREATE FUNCTION officer_caseload_count() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          INSERT INTO officer_caseload (court_code, officer_id, open_cases)
          SELECT court_code, officer_id, count(*) FROM new_rows
           WHERE status <> 'CLOSED' AND officer_id IS NOT NULL GROUP BY court_code, officer_id
          ON CONFLICT (court_code, officer_id)
            DO UPDATE SET open_cases = officer_caseload.open_cases + EXCLUDED.open_cases;
        ELSE
          INSERT INTO officer_caseload (court_code, officer_id, open_cases)
          SELECT court_code, officer_id, sum(delta) FROM (
            SELECT court_code, officer_id, 1 AS delta FROM new_rows WHERE status <> 'CLOSED' AND officer_id IS NOT NULL
            UNION ALL
            SELECT court_code, officer_id, -1 FROM old_rows WHERE status <> 'CLOSED' AND officer_id IS NOT NULL
          ) AS change
          GROUP BY court_code, officer_id HAVING sum(delta) <> 0
          ON CONFLICT (court_code, officer_id)
            DO UPDATE SET open_cases = officer_caseload.open_cases + EXCLUDED.open_cases;
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER enforcement_case_filed_caseload AFTER INSERT ON enforcement_case
        REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION officer_caseload_count()`);
    await q.query(`
      CREATE TRIGGER enforcement_case_changed_caseload AFTER UPDATE ON enforcement_case
        REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT
        EXECUTE FUNCTION officer_caseload_count()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TRIGGER enforcement_case_changed_caseload ON enforcement_case');
    await q.query('DROP TRIGGER enforcement_case_filed_caseload ON enforcement_case');
    await q.query('DROP FUNCTION officer_caseload_count()');
    await q.query('DROP TABLE officer_caseload');
  }
}

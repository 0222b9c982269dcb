import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The court metrics summary (DOMAIN.md §12): per court, implementation case type (执, 执恢, 执保) and
 * day, how many cases were received (by filing date) and how the cases closed that day closed (by
 * closing date). The dashboard sums these rows, so its cost follows the days of the court's history, not
 * the number of cases.
 *
 * `slot` is 0 except when one transaction adds to the same court/type/day twice: its writes go out in
 * one statement, where one row may not be changed twice, so each further addition takes the next slot.
 * Only sums over rows mean anything: a later correction (money recovered after 终本) may land in another
 * slot than the closure it corrects, so a single row may hold a negative figure.
 */
export class CaseMetrics1764300000400 implements MigrationInterface {
  name = 'CaseMetrics1764300000400';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE case_metrics_daily (
        court_code                         TEXT NOT NULL,
        case_type                          TEXT NOT NULL,
        day                                DATE NOT NULL,
        slot                               SMALLINT NOT NULL DEFAULT 0,
        received                           INT NOT NULL DEFAULT 0,
        received_claim_fen                 BIGINT NOT NULL DEFAULT 0,
        closed                             INT NOT NULL DEFAULT 0,
        closed_fully_executed              INT NOT NULL DEFAULT 0,
        fully_executed_by_execution        INT NOT NULL DEFAULT 0,
        fully_executed_voluntary           INT NOT NULL DEFAULT 0,
        fully_executed_settlement          INT NOT NULL DEFAULT 0,
        closed_zhongben                    INT NOT NULL DEFAULT 0,
        zhongben_qualified                 INT NOT NULL DEFAULT 0,
        closed_terminated                  INT NOT NULL DEFAULT 0,
        closed_withdrawn                   INT NOT NULL DEFAULT 0,
        closed_not_enforced                INT NOT NULL DEFAULT 0,
        closed_dismissed                   INT NOT NULL DEFAULT 0,
        closed_within_period               INT NOT NULL DEFAULT 0,
        with_property_closed               INT NOT NULL DEFAULT 0,
        with_property_executed_in_period   INT NOT NULL DEFAULT 0,
        closed_recovered_fen               BIGINT NOT NULL DEFAULT 0,
        closed_claim_fen                   BIGINT NOT NULL DEFAULT 0,
        PRIMARY KEY (court_code, day, case_type, slot),
        -- holds for every addition and correction alike, so for every row and every sum of rows
        CHECK (closed = closed_fully_executed + closed_zhongben + closed_terminated + closed_withdrawn
                        + closed_not_enforced + closed_dismissed)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE case_metrics_daily');
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The money's arrival and the case's parties:
 * - `journal_transaction.value_date` (到账日): the Asia/Shanghai day the money reached the dedicated
 *   account, written with the transaction and never after (the immutability trigger still refuses any
 *   change); the 30-day payout deadline counts from it (执行款物管理规定 2017). Null on transactions that
 *   are not arrivals, and on those posted before this column: their posting day stands in. It is part of
 *   the content hash when present, so the verify walk catches a changed date.
 * - `ledger_case.filed_on`: the case's filing day (立案日), so a receipt cannot predate its case.
 * - `ledger_case.party_id_numbers`: the id numbers of the case's applicants and respondents, so a party
 *   (当事人) reads its own case's sums from the ledger itself.
 */
export class ArrivalAndParties1764300000400 implements MigrationInterface {
  name = 'ArrivalAndParties1764300000400';

  async up(q: QueryRunner): Promise<void> {
    // nullable without a default: no rewrite of the immutable rows, no UPDATE for the trigger to refuse
    await q.query(`ALTER TABLE journal_transaction ADD COLUMN value_date DATE`);
    await q.query(`ALTER TABLE ledger_case ADD COLUMN filed_on DATE`);
    await q.query(`ALTER TABLE ledger_case ADD COLUMN party_id_numbers TEXT[] NOT NULL DEFAULT '{}'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE ledger_case DROP COLUMN party_id_numbers`);
    await q.query(`ALTER TABLE ledger_case DROP COLUMN filed_on`);
    await q.query(`ALTER TABLE journal_transaction DROP COLUMN value_date`);
  }
}

import { Injectable } from '@nestjs/common';
import type { CaseType } from '@writ/contracts';
import type { Transaction } from '@writ/platform';
import { DataSource } from 'typeorm';
import {
  closureCounts,
  isNoCount,
  METRIC_CASE_TYPES,
  NO_COUNTS,
  registrationCounts,
  subtractCounts,
  type CaseCounters,
  type ClosedCaseFacts,
  type RegisteredCaseFacts,
} from '../domain/court-metrics.js';
import { caseRowsAsCounts, COUNTER_COLUMNS, COUNTER_KEYS } from './case-metrics.table.js';

const COLUMNS = COUNTER_KEYS.map((key) => COUNTER_COLUMNS[key]);

const ADD_TO_DAY = `INSERT INTO case_metrics_daily (court_code, case_type, day, slot, ${COLUMNS.join(', ')})
  VALUES (${[...Array(4 + COLUMNS.length).keys()].map((i) => `$${i + 1}`).join(', ')})
  ON CONFLICT (court_code, day, case_type, slot) DO UPDATE SET
  ${COLUMNS.map((column) => `${column} = case_metrics_daily.${column} + EXCLUDED.${column}`).join(', ')}`;

/**
 * Keeps the court metrics summary current as cases change: the registering or closing use case calls
 * it inside its unit of work, and the addition is written with the transaction's other deferred
 * writes, outbox and audit rows in one statement just before commit — no extra round trip, and it
 * commits or rolls back with the change it counts. It counts implementation cases only, as the figures
 * do: a review case (执异, 执复, …) is passed over.
 */
@Injectable()
export class CaseMetricsRecorder {
  /** per transaction, how many additions each court/type/day has had (see the migration's `slot`) */
  private readonly additions = new WeakMap<Transaction, Map<string, number>>();

  constructor(private readonly dataSource: DataSource) {}

  /** 立案: one more case received on its filing date. */
  recordRegistered(tx: Transaction, c: RegisteredCaseFacts): void {
    this.add(tx, c.courtCode, c.caseType, c.filingDate, registrationCounts(c));
  }

  /** 结案: the closure counted on its closing date, by type, mode, period, property and money. */
  recordClosed(tx: Transaction, c: ClosedCaseFacts): void {
    this.add(tx, c.courtCode, c.caseType, c.closedOn, closureCounts(c));
  }

  /**
   * A closed case whose counted facts changed afterwards — money paid out after 终本, property found at
   * a re-inquiry, a corrected closure: its old contribution is taken back and the new one added, so the
   * figures stay those of the case rows as they are now.
   */
  recordClosedCaseChanged(tx: Transaction, before: ClosedCaseFacts, after: ClosedCaseFacts): void {
    const removed = closureCounts(before);
    const added = closureCounts(after);
    const sameDay =
      before.courtCode === after.courtCode &&
      before.caseType === after.caseType &&
      before.closedOn === after.closedOn;
    if (sameDay) {
      const change = subtractCounts(added, removed);
      if (!isNoCount(change)) this.add(tx, after.courtCode, after.caseType, after.closedOn, change);
      return;
    }
    this.add(tx, before.courtCode, before.caseType, before.closedOn, subtractCounts(NO_COUNTS, removed));
    this.add(tx, after.courtCode, after.caseType, after.closedOn, added);
  }

  private add(
    tx: Transaction,
    courtCode: string,
    caseType: CaseType,
    day: string,
    counts: CaseCounters,
  ): void {
    if (!METRIC_CASE_TYPES.includes(caseType)) return;
    let seen = this.additions.get(tx);
    if (!seen) this.additions.set(tx, (seen = new Map<string, number>()));
    const key = `${courtCode}\u0000${caseType}\u0000${day}`;
    const slot = seen.get(key) ?? 0;
    seen.set(key, slot + 1);
    tx.defer(ADD_TO_DAY, [courtCode, caseType, day, slot, ...COUNTER_KEYS.map((k) => counts[k])]);
  }

  /**
   * Computes the summary afresh from the case rows (one court, or all): after a repair of case data,
   * or to fill it for cases written before it existed. Writers of the summary wait meanwhile, so an
   * addition committed during the rebuild is neither lost nor counted twice. Returns the rows written.
   */
  async rebuild(courtCode?: string): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query('LOCK TABLE case_metrics_daily IN EXCLUSIVE MODE');
      const params = courtCode === undefined ? [] : [courtCode];
      await manager.query(
        `DELETE FROM case_metrics_daily${courtCode === undefined ? '' : ' WHERE court_code = $1'}`,
        params,
      );
      const [written] = await manager.query<{ rows: number }[]>(
        `WITH written AS (
           INSERT INTO case_metrics_daily (court_code, case_type, day, slot, ${COLUMNS.join(', ')})
           SELECT court_code, case_type, day, 0, ${COLUMNS.map((column) => `sum(${column})`).join(', ')}
           FROM (${caseRowsAsCounts(courtCode === undefined ? 'true' : 'c.court_code = $1')}) AS counts
           GROUP BY court_code, case_type, day
           RETURNING 1)
         SELECT count(*)::int AS rows FROM written`,
        params,
      );
      return written!.rows;
    });
  }
}

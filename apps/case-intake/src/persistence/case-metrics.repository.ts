import type { EntityManager } from 'typeorm';
import {
  addCounts,
  METRIC_CASE_TYPES,
  NO_COUNTS,
  type CaseCounters,
  type MetricsPeriod,
  type MetricsTotals,
} from '../domain/court-metrics.js';
import { caseRowsAsCounts, COUNTER_COLUMNS, COUNTER_KEYS } from './case-metrics.table.js';

/** One month of counter rows as the totals query gives it; sums arrive as text (bigint, numeric). */
type MonthRow = Record<string, string | null> & { month: string };

/**
 * Adds up counter rows per month — $1 court, $2 case types, $3 the period's first day, $4 its last,
 * $5 the three-year window's first day. Every month up to the period's end comes back; the months
 * before the period carry only what the carried-over figures need.
 */
function totalsSql(source: string): string {
  return `
    SELECT to_char(day, 'YYYY-MM') AS month,
      sum(received) FILTER (WHERE day < $3) AS received_before,
      sum(closed) FILTER (WHERE day < $3) AS closed_before,
      sum(received) FILTER (WHERE day < $5) AS received_before_three,
      sum(closed) FILTER (WHERE day < $5) AS closed_before_three,
      sum(received) FILTER (WHERE day >= $5) AS received_three,
      sum(closed) FILTER (WHERE day >= $5) AS closed_three,
      ${COUNTER_KEYS.map((key) => `sum(${COUNTER_COLUMNS[key]}) FILTER (WHERE day >= $3) AS "${key}"`).join(',\n      ')}
    FROM ${source}
    WHERE court_code = $1 AND case_type = ANY($2::text[]) AND day <= $4
    GROUP BY 1`;
}

const FROM_SUMMARY = totalsSql('case_metrics_daily');

const FROM_CASES = totalsSql(
  `(${caseRowsAsCounts('c.court_code = $1 AND c.case_type = ANY($2::text[]) AND c.filing_date <= $4')}) AS counts`,
);

function toTotals(rows: MonthRow[]): MetricsTotals {
  const n = (value: string | null | undefined): number => Number(value ?? 0);
  let period: CaseCounters = { ...NO_COUNTS };
  let carriedOver = 0;
  const threeYear = { carriedOver: 0, received: 0, closed: 0 };
  const months: MetricsTotals['months'] = [];
  for (const row of rows) {
    const month: CaseCounters = { ...NO_COUNTS };
    for (const key of COUNTER_KEYS) month[key] = n(row[key]);
    period = addCounts(period, month);
    carriedOver += n(row['received_before']) - n(row['closed_before']);
    threeYear.carriedOver += n(row['received_before_three']) - n(row['closed_before_three']);
    threeYear.received += n(row['received_three']);
    threeYear.closed += n(row['closed_three']);
    if (month.received || month.closed) {
      months.push({ month: row.month, received: month.received, closed: month.closed });
    }
  }
  return { carriedOver, period, threeYear, months };
}

/** Reads the counters a court's figures are computed from; no rules here. */
export class CaseMetricsRepository {
  /** From the summary: cost follows the days of the court's history, not its number of cases. */
  async totals(manager: EntityManager, courtCode: string, period: MetricsPeriod): Promise<MetricsTotals> {
    return toTotals(await manager.query<MonthRow[]>(FROM_SUMMARY, this.params(courtCode, period)));
  }

  /**
   * The same totals aggregated straight from the case rows, without the summary: what a plain query
   * costs, and the yardstick the summary is checked against (tests, the metrics bench).
   */
  async totalsFromCases(
    manager: EntityManager,
    courtCode: string,
    period: MetricsPeriod,
  ): Promise<MetricsTotals> {
    return toTotals(await manager.query<MonthRow[]>(FROM_CASES, this.params(courtCode, period)));
  }

  private params(courtCode: string, period: MetricsPeriod): unknown[] {
    return [courtCode, [...METRIC_CASE_TYPES], period.from, period.to, period.threeYearFrom];
  }
}

import { CaseStatus, ClosureType, PerformanceMode } from '@writ/contracts';
import { METRIC_CASE_TYPES, type CaseCounters } from '../domain/court-metrics.js';

/** The summary table `case_metrics_daily` (migration 1764300000400) and how case rows map onto it. */

/** Each counter's column. */
export const COUNTER_COLUMNS: Readonly<Record<keyof CaseCounters, string>> = {
  received: 'received',
  receivedClaimFen: 'received_claim_fen',
  closed: 'closed',
  fullyExecuted: 'closed_fully_executed',
  fullyExecutedByExecution: 'fully_executed_by_execution',
  fullyExecutedVoluntary: 'fully_executed_voluntary',
  fullyExecutedSettlement: 'fully_executed_settlement',
  zhongben: 'closed_zhongben',
  zhongbenQualified: 'zhongben_qualified',
  terminated: 'closed_terminated',
  withdrawn: 'closed_withdrawn',
  notEnforced: 'closed_not_enforced',
  dismissed: 'closed_dismissed',
  closedWithinPeriod: 'closed_within_period',
  withPropertyClosed: 'with_property_closed',
  withPropertyExecutedInPeriod: 'with_property_executed_in_period',
  closedRecoveredFen: 'closed_recovered_fen',
  closedClaimFen: 'closed_claim_fen',
};

export const COUNTER_KEYS = Object.keys(COUNTER_COLUMNS) as (keyof CaseCounters)[];

const executed = `c.closure_type = '${ClosureType.FullyExecuted}'`;
const zhongben = `c.closure_type = '${ClosureType.TerminatedThisRound}'`;

/**
 * What one enforcement_case row `c` adds to the counters: on its filing date as received, and — once
 * closed — on its closing date as closed. The SQL twin of `registrationCounts` / `closureCounts`.
 */
const ON_FILING: Readonly<Record<keyof CaseCounters, string>> = {
  ...Object.fromEntries(COUNTER_KEYS.map((key) => [key, '0'])),
  received: '1',
  receivedClaimFen: 'c.claim_amount_fen',
} as Record<keyof CaseCounters, string>;

const ON_CLOSING: Readonly<Record<keyof CaseCounters, string>> = {
  received: '0',
  receivedClaimFen: '0',
  closed: '1',
  fullyExecuted: `(${executed})::int`,
  fullyExecutedByExecution: `(${executed} AND c.performance_mode = '${PerformanceMode.Execution}')::int`,
  fullyExecutedVoluntary: `(${executed} AND c.performance_mode = '${PerformanceMode.Voluntary}')::int`,
  fullyExecutedSettlement: `(${executed} AND c.performance_mode = '${PerformanceMode.Settlement}')::int`,
  zhongben: `(${zhongben})::int`,
  zhongbenQualified: `(${zhongben} AND c.zhongben_qualified IS TRUE)::int`,
  terminated: `(c.closure_type = '${ClosureType.Terminated}')::int`,
  withdrawn: `(c.closure_type = '${ClosureType.Withdrawn}')::int`,
  notEnforced: `(c.closure_type = '${ClosureType.NotEnforced}')::int`,
  dismissed: `(c.closure_type = '${ClosureType.Dismissed}')::int`,
  closedWithinPeriod: `(c.closed_within_period IS TRUE)::int`,
  withPropertyClosed: `c.has_property::int`,
  withPropertyExecutedInPeriod: `(c.has_property AND ${executed} AND c.closed_within_period IS TRUE)::int`,
  closedRecoveredFen: 'c.recovered_fen',
  closedClaimFen: 'c.claim_amount_fen',
};

/** The case types the summary holds: those the figures count (review cases end with a decision). */
const COUNTED_TYPES = `c.case_type IN (${METRIC_CASE_TYPES.map((type) => `'${type}'`).join(', ')})`;

/**
 * The case rows as counter contributions per court, case type and day — the summary computed from
 * scratch. `where` narrows the rows (e.g. `c.court_code = $1`), and may use the caller's parameters.
 */
export function caseRowsAsCounts(where = 'true'): string {
  const select = (day: string, counts: Record<keyof CaseCounters, string>): string =>
    `SELECT c.court_code, c.case_type, ${day} AS day, ${COUNTER_KEYS.map(
      (key) => `${counts[key]} AS ${COUNTER_COLUMNS[key]}`,
    ).join(', ')} FROM enforcement_case c WHERE ${COUNTED_TYPES} AND (${where})`;
  return `${select('c.filing_date', ON_FILING)}
    UNION ALL
    ${select('c.closed_on', ON_CLOSING)} AND c.status = '${CaseStatus.Closed}'`;
}

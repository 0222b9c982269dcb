import { deepStrictEqual } from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import { Role, type Actor, type CourtMetricsView } from '@writ/contracts';
import {
  caseIntakeService,
  CaseMetricsRecorder,
  CaseMetricsRepository,
  courtMetricsView,
  metricsPeriod,
  MetricsQueries,
} from '@writ/case-intake';
import {
  dropDatabase,
  openDataSource,
  PlatformTables1764300000000,
  ServiceInfo1764300000010,
} from '@writ/platform';
import { uniqueName } from '../harness.js';

/**
 * The court metrics over 1,000,000 generated cases: `cases.metrics.get`'s own path (the daily summary)
 * against a plain SQL aggregation of the same figures straight over enforcement_case, same rows, same run.
 */
const CASES = Number(process.env['BENCH_METRICS_CASES'] ?? 1_000_000);
const RUNS = Number(process.env['BENCH_METRICS_RUNS'] ?? 7);
const SERVER = process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** Three years of filings, 2023 to 2025; nothing closes after the last day. */
const FIRST_DAY = '2023-01-01';
const DAYS = 1096;
const LAST_DAY = '2025-12-31';
const COURT = '辽1104';

/** The periods a leader asks about: the last half-year, and the whole three years. */
const PERIODS = [
  { label: 'H2 2025', from: '2025-07-01', to: '2025-12-31' },
  { label: '2023-2025', from: '2023-01-01', to: '2025-12-31' },
];

/**
 * Every column NOT NULL is filled. Four courts (辽1104 takes 40%), implementation cases 90% and review
 * cases 10%; closure after an exponential time (mean ~10 weeks, 终本 only after 3 months), mixes of the
 * kind the seed court reports: about half executed, a third 终本, a few 终结.
 */
const GENERATE = `
  INSERT INTO enforcement_case (id, court_code, case_type, year, sequence, case_number, status, claim_amount_fen,
    basis_document_number, basis_issuing_court, basis_effective_date, registered_at, filing_date, registered_by,
    request_key, request_hash, application_date, performance_due_date, statutory_deadline, has_property,
    recovered_fen, closure_type, performance_mode, closed_on, closed_at, closed_within_period, zhongben_qualified)
  SELECT gen_random_uuid(), court_code, case_type, year, seq,
    format('（%s）%s%s%s号', year, court_code, case_type, seq),
    CASE WHEN closed THEN 'CLOSED' WHEN r_q < 0.06 THEN 'SUSPENDED' ELSE 'REGISTERED' END,
    claim, format('（%s）辽11民初%s号', year - 1, g), '盘锦市中级人民法院', filing_date - 60,
    filing_date + time '01:00', filing_date, 'bench', 'bench-' || g, md5(g::text), filing_date - 2, filing_date - 30,
    deadline,
    CASE WHEN NOT closed THEN r_prop < 0.5
         WHEN closure = 'FULLY_EXECUTED' THEN r_prop < 0.9
         WHEN closure = 'TERMINATED_THIS_ROUND' THEN r_prop < 0.04
         WHEN closure = 'TERMINATED' THEN r_prop < 0.3
         ELSE r_prop < 0.2 END,
    CASE WHEN NOT closed THEN floor(claim * r_rec * 0.2)::bigint
         WHEN closure = 'FULLY_EXECUTED' THEN claim
         WHEN closure = 'TERMINATED_THIS_ROUND' THEN floor(claim * r_rec * 0.3)::bigint
         WHEN closure = 'TERMINATED' THEN floor(claim * r_rec * 0.5)::bigint
         ELSE 0 END,
    CASE WHEN closed THEN closure END,
    CASE WHEN closed AND closure = 'FULLY_EXECUTED' THEN
      CASE WHEN r_mode < 0.5 THEN 'EXECUTION' WHEN r_mode < 0.8 THEN 'VOLUNTARY' ELSE 'SETTLEMENT' END END,
    CASE WHEN closed THEN closing END,
    CASE WHEN closed THEN closing + time '08:00' END,
    CASE WHEN closed THEN closing <= deadline END,
    CASE WHEN closed AND closure = 'TERMINATED_THIS_ROUND' THEN r_q < 0.93 END
  FROM (
    SELECT *, row_number() OVER (PARTITION BY court_code, case_type, year ORDER BY filing_date, g) AS seq
    FROM (
      SELECT *, closing <= DATE '${LAST_DAY}' AS closed
      FROM (
        SELECT g, court_code, case_type, filing_date, r_prop, r_rec, r_mode, r_q, closure,
          extract(year FROM filing_date)::int AS year,
          (filing_date + interval '6 months')::date AS deadline,
          ((1000 + floor(exp(6 + r_claim * 9))) * 100)::bigint AS claim,
          filing_date + CASE WHEN closure = 'TERMINATED_THIS_ROUND' THEN 92 + floor(r_dur * 120)::int
                             ELSE floor(-ln(1 - r_dur) * 70)::int END AS closing
        FROM (
          SELECT g, r_prop, r_rec, r_mode, r_q, r_claim, r_dur,
            DATE '${FIRST_DAY}' + floor(r_day * ${DAYS})::int AS filing_date,
            CASE WHEN r_court < 0.4 THEN '辽1104' WHEN r_court < 0.7 THEN '辽1102'
                 WHEN r_court < 0.9 THEN '辽1103' ELSE '辽1121' END AS court_code,
            CASE WHEN r_type < 0.72 THEN '执' WHEN r_type < 0.82 THEN '执恢' WHEN r_type < 0.90 THEN '执保'
                 WHEN r_type < 0.95 THEN '执异' WHEN r_type < 0.97 THEN '执复' WHEN r_type < 0.98 THEN '执监'
                 WHEN r_type < 0.99 THEN '执协' ELSE '执他' END AS case_type,
            CASE WHEN r_type >= 0.90 THEN CASE WHEN r_close < 0.6 THEN 'DISMISSED' ELSE 'WITHDRAWN' END
                 WHEN r_close < 0.55 THEN 'FULLY_EXECUTED' WHEN r_close < 0.88 THEN 'TERMINATED_THIS_ROUND'
                 WHEN r_close < 0.93 THEN 'TERMINATED' WHEN r_close < 0.96 THEN 'WITHDRAWN'
                 WHEN r_close < 0.98 THEN 'NOT_ENFORCED' ELSE 'DISMISSED' END AS closure
          FROM (
            SELECT g, random() AS r_court, random() AS r_type, random() AS r_day, random() AS r_claim,
              random() AS r_close, random() AS r_dur, random() AS r_mode, random() AS r_prop,
              random() AS r_rec, random() AS r_q
            FROM generate_series(1, $1) AS g
          ) draws
        ) drawn
      ) dated
    ) settled
  ) numbered`;

function databaseUrl(name: string): string {
  const url = new URL(SERVER);
  url.pathname = `/${name}`;
  return url.toString();
}

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await work();
  return { ms: performance.now() - start, value };
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const percent = (view: CourtMetricsView, rate: keyof CourtMetricsView['rates']): string => {
  const r = view.rates[rate];
  return `${r.value === null ? '—' : (r.value * 100).toFixed(2)}%`;
};

export async function runMetricsBench(): Promise<void> {
  const url = databaseUrl(uniqueName('writ_bench_metrics_'));
  console.log(`\nMetrics bench: ${CASES.toLocaleString('en-US')} generated cases, ${RUNS} runs per query\n`);
  const dataSource = await openDataSource({
    url,
    entities: caseIntakeService.entities,
    migrations: [PlatformTables1764300000000, ServiceInfo1764300000010, ...caseIntakeService.migrations],
    poolSize: 2,
  });
  try {
    await dataSource.query('SELECT setseed(0.1104)');
    const generated = await timed(() => dataSource.query(GENERATE, [CASES]));
    const recorder = new CaseMetricsRecorder(dataSource);
    const rebuilt = await timed(() => recorder.rebuild());
    await dataSource.query('VACUUM ANALYZE enforcement_case');
    await dataSource.query('VACUUM ANALYZE case_metrics_daily');
    const [counts] = await dataSource.query<{ cases: number; court: number; rows: number }[]>(
      `SELECT (SELECT count(*)::int FROM enforcement_case) AS cases,
              (SELECT count(*)::int FROM enforcement_case WHERE court_code = $1) AS court,
              (SELECT count(*)::int FROM case_metrics_daily) AS rows`,
      [COURT],
    );
    console.log(
      `generated ${counts!.cases.toLocaleString('en-US')} cases over ${FIRST_DAY} – ${LAST_DAY} in 4 courts in ` +
        `${(generated.ms / 1000).toFixed(1)} s; summary rebuilt from them (${counts!.rows.toLocaleString('en-US')} ` +
        `daily rows) in ${(rebuilt.ms / 1000).toFixed(1)} s; ${COURT} has ${counts!.court.toLocaleString('en-US')} cases`,
    );

    const queries = new MetricsQueries(dataSource, new CaseMetricsRepository());
    const repository = new CaseMetricsRepository();
    const leader: Actor = { id: 'bench-leader', username: 'leader', roles: [Role.Leader], courtCode: COURT };
    for (const { label, from, to } of PERIODS) {
      const period = metricsPeriod(from, to);
      const fromSummary = () => queries.get({ from, to }, leader);
      const fromCases = async () =>
        courtMetricsView(COURT, period, await repository.totalsFromCases(dataSource.manager, COURT, period));
      // warm both (plans, caches) before measuring, then interleave the runs
      const summaryView = await fromSummary();
      const plainView = await fromCases();
      // both must give the same figures, or the timing means nothing
      deepStrictEqual(summaryView, plainView, `the summary and the case rows disagree for ${label}`);
      const summaryMs: number[] = [];
      const plainMs: number[] = [];
      for (let run = 0; run < RUNS; run++) {
        summaryMs.push((await timed(fromSummary)).ms);
        const plain = await timed(fromCases);
        plainMs.push(plain.ms);
        deepStrictEqual(plain.value, summaryView, `the case rows changed their answer for ${label}`);
      }
      const s = median(summaryMs);
      const p = median(plainMs);
      console.log(
        `\n${COURT}, ${label} (${from} – ${to}): received ${summaryView.caseload.received.toLocaleString('en-US')}, ` +
          `closed ${summaryView.caseload.closed.toLocaleString('en-US')}; 结案率 ${percent(summaryView, 'closure')}, ` +
          `实际执结率 ${percent(summaryView, 'actualExecution')}, 法定期限内 ${percent(summaryView, 'inDeadline')}, ` +
          `到位率 ${percent(summaryView, 'recovery')}, 终结率 ${percent(summaryView, 'termination')} — same figures both ways`,
      );
      console.log(
        `  cases.metrics.get (daily summary):     median ${s.toFixed(2)} ms, min ${Math.min(...summaryMs).toFixed(2)} ms`,
      );
      console.log(
        `  plain SQL over enforcement_case:       median ${p.toFixed(1)} ms, min ${Math.min(...plainMs).toFixed(1)} ms`,
      );
      console.log(`  ratio plain/summary: ${(p / s).toFixed(0)}× (medians)`);
    }
  } finally {
    await dataSource.destroy();
    await dropDatabase(url);
  }
}

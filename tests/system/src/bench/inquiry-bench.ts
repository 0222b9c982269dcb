import { performance } from 'node:perf_hooks';
import { dropDatabase, testBusClient } from '@writ/platform';
import pg from 'pg';
import { uniqueName } from '../harness.js';
import { agencyKindsOf, registeredCase } from '../registered-cases.js';
import { startServiceProcess, type ServiceProcess } from '../service-process.js';

/**
 * 立案当日启动财产查控 at scale: 1,000 cases registered at once, each asking every agency kind about
 * its one or two respondents, against the sandbox answering at once (SANDBOX_LATENCY_MS=0).
 * asset-control and the sandbox run as their own processes with asset-control's default settings;
 * the figures come from asset-control's own records (answered_at / failed_at, completed_at).
 */
const CASES = Number(process.env['BENCH_INQUIRY_CASES'] ?? 1_000);
const TIMEOUT_MS = Number(process.env['BENCH_INQUIRY_TIMEOUT_MS'] ?? 180_000);
const SERVER = process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const NATS = process.env['NATS_URL'] ?? 'nats://127.0.0.1:4222';

function databaseUrl(name: string): string {
  const url = new URL(SERVER);
  url.pathname = `/${name}`;
  return url.toString();
}

interface Progress {
  inquiries: number;
  recorded: number;
  batches: number;
  completed: number;
}

const PROGRESS = `
  SELECT (SELECT count(*)::int FROM asset_inquiry) AS inquiries,
         (SELECT count(*)::int FROM asset_inquiry WHERE status <> 'PENDING') AS recorded,
         (SELECT count(*)::int FROM inquiry_batch) AS batches,
         (SELECT count(*)::int FROM inquiry_batch WHERE completed_at IS NOT NULL) AS completed`;

/** Milliseconds from the publication of the first case, read from the service's own timestamps. */
const FIGURES = `
  WITH recorded AS (
    SELECT extract(epoch FROM COALESCE(answered_at, failed_at)) * 1000 - $1 AS ms, status FROM asset_inquiry
  ), cases AS (
    SELECT extract(epoch FROM completed_at) * 1000 - $1 AS ms,
           extract(epoch FROM completed_at - started_at) * 1000 AS own_ms
      FROM inquiry_batch
  )
  SELECT (SELECT count(*)::int FROM recorded WHERE status = 'ANSWERED') AS answered,
         (SELECT count(*)::int FROM recorded WHERE status = 'FAILED') AS failed,
         (SELECT max(ms)::float FROM recorded) AS last_recorded_ms,
         (SELECT max(n)::int FROM (SELECT count(*) AS n FROM recorded GROUP BY floor(ms / 1000)) s) AS peak_second,
         (SELECT min(ms)::float FROM cases) AS first_case_ms,
         (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY ms)::float FROM cases) AS median_case_ms,
         (SELECT max(ms)::float FROM cases) AS last_case_ms,
         (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY own_ms)::float FROM cases) AS median_own_ms,
         (SELECT count(*)::int FROM outbox WHERE type = 'asset.inquiry.completed') AS completions`;

interface Figures {
  answered: number;
  failed: number;
  last_recorded_ms: number;
  peak_second: number;
  first_case_ms: number;
  median_case_ms: number;
  last_case_ms: number;
  median_own_ms: number;
  completions: number;
}

export async function runInquiryBench(): Promise<void> {
  const namespace = uniqueName('benchinq');
  const databases = {
    sandbox: databaseUrl(`writ_${namespace}_agency_sandbox`),
    assets: databaseUrl(`writ_${namespace}_asset_control`),
  };
  const common = { NATS_URL: NATS, BUS_NAMESPACE: namespace, LOG_LEVEL: 'error' };
  console.log(
    `\nInquiry bench: ${CASES.toLocaleString('en-US')} cases registered at once, each asking all ` +
      `the agency kinds of its court's catalog about 1–2 respondents; sandbox latency 0 ms\n`,
  );
  const services: ServiceProcess[] = [];
  const { bus, client } = await testBusClient(namespace);
  const db = new pg.Client({ connectionString: databases.assets });
  try {
    services.push(
      await startServiceProcess('agency-sandbox', {
        ...common,
        DATABASE_URL: databases.sandbox,
        SANDBOX_LATENCY_MS: '0',
      }),
    );
    services.push(await startServiceProcess('asset-control', { ...common, DATABASE_URL: databases.assets }));
    console.log(
      'agency-sandbox and asset-control run as their own processes (asset-control with its defaults)',
    );
    await db.connect();

    const run = namespace.slice(-6);
    const events = Array.from({ length: CASES }, (_, i) => registeredCase(i + 1, run));
    // how many inquiries that makes comes from asset-control's catalog, not from a list kept here
    const kindsOf = await agencyKindsOf(client);
    const expected = events.reduce(
      (n, e) => n + e.data.respondents.reduce((m, p) => m + kindsOf(p).length, 0),
      0,
    );
    const start = Date.now();
    const t0 = performance.now();
    await Promise.all(events.map((e) => bus.publish(e)));
    const publishedMs = performance.now() - t0;
    let progress: Progress;
    let shown = 0;
    for (;;) {
      progress = (await db.query<Progress>(PROGRESS)).rows[0]!;
      if (progress.completed === CASES) break;
      const elapsed = performance.now() - t0;
      if (elapsed > TIMEOUT_MS) {
        throw new Error(`not complete after ${TIMEOUT_MS} ms: ${JSON.stringify(progress)}`);
      }
      if (elapsed - shown >= 10_000) {
        shown = elapsed;
        console.log(
          `  ${(elapsed / 1000).toFixed(0)} s: ${progress.batches} cases started, ${progress.recorded}/` +
            `${progress.inquiries} inquiries recorded, ${progress.completed} cases complete`,
        );
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    const f = (await db.query<Figures>(FIGURES, [start])).rows[0]!;
    const sent = new pg.Client({ connectionString: databases.sandbox });
    await sent.connect();
    const [log] = (
      await sent.query<{ calls: number; answered: number; repeated: number }>(
        `SELECT count(*)::int AS calls, count(*) FILTER (WHERE outcome = 'ANSWERED')::int AS answered,
                count(*) FILTER (WHERE outcome = 'REPEATED')::int AS repeated FROM agency_inquiry_log`,
      )
    ).rows;
    await sent.end();

    console.log(
      `published ${CASES.toLocaleString('en-US')} case.registered events in ${publishedMs.toFixed(0)} ms; ` +
        `${progress.inquiries.toLocaleString('en-US')} inquiries planned (expected ${expected.toLocaleString('en-US')})`,
    );
    console.log(
      `  inquiries recorded: ${f.answered.toLocaleString('en-US')} answered, ${f.failed} failed; agency calls ` +
        `${log!.calls.toLocaleString('en-US')} (${log!.answered.toLocaleString('en-US')} answered, ${log!.repeated} repeats)`,
    );
    console.log(
      `  inquiries recorded per second: ${((progress.inquiries / f.last_recorded_ms) * 1000).toFixed(0)} ` +
        `over the run (${(f.last_recorded_ms / 1000).toFixed(1)} s), peak ${f.peak_second} in one second`,
    );
    console.log(
      `  time until the last case's inquiry completed: ${(f.last_case_ms / 1000).toFixed(1)} s after filing ` +
        `(first ${(f.first_case_ms / 1000).toFixed(1)} s, median ${(f.median_case_ms / 1000).toFixed(1)} s; ` +
        `median from a case's own start ${(f.median_own_ms / 1000).toFixed(1)} s)`,
    );
    console.log(`  asset.inquiry.completed announced: ${f.completions.toLocaleString('en-US')}`);
  } finally {
    await db.end().catch(() => undefined);
    for (const service of services.reverse()) await service.stop();
    await bus.deleteStream().catch(() => undefined);
    await bus.close();
    for (const url of Object.values(databases)) await dropDatabase(url);
  }
}

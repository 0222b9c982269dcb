import autocannon from 'autocannon';
import pg from 'pg';
import { caseApplication, WritApi } from '../api-client.js';
import { startWrit, uniqueName } from '../harness.js';
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../harness.js';
import { runInquiryBench } from './inquiry-bench.js';
import { runLedgerBench } from './ledger-bench.js';
import { runMetricsBench } from './metrics-bench.js';

/**
 * `npm run bench`: the registration path (HTTP → gateway → NATS → case-intake → PostgreSQL + outbox)
 * against the same shape built from raw parts, at 64 connections, interleaved rounds in one run; then
 * 1,000 cases' asset inquiries at once (inquiry-bench.ts); then the court metrics over 1,000,000 cases
 * (metrics-bench.ts); then the fund ledger's postings against raw pg transfers (ledger-bench.ts).
 * BENCH_ONLY=registration|inquiry|metrics|ledger runs one.
 */
const CONNECTIONS = 64;
const ROUND_SECONDS = Number(process.env['BENCH_ROUND_SECONDS'] ?? 6);
const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 5);
const SERVER = process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const NATS = process.env['NATS_URL'] ?? 'nats://127.0.0.1:4222';

interface Figures {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  total: number;
}

async function load(url: string, headers: Record<string, string>, seconds: number): Promise<Figures> {
  const result = await autocannon({
    url,
    method: 'POST',
    connections: CONNECTIONS,
    duration: seconds,
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(caseApplication()),
  });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
    total: result.requests.total,
  };
}

/** Starts one role of the raw pipeline as its own process and waits for it to say it is ready. */
async function spawnRole(args: string[]): Promise<ChildProcess> {
  const script = path.join(path.dirname(fileURLToPath(import.meta.url)), 'raw-pipeline-main.js');
  const child = spawn(process.execPath, [script, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('ready')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`raw ${args[0]} exited with ${code}`)));
  });
  return child;
}

function stopRole(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

function databaseUrl(name: string): string {
  const url = new URL(SERVER);
  url.pathname = `/${name}`;
  return url.toString();
}

async function main(): Promise<void> {
  const rawDb = uniqueName('writ_bench_raw_');
  const admin = new pg.Client({ connectionString: SERVER });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${rawDb}"`);
  console.log(`Bench: ${ROUNDS} interleaved rounds of ${ROUND_SECONDS} s at ${CONNECTIONS} connections\n`);
  // only the registration path runs: asset-control's nine inquiries per case are another path and
  // would take the two cores away from the one measured here
  const writ = await startWrit({ LOG_LEVEL: 'error', WRIT_SERVICES: 'case-intake' });
  console.log(
    'Writ runs gateway + case-intake (each its own process); the raw pipeline a front + a responder\n',
  );
  const subject = `${uniqueName('rawbench')}.register`;
  const rawPort = await freePort();
  const responder = await spawnRole(['responder', databaseUrl(rawDb), NATS, subject]);
  const front = await spawnRole(['front', NATS, subject, String(rawPort)]);
  const raw = { url: `http://127.0.0.1:${rawPort}` };
  try {
    const officer = new WritApi(writ.url);
    await officer.login('officer1');
    const auth = { authorization: `Bearer ${officer.token!}` };
    // warm both paths (JIT, pools, connections) before measuring
    await load(`${writ.url}/api/cases`, auth, 5);
    await load(`${raw.url}/raw/cases`, {}, 5);
    const writRounds: Figures[] = [];
    const rawRounds: Figures[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      const w = await load(`${writ.url}/api/cases`, auth, ROUND_SECONDS);
      const r = await load(`${raw.url}/raw/cases`, {}, ROUND_SECONDS);
      writRounds.push(w);
      rawRounds.push(r);
      console.log(
        `round ${round}: writ ${w.rps.toFixed(0)} req/s (p50 ${w.p50} ms, p99 ${w.p99} ms, errors ${w.errors}) | ` +
          `raw ${r.rps.toFixed(0)} req/s (p50 ${r.p50} ms, p99 ${r.p99} ms, errors ${r.errors}) | ratio ${(w.rps / r.rps).toFixed(2)}`,
      );
    }
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const w = {
      rps: mean(writRounds.map((x) => x.rps)),
      p50: mean(writRounds.map((x) => x.p50)),
      p99: mean(writRounds.map((x) => x.p99)),
    };
    const r = {
      rps: mean(rawRounds.map((x) => x.rps)),
      p50: mean(rawRounds.map((x) => x.p50)),
      p99: mean(rawRounds.map((x) => x.p99)),
    };
    console.log('\nregistration path, 64 connections (means over rounds)');
    console.log(
      `  writ (gateway → NATS → case-intake → PostgreSQL + outbox): ${w.rps.toFixed(0)} req/s, p50 ${w.p50.toFixed(1)} ms, p99 ${w.p99.toFixed(1)} ms`,
    );
    console.log(
      `  raw  (Fastify → NATS → pg, one transaction):               ${r.rps.toFixed(0)} req/s, p50 ${r.p50.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms`,
    );
    const ratios = writRounds.map((x, i) => x.rps / rawRounds[i]!.rps).sort((a, b) => a - b);
    const median = ratios[Math.floor(ratios.length / 2)]!;
    console.log(
      `  throughput ratio writ/raw: ${(w.rps / r.rps).toFixed(2)} of the means, ${median.toFixed(2)} median of rounds (target ≥ 0.70)`,
    );
    const failed = writRounds.reduce((n, x) => n + x.errors, 0) + rawRounds.reduce((n, x) => n + x.errors, 0);
    if (failed) console.log(`  WARNING: ${failed} requests failed during the run`);
  } finally {
    await stopRole(front);
    await stopRole(responder);
    await writ.stop();
    await admin.query(`DROP DATABASE IF EXISTS "${rawDb}" WITH (FORCE)`);
    await admin.end();
  }
}

const only = process.env['BENCH_ONLY'];
if (!only || only === 'registration') await main();
if (!only || only === 'inquiry') await runInquiryBench();
if (!only || only === 'metrics') await runMetricsBench();
if (!only || only === 'ledger') await runLedgerBench();

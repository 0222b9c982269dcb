import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Subjects } from '@writ/contracts';
import { eventually, TestNamespace, type BusClient, type NatsBus } from '@writ/platform';
import pg from 'pg';
import { agencyKindsOf, registeredCase } from '../src/registered-cases.js';
import { startServiceProcess, type ServiceProcess } from '../src/service-process.js';

/**
 * Asset inquiry under faults, with asset-control and the agency sandbox as their own processes:
 * agencies failing and falling silent, and asset-control killed mid-burst and started again.
 */

/** Short timeouts and retries, so a run of faults settles in seconds; a killed process's lease runs 10.3 s. */
const ASSET_SETTINGS: NodeJS.ProcessEnv = {
  LOG_LEVEL: 'error',
  INQUIRY_TIMEOUT_MS: '300',
  INQUIRY_MAX_ATTEMPTS: '3',
  INQUIRY_RETRY_BASE_MS: '20',
  INQUIRY_RETRY_MAX_MS: '100',
  INQUIRY_POLL_MS: '50',
  INQUIRY_CONCURRENCY: '32',
  // a killed process's unacknowledged events come back after 3 s, not the default 30
  EVENT_ACK_WAIT_MS: '3000',
};

type Case = ReturnType<typeof registeredCase>;

/** The kinds asked about a respondent, from asset-control's catalog once it runs. */
let kindsOf: Awaited<ReturnType<typeof agencyKindsOf>>;

interface InquiryRow {
  id: string;
  case_id: string;
  kind: string;
  respondent_id_number: string;
  status: string;
  attempts: number;
  found: number;
}

const idsOf = (cases: Case[]) => cases.map((c) => c.data.caseId);

async function inquiries(db: pg.Client, cases: Case[]): Promise<InquiryRow[]> {
  return (
    await db.query<InquiryRow>(
      `SELECT i.id, i.case_id, i.kind, i.respondent_id_number, i.status, i.attempts,
              (SELECT count(*)::int FROM found_asset f WHERE f.inquiry_id = i.id) AS found
         FROM asset_inquiry i WHERE i.case_id = ANY($1)`,
      [idsOf(cases)],
    )
  ).rows;
}

async function progress(db: pg.Client, cases: Case[]) {
  const { rows } = await db.query<{ batches: number; open: number; recorded: number }>(
    `SELECT (SELECT count(*)::int FROM inquiry_batch WHERE case_id = ANY($1)) AS batches,
            (SELECT count(*)::int FROM inquiry_batch WHERE case_id = ANY($1) AND completed_at IS NULL) AS open,
            (SELECT count(*)::int FROM asset_inquiry WHERE case_id = ANY($1) AND status <> 'PENDING') AS recorded`,
    [idsOf(cases)],
  );
  return rows[0]!;
}

/** Every case has one finished inquiry per respondent and agency kind, and its batch is complete and announced. */
async function expectNothingLostOrPending(db: pg.Client, cases: Case[]): Promise<InquiryRow[]> {
  const rows = await inquiries(db, cases);
  const keys = new Set(rows.map((r) => `${r.case_id}/${r.respondent_id_number}/${r.kind}`));
  const expected = cases.flatMap((c) =>
    c.data.respondents.flatMap((p) => kindsOf(p).map((k) => `${c.data.caseId}/${p.idNumber}/${k}`)),
  );
  expect(rows).toHaveLength(expected.length);
  expect(expected.filter((k) => !keys.has(k))).toEqual([]);
  expect(rows.filter((r) => r.status !== 'ANSWERED' && r.status !== 'FAILED')).toEqual([]);
  expect(await progress(db, cases)).toMatchObject({ batches: cases.length, open: 0 });
  const { rows: announced } = await db.query<{ n: number }>(
    `SELECT count(DISTINCT envelope->'data'->>'caseId')::int AS n FROM outbox
      WHERE type = 'asset.inquiry.completed' AND (envelope->'data'->>'caseId')::uuid = ANY($1)`,
    [idsOf(cases)],
  );
  expect(announced[0]!.n).toBe(cases.length);
  return rows;
}

const total = (cases: Case[]) =>
  cases.reduce((n, c) => n + c.data.respondents.reduce((m, p) => m + kindsOf(p).length, 0), 0);

describe('财产查控 under faults, asset-control and the agency sandbox each in its own process', () => {
  const here = new TestNamespace('t-inqf');
  const sandboxEnv = here.env('agency-sandbox', {
    LOG_LEVEL: 'error',
    SANDBOX_LATENCY_MS: '0',
    SANDBOX_FAILURE_RATE: '0.3',
    SANDBOX_TIMEOUT_RATE: '0.1',
  });
  const assetsEnv = here.env('asset-control', ASSET_SETTINGS);
  const db = new pg.Client({ connectionString: assetsEnv['DATABASE_URL'] });
  const sandboxDb = new pg.Client({ connectionString: sandboxEnv['DATABASE_URL'] });
  let sandbox: ServiceProcess | undefined;
  let assets: ServiceProcess | undefined;
  let client: BusClient;
  let bus: NatsBus;

  beforeAll(async () => {
    ({ client, bus } = await here.connect());
    sandbox = await startServiceProcess('agency-sandbox', sandboxEnv);
    assets = await startServiceProcess('asset-control', assetsEnv);
    kindsOf = await agencyKindsOf(client);
    await db.connect();
    await sandboxDb.connect();
  });

  afterAll(async () => {
    await db.end();
    await sandboxDb.end();
    await assets?.stop();
    await sandbox?.stop();
    await here.tearDown();
  });

  it('ends every inquiry answered or marked failed when agencies fail 30% and fall silent 10%', async () => {
    const cases = Array.from({ length: 100 }, (_, i) => registeredCase(i + 1, 'F'));
    await Promise.all(cases.map((c) => bus.publish(c)));
    await eventually(
      () => progress(db, cases),
      (p) => p.batches === cases.length && p.open === 0,
      'every case’s inquiry to complete',
      45_000,
    );
    const rows = await expectNothingLostOrPending(db, cases);
    const failed = rows.filter((r) => r.status === 'FAILED');
    const answered = rows.filter((r) => r.status === 'ANSWERED');
    // with 40% of calls going wrong, some inquiries needed retries and a few ran out of them
    expect(answered.filter((r) => r.attempts > 1).length).toBeGreaterThan(0);
    expect(failed.length).toBeGreaterThan(0);
    expect(failed.filter((r) => r.attempts !== 3)).toEqual([]);
    // the agencies saw the failures and the silences
    const { rows: outcomes } = await sandboxDb.query<{ outcome: string; n: number }>(
      `SELECT outcome, count(*)::int AS n FROM agency_inquiry_log GROUP BY outcome`,
    );
    const seen = Object.fromEntries(outcomes.map((o) => [o.outcome, o.n]));
    expect(seen['ANSWERED']).toBe(answered.length);
    expect(seen['FAILED']).toBeGreaterThan(0);
    expect(seen['HELD']).toBeGreaterThan(0);
  });

  it('loses no inquiry when killed mid-burst and started again, and no agency answers one twice', async () => {
    await client.request(Subjects.Agency.Configure, { latencyMs: 40, failureRate: 0, timeoutRate: 0 });
    const cases = Array.from({ length: 60 }, (_, i) => registeredCase(i + 1, 'K'));
    await Promise.all(cases.map((c) => bus.publish(c)));
    // every case taken in, and its inquiries part-way through
    await eventually(
      () => progress(db, cases),
      (p) => p.batches === cases.length && p.recorded >= total(cases) / 4,
      'the burst to be under way',
      30_000,
    );
    await assets!.kill();
    const { rows: atKill } = await db.query<{ recorded: number; claimed: number }>(
      `SELECT count(*) FILTER (WHERE status <> 'PENDING')::int AS recorded,
              count(*) FILTER (WHERE status = 'PENDING' AND claimed_until > now())::int AS claimed
         FROM asset_inquiry WHERE case_id = ANY($1)`,
      [idsOf(cases)],
    );
    // killed holding inquiries in flight, with work left to do
    expect(atKill[0]!.claimed).toBeGreaterThan(0);
    expect(atKill[0]!.recorded).toBeLessThan(total(cases));

    assets = await startServiceProcess('asset-control', assetsEnv);
    await expectRecoveredOnce(cases);
  });

  it('loses no filing when killed while taking in a burst of them, and asks no agency twice', async () => {
    await client.request(Subjects.Agency.Configure, { latencyMs: 10, failureRate: 0, timeoutRate: 0 });
    const cases = Array.from({ length: 160 }, (_, i) => registeredCase(i + 1, 'I'));
    await Promise.all(cases.map((c) => bus.publish(c)));
    await eventually(
      () => progress(db, cases),
      (p) => p.batches >= 20,
      'the intake to be under way',
      30_000,
    );
    await assets!.kill();
    // killed with filings still untaken: those it held unacknowledged come back after EVENT_ACK_WAIT_MS
    expect((await progress(db, cases)).batches).toBeLessThan(cases.length);

    assets = await startServiceProcess('asset-control', assetsEnv);
    await expectRecoveredOnce(cases, 120_000);
  });

  /** After a restart: every case's inquiry complete, and every agency asked answered each inquiry once. */
  async function expectRecoveredOnce(cases: Case[], timeoutMs = 40_000): Promise<void> {
    await eventually(
      () => progress(db, cases),
      (p) => p.batches === cases.length && p.open === 0,
      'every case’s inquiry to complete after the restart',
      timeoutMs,
    );
    const rows = await expectNothingLostOrPending(db, cases);

    // every inquiry answered by its agency once; a re-send after the crash was given the same answer again
    const { rows: log } = await sandboxDb.query<{ inquiry_id: string; answered: number; findings: number }>(
      `SELECT inquiry_id, count(*) FILTER (WHERE outcome = 'ANSWERED')::int AS answered,
              max(findings) FILTER (WHERE outcome = 'ANSWERED')::int AS findings
         FROM agency_inquiry_log WHERE inquiry_id = ANY($1) GROUP BY inquiry_id`,
      [rows.map((r) => r.id)],
    );
    expect(log.filter((l) => l.answered > 1)).toEqual([]);
    const agencyAnswers = new Map(log.filter((l) => l.answered === 1).map((l) => [l.inquiry_id, l.findings]));
    const answered = rows.filter((r) => r.status === 'ANSWERED');
    expect(answered.length).toBeGreaterThan(0);
    expect(answered.filter((r) => agencyAnswers.get(r.id) !== r.found)).toEqual([]);
    expect(agencyAnswers.size).toBe(answered.length);
  }
});

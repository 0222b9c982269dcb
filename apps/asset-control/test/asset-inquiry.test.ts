import { randomUUID } from 'node:crypto';
import {
  AssetClass,
  AssetValueKind,
  CaseInquiryStatus,
  CaseType,
  ErrorCode,
  Events,
  InquiryStatus,
  isValidResidentIdNumber,
  PartyKind,
  Role,
  Subjects,
  type AssetInquiryCompletedV1,
  type CaseRegisteredV1,
  type EventEnvelope,
  type GetFindingsReply,
} from '@writ/contracts';
import {
  eventually,
  testActor,
  type BusClient,
  type NatsBus,
  type RunningService,
  rejection,
  TestNamespace,
} from '@writ/platform';
import { expectedFindings, startAgencySandbox } from '@writ/agency-sandbox';
import { startAssetControl } from '../src/app.js';
import { StartInquiriesUseCase } from '../src/application/start-inquiries.use-case.js';
import { kindsFor, NATIONAL_CATALOG, requireKind } from '../src/domain/agency-catalog.js';

const COURT = '辽1104';
const officer = testActor({ courtCode: COURT });
let caseSequence = 0;

/** The n-th valid 居民身份证号码 of someone born in Dawa district. */
function residentId(n: number): string {
  const body = `211104${1960 + (n % 40)}0${1 + (n % 9)}1${n % 10}${String(n % 1000).padStart(3, '0')}`;
  return body + [...'0123456789X'].find((c) => isValidResidentIdNumber(body + c))!;
}

function person(n: number): CaseRegisteredV1['respondents'][number] {
  return { kind: PartyKind.NaturalPerson, name: `被执行人${n}`, idNumber: residentId(n) };
}

const COMPANY = {
  kind: PartyKind.Organisation,
  name: '盘锦某某商贸有限公司',
  idNumber: '91350100M000100Y43',
};

/** `case.registered` as case-intake writes it to its outbox. */
function caseRegistered(
  respondents: CaseRegisteredV1['respondents'],
  caseType: CaseType = CaseType.Execution,
): EventEnvelope<CaseRegisteredV1> {
  caseSequence++;
  return {
    id: randomUUID(),
    type: Events.CaseRegistered,
    version: 1,
    occurredAt: new Date().toISOString(),
    correlationId: randomUUID(),
    actor: officer,
    courtCode: COURT,
    data: {
      caseId: randomUUID(),
      caseNumber: `（2026）${COURT}${caseType}${caseSequence}号`,
      caseType,
      courtCode: COURT,
      claimAmountFen: 12_345_600,
      filingDate: '2026-03-02',
      respondents,
    },
  };
}

/** The national kinds asked about a respondent of this kind, in the catalog's order. */
function kindsOf(respondent: { kind: PartyKind }): string[] {
  return kindsFor(NATIONAL_CATALOG, COURT, respondent).map((k) => k.code);
}
const classOf = (kind: string) => requireKind(NATIONAL_CATALOG, kind).assetClass;

/** What the findings of one respondent must be: every agency's records, in the order of the kinds. */
function predicted(respondent: { kind: PartyKind; idNumber: string }) {
  const idNumber = respondent.idNumber;
  return kindsOf(respondent).flatMap((kind) =>
    expectedFindings(kind, classOf(kind), idNumber).map((f) => ({
      ...f,
      kind,
      respondentIdNumber: idNumber,
    })),
  );
}
const PERSON_KINDS = kindsOf({ kind: PartyKind.NaturalPerson });
const COMPANY_KINDS = kindsOf(COMPANY);

function withoutIds(assets: GetFindingsReply['assets']) {
  return assets.map(({ id: _id, ...rest }) => rest);
}

describe('财产查控: asset-control asks every agency about a registered case’s respondents', () => {
  const here = new TestNamespace('t-ac');
  const ASSET_SETTINGS: NodeJS.ProcessEnv = {
    INQUIRY_MAX_ATTEMPTS: '3',
    INQUIRY_RETRY_BASE_MS: '20',
    INQUIRY_RETRY_MAX_MS: '100',
    INQUIRY_TIMEOUT_MS: '1000',
    INQUIRY_POLL_MS: '50',
  };
  let sandbox: RunningService;
  let service: RunningService;
  let client: BusClient;
  let bus: NatsBus;

  const findings = (caseId: string, actor = officer) =>
    client.request(Subjects.Assets.GetFindings, { caseId }, { actor });
  const completed = (caseId: string) =>
    eventually(
      () => findings(caseId),
      (f) => f.status === CaseInquiryStatus.Completed,
      `case ${caseId} to complete`,
    );
  const completionEvents = async (caseId: string) =>
    (
      await service.dataSource.query<{ envelope: EventEnvelope<AssetInquiryCompletedV1> }[]>(
        `SELECT envelope FROM outbox WHERE type = $1`,
        [Events.AssetInquiryCompleted],
      )
    )
      .map((r) => r.envelope)
      .filter((e) => e.data.caseId === caseId);

  beforeAll(async () => {
    sandbox = await here.start(startAgencySandbox, 'agency-sandbox', { SANDBOX_LATENCY_MS: '0' });
    service = await here.start(startAssetControl, 'asset-control', ASSET_SETTINGS);
    ({ client, bus } = await here.connect());
  });

  afterEach(async () => {
    await client.request(Subjects.Agency.Configure, { latencyMs: 0, failureRate: 0, timeoutRate: 0 });
  });

  afterAll(() => here.tearDown());

  let firstCase: EventEnvelope<CaseRegisteredV1>;

  it('finds what every agency holds on every respondent and announces the completion once', async () => {
    firstCase = caseRegistered([person(1), COMPANY]);
    await bus.publish(firstCase);
    const result = await completed(firstCase.data.caseId);

    expect(result.inquiries).toHaveLength(PERSON_KINDS.length + COMPANY_KINDS.length);
    expect(
      result.inquiries.every((i) => i.status === InquiryStatus.Answered && i.attempts === 1 && i.answeredAt),
    ).toBe(true);
    expect(result.inquiries.map((i) => i.kind)).toEqual([...PERSON_KINDS, ...COMPANY_KINDS]);
    const expected = [...predicted(person(1)), ...predicted(COMPANY)];
    expect(expected.length).toBeGreaterThan(0);
    expect(withoutIds(result.assets)).toEqual(expected);

    const [event, ...more] = await completionEvents(firstCase.data.caseId);
    expect(more).toHaveLength(0);
    expect(event!.data).toEqual({
      caseId: firstCase.data.caseId,
      caseNumber: firstCase.data.caseNumber,
      answered: PERSON_KINDS.length + COMPANY_KINDS.length,
      failed: 0,
      assetsFound: expected.length,
      totalValueFen: expected.reduce((sum, a) => sum + a.amountFen, 0),
      depositsFoundFen: expected
        .filter((a) => classOf(a.kind) === AssetClass.Deposit && a.valueKind === AssetValueKind.Balance)
        .reduce((sum, a) => sum + a.amountFen, 0),
    });
    // the thread of the registration runs through to the completion
    expect(event!.correlationId).toBe(firstCase.correlationId);
    expect(event!.courtCode).toBe(COURT);

    const audit = await service.dataSource.query<{ action: string; n: number }[]>(
      `SELECT action, count(*)::int AS n FROM audit_log GROUP BY action ORDER BY action`,
    );
    expect(audit).toEqual([
      { action: 'asset.inquiry.answer', n: PERSON_KINDS.length + COMPANY_KINDS.length },
      { action: 'asset.inquiry.complete', n: 1 },
      { action: 'asset.inquiry.start', n: 1 },
    ]);
    const [stored] = await service.dataSource.query<{ total: string; type: string }[]>(
      `SELECT sum(amount_fen)::text AS total, pg_typeof(amount_fen)::text AS type FROM found_asset WHERE case_id = $1 GROUP BY 2`,
      [firstCase.data.caseId],
    );
    expect(stored).toEqual({ total: String(event!.data.totalValueFen), type: 'bigint' });
  });

  it('asks nothing twice when case.registered is delivered again, or republished under a new event id', async () => {
    const inquiriesBefore = await service.dataSource.query(`SELECT count(*)::int AS n FROM asset_inquiry`);
    const redelivered = await service.app.get(StartInquiriesUseCase).execute(firstCase);
    expect(redelivered).toBe(false);

    const republished = { ...firstCase, id: randomUUID() };
    await bus.publish(republished);
    await eventually(
      () => service.dataSource.query<unknown[]>(`SELECT 1 FROM inbox WHERE event_id = $1`, [republished.id]),
      (rows) => rows.length === 1,
      'the republished event to be handled',
    );
    expect(await service.dataSource.query(`SELECT count(*)::int AS n FROM asset_inquiry`)).toEqual(
      inquiriesBefore,
    );
    expect(await completionEvents(firstCase.data.caseId)).toHaveLength(1);
  });

  it('marks inquiries FAILED after the last attempt when the agencies keep failing, and still completes the case', async () => {
    await client.request(Subjects.Agency.Configure, { failureRate: 1 });
    const registered = caseRegistered([person(2)]);
    await bus.publish(registered);
    const result = await completed(registered.data.caseId);

    expect(result.assets).toEqual([]);
    for (const inquiry of result.inquiries) {
      expect(inquiry).toMatchObject({ status: InquiryStatus.Failed, attempts: 3 });
      expect(inquiry.lastError).toMatch(/^AGENCY_FAILED/);
      expect(inquiry.answeredAt).toBeUndefined();
    }
    const [event, ...more] = await completionEvents(registered.data.caseId);
    expect(more).toHaveLength(0);
    const n = PERSON_KINDS.length;
    expect(event!.data).toMatchObject({ answered: 0, failed: n, assetsFound: 0, totalValueFen: 0 });
    // the agencies were asked exactly max-attempts times per inquiry
    const asked = await sandbox.dataSource.query<{ outcome: string; n: number }[]>(
      `SELECT outcome, count(*)::int AS n FROM agency_inquiry_log WHERE case_number = $1 GROUP BY outcome`,
      [registered.data.caseNumber],
    );
    expect(asked).toEqual([{ outcome: 'FAILED', n: 3 * n }]);
    // and every attempt is in the audit trail: two retries and the final failure per inquiry
    const trail = await service.dataSource.query<{ action: string; n: number }[]>(
      `SELECT a.action, count(*)::int AS n FROM audit_log a JOIN asset_inquiry i ON i.id::text = a.entity_id
       WHERE i.case_id = $1 GROUP BY a.action ORDER BY a.action`,
      [registered.data.caseId],
    );
    expect(trail).toEqual([
      { action: 'asset.inquiry.fail', n },
      { action: 'asset.inquiry.retry', n: 2 * n },
    ]);
  });

  it('gives up on an agency that never answers in time, recording the timeout', async () => {
    await client.request(Subjects.Agency.Configure, { timeoutRate: 1 });
    const registered = caseRegistered([person(3)]);
    await bus.publish(registered);
    const result = await completed(registered.data.caseId);
    for (const inquiry of result.inquiries) {
      expect(inquiry).toMatchObject({ status: InquiryStatus.Failed, attempts: 3 });
      expect(inquiry.lastError).toMatch(/^UPSTREAM_TIMEOUT/);
    }
  });

  it('leaves no inquiry pending when half the answers fail, and records every answer that came', async () => {
    await client.request(Subjects.Agency.Configure, { failureRate: 0.5 });
    const cases = [
      caseRegistered([person(4)]),
      caseRegistered([person(5), person(6)]),
      caseRegistered([person(7)]),
    ];
    await Promise.all(cases.map((c) => bus.publish(c)));
    for (const registered of cases) {
      const result = await completed(registered.data.caseId);
      expect(result.inquiries).toHaveLength(registered.data.respondents.length * PERSON_KINDS.length);
      expect(result.inquiries.filter((i) => i.status === InquiryStatus.Pending)).toEqual([]);
      const answeredKinds = result.inquiries
        .filter((i) => i.status === InquiryStatus.Answered)
        .map((i) => `${i.respondentIdNumber}/${i.kind}`);
      const expected = registered.data.respondents
        .flatMap((r) => predicted(r))
        .filter((a) => answeredKinds.includes(`${a.respondentIdNumber}/${a.kind}`));
      expect(withoutIds(result.assets)).toEqual(expected);
      const [event] = await completionEvents(registered.data.caseId);
      expect(event!.data.answered + event!.data.failed).toBe(result.inquiries.length);
    }
    const pending = await service.dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM asset_inquiry WHERE status = 'PENDING'`,
    );
    expect(pending).toEqual([{ n: 0 }]);
  });

  it('never sends one inquiry twice at once when two replicas share the work', async () => {
    await client.request(Subjects.Agency.Configure, { latencyMs: 30 });
    const replica = await startAssetControl({ env: here.env('asset-control', ASSET_SETTINGS) });
    try {
      const cases = Array.from({ length: 4 }, (_, i) => caseRegistered([person(20 + i), person(30 + i)]));
      await Promise.all(cases.map((c) => bus.publish(c)));
      for (const registered of cases) await completed(registered.data.caseId);
      const asked = await sandbox.dataSource.query<{ inquiry_id: string; n: number }[]>(
        `SELECT inquiry_id, count(*)::int AS n FROM agency_inquiry_log
          WHERE case_number = ANY($1::text[]) GROUP BY inquiry_id`,
        [cases.map((c) => c.data.caseNumber)],
      );
      expect(asked).toHaveLength(4 * 2 * PERSON_KINDS.length);
      expect(asked.filter((row) => row.n !== 1)).toEqual([]);
      for (const registered of cases) expect(await completionEvents(registered.data.caseId)).toHaveLength(1);
    } finally {
      await replica.close();
    }
  });

  it('starts no inquiry for a 执行审查 case', async () => {
    const objection = caseRegistered([person(8)], CaseType.Objection);
    await bus.publish(objection);
    await eventually(
      () => service.dataSource.query<unknown[]>(`SELECT 1 FROM inbox WHERE event_id = $1`, [objection.id]),
      (rows) => rows.length === 1,
      'the objection case to be handled',
    );
    expect(await findings(objection.data.caseId)).toEqual({
      caseId: objection.data.caseId,
      status: CaseInquiryStatus.NotStarted,
      inquiries: [],
      assets: [],
    });
  });

  it('shows a case’s findings to its own court only, and tells nobody whether another court’s case exists', async () => {
    const caseId = firstCase.data.caseId;
    const notStarted = { caseId, status: CaseInquiryStatus.NotStarted, inquiries: [], assets: [] };
    expect(await findings(caseId, testActor({ courtCode: '辽1103' }))).toEqual(notStarted);
    const unknown = randomUUID();
    expect(await findings(unknown)).toEqual({ ...notStarted, caseId: unknown });
    const party = testActor({ roles: [Role.Party], partyIdNumber: person(1).idNumber });
    expect((await rejection(findings(caseId, party))).wire.code).toBe(ErrorCode.Forbidden);
    expect((await rejection(findings('not-a-uuid'))).wire.code).toBe(ErrorCode.ValidationFailed);
    const anonymous = await rejection(
      bus.request(Subjects.Assets.GetFindings, { caseId }, { timeoutMs: 5_000, headers: {} }),
    );
    expect(anonymous.wire.code).toBe(ErrorCode.Unauthenticated);
  });
});

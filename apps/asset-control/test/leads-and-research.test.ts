import { randomUUID } from 'node:crypto';
import {
  AssetValueKind,
  CaseInquiryStatus,
  CaseType,
  ClosureType,
  ErrorCode,
  Events,
  InquiryStatus,
  isValidResidentIdNumber,
  LeadKind,
  LeadResult,
  LeadStatus,
  PartyKind,
  ResearchStatus,
  Subjects,
  type AssetInquiryCompletedV1,
  type AssetPropertyFoundAfterClosureV1,
  type CaseRegisteredV1,
  type EventEnvelope,
  type GetFindingsReply,
} from '@writ/contracts';
import {
  eventually,
  FixedClock,
  rejection,
  testActor,
  testEvent,
  TestNamespace,
  type BusClient,
  type NatsBus,
  type RunningService,
} from '@writ/platform';
import { expectedFindings, startAgencySandbox } from '@writ/agency-sandbox';
import { kindsFor, NATIONAL_CATALOG, requireKind } from '../src/domain/agency-catalog.js';
import { startAssetControl } from '../src/app.js';

const COURT = '辽1104';
const officer = testActor({ courtCode: COURT });
const elsewhere = testActor({ courtCode: '辽1103' });
/** 10:00 in Beijing on the given day */
const at = (date: string): Date => new Date(`${date}T02:00:00Z`);

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

let sequence = 0;
function caseRegistered(
  respondents: CaseRegisteredV1['respondents'],
  filingDate: string,
  extra: Partial<CaseRegisteredV1> = {},
): EventEnvelope<CaseRegisteredV1> {
  sequence++;
  const caseType = extra.caseType ?? CaseType.Execution;
  return testEvent(
    Events.CaseRegistered,
    {
      caseId: randomUUID(),
      caseNumber: `（2026）${COURT}${caseType}${100 + sequence}号`,
      caseType,
      courtCode: COURT,
      claimAmountFen: 50_000_000,
      filingDate,
      respondents,
      ...extra,
    },
    { courtCode: COURT, actor: officer },
  );
}

/** The national kinds asked about a respondent of this kind, in the catalog's order. */
const kindsOf = (respondent: { kind: PartyKind }) =>
  kindsFor(NATIONAL_CATALOG, COURT, respondent).map((k) => k.code);
const N = kindsOf({ kind: PartyKind.NaturalPerson }).length;

function predicted(respondent: { kind: PartyKind; idNumber: string }) {
  const idNumber = respondent.idNumber;
  return kindsOf(respondent).flatMap((kind) =>
    expectedFindings(kind, requireKind(NATIONAL_CATALOG, kind).assetClass, idNumber).map((f) => ({
      ...f,
      kind,
      respondentIdNumber: idNumber,
    })),
  );
}

const withoutIds = (assets: GetFindingsReply['assets']) => assets.map(({ id: _id, ...rest }) => rest);

describe('财产线索, re-sending failed inquiries, the inquiry report, and the re-search of 终本 cases', () => {
  const here = new TestNamespace('t-acr');
  const clock = new FixedClock(at('2026-03-02'));
  let service: RunningService;
  let client: BusClient;
  let bus: NatsBus;

  const findings = (caseId: string) =>
    client.request(Subjects.Assets.GetFindings, { caseId }, { actor: officer });
  const completed = (caseId: string, what = `case ${caseId} to complete`) =>
    eventually(
      () => findings(caseId),
      (f) => f.status === CaseInquiryStatus.Completed,
      what,
    );
  const outbox = async <T>(type: string, caseId: string) =>
    (
      await service.dataSource.query<{ envelope: EventEnvelope<T & { caseId: string }> }[]>(
        `SELECT envelope FROM outbox WHERE type = $1 ORDER BY created_at`,
        [type],
      )
    )
      .map((r) => r.envelope)
      .filter((e) => e.data.caseId === caseId);
  const configure = (failureRate: number) => client.request(Subjects.Agency.Configure, { failureRate });
  const research = (caseId: string) =>
    client.request(Subjects.Assets.GetResearch, { caseId }, { actor: officer });
  const scan = () => client.request(Subjects.Assets.ScanResearch, {}, { actor: officer });

  beforeAll(async () => {
    await here.start(startAgencySandbox, 'agency-sandbox', { SANDBOX_LATENCY_MS: '0' });
    service = await here.start(
      startAssetControl,
      'asset-control',
      {
        INQUIRY_MAX_ATTEMPTS: '1',
        INQUIRY_TIMEOUT_MS: '1000',
        INQUIRY_POLL_MS: '50',
        RESEARCH_SCAN_INTERVAL_MS: '0',
      },
      { clock },
    );
    ({ client, bus } = await here.connect());
  });

  afterAll(() => here.tearDown());

  // the first case: property everywhere, later closed as 终本 and re-searched
  const first = caseRegistered([person(1), COMPANY], '2026-03-02');

  describe('财产线索 (财产调查规定 Art 2)', () => {
    const record = (over: Record<string, unknown> = {}, actor = officer) =>
      client.request(
        Subjects.Assets.RecordLead,
        {
          requestKey: randomUUID(),
          caseId: first.data.caseId,
          kind: LeadKind.BankDeposit,
          description: '申请人称被执行人在中国工商银行盘锦分行有存款',
          providedBy: '申请执行人 盘锦某银行',
          ...over,
        },
        { actor },
      );

    it('records leads with due dates of 7 days, or 3 when urgent, once per request key', async () => {
      await bus.publish(first);
      await completed(first.data.caseId);

      const key = `lead-${randomUUID()}`;
      const urgent = await record({ requestKey: key, urgent: true, kind: LeadKind.RealEstate });
      expect(urgent).toMatchObject({
        caseNumber: first.data.caseNumber,
        status: LeadStatus.Open,
        urgent: true,
        receivedOn: '2026-03-02',
        dueOn: '2026-03-05',
        overdue: false,
        recordedBy: officer.username,
      });
      expect((await record({ requestKey: key, urgent: true, kind: LeadKind.RealEstate })).id).toBe(urgent.id);
      const plain = await record();
      expect(plain).toMatchObject({ urgent: false, dueOn: '2026-03-09' });

      expect((await rejection(record({ caseId: randomUUID() }))).wire.code).toBe(ErrorCode.NotFound);
      expect((await rejection(record({}, elsewhere))).wire.code).toBe(ErrorCode.NotFound);
      expect((await rejection(record({ kind: 'GOLD' }))).wire.code).toBe(ErrorCode.ValidationFailed);
    });

    it('lists an unchecked lead past its due date as overdue, court-wide and on the case', async () => {
      clock.set(at('2026-03-06'));
      const overdue = await client.request(Subjects.Assets.OverdueLeads, {}, { actor: officer });
      expect(overdue.items.map((l) => [l.dueOn, l.overdue, l.urgent])).toEqual([['2026-03-05', true, true]]);
      expect((await client.request(Subjects.Assets.OverdueLeads, {}, { actor: elsewhere })).items).toEqual(
        [],
      );
      const onCase = await client.request(
        Subjects.Assets.ListLeads,
        { caseId: first.data.caseId },
        { actor: officer },
      );
      expect(onCase.items.map((l) => [l.dueOn, l.overdue])).toEqual([
        ['2026-03-05', true],
        ['2026-03-09', false],
      ]);
    });

    it('records the check, marks it late, and refuses to check it twice', async () => {
      const [lead] = (await client.request(Subjects.Assets.OverdueLeads, {}, { actor: officer })).items;
      const checked = await client.request(
        Subjects.Assets.CheckLead,
        { leadId: lead!.id, result: LeadResult.NotFound, note: '不动产登记中心查询，无登记' },
        { actor: officer },
      );
      expect(checked).toMatchObject({
        status: LeadStatus.Checked,
        result: LeadResult.NotFound,
        checkedOn: '2026-03-06',
        checkedLate: true,
        overdue: false,
      });
      expect((await client.request(Subjects.Assets.OverdueLeads, {}, { actor: officer })).items).toEqual([]);
      const again = await rejection(
        client.request(
          Subjects.Assets.CheckLead,
          { leadId: lead!.id, result: LeadResult.Found, note: '再查' },
          { actor: officer },
        ),
      );
      expect(again.wire.code).toBe(ErrorCode.InvalidState);
      clock.set(at('2026-03-10'));
      const [late] = (await client.request(Subjects.Assets.OverdueLeads, {}, { actor: officer })).items;
      expect(late).toMatchObject({ dueOn: '2026-03-09', overdue: true });
    });
  });

  describe('re-sending failed inquiries', () => {
    const failing = caseRegistered([person(2)], '2026-03-10');
    const resend = (inquiryId?: string) =>
      client.request(
        Subjects.Assets.ResendInquiries,
        { caseId: failing.data.caseId, ...(inquiryId ? { inquiryId } : {}) },
        { actor: officer },
      );
    const report = () =>
      client.request(Subjects.Assets.InquiryReport, { caseId: failing.data.caseId }, { actor: officer });
    const announced = () =>
      outbox<AssetInquiryCompletedV1>(Events.AssetInquiryCompleted, failing.data.caseId);

    it('reports every agency as failed after its attempts', async () => {
      await configure(1);
      await bus.publish(failing);
      await completed(failing.data.caseId);
      const r = await report();
      expect(r.totals).toEqual({ answered: 0, failed: N, pending: 0, assetsFound: 0, valueFen: 0 });
      expect(r.respondents[0]!.failed.map((f) => f.kind)).toEqual(kindsOf(person(2)));
      expect(r.respondents[0]!.failed[0]).toMatchObject({ attempts: 1, round: 0 });
      expect(await announced()).toHaveLength(1);
    });

    it('sends them again; a failure that repeats announces nothing new', async () => {
      const again = await resend();
      expect(again.inquiryIds).toHaveLength(N);
      await completed(failing.data.caseId, 'the re-sent inquiries to fail again');
      expect((await report()).totals.failed).toBe(N);
      expect(await announced()).toHaveLength(1);
    });

    it('sends one again, and announces the completion again when its answer changes the outcome', async () => {
      await configure(0);
      const [firstFailed] = (await report()).respondents[0]!.failed;
      expect((await resend(firstFailed!.inquiryId)).inquiryIds).toEqual([firstFailed!.inquiryId]);
      await completed(failing.data.caseId, 'the re-sent inquiry to be answered');
      const after = await report();
      expect(after.totals).toMatchObject({ answered: 1, failed: N - 1, pending: 0 });
      expect(after.respondents[0]!.answered[0]).toMatchObject({ inquiryId: firstFailed!.inquiryId });
      const events = await announced();
      expect(events).toHaveLength(2);
      expect(events[1]!.data).toMatchObject({ answered: 1, failed: N - 1 });

      // an answered inquiry has its answer
      const answered = await rejection(resend(firstFailed!.inquiryId));
      expect(answered.wire.code).toBe(ErrorCode.InvalidState);
    });

    it('sends all the rest again, and the findings are then complete', async () => {
      expect((await resend()).inquiryIds).toHaveLength(N - 1);
      const result = await completed(failing.data.caseId, 'all re-sent inquiries to be answered');
      expect(result.inquiries.every((i) => i.status === InquiryStatus.Answered)).toBe(true);
      expect(withoutIds(result.assets)).toEqual(predicted(person(2)));
      expect((await announced()).at(-1)!.data).toMatchObject({ answered: N, failed: 0 });
      expect((await resend()).inquiryIds).toEqual([]);
      const trail = await service.dataSource.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM audit_log WHERE action = 'asset.inquiry.resend'`,
      );
      expect(trail).toEqual([{ n: N + 1 + (N - 1) }]);
      const other = await rejection(
        client.request(
          Subjects.Assets.ResendInquiries,
          { caseId: failing.data.caseId },
          { actor: elsewhere },
        ),
      );
      expect(other.wire.code).toBe(ErrorCode.NotFound);
    });
  });

  describe('the inquiry report and the indicator 立案当日启动财产查控', () => {
    it('shows per respondent what each agency answered and found', async () => {
      const r = await client.request(
        Subjects.Assets.InquiryReport,
        { caseId: first.data.caseId },
        { actor: officer },
      );
      expect(r).toMatchObject({
        caseNumber: first.data.caseNumber,
        status: CaseInquiryStatus.Completed,
        round: 0,
        filingDate: '2026-03-02',
        startedOnTime: true,
      });
      expect(r.respondents.map((x) => [x.respondentIdNumber, x.answered.length, x.failed.length])).toEqual([
        [person(1).idNumber, N, 0],
        [COMPANY.idNumber, kindsOf(COMPANY).length, 0],
      ]);
      const expected = [...predicted(person(1)), ...predicted(COMPANY)];
      expect(r.totals.assetsFound).toBe(expected.length);
    });

    it('counts the cases whose first inquiry went out on the filing date', async () => {
      // registered a day after its filing date: its inquiry could not start on time
      const late = caseRegistered([person(3)], '2026-03-09');
      await bus.publish(late);
      await completed(late.data.caseId);
      const indicator = await client.request(
        Subjects.Assets.InquiryIndicator,
        { from: '2026-03-01', to: '2026-03-31' },
        { actor: officer },
      );
      expect(indicator).toEqual({
        courtCode: COURT,
        from: '2026-03-01',
        to: '2026-03-31',
        implementationCases: 3,
        startedOnTime: 2,
        rate: 2 / 3,
        late: [
          {
            caseId: late.data.caseId,
            caseNumber: late.data.caseNumber,
            filingDate: '2026-03-09',
            firstDispatchedOn: '2026-03-10',
          },
        ],
      });
      const bad = await rejection(
        client.request(
          Subjects.Assets.InquiryIndicator,
          { from: '2026-04-01', to: '2026-03-01' },
          { actor: officer },
        ),
      );
      expect(bad.wire.code).toBe(ErrorCode.ValidationFailed);
    });
  });

  describe('终本后每6个月复查，持续5年 (DOMAIN.md §4)', () => {
    const expected = [...predicted(person(1)), ...predicted(COMPANY)];
    const executable = expected.filter((a) => a.valueKind !== AssetValueKind.None && a.amountFen > 0);
    const found = () =>
      outbox<AssetPropertyFoundAfterClosureV1>(Events.AssetPropertyFoundAfterClosure, first.data.caseId);
    const closed = (caseId: string, closureType: ClosureType) =>
      testEvent(
        Events.CaseClosed,
        {
          caseId,
          caseNumber: first.data.caseNumber,
          closureType,
          closedOn: '2026-03-10',
          releaseControls: false,
          recoveredFen: 0,
        },
        { courtCode: COURT },
      );

    it('schedules the first re-search 6 months after a 终本 closure, and none for another closure', async () => {
      const plain = caseRegistered([person(4)], '2026-03-10');
      await bus.publish(plain);
      await completed(plain.data.caseId);
      const fullyPaid = closed(plain.data.caseId, ClosureType.FullyExecuted);
      await bus.publish(fullyPaid);
      await bus.publish(closed(first.data.caseId, ClosureType.TerminatedThisRound));
      const schedule = await eventually(
        () => research(first.data.caseId),
        (s) => s !== null,
        'the re-search to be scheduled',
      );
      expect(schedule).toEqual({
        caseId: first.data.caseId,
        caseNumber: first.data.caseNumber,
        status: ResearchStatus.Active,
        closedOn: '2026-03-10',
        endsOn: '2031-03-10',
        nextDueOn: '2026-09-10',
        rounds: [],
      });
      await eventually(
        () =>
          service.dataSource.query<unknown[]>(
            `SELECT 1 FROM inbox WHERE event_id = $1 AND consumer = 'asset-control.research'`,
            [fullyPaid.id],
          ),
        (rows) => rows.length === 1,
        'the other closure to be handled',
      );
      expect(await research(plain.data.caseId)).toBeNull();
      expect(await scan()).toEqual({ started: 0, ended: 0 });
    });

    it('searches every agency again when due, and announces the property found once', async () => {
      expect(executable.length).toBeGreaterThan(0);
      clock.set(at('2026-09-10'));
      expect(await scan()).toEqual({ started: 1, ended: 0 });
      const schedule = await eventually(
        () => research(first.data.caseId),
        (s) => !!s?.rounds[0]?.completedAt,
        'the first round to complete',
      );
      const total = executable.reduce((sum, a) => sum + a.amountFen, 0);
      expect(schedule).toMatchObject({ nextDueOn: '2027-03-10', status: ResearchStatus.Active });
      expect(schedule!.rounds[0]).toMatchObject({
        round: 1,
        assetsFound: executable.length,
        totalValueFen: total,
      });
      const [event, ...more] = await found();
      expect(more).toEqual([]);
      expect(event!.data).toMatchObject({
        caseId: first.data.caseId,
        assetsFound: executable.length,
        totalValueFen: total,
      });
      expect(event!.data.description).toMatch(/^第1次复查：/);
      // the case's own announcement of its inquiry is not repeated by a re-search
      expect(await outbox(Events.AssetInquiryCompleted, first.data.caseId)).toHaveLength(1);
      // findings show the latest state, not each round's items side by side
      const latest = await findings(first.data.caseId);
      expect(latest.inquiries).toHaveLength(N + kindsOf(COMPANY).length);
      expect(withoutIds(latest.assets)).toEqual(expected);
      expect(
        (
          await client.request(
            Subjects.Assets.InquiryReport,
            { caseId: first.data.caseId },
            { actor: officer },
          )
        ).round,
      ).toBe(1);
      expect(await scan()).toEqual({ started: 0, ended: 0 });
    });

    it('announces nothing for a round that finds nothing, and keeps to the schedule', async () => {
      await configure(1);
      clock.set(at('2027-03-10'));
      expect(await scan()).toEqual({ started: 1, ended: 0 });
      const schedule = await eventually(
        () => research(first.data.caseId),
        (s) => !!s?.rounds[1]?.completedAt,
        'the second round to complete',
      );
      expect(schedule).toMatchObject({ nextDueOn: '2027-09-10' });
      expect(schedule!.rounds[1]).toMatchObject({ round: 2, assetsFound: 0, totalValueFen: 0 });
      expect(await found()).toHaveLength(1);
      // a failed re-search does not wipe out what the last answer found
      expect(withoutIds((await findings(first.data.caseId)).assets)).toEqual(expected);
      await configure(0);
    });

    it('stops when the case is resumed as 执恢', async () => {
      const resumed = caseRegistered([person(1), COMPANY], '2027-03-12', {
        caseType: CaseType.Resumed,
        relatedCaseId: first.data.caseId,
      });
      clock.set(at('2027-03-12'));
      await bus.publish(resumed);
      const schedule = await eventually(
        () => research(first.data.caseId),
        (s) => s?.status === ResearchStatus.Stopped,
        'the re-search to stop',
      );
      expect(schedule).toMatchObject({
        stoppedOn: '2027-03-12',
        stoppedReason: `恢复执行：${resumed.data.caseNumber}`,
      });
      expect(schedule!.nextDueOn).toBeUndefined();
      // the resumed case searches for itself
      await completed(resumed.data.caseId);
      clock.set(at('2027-09-10'));
      expect(await scan()).toEqual({ started: 0, ended: 0 });
      expect(await research(first.data.caseId)).toMatchObject({ status: ResearchStatus.Stopped });
      expect(await research(first.data.caseId)).toEqual(await research(first.data.caseId));
      expect(
        await client.request(
          Subjects.Assets.GetResearch,
          { caseId: first.data.caseId },
          { actor: elsewhere },
        ),
      ).toBeNull();
    });
  });
});

import { randomUUID } from 'node:crypto';
import {
  AgencyKind,
  AssetClass,
  CaseInquiryStatus,
  CaseType,
  ErrorCode,
  Events,
  InquiryStatus,
  isValidResidentIdNumber,
  LinkedRole,
  PartyKind,
  Role,
  Subjects,
  type CaseRegisteredV1,
  type EventEnvelope,
  type PutAgencyKindCommand,
} from '@writ/contracts';
import {
  eventually,
  rejection,
  testActor,
  TestNamespace,
  type BusClient,
  type NatsBus,
  type RunningService,
} from '@writ/platform';
import { expectedFindings, startAgencySandbox } from '@writ/agency-sandbox';
import { startAssetControl } from '../src/app.js';

const DAWA = '辽1104';
const BEIJING = '京0105';
const director = testActor({ courtCode: DAWA, roles: [Role.Director] });
const officer = testActor({ courtCode: DAWA, roles: [Role.Officer] });

function residentId(n: number): string {
  const body = `211104${1960 + (n % 40)}0${1 + (n % 9)}1${n % 10}${String(n % 1000).padStart(3, '0')}`;
  return body + [...'0123456789X'].find((c) => isValidResidentIdNumber(body + c))!;
}
const person = (n: number) => ({
  kind: PartyKind.NaturalPerson,
  name: `被执行人${n}`,
  idNumber: residentId(n),
});
const COMPANY = {
  kind: PartyKind.Organisation,
  name: '盘锦某某商贸有限公司',
  idNumber: '91350100M000100Y43',
};

let sequence = 0;
function caseRegistered(
  courtCode: string,
  respondents: CaseRegisteredV1['respondents'],
): EventEnvelope<CaseRegisteredV1> {
  sequence++;
  return {
    id: randomUUID(),
    type: Events.CaseRegistered,
    version: 1,
    occurredAt: new Date().toISOString(),
    correlationId: randomUUID(),
    actor: testActor({ courtCode }),
    courtCode,
    data: {
      caseId: randomUUID(),
      caseNumber: `（2026）${courtCode}执${sequence}号`,
      caseType: CaseType.Execution,
      courtCode,
      claimAmountFen: 1_000_000,
      filingDate: '2026-03-02',
      respondents,
    },
  };
}

/** 辽宁 点对点: the province's rural land contracting rights register, an "other property right". */
const LAND: PutAgencyKindCommand = {
  code: 'LN_LAND_CONTRACT',
  nameZh: '农村土地承包经营权',
  nameEn: 'Rural land contracting rights',
  assetClass: AssetClass.FinancialRight,
  appliesTo: [PartyKind.NaturalPerson],
  reachesLinkedPersons: false,
  active: true,
};

describe('查控渠道: the agency kinds are configuration', () => {
  const here = new TestNamespace('t-acc');
  let service: RunningService;
  let client: BusClient;
  let bus: NatsBus;

  const put = (command: PutAgencyKindCommand, actor = director) =>
    client.request(Subjects.Assets.PutAgencyKind, command, { actor });
  const findings = (e: EventEnvelope<CaseRegisteredV1>) =>
    eventually(
      () => client.request(Subjects.Assets.GetFindings, { caseId: e.data.caseId }, { actor: e.actor }),
      (f) => f.status === CaseInquiryStatus.Completed,
      `case ${e.data.caseNumber} to complete`,
    );
  const kindsAsked = async (e: EventEnvelope<CaseRegisteredV1>) =>
    (await findings(e)).inquiries.map((i) => i.kind);

  beforeAll(async () => {
    await here.start(startAgencySandbox, 'agency-sandbox', { SANDBOX_LATENCY_MS: '0' });
    service = await here.start(startAssetControl, 'asset-control', {
      INQUIRY_TIMEOUT_MS: '2000',
      INQUIRY_POLL_MS: '50',
    });
    ({ client, bus } = await here.connect());
  });

  afterAll(() => here.tearDown());

  it('lists the national catalog to the court’s staff, and to no party', async () => {
    const list = await client.request(Subjects.Assets.ListAgencyKinds, {}, { actor: officer });
    expect(list.province).toBe('辽');
    expect(list.kinds).toHaveLength(13);
    expect(list.kinds.find((k) => k.code === AgencyKind.Vessel)).toMatchObject({
      nameZh: '船舶',
      assetClass: AssetClass.Movable,
      province: null,
      active: true,
    });
    const party = testActor({ courtCode: DAWA, roles: [Role.Party], partyIdNumber: residentId(1) });
    const refused = await rejection(client.request(Subjects.Assets.ListAgencyKinds, {}, { actor: party }));
    expect(refused.wire.code).toBe(ErrorCode.Forbidden);
  });

  it('asks a new national kind (船舶) of the sandbox, which answers it', async () => {
    const registered = caseRegistered(DAWA, [person(11)]);
    await bus.publish(registered);
    const result = await findings(registered);
    const vessel = result.inquiries.find((i) => i.kind === AgencyKind.Vessel);
    expect(vessel).toMatchObject({ status: InquiryStatus.Answered });
    expect(result.assets.filter((a) => a.kind === AgencyKind.Vessel).map((a) => a.identifier)).toEqual(
      expectedFindings(AgencyKind.Vessel, AssetClass.Movable, residentId(11)).map((f) => f.identifier),
    );
  });

  it('lets only the director add a source, for the court’s own province, and audits it', async () => {
    expect((await rejection(put(LAND, officer))).wire.code).toBe(ErrorCode.Forbidden);
    const added = await put(LAND);
    expect(added).toMatchObject({ code: LAND.code, province: '辽', active: true });
    const audit = await service.dataSource.query<{ action: string; court_code: string }[]>(
      `SELECT action, court_code FROM audit_log WHERE entity_type = 'agency_kind' AND entity_id = $1`,
      [LAND.code],
    );
    expect(audit).toEqual([{ action: 'asset.agency-kind.add', court_code: DAWA }]);
    // another province's director cannot take it over, nor anyone redefine a national kind
    const jilin = testActor({ courtCode: '吉0102', roles: [Role.Director] });
    expect((await rejection(put(LAND, jilin))).wire.errors?.[0]?.rule).toBe('ownProvinceOnly');
    expect((await rejection(put({ ...LAND, code: AgencyKind.Tax }))).wire.errors?.[0]?.rule).toBe(
      'nationalKindFixed',
    );
    expect(
      (await rejection(put({ ...LAND, assetClass: AssetClass.RealEstate }))).wire.errors?.[0]?.rule,
    ).toBe('assetClassFixed');
    const badCode = await rejection(put({ ...LAND, code: 'ln-land' }));
    expect(badCode.wire.code).toBe(ErrorCode.ValidationFailed);
    expect(badCode.wire.errors?.[0]?.field).toBe('code');
  });

  it('asks the province’s source for a case of its courts, and not for another province’s court', async () => {
    const dawa = caseRegistered(DAWA, [person(12)]);
    const beijing = caseRegistered(BEIJING, [person(13)]);
    await Promise.all([bus.publish(dawa), bus.publish(beijing)]);
    const dawaResult = await findings(dawa);
    expect(dawaResult.inquiries.find((i) => i.kind === LAND.code)).toMatchObject({
      status: InquiryStatus.Answered,
    });
    expect(dawaResult.assets.filter((a) => a.kind === LAND.code)).toHaveLength(
      expectedFindings(LAND.code, LAND.assetClass, residentId(12)).length,
    );
    expect(await kindsAsked(beijing)).not.toContain(LAND.code);
    const beijingList = await client.request(
      Subjects.Assets.ListAgencyKinds,
      {},
      { actor: testActor({ courtCode: BEIJING }) },
    );
    expect(beijingList.kinds.map((k) => k.code)).not.toContain(LAND.code);
  });

  it('asks a deactivated source no more, and keeps it in the catalog', async () => {
    await put({ ...LAND, active: false });
    const later = caseRegistered(DAWA, [person(14)]);
    await bus.publish(later);
    expect(await kindsAsked(later)).not.toContain(LAND.code);
    const list = await client.request(Subjects.Assets.ListAgencyKinds, {}, { actor: officer });
    expect(list.kinds.find((k) => k.code === LAND.code)).toMatchObject({ active: false });
    const active = await client.request(
      Subjects.Assets.ListAgencyKinds,
      { activeOnly: true },
      { actor: officer },
    );
    expect(active.kinds.map((k) => k.code)).not.toContain(LAND.code);
  });

  it('asks exit-entry about an organisation’s legal representative, and reports the person with the link', async () => {
    const boss = { name: '李四', idNumber: residentId(15) };
    const registered = caseRegistered(DAWA, [person(16), { ...COMPANY, legalRepresentative: boss }]);
    await bus.publish(registered);
    const result = await findings(registered);
    const aboutBoss = result.inquiries.filter((i) => i.respondentIdNumber === boss.idNumber);
    expect(aboutBoss).toEqual([
      expect.objectContaining({
        kind: AgencyKind.ExitEntry,
        respondentName: '李四',
        linkedTo: 1,
        role: LinkedRole.LegalRepresentative,
        status: InquiryStatus.Answered,
      }),
    ]);
    // the organisation itself is not asked what only a person can hold
    const aboutCompany = result.inquiries.filter((i) => i.respondentIdNumber === COMPANY.idNumber);
    expect(aboutCompany.map((i) => i.kind)).not.toContain(AgencyKind.ExitEntry);
    const report = await client.request(
      Subjects.Assets.InquiryReport,
      { caseId: registered.data.caseId },
      { actor: officer },
    );
    expect(report.respondents.map((r) => [r.respondentIdNumber, r.linkedTo, r.role])).toEqual([
      [person(16).idNumber, undefined, undefined],
      [COMPANY.idNumber, undefined, undefined],
      [boss.idNumber, 1, LinkedRole.LegalRepresentative],
    ]);
  });
});

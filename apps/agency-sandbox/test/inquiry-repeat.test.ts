import {
  AgencyKind,
  AssetClass,
  agencyInquireSubject,
  PartyKind,
  Subjects,
  type AgencyInquiryRequest,
} from '@writ/contracts';
import { uniqueSuffix, type BusClient, type RunningService, rejection, TestNamespace } from '@writ/platform';
import { expectedFindings, startAgencySandbox } from '../src/app.js';

const DEBTOR = '11010519491231002X';
const CLASS_OF: Record<string, AssetClass> = {
  [AgencyKind.BankDeposit]: AssetClass.Deposit,
  [AgencyKind.Vehicle]: AssetClass.Movable,
  [AgencyKind.RealEstate]: AssetClass.RealEstate,
};

function inquiry(kind: AgencyKind): AgencyInquiryRequest {
  return {
    inquiryId: `inq-${uniqueSuffix()}`,
    kind,
    assetClass: CLASS_OF[kind]!,
    subjectKind: PartyKind.NaturalPerson,
    subjectIdNumber: DEBTOR,
    subjectName: '张三',
    caseNumber: '（2026）辽1104执1号',
  };
}

describe('agency-sandbox answers an inquiry id once, as a real agency does by its request id', () => {
  const here = new TestNamespace('t-agr');
  let service: RunningService;
  let client: BusClient;

  const outcomes = async (inquiryId: string) =>
    (
      await service.dataSource.query<{ outcome: string; findings: number }[]>(
        `SELECT outcome, findings FROM agency_inquiry_log WHERE inquiry_id = $1 ORDER BY id`,
        [inquiryId],
      )
    ).map((r) => `${r.outcome}:${r.findings}`);

  beforeAll(async () => {
    service = await here.start(startAgencySandbox, 'agency-sandbox', { SANDBOX_LATENCY_MS: '0' });
    ({ client } = await here.connect());
  });

  afterEach(async () => {
    await client.request(Subjects.Agency.Configure, { latencyMs: 0, failureRate: 0, timeoutRate: 0 });
  });

  afterAll(() => here.tearDown());

  it('gives the same answer to an answered id sent again and logs it as REPEATED, not a second answer', async () => {
    const request = inquiry(AgencyKind.BankDeposit);
    const first = await client.request(agencyInquireSubject(AgencyKind.BankDeposit), request);
    const again = await client.request(agencyInquireSubject(AgencyKind.BankDeposit), request);
    expect(again).toEqual(first);
    expect(first.findings).toEqual(expectedFindings(AgencyKind.BankDeposit, AssetClass.Deposit, DEBTOR));
    const n = first.findings.length;
    expect(await outcomes(request.inquiryId)).toEqual([`ANSWERED:${n}`, `REPEATED:${n}`]);
  });

  it('answers a repeat even while the agency is failing every new inquiry', async () => {
    const request = inquiry(AgencyKind.Vehicle);
    const first = await client.request(agencyInquireSubject(AgencyKind.Vehicle), request);
    await client.request(Subjects.Agency.Configure, { failureRate: 1 });
    expect(await client.request(agencyInquireSubject(AgencyKind.Vehicle), request)).toEqual(first);
    await rejection(client.request(agencyInquireSubject(AgencyKind.Vehicle), inquiry(AgencyKind.Vehicle)));
  });

  it('answers an id whose earlier attempts failed, once, and logs one answer among many deliveries at once', async () => {
    const request = inquiry(AgencyKind.RealEstate);
    await client.request(Subjects.Agency.Configure, { failureRate: 1 });
    await rejection(client.request(agencyInquireSubject(AgencyKind.RealEstate), request));
    await client.request(Subjects.Agency.Configure, { failureRate: 0 });
    const replies = await Promise.all(
      Array.from({ length: 8 }, () => client.request(agencyInquireSubject(AgencyKind.RealEstate), request)),
    );
    for (const reply of replies) expect(reply).toEqual(replies[0]);
    const logged = await outcomes(request.inquiryId);
    expect(logged[0]).toMatch(/^FAILED:/);
    expect(logged.filter((o) => o.startsWith('ANSWERED:'))).toHaveLength(1);
    expect(logged.filter((o) => o.startsWith('REPEATED:'))).toHaveLength(7);
  });
});

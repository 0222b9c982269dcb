import {
  AgencyKind,
  AssetClass,
  agencyInquireSubject,
  ErrorCode,
  PartyKind,
  Subjects,
  type AgencyInquiryRequest,
} from '@writ/contracts';
import { uniqueSuffix, type BusClient, type RunningService, rejection, TestNamespace } from '@writ/platform';
import { expectedFindings, startAgencySandbox } from '../src/app.js';

const DEBTOR = '11010519491231002X';

/** The asset class asset-control's national catalog gives each kind (its migration 500). */
const CLASS_OF: Record<string, AssetClass> = {
  [AgencyKind.BankDeposit]: AssetClass.Deposit,
  [AgencyKind.WealthProduct]: AssetClass.FinancialRight,
  [AgencyKind.OnlinePayment]: AssetClass.Deposit,
  [AgencyKind.Securities]: AssetClass.FinancialRight,
  [AgencyKind.RealEstate]: AssetClass.RealEstate,
  [AgencyKind.Vehicle]: AssetClass.Movable,
  [AgencyKind.Vessel]: AssetClass.Movable,
  [AgencyKind.BusinessRegistration]: AssetClass.FinancialRight,
  [AgencyKind.ExitEntry]: AssetClass.Information,
  [AgencyKind.Marriage]: AssetClass.Information,
  [AgencyKind.HousingFund]: AssetClass.Deposit,
  [AgencyKind.Tax]: AssetClass.Information,
  [AgencyKind.SocialInsurance]: AssetClass.Information,
  LN_LAND_CONTRACT: AssetClass.FinancialRight,
};

function inquiry(kind: AgencyKind, overrides: Partial<AgencyInquiryRequest> = {}): AgencyInquiryRequest {
  return {
    inquiryId: `inq-${uniqueSuffix()}`,
    kind,
    assetClass: CLASS_OF[kind]!,
    subjectKind: PartyKind.NaturalPerson,
    subjectIdNumber: DEBTOR,
    subjectName: '张三',
    caseNumber: '（2026）辽1104执1号',
    ...overrides,
  };
}

describe('agency-sandbox answering inquiries over NATS', () => {
  const here = new TestNamespace('t-ag');
  let service: RunningService;
  let client: BusClient;

  beforeAll(async () => {
    service = await here.start(startAgencySandbox, 'agency-sandbox', { SANDBOX_LATENCY_MS: '0' });
    ({ client } = await here.connect());
  });

  afterEach(async () => {
    await client.request(Subjects.Agency.Configure, { latencyMs: 0, failureRate: 0, timeoutRate: 0 });
  });

  afterAll(() => here.tearDown());

  it('answers every agency kind, national or a province’s own, on its own subject with the records expectedFindings predicts', async () => {
    const kinds = Object.keys(CLASS_OF);
    for (const kind of kinds) {
      const request = inquiry(kind);
      const reply = await client.request(agencyInquireSubject(kind), request);
      expect(reply.inquiryId).toBe(request.inquiryId);
      expect(reply.kind).toBe(kind);
      expect(reply.findings).toEqual(expectedFindings(kind, CLASS_OF[kind]!, DEBTOR));
    }
    const logged = await service.dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM agency_inquiry_log WHERE outcome = 'ANSWERED'`,
    );
    expect(logged[0]!.n).toBe(kinds.length);
  });

  it('refuses an inquiry with a malformed id number, kind code or asset class', async () => {
    const badKind = await rejection(
      client.request(
        agencyInquireSubject(AgencyKind.Vehicle),
        inquiry(AgencyKind.Vehicle, { kind: 'vehicle' }),
      ),
    );
    expect(badKind.wire.errors?.map((e) => e.field)).toEqual(['kind']);
    const noClass = await rejection(
      client.request(
        agencyInquireSubject(AgencyKind.Vehicle),
        inquiry(AgencyKind.Vehicle, { assetClass: 'CAR' as AssetClass }),
      ),
    );
    expect(noClass.wire.errors?.map((e) => e.field)).toEqual(['assetClass']);
    const short = await rejection(
      client.request(
        agencyInquireSubject(AgencyKind.Vehicle),
        inquiry(AgencyKind.Vehicle, { subjectIdNumber: '123' }),
      ),
    );
    expect(short.wire.errors?.map((e) => e.field)).toEqual(['subjectIdNumber']);
  });

  it('fails with AGENCY_FAILED at a failure rate of 1, and reports the settings it now uses', async () => {
    const settings = await client.request(Subjects.Agency.Configure, { failureRate: 1 });
    expect(settings).toEqual({ latencyMs: 0, failureRate: 1, timeoutRate: 0 });
    const refused = await rejection(
      client.request(agencyInquireSubject(AgencyKind.BankDeposit), inquiry(AgencyKind.BankDeposit)),
    );
    expect(refused.wire.code).toBe(ErrorCode.AgencyFailed);
  });

  it('stays silent past the caller’s timeout at a timeout rate of 1', async () => {
    await client.request(Subjects.Agency.Configure, { timeoutRate: 1 });
    const started = Date.now();
    const refused = await rejection(
      client.request(agencyInquireSubject(AgencyKind.Marriage), inquiry(AgencyKind.Marriage), {
        timeoutMs: 300,
      }),
    );
    expect(refused.wire.code).toBe(ErrorCode.UpstreamTimeout);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
  });

  it('waits the configured latency before answering', async () => {
    await client.request(Subjects.Agency.Configure, { latencyMs: 200 });
    const started = Date.now();
    await client.request(agencyInquireSubject(AgencyKind.Securities), inquiry(AgencyKind.Securities));
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
  });

  it('refuses settings it cannot use, naming the field', async () => {
    const refused = await rejection(client.request(Subjects.Agency.Configure, { failureRate: 2 }));
    expect(refused.wire.code).toBe(ErrorCode.ValidationFailed);
    expect(refused.wire.errors?.[0]?.field).toBe('failureRate');
    const summed = await rejection(
      client.request(Subjects.Agency.Configure, { failureRate: 0.6, timeoutRate: 0.6 }),
    );
    expect(summed.wire.errors?.[0]?.rule).toBe('ratesSum');
  });

  it('will not start with an impossible failure rate in its environment', async () => {
    await expect(
      startAgencySandbox({ env: here.env('agency-sandbox', { SANDBOX_FAILURE_RATE: '1.5' }) }),
    ).rejects.toThrow(/SANDBOX_FAILURE_RATE/);
  });
});

import {
  BasisKind,
  CaseStatus,
  CaseType,
  CodedError,
  ErrorCode,
  JurisdictionGround,
  PartyKind,
  PartyRole,
} from '@writ/contracts';
import {
  acceptanceFlags,
  acceptApplication,
  applicationProblems,
  filingDayOf,
  registerCase,
  type CaseApplication,
} from './enforcement-case.js';

const application = (overrides: Partial<CaseApplication> = {}): CaseApplication => ({
  caseType: CaseType.Execution,
  basis: {
    documentNumber: '（2025）辽1104民初88号',
    issuingCourt: '大洼区人民法院',
    effectiveDate: '2025-06-01',
    kind: BasisKind.Judgment,
    performanceDueDate: '2025-06-11',
  },
  applicationDate: '2026-11-20',
  jurisdictionGround: JurisdictionGround.FirstInstanceCourt,
  applicants: [{ kind: PartyKind.Organisation, name: '某公司', idNumber: '91350100M000100Y43' }],
  respondents: [{ kind: PartyKind.NaturalPerson, name: '张三', idNumber: '11010519491231002X' }],
  claimAmountFen: 100_00,
  ...overrides,
});

describe('立案 (registering an enforcement case)', () => {
  const facts = { id: 'c1', courtCode: '辽1104', sequence: 5, registeredBy: 'u1' };
  const file = (a: CaseApplication, now: Date) => registerCase(acceptApplication(a, now), facts);

  it('numbers the case and takes the filing date in Beijing time', () => {
    // 16:30 UTC on 31 December is already 1 January in Asia/Shanghai: the case belongs to the new year
    const registered = file(application(), new Date('2026-12-31T16:30:00Z'));
    expect(registered.caseNumber).toBe('（2027）辽1104执5号');
    expect(registered.filingDate).toBe('2027-01-01');
    expect(registered.status).toBe(CaseStatus.Registered);
    expect(registered.parties.map((p) => p.role)).toEqual([PartyRole.Applicant, PartyRole.Respondent]);
  });

  it('refuses a basis that had not taken effect by the filing date (执行工作规定 Art 16)', () => {
    const refuse = () =>
      acceptApplication(
        application({
          basis: { ...application().basis, effectiveDate: '2026-12-01', performanceDueDate: '2026-12-01' },
        }),
        new Date('2026-11-28T02:00:00Z'),
      );
    expect(refuse).toThrow(CodedError);
    try {
      refuse();
    } catch (error) {
      expect((error as CodedError).code).toBe(ErrorCode.RuleViolated);
      expect((error as CodedError).details.errors?.map((e) => e.field)).toContain('basis.effectiveDate');
    }
  });

  it('refuses an application made before the performance period ran out', () => {
    const problems = applicationProblems(
      application({ basis: { ...application().basis, performanceDueDate: '2026-11-25' } }),
      '2026-11-28',
    );
    expect(problems.map((p) => `${p.field}:${p.rule}`)).toEqual([
      'basis.performanceDueDate:performancePeriodPassed',
    ]);
  });

  it('refuses to enforce an arbitral award as the first-instance court (执行工作规定 2020 Art 10)', () => {
    const problems = applicationProblems(
      application({ basis: { ...application().basis, kind: BasisKind.Arbitration } }),
      '2026-11-28',
    );
    expect(problems.map((p) => p.rule)).toEqual(['jurisdiction']);
    expect(
      applicationProblems(
        application({
          basis: { ...application().basis, kind: BasisKind.Arbitration },
          jurisdictionGround: JurisdictionGround.DebtorDomicile,
        }),
        '2026-11-28',
      ),
    ).toEqual([]);
  });

  it('accepts an application made more than two years after the performance period, flagged (民诉法 2023 Art 250)', () => {
    const basis = { ...application().basis, effectiveDate: '2024-11-09', performanceDueDate: '2024-11-19' };
    expect(applicationProblems(application({ basis }), '2026-11-28')).toEqual([]);
    expect(acceptanceFlags(basis, '2026-11-20', '2026-11-28').limitationExpired).toBe(true);
    expect(
      acceptanceFlags({ ...basis, performanceDueDate: '2024-11-20' }, '2026-11-20', '2026-11-28')
        .limitationExpired,
    ).toBe(false);
  });

  it('flags 立案 later than 7 days after the application (执行工作规定 2020 Art 16)', () => {
    const basis = application().basis;
    expect(acceptanceFlags(basis, '2026-11-21', '2026-11-28').acceptedWithinDeadline).toBe(true);
    expect(acceptanceFlags(basis, '2026-11-20', '2026-11-28').acceptedWithinDeadline).toBe(false);
  });

  it('refuses a party named on both sides, and the same party twice on one side', () => {
    const same = application().applicants[0]!;
    const problems = applicationProblems(
      application({ respondents: [same, application().respondents[0]!, application().respondents[0]!] }),
      '2026-11-28',
    );
    expect(problems.map((p) => `${p.field}:${p.rule}`)).toEqual([
      'respondents[0].idNumber:notBothSides',
      'respondents[2].idNumber:uniqueParty',
    ]);
  });

  it('computes the filing day in Asia/Shanghai', () => {
    expect(filingDayOf(new Date('2026-11-28T15:59:59Z'))).toEqual({ year: 2026, filingDate: '2026-11-28' });
    expect(filingDayOf(new Date('2026-11-28T16:00:00Z'))).toEqual({ year: 2026, filingDate: '2026-11-29' });
  });
});

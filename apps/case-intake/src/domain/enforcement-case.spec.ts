import { CaseStatus, CaseType, CodedError, ErrorCode, PartyKind, PartyRole } from '@writ/contracts';
import {
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
  },
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
        application({ basis: { ...application().basis, effectiveDate: '2026-12-01' } }),
        new Date('2026-11-28T02:00:00Z'),
      );
    expect(refuse).toThrow(CodedError);
    try {
      refuse();
    } catch (error) {
      expect((error as CodedError).code).toBe(ErrorCode.RuleViolated);
      expect((error as CodedError).details.errors?.[0]?.field).toBe('basis.effectiveDate');
    }
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

  it('accepts a basis that took effect on the filing day itself', () => {
    expect(
      applicationProblems(
        application({ basis: { ...application().basis, effectiveDate: '2026-11-28' } }),
        '2026-11-28',
      ),
    ).toEqual([]);
  });

  it('computes the filing day in Asia/Shanghai', () => {
    expect(filingDayOf(new Date('2026-11-28T15:59:59Z'))).toEqual({ year: 2026, filingDate: '2026-11-28' });
    expect(filingDayOf(new Date('2026-11-28T16:00:00Z'))).toEqual({ year: 2026, filingDate: '2026-11-29' });
  });
});

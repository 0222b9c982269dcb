import { CaseActivityKind, PartyKind } from '@writ/contracts';
import { terminationChecklist, type TerminationChecklistInput } from './termination-checklist.js';

const adult = { idNumber: '11010519491231002X', name: '张三', kind: PartyKind.NaturalPerson, minor: false };
const minor = { idNumber: '110105201201010012', name: '小明', kind: PartyKind.NaturalPerson, minor: true };

const everythingDone: TerminationChecklistInput = {
  filingDate: '2026-01-05',
  today: '2026-04-06',
  respondents: [adult],
  measures: {
    executionNoticeIssuedOn: '2026-01-06',
    consumptionRestricted: [adult.idNumber],
    dishonestListed: [adult.idNumber],
    punished: [],
  },
  activities: new Set([CaseActivityKind.NoExecutablePropertyFound, CaseActivityKind.ApplicantInterviewed]),
  inquiryCompleted: true,
};

const unmet = (input: TerminationChecklistInput) =>
  terminationChecklist(input)
    .items.filter((i) => !i.met)
    .map((i) => i.code);

describe('终本 checklist (严格规范终结本次执行程序的规定 2016 Art 1)', () => {
  it('allows 终本 when every prerequisite holds', () => {
    expect(terminationChecklist(everythingDone).allMet).toBe(true);
  });

  it('refuses within 3 months of filing: the day three months on is not yet more than three months', () => {
    expect(unmet({ ...everythingDone, today: '2026-04-05' })).toEqual(['OVER_THREE_MONTHS']);
  });

  it('refuses when the debtor was never restricted from high consumption', () => {
    expect(
      unmet({ ...everythingDone, measures: { ...everythingDone.measures, consumptionRestricted: [] } }),
    ).toEqual(['CONSUMPTION_RESTRICTED']);
  });

  it('requires 失信 for an adult who broke the report duty, but never for a minor', () => {
    const notListed = { ...everythingDone.measures, dishonestListed: [], punished: [adult.idNumber] };
    expect(unmet({ ...everythingDone, measures: notListed })).toEqual(['DISHONEST_WHERE_ELIGIBLE']);
    const child = {
      ...everythingDone,
      respondents: [minor],
      measures: { ...notListed, consumptionRestricted: [minor.idNumber], punished: [minor.idNumber] },
    };
    expect(unmet(child)).toEqual([]);
  });

  it('asks that a debtor who did not report property be punished, and none of it once he reported', () => {
    const unpunished = { ...everythingDone.measures, dishonestListed: [] };
    expect(unmet({ ...everythingDone, measures: unpunished })).toEqual([
      'REPORT_DUTY_ENFORCED',
      'DISHONEST_WHERE_ELIGIBLE',
    ]);
    const reported = new Set([...everythingDone.activities, CaseActivityKind.PropertyReported]);
    expect(unmet({ ...everythingDone, measures: unpunished, activities: reported })).toEqual([]);
  });

  it('needs the search exhausted, the missing debtor looked for, and the applicant interviewed', () => {
    expect(
      unmet({
        ...everythingDone,
        inquiryCompleted: false,
        activities: new Set([CaseActivityKind.DebtorMissing]),
        measures: { ...everythingDone.measures, executionNoticeIssuedOn: undefined },
      }),
    ).toEqual([
      'NOTICE_AND_REPORT_ORDER',
      'SEARCH_EXHAUSTED',
      'MISSING_DEBTOR_SEARCHED',
      'APPLICANT_INTERVIEWED',
    ]);
  });
});

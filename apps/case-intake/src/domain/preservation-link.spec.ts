import { CaseType } from '@writ/contracts';
import { preservationLinkProblems, type PreservationCandidate } from './preservation-link.js';

describe('保全转执行: which 执保 case an 执 case may carry on (民诉解释 Art 168)', () => {
  const preservation: PreservationCandidate = {
    caseType: CaseType.Preservation,
    caseNumber: '（2026）辽1104执保3号',
    respondentIdNumbers: ['A'],
  };
  const rules = (caseType: CaseType, found: PreservationCandidate | null, respondents = ['A', 'B']) =>
    preservationLinkProblems(caseType, respondents, found).map((p) => [p.field, p.rule]);

  it('accepts a 执保 case of the court against the same respondents', () => {
    expect(rules(CaseType.Execution, preservation)).toEqual([]);
  });

  it('refuses it for any case but 执', () => {
    expect(rules(CaseType.Resumed, preservation)).toEqual([
      ['preservationCaseId', 'preservationIntoExecution'],
    ]);
  });

  it('refuses a case missing from the court, or not a 执保 case', () => {
    expect(rules(CaseType.Execution, null)).toEqual([['preservationCaseId', 'preservationCaseOfCourt']]);
    expect(rules(CaseType.Execution, { ...preservation, caseType: CaseType.Execution })).toEqual([
      ['preservationCaseId', 'isPreservationCase'],
    ]);
  });

  it('refuses another debtor’s preservation, and one carried on already', () => {
    expect(rules(CaseType.Execution, preservation, ['B'])).toEqual([
      ['preservationCaseId', 'sameRespondents'],
    ]);
    expect(rules(CaseType.Execution, { ...preservation, carriedBy: '（2026）辽1104执9号' })).toEqual([
      ['preservationCaseId', 'preservationCarriedOnce'],
    ]);
  });
});

import { CaseType, PartyKind, type RegisterCaseCommand } from '@writ/contracts';
import { uniqueSuffix } from '@writ/platform';

/** An application for 立案 as an officer would fill it in: a company enforcing a judgment against 张三. */
export function application(overrides: Partial<RegisterCaseCommand> = {}): RegisterCaseCommand {
  return {
    requestKey: `key-${uniqueSuffix()}-${Math.random()}`,
    caseType: CaseType.Execution,
    basis: {
      documentNumber: '（2025）辽1104民初88号',
      issuingCourt: '大洼区人民法院',
      effectiveDate: '2025-06-01',
      performanceDueDate: '2025-06-11',
    },
    applicants: [
      { kind: PartyKind.Organisation, name: '盘锦某某商贸有限公司', idNumber: '91350100M000100Y43' },
    ],
    respondents: [{ kind: PartyKind.NaturalPerson, name: '张三', idNumber: '11010519491231002X' }],
    claimAmountFen: 12_345_600,
    ...overrides,
  };
}

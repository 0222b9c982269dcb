import { Role } from '@writ/contracts';

export const ALL_ROLES: readonly Role[] = Object.values(Role);

/** Who acts on a case under way: suspends, extends, closes it, decides and lifts measures (办案人员). */
export const CASE_HANDLER_ROLES: readonly Role[] = [Role.Judge, Role.Officer, Role.Director];

/** Who also records the facts of a case (约谈, 查找, 财产报告): the handlers and the clerks. */
export const CASE_RECORDER_ROLES: readonly Role[] = [...CASE_HANDLER_ROLES, Role.Clerk];

/** Who rules on a case: reassigns it, entrusts it, sends it to bankruptcy, decides objections (执行裁决). */
export const ADJUDICATOR_ROLES: readonly Role[] = [Role.Judge, Role.Director];

/** Who signs approvals: the enforcement director (执行局长) and the president (院长). */
export const APPROVER_ROLES: readonly Role[] = [Role.Director, Role.Leader];

/** Who watches the court as a whole: its leadership, the director and the judges. */
export const OVERSEER_ROLES: readonly Role[] = [Role.Leader, Role.Director, Role.Judge];

/** Who reads a case's money (案款): those who work the case, the director and the fund manager. */
export const CASE_MONEY_READER_ROLES: readonly Role[] = [
  Role.Judge,
  Role.Officer,
  Role.Clerk,
  Role.Director,
  Role.FundManager,
];

/** Who moves money by hand: receipts, payout requests, bank confirmations, statements, deposits (案款管理员). */
export const FUND_MANAGER_ROLES: readonly Role[] = [Role.FundManager];

/** Who keeps the court's money as a whole: the payout queue, the journal, reconciliation, deposits. */
export const FUND_OFFICE_ROLES: readonly Role[] = [Role.FundManager, Role.Director];

/** Who reads the money reports (案款超期, 到位率): the fund office and the court's leadership. */
export const FUND_REPORT_ROLES: readonly Role[] = [Role.FundManager, Role.Director, Role.Leader];

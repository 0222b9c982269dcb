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

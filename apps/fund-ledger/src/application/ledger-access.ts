import { CodedError, ErrorCode, requireCourtStaff, Role, type Actor } from '@writ/contracts';

/** Who moves money by hand: the fund manager (案款管理员), and the director (执行局长) above them. */
const MONEY_ROLES: readonly Role[] = [Role.FundManager, Role.Director];

export function requireMoneyRole(actor: Actor, what: string): void {
  requireCourtStaff(actor, what);
  if (!actor.roles.some((role) => MONEY_ROLES.includes(role))) {
    throw new CodedError(ErrorCode.Forbidden, `${what} are for the fund manager or the director`, {
      rule: 'FUND_MANAGER_ONLY',
    });
  }
}

/** Another court's case (or account) reads exactly like one that does not exist. */
export function caseNotFound(caseId: string): CodedError {
  return new CodedError(ErrorCode.NotFound, `no enforcement case ${caseId} at this court`, {
    errors: [
      { field: 'caseId', rule: 'caseOfCourt', message: 'not a case of this court known to the ledger' },
    ],
  });
}

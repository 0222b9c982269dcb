import { COURT_STAFF_ROLES, CodedError, ErrorCode, type Actor } from '@writ/contracts';

/** The court's staff only: parties follow their case elsewhere. */
export function requireCourtStaff(actor: Actor, what: string): void {
  if (!actor.roles.some((role) => COURT_STAFF_ROLES.includes(role))) {
    throw new CodedError(ErrorCode.Forbidden, `${what} is for the court’s staff`);
  }
}

/** Another court's case reads exactly like one that does not exist. */
export function caseNotFound(caseId: string): CodedError {
  return new CodedError(ErrorCode.NotFound, `no enforcement case ${caseId} at this court`);
}

import { CodedError, ErrorCode } from '@writ/contracts';

/** Another court's case reads exactly like one that does not exist. */
export function caseNotFound(caseId: string): CodedError {
  return new CodedError(ErrorCode.NotFound, `no enforcement case ${caseId} at this court`);
}

import { CaseType, type FieldError } from '@writ/contracts';

/** The 执保 case an 执 application names, as case-intake finds it in the applying court. */
export interface PreservationCandidate {
  caseType: CaseType;
  caseNumber: string;
  respondentIdNumbers: readonly string[];
  /** the 执 case that already carries it on, if any */
  carriedBy?: string;
}

const FIELD = 'preservationCaseId';

/**
 * 保全转执行 (民诉解释 Art 168): a preservation's controls become the execution's when the creditor
 * applies for execution against the same debtor. So only an 执 case names a 执保 case, of its own court
 * (`found` is null otherwise: another court's case reads as missing), whose respondents are all among
 * the new case's — the controls are on their property — and each 执保 case is carried on once.
 */
export function preservationLinkProblems(
  caseType: CaseType,
  respondentIdNumbers: readonly string[],
  found: PreservationCandidate | null,
): FieldError[] {
  if (caseType !== CaseType.Execution) {
    return [
      {
        field: FIELD,
        rule: 'preservationIntoExecution',
        message: `only an 执 case carries on a preservation, not a ${caseType} case`,
      },
    ];
  }
  if (!found) {
    return [{ field: FIELD, rule: 'preservationCaseOfCourt', message: 'no such case at this court' }];
  }
  if (found.caseType !== CaseType.Preservation) {
    return [
      {
        field: FIELD,
        rule: 'isPreservationCase',
        message: `${found.caseNumber} is a ${found.caseType} case, not 执保`,
      },
    ];
  }
  if (found.carriedBy) {
    return [
      {
        field: FIELD,
        rule: 'preservationCarriedOnce',
        message: `${found.caseNumber} is already carried on by ${found.carriedBy}`,
      },
    ];
  }
  const missing = found.respondentIdNumbers.filter((id) => !respondentIdNumbers.includes(id));
  if (missing.length) {
    return [
      {
        field: FIELD,
        rule: 'sameRespondents',
        message: `the respondents of ${found.caseNumber} are not all respondents of this case`,
      },
    ];
  }
  return [];
}

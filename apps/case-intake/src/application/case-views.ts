import type { CaseDetail, CaseSummary } from '@writ/contracts';
import { applicantsOf, respondentsOf, type EnforcementCase } from '../domain/enforcement-case.js';

export function toCaseSummary(c: EnforcementCase): CaseSummary {
  return {
    id: c.id,
    caseNumber: c.caseNumber,
    caseType: c.caseType,
    status: c.status,
    courtCode: c.courtCode,
    claimAmountFen: c.claimAmountFen,
    applicantNames: applicantsOf(c).map((p) => p.name),
    respondentNames: respondentsOf(c).map((p) => p.name),
    registeredAt: c.registeredAt.toISOString(),
    filingDate: c.filingDate,
  };
}

export function toCaseDetail(c: EnforcementCase): CaseDetail {
  return {
    ...toCaseSummary(c),
    basis: { ...c.basis },
    parties: c.parties.map((p) => ({ ...p })),
    ...(c.note ? { note: c.note } : {}),
  };
}

/** An id number shown to someone it does not belong to: the first and last four characters only. */
export function maskIdNumber(idNumber: string): string {
  return `${idNumber.slice(0, 4)}${'*'.repeat(Math.max(0, idNumber.length - 8))}${idNumber.slice(-4)}`;
}

/**
 * A case as a party (当事人) sees it: the other parties' id numbers masked and the officer's note
 * left out; its own id number stays whole.
 */
export function toPartysCaseDetail(c: EnforcementCase, partyIdNumber: string): CaseDetail {
  const { note: _note, ...detail } = toCaseDetail(c);
  return {
    ...detail,
    parties: detail.parties.map((p) =>
      p.idNumber === partyIdNumber
        ? p
        : {
            ...p,
            idNumber: maskIdNumber(p.idNumber),
            ...(p.legalRepresentative
              ? {
                  legalRepresentative: {
                    ...p.legalRepresentative,
                    idNumber: maskIdNumber(p.legalRepresentative.idNumber),
                  },
                }
              : {}),
          },
    ),
  };
}

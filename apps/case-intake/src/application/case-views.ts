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

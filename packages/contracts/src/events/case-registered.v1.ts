import type { CaseType, PartyKind } from '../enums.js';
import type { Fen } from '../money.js';

/** `case.registered` v1 — case-intake registered a case (立案). asset-control starts its inquiries. */
export interface CaseRegisteredV1 {
  caseId: string;
  caseNumber: string;
  caseType: CaseType;
  courtCode: string;
  claimAmountFen: Fen;
  filingDate: string;
  respondents: { kind: PartyKind; name: string; idNumber: string }[];
  /** for a 执恢 case, the case it resumes; for a 执异 case, the case objected in */
  relatedCaseId?: string;
}

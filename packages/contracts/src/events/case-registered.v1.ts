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
  /** an organisation's 法定代表人 rides with it, so asset-control can ask about the person too */
  respondents: {
    kind: PartyKind;
    name: string;
    idNumber: string;
    legalRepresentative?: { name: string; idNumber: string };
  }[];
  /** the applicants (申请执行人), the creditors fund-ledger pays; absent from older producers */
  applicants?: { kind: PartyKind; name: string; idNumber: string }[];
  /** for a 执恢 case, the case it resumes; for a 执异 case, the case objected in */
  relatedCaseId?: string;
  /**
   * for a 执 case: the 执保 case of the same court and parties whose controls become this case's, their
   * terms running on (民诉解释 Art 168)
   */
  preservationCaseId?: string;
}

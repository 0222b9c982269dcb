import type { CaseStatus, CaseType, PartyKind, PartyRole } from '../../enums.js';
import type { Fen } from '../../money.js';

export interface PartyView {
  role: PartyRole;
  kind: PartyKind;
  name: string;
  idNumber: string;
  /** an organisation's 法定代表人, when the application named one */
  legalRepresentative?: { name: string; idNumber: string };
}

export interface BasisDocumentView {
  documentNumber: string;
  issuingCourt: string;
  effectiveDate: string;
}

/** A case as listed. */
export interface CaseSummary {
  id: string;
  /** e.g. （2026）辽1104执123号 */
  caseNumber: string;
  caseType: CaseType;
  status: CaseStatus;
  courtCode: string;
  claimAmountFen: Fen;
  applicantNames: string[];
  respondentNames: string[];
  /** ISO timestamp of 立案 */
  registeredAt: string;
  /** the Asia/Shanghai date of 立案, YYYY-MM-DD */
  filingDate: string;
}

/** A case with everything case-intake knows of it. */
export interface CaseDetail extends CaseSummary {
  basis: BasisDocumentView;
  parties: PartyView[];
  note?: string;
}

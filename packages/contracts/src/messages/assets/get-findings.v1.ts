import { IsUUID } from 'class-validator';
import type {
  AgencyKind,
  AssetValueKind,
  CaseInquiryStatus,
  InquiryStatus,
  LinkedRole,
} from '../../enums.js';
import type { Fen } from '../../money.js';

/** `assets.findings.get` v1 — what the inquiries of a case asked and found. */
export class GetFindingsQuery {
  @IsUUID()
  caseId!: string;
}

export interface InquiryView {
  kind: AgencyKind;
  respondentIdNumber: string;
  respondentName: string;
  /** a person asked about because of the organisation respondent at this place (0-based) */
  linkedTo?: number;
  role?: LinkedRole;
  status: InquiryStatus;
  attempts: number;
  lastError?: string;
  answeredAt?: string;
}

export interface FoundAssetView {
  id: string;
  kind: AgencyKind;
  respondentIdNumber: string;
  /** the holding institution, e.g. 中国工商银行盘锦分行 */
  holder: string;
  /** account number, certificate number, plate, ... */
  identifier: string;
  description: string;
  valueKind: AssetValueKind;
  amountFen: Fen;
}

export interface GetFindingsReply {
  caseId: string;
  status: CaseInquiryStatus;
  startedAt?: string;
  completedAt?: string;
  inquiries: InquiryView[];
  assets: FoundAssetView[];
}

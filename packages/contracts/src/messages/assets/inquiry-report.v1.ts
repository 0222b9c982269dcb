import { IsDateString, IsOptional, IsUUID, Length } from 'class-validator';
import type { AgencyKind, CaseInquiryStatus, LinkedRole } from '../../enums.js';
import type { Fen } from '../../money.js';

/**
 * `assets.inquiry.resend` v1 — an officer sends again an inquiry that ended FAILED after its retries,
 * or, without `inquiryId`, every failed inquiry of the case. Each goes back to PENDING with a fresh
 * set of attempts, and the case's inquiry (or re-search round) is open again until it is answered or
 * fails again.
 */
export class ResendInquiriesCommand {
  @IsUUID()
  caseId!: string;

  @IsOptional()
  @IsUUID()
  inquiryId?: string;
}

export interface ResendInquiriesReply {
  caseId: string;
  /** the inquiries sent again; empty when none had failed (or the one named is already pending) */
  inquiryIds: string[];
}

/** `assets.inquiry.report` v1 — per respondent, which agency kinds answered, found what, failed or are pending. */
export class GetInquiryReportQuery {
  @IsUUID()
  caseId!: string;
}

export interface ReportAnsweredView {
  inquiryId: string;
  kind: AgencyKind;
  round: number;
  answeredAt: string;
  assetsFound: number;
  /** balances and estimates; records without value count as found but add nothing */
  valueFen: Fen;
}

export interface ReportFailedView {
  inquiryId: string;
  kind: AgencyKind;
  round: number;
  attempts: number;
  lastError?: string;
  failedAt?: string;
}

export interface ReportPendingView {
  inquiryId: string;
  kind: AgencyKind;
  round: number;
  attempts: number;
  lastError?: string;
}

export interface RespondentReportView {
  respondentIdNumber: string;
  respondentName: string;
  /**
   * A person asked about because of an organisation respondent (e.g. its 法定代表人 for exit-entry):
   * that respondent's place among the case's respondents (0-based), and the person's role.
   */
  linkedTo?: number;
  role?: LinkedRole;
  answered: ReportAnsweredView[];
  failed: ReportFailedView[];
  pending: ReportPendingView[];
}

export interface InquiryReportView {
  caseId: string;
  caseNumber?: string;
  status: CaseInquiryStatus;
  /** the latest round: 0 is the inquiry at registration, 1… the re-searches after 终本 */
  round: number;
  filingDate?: string;
  /** when the first inquiry of the case went out to an agency */
  firstDispatchedAt?: string;
  /** 立案当日启动财产查控: the first dispatch fell on the filing date; null while not known */
  startedOnTime: boolean | null;
  totals: { answered: number; failed: number; pending: number; assetsFound: number; valueFen: Fen };
  respondents: RespondentReportView[];
}

/**
 * `assets.inquiry.indicator` v1 — the leading indicator "online search started within its deadline"
 * for the actor's court: implementation cases filed in the period whose first inquiry went out on the
 * filing date, over all implementation cases filed in it.
 */
export class GetInquiryIndicatorQuery {
  /** the period's first day, YYYY-MM-DD (Asia/Shanghai) */
  @IsDateString({ strict: true })
  @Length(10, 10)
  from!: string;

  /** the period's last day, YYYY-MM-DD, counted in full */
  @IsDateString({ strict: true })
  @Length(10, 10)
  to!: string;
}

export interface LateInquiryStartView {
  caseId: string;
  caseNumber: string;
  filingDate: string;
  /** absent while nothing has gone out yet */
  firstDispatchedOn?: string;
}

export interface InquiryIndicatorView {
  courtCode: string;
  from: string;
  to: string;
  implementationCases: number;
  startedOnTime: number;
  /** startedOnTime ÷ implementationCases, or null when no case was filed */
  rate: number | null;
  /** the cases that missed it, oldest first, at most 100 */
  late: LateInquiryStartView[];
}

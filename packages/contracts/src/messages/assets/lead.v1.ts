import { IsBoolean, IsEnum, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { LeadKind, LeadResult, type LeadStatus } from '../../enums.js';

/**
 * `assets.lead.record` v1 — an officer records a lead to the respondent's property given by the
 * applicant (财产线索); it must be checked within 7 days, 3 if urgent (财产调查规定 Art 2). A repeated
 * request key answers with the first lead.
 */
export class RecordLeadCommand {
  /** Idempotency key: the same key returns the lead recorded the first time. */
  @IsString()
  @Length(8, 100)
  requestKey!: string;

  @IsUUID()
  caseId!: string;

  @IsEnum(LeadKind)
  kind!: LeadKind;

  /** where the property is said to be: bank and account, address, plate, … */
  @IsString()
  @Length(1, 1000)
  description!: string;

  /** 情况紧急: the lead must be checked within 3 days instead of 7 */
  @IsOptional()
  @IsBoolean()
  urgent?: boolean;

  /** who gave the lead, e.g. the applicant or its agent */
  @IsString()
  @Length(1, 200)
  providedBy!: string;
}

/** `assets.lead.check` v1 — an officer records what checking a lead came to. */
export class CheckLeadCommand {
  @IsUUID()
  leadId!: string;

  @IsEnum(LeadResult)
  result!: LeadResult;

  /** what was done and seen, e.g. "查询工商银行账户，余额 0" */
  @IsString()
  @Length(1, 1000)
  note!: string;
}

/** `assets.lead.list` v1 — a case's leads with their due dates, the earliest due first. */
export class ListLeadsQuery {
  @IsUUID()
  caseId!: string;
}

/** `assets.lead.overdue` v1 — the actor's court's leads not checked by their due date. */
export class ListOverdueLeadsQuery {}

export interface LeadView {
  id: string;
  caseId: string;
  caseNumber: string;
  kind: LeadKind;
  description: string;
  urgent: boolean;
  providedBy: string;
  status: LeadStatus;
  /** YYYY-MM-DD (Asia/Shanghai) */
  receivedOn: string;
  /** the last day to check it: receivedOn + 7, or + 3 when urgent */
  dueOn: string;
  /** not checked and past its due date */
  overdue: boolean;
  recordedBy: string;
  result?: LeadResult;
  note?: string;
  checkedOn?: string;
  checkedBy?: string;
  /** checked after its due date */
  checkedLate?: boolean;
}

export interface ListLeadsReply {
  items: LeadView[];
}

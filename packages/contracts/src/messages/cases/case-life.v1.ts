import {
  IsBoolean,
  IsDateString,
  IsEnum,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  MaxLength,
} from 'class-validator';
import {
  CaseActivityKind,
  ClosureType,
  PerformanceMode,
  SuspensionReason,
  type BasisKind,
  type CaseStatus,
  type CaseType,
  type FlowNode,
  type FlowNodeState,
  type JurisdictionGround,
  type Track,
} from '../../enums.js';
import type { Fen } from '../../money.js';

/** `cases.case.timeline` v1 — a case's flow nodes, period, assignment, activities and links. */
export class GetTimelineQuery {
  @IsUUID()
  caseId!: string;
}

export interface FlowNodeView {
  node: FlowNode;
  state: FlowNodeState;
  startedAt?: string;
  deadlineOn?: string;
  finishedAt?: string;
  finishedBy?: string;
  /** started, not finished, and past its deadline */
  overdue: boolean;
}

export interface StatutoryPeriodView {
  filingDate: string;
  months: number;
  extensionMonths: number;
  suspendedDays: number;
  suspendedSince?: string;
  deadline: string;
  daysLeft: number;
}

export interface ActivityView {
  id: string;
  kind: CaseActivityKind;
  occurredOn: string;
  note?: string;
  recordedBy: string;
}

export interface AssignmentView {
  track: Track;
  teamId?: string;
  officerId?: string;
  reason: string;
  assignedBy: string;
  assignedAt: string;
}

export interface CaseLinkView {
  caseId: string;
  caseNumber: string;
  caseType: CaseType;
  status: CaseStatus;
  /** how this case relates: the case it resumes / objects in, or a case resuming / objecting in it */
  relation:
    | 'RESUMES'
    | 'RESUMED_BY'
    | 'OBJECTS_IN'
    | 'OBJECTION'
    | 'ENTRUSTED_FROM'
    /** 保全转执行: the 执保 case this 执 case carries on, and the other way */
    | 'CARRIES_PRESERVATION'
    | 'PRESERVATION_CARRIED_INTO';
}

export interface ClosureView {
  closureType?: ClosureType;
  performanceMode?: PerformanceMode;
  closedOn: string;
  closedBy: string;
  reason: string;
  withinPeriod: boolean;
}

export interface CaseTimelineView {
  caseId: string;
  caseNumber: string;
  caseType: CaseType;
  status: CaseStatus;
  basisKind: BasisKind;
  jurisdictionGround: JurisdictionGround;
  applicationDate: string;
  /** applied for more than 2 years after the performance period (民诉法 2023 Art 250): accepted, flagged */
  limitationExpired: boolean;
  /** accepted within 7 days of the application */
  acceptedWithinDeadline: boolean;
  track?: Track;
  trackReason?: string;
  teamId?: string;
  /** the team's name as the court set it (e.g. 快执团队) */
  teamName?: string;
  officerId?: string;
  suspensionReason?: SuspensionReason;
  hasProperty: boolean;
  receivedFen: Fen;
  recoveredFen: Fen;
  outstandingFen: Fen;
  period: StatutoryPeriodView;
  nodes: FlowNodeView[];
  activities: ActivityView[];
  assignments: AssignmentView[];
  links: CaseLinkView[];
  entrustingCourtCode?: string;
  entrustingCaseNumber?: string;
  closure?: ClosureView;
}

/** `cases.activity.record` v1 — an officer records a fact of the case (约谈, 查找, 现场调查, ...). */
export class RecordActivityCommand {
  @IsUUID()
  caseId!: string;

  @IsEnum(CaseActivityKind)
  kind!: CaseActivityKind;

  @IsDateString({ strict: true })
  @Length(10, 10)
  occurredOn!: string;

  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string;
}

/** `cases.case.reassign` v1 — the case goes to another officer (and team); the reason is recorded. */
export class ReassignCaseCommand {
  @IsUUID()
  caseId!: string;

  /** the officer's username */
  @IsString()
  @Length(1, 100)
  officerId!: string;

  @IsOptional()
  @IsString()
  @Length(1, 100)
  teamId?: string;

  @IsString()
  @Length(2, 500)
  reason!: string;
}

/** `cases.case.suspend` v1 — 中止执行 (or a stay for appraisal/auction/settlement): the period stops. */
export class SuspendCaseCommand {
  @IsUUID()
  caseId!: string;

  @IsEnum(SuspensionReason)
  reason!: SuspensionReason;

  @IsString()
  @Length(2, 500)
  note!: string;
}

/** `cases.case.lift-suspension` v1 — the case goes on; the suspended days are not counted. */
export class LiftSuspensionCommand {
  @IsUUID()
  caseId!: string;
}

/**
 * `cases.case.transfer-to-bankruptcy` v1 — 执转破: an enterprise debtor, a party's consent and the
 * finding that it cannot pay its debts; execution is suspended.
 */
export class TransferToBankruptcyCommand {
  @IsUUID()
  caseId!: string;

  @IsIn(['APPLICANT', 'RESPONDENT'])
  consentBy!: 'APPLICANT' | 'RESPONDENT';

  /** why the debtor fails the insolvency test (不能清偿到期债务, 资产不足以清偿全部债务或明显缺乏清偿能力) */
  @IsString()
  @Length(2, 1000)
  insolvencyFinding!: string;
}

/** `cases.case.request-extension` v1 — asks the president for 3 more months (审限规定 2000 Art 5). */
export class RequestExtensionCommand {
  @IsUUID()
  caseId!: string;

  @IsString()
  @Length(2, 1000)
  reason!: string;
}

/** `cases.closure.checklist` v1 — the 终本 checklist of a case as it stands. */
export class GetTerminationChecklistQuery {
  @IsUUID()
  caseId!: string;
}

export interface ChecklistItemView {
  /** e.g. APPLICANT_INTERVIEWED */
  code: string;
  /** the condition in the court's words */
  label: string;
  met: boolean;
  detail: string;
}

/** 终本 prerequisites (严格规范终结本次执行程序的规定 2016 Art 1), each met or not. */
export interface TerminationChecklistView {
  caseId: string;
  allMet: boolean;
  items: ChecklistItemView[];
}

/** `cases.case.close` v1 — 结案. 终本 is refused with the unmet conditions unless all hold. */
export class CloseCaseCommand {
  @IsUUID()
  caseId!: string;

  @IsEnum(ClosureType)
  closureType!: ClosureType;

  /** for 执行完毕: how it was performed */
  @IsOptional()
  @IsEnum(PerformanceMode)
  performanceMode?: PerformanceMode;

  @IsString()
  @Length(2, 1000)
  reason!: string;
}

/**
 * `cases.case.resume` v1 — 恢复执行: a 执恢 case from a 终本 case when property is found (or a
 * settlement is broken), carrying the parties and the amount still owed.
 */
export class ResumeCaseCommand {
  @IsString()
  @Length(8, 100)
  requestKey!: string;

  @IsUUID()
  originalCaseId!: string;

  @IsString()
  @Length(2, 1000)
  reason!: string;
}

/** `cases.objection.decide` v1 — 执行异议 decided: upheld or dismissed. */
export class DecideObjectionCommand {
  @IsUUID()
  objectionCaseId!: string;

  @IsIn(['UPHELD', 'DISMISSED'])
  decision!: 'UPHELD' | 'DISMISSED';

  @IsString()
  @Length(2, 2000)
  reasoning!: string;
}

/** `cases.case.entrust` v1 — 委托执行: the case is entrusted to another court. */
export class EntrustCaseCommand {
  @IsUUID()
  caseId!: string;

  /** the entrusted court's code, e.g. 辽1103 */
  @IsString()
  @Length(3, 20)
  toCourtCode!: string;

  @IsString()
  @Length(2, 1000)
  reason!: string;
}

/** `cases.entrustment.accept` v1 — the entrusted court files the case (within 7 days). */
export class AcceptEntrustmentCommand {
  @IsUUID()
  entrustmentId!: string;
}

/** `cases.entrustment.list` v1 — entrustments to and from the actor's court. */
export class ListEntrustmentsQuery {
  @IsOptional()
  @IsBoolean()
  pendingOnly?: boolean;
}

export interface EntrustmentView {
  id: string;
  fromCourtCode: string;
  fromCaseId: string;
  fromCaseNumber: string;
  toCourtCode: string;
  status: 'PENDING' | 'ACCEPTED';
  reason: string;
  createdAt: string;
  dueOn: string;
  acceptedCaseId?: string;
  acceptedCaseNumber?: string;
}

export interface ListEntrustmentsReply {
  items: EntrustmentView[];
}

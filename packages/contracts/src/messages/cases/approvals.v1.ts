import { Type } from 'class-transformer';
import { IsBoolean, IsEnum, IsInt, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import { ApprovalStatus, type Role } from '../../enums.js';

/**
 * `cases.approval.list` v1 — approval requests of the actor's court. Without a case: the actor's own
 * queue, the requests that need one of the actor's roles and that someone else made (pending unless a
 * status is given). With a case: every request of that case, whoever may decide it. Newest first.
 */
export class ListApprovalsQuery {
  @IsOptional()
  @IsUUID()
  caseId?: string;

  @IsOptional()
  @IsEnum(ApprovalStatus)
  status?: ApprovalStatus;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100_000)
  page: number = 1;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  pageSize: number = 20;
}

/**
 * `cases.approval.decide` v1 — the president (院长, for a fine or detention) or the enforcement director
 * (执行局长, for 失信, 限消, 限制出境, 悬赏, 移送拒执, and what other subjects ask) approves or rejects one
 * pending request. Decided once, never by the requester; who decided, when and why is kept. A rejection
 * gives its reason.
 */
export class DecideApprovalCommand {
  @IsUUID()
  approvalId!: string;

  @IsBoolean()
  approve!: boolean;

  @IsOptional()
  @IsString()
  @Length(1, 500)
  comment?: string;
}

/** An approval request (审批) as kept. */
export interface ApprovalView {
  id: string;
  caseId: string;
  /** what is to be approved: 'MEASURE', 'EXTENSION', ... */
  subjectType: string;
  subjectId: string;
  /** one line saying what the approver is asked, e.g. 罚款 ¥50,000.00 — 张三 */
  summary: string;
  requiredRole: Role;
  requestedBy: string;
  /** ISO timestamp */
  requestedAt: string;
  status: ApprovalStatus;
  decidedBy?: string;
  /** ISO timestamp */
  decidedAt?: string;
  comment?: string;
}

export type DecideApprovalReply = ApprovalView;

export interface ListApprovalsReply {
  items: ApprovalView[];
  total: number;
  page: number;
  pageSize: number;
}

import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  requireCourtStaff,
  ApprovalStatus,
  CodedError,
  ErrorCode,
  type Actor,
  type ApprovalView,
  type Clock,
  type DecideApprovalCommand,
  type ListApprovalsQuery,
  type ListApprovalsReply,
  type Role,
} from '@writ/contracts';
import { CLOCK, UnitOfWork, type Transaction } from '@writ/platform';
import {
  decideApproval,
  openApprovalRequest,
  withdrawApproval,
  type ApprovalRequest,
} from '../domain/approval.js';
import { ApprovalRepository } from '../persistence/approval.repository.js';
import { CaseLifeRepository } from '../persistence/case-life.repository.js';

/**
 * What happens to the subject of an approval once it is decided: a measure comes into force or is
 * rejected, an extension of the period is granted or refused. Called inside the deciding transaction,
 * with the case row already locked; a throw refuses the decision and changes nothing.
 */
export interface ApprovalSubjectHandler {
  /** the `subjectType` this handler answers for, e.g. 'MEASURE', 'EXTENSION' */
  readonly subjectType: string;
  onDecided(tx: Transaction, approval: ApprovalRequest, approved: boolean, actor: Actor): Promise<void>;
}

/**
 * The handlers of each subject type. A handler is a provider of the module that registers itself here
 * when the module starts (`onModuleInit() { registry.register(this) }`), so a new subject type needs no
 * change to the approval step.
 */
@Injectable()
export class ApprovalHandlerRegistry {
  private readonly handlers = new Map<string, ApprovalSubjectHandler>();

  register(handler: ApprovalSubjectHandler): void {
    const existing = this.handlers.get(handler.subjectType);
    if (existing && existing !== handler) {
      throw new Error(`an approval handler for ${handler.subjectType} is already registered`);
    }
    this.handlers.set(handler.subjectType, handler);
  }

  handlerFor(subjectType: string): ApprovalSubjectHandler {
    const handler = this.handlers.get(subjectType);
    if (!handler) throw new Error(`no approval handler is registered for subject type ${subjectType}`);
    return handler;
  }
}

export function toApprovalView(a: ApprovalRequest): ApprovalView {
  return {
    id: a.id,
    caseId: a.caseId,
    subjectType: a.subjectType,
    subjectId: a.subjectId,
    summary: a.summary,
    requiredRole: a.requiredRole,
    requestedBy: a.requestedBy,
    requestedAt: a.requestedAt.toISOString(),
    status: a.status,
    ...(a.decidedBy ? { decidedBy: a.decidedBy } : {}),
    ...(a.decidedAt ? { decidedAt: a.decidedAt.toISOString() } : {}),
    ...(a.comment ? { comment: a.comment } : {}),
  };
}

/** An approval request to open, inside the transaction of the decision that needs it. */
export interface ApprovalToOpen {
  courtCode: string;
  caseId: string;
  subjectType: string;
  subjectId: string;
  summary: string;
  requiredRole: Role;
}

/**
 * The approval step (审批): opens requests for other use cases, lists an approver's queue, and records
 * an approver's decision — once, by the role the subject needs, never by the requester — before handing
 * it to the subject's handler in the same transaction.
 */
@Injectable()
export class ApprovalsUseCase {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly approvals: ApprovalRepository,
    private readonly lives: CaseLifeRepository,
    private readonly registry: ApprovalHandlerRegistry,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Opens a pending request inside the caller's transaction, with its audit entry. */
  async open(tx: Transaction, request: ApprovalToOpen, actor: Actor): Promise<ApprovalRequest> {
    const approval = openApprovalRequest({
      id: randomUUID(),
      ...request,
      requestedBy: actor.id,
      requestedAt: this.clock.now(),
    });
    await this.approvals.insert(tx.manager, approval);
    await tx.audit({
      action: 'approval.request',
      entityType: 'approval_request',
      entityId: approval.id,
      courtCode: approval.courtCode,
      after: toApprovalView(approval),
      actor,
    });
    return approval;
  }

  /**
   * Closes a pending request whose subject went away, inside the caller's transaction (which holds the
   * case): recorded as rejected with who closed it, when and why. The subject's handler is not called.
   */
  async withdraw(
    tx: Transaction,
    courtCode: string,
    approvalId: string,
    reason: string,
    actor: Actor,
  ): Promise<ApprovalRequest> {
    const approval = await this.approvals.find(tx.manager, courtCode, approvalId, { lock: true });
    if (!approval) throw new Error(`approval ${approvalId} of court ${courtCode} is missing`);
    const withdrawn = withdrawApproval(approval, { by: actor.id, at: this.clock.now(), reason });
    await this.approvals.update(tx.manager, withdrawn);
    await tx.audit({
      action: 'approval.withdraw',
      entityType: 'approval_request',
      entityId: approval.id,
      courtCode,
      before: toApprovalView(approval),
      after: toApprovalView(withdrawn),
      actor,
    });
    return withdrawn;
  }

  async list(query: ListApprovalsQuery, actor: Actor): Promise<ListApprovalsReply> {
    requireCourtStaff(actor, 'approval requests');
    const { items, total } = await this.approvals.list(this.unitOfWork.manager, {
      courtCode: actor.courtCode,
      page: query.page,
      pageSize: query.pageSize,
      ...(query.caseId
        ? { caseId: query.caseId, ...(query.status ? { status: query.status } : {}) }
        : {
            roles: actor.roles,
            notRequestedBy: actor.id,
            status: query.status ?? ApprovalStatus.Pending,
          }),
    });
    return { items: items.map(toApprovalView), total, page: query.page, pageSize: query.pageSize };
  }

  async decide(command: DecideApprovalCommand, actor: Actor): Promise<ApprovalView> {
    const notFound = (): CodedError =>
      new CodedError(
        ErrorCode.NotFound,
        `No approval request ${command.approvalId} in court ${actor.courtCode}`,
      );
    const seen = await this.approvals.find(this.unitOfWork.manager, actor.courtCode, command.approvalId);
    if (!seen) throw notFound();
    return this.unitOfWork.run(async (tx) => {
      // the case first, then the request: the order every change to a case's measures takes
      await this.lives.lock(tx.manager, seen.caseId, actor.courtCode);
      const approval = await this.approvals.find(tx.manager, actor.courtCode, command.approvalId, {
        lock: true,
      });
      if (!approval) throw notFound();
      const handler = this.registry.handlerFor(approval.subjectType);
      const decided = decideApproval(approval, {
        approve: command.approve,
        ...(command.comment !== undefined ? { comment: command.comment } : {}),
        by: actor,
        at: this.clock.now(),
      });
      await this.approvals.update(tx.manager, decided);
      await tx.audit({
        action: decided.status === ApprovalStatus.Approved ? 'approval.approve' : 'approval.reject',
        entityType: 'approval_request',
        entityId: decided.id,
        courtCode: decided.courtCode,
        before: toApprovalView(approval),
        after: toApprovalView(decided),
        actor,
      });
      await handler.onDecided(tx, decided, decided.status === ApprovalStatus.Approved, actor);
      return toApprovalView(decided);
    });
  }
}

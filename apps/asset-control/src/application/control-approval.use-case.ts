import { Inject, Injectable } from '@nestjs/common';
import {
  ApprovalStatus,
  CodedError,
  ErrorCode,
  requireCourtStaff,
  type Actor,
  type Clock,
  type ControlApprovalView,
  type DecideControlApprovalCommand,
  type ListControlApprovalsQuery,
  type ListControlApprovalsReply,
} from '@writ/contracts';
import { CLOCK, LOGGER, UnitOfWork } from '@writ/platform';
import type { Logger } from 'pino';
import { decideControlApproval } from '../domain/control-approval.js';
import {
  ControlApprovalRepository,
  type ControlApprovalRow,
} from '../persistence/control-approval.repository.js';
import { ControlActionUseCase } from './control-action.use-case.js';

export function approvalViewOf(r: ControlApprovalRow): ControlApprovalView {
  const sent = r.status === ApprovalStatus.Approved;
  return {
    id: r.id,
    caseId: r.caseId,
    caseNumber: r.caseNumber,
    controlId: r.controlId,
    action: r.action,
    ...(r.amountFen !== null ? { amountFen: r.amountFen } : {}),
    ...(r.reason ? { reason: r.reason } : {}),
    controlKind: r.controlKind as ControlApprovalView['controlKind'],
    agencyKind: r.agencyKind,
    identifier: r.identifier,
    description: r.description,
    controlledFen: r.controlledFen,
    summary: r.summary,
    rule: r.rule,
    requestedBy: r.requestedBy,
    requestedByName: r.requestedByName,
    requestedAt: r.requestedAt.toISOString(),
    status: r.status,
    ...(r.decidedBy ? { decidedBy: r.decidedBy } : {}),
    ...(r.decidedByName ? { decidedByName: r.decidedByName } : {}),
    ...(r.decidedAt ? { decidedAt: r.decidedAt.toISOString() } : {}),
    ...(r.comment ? { comment: r.comment } : {}),
    ...(sent ? { orderStatus: r.orderStatus as NonNullable<ControlApprovalView['orderStatus']> } : {}),
    ...(sent && r.agencyNote ? { agencyNote: r.agencyNote } : {}),
  };
}

/**
 * 审批 of control orders: the director's queue of large deductions and releases before payment, and the
 * decision — approved orders go to the agency at once, rejected ones are never sent and the control
 * stays as it was. asset-control keeps these approvals itself (not case-intake's).
 */
@Injectable()
export class ControlApprovalUseCase {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly approvals: ControlApprovalRepository,
    private readonly actions: ControlActionUseCase,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async list(query: ListControlApprovalsQuery, actor: Actor): Promise<ListControlApprovalsReply> {
    requireCourtStaff(actor, 'control approvals');
    // the court's queue is what waits; a case's list shows every decision too
    const status = query.status ?? (query.caseId ? undefined : ApprovalStatus.Pending);
    const rows = await this.approvals.list(this.unitOfWork.manager, actor.courtCode, {
      ...(status ? { status } : {}),
      ...(query.caseId ? { caseId: query.caseId } : {}),
    });
    return { items: rows.map(approvalViewOf) };
  }

  async decide(command: DecideControlApprovalCommand, actor: Actor): Promise<ControlApprovalView> {
    const decided = await this.unitOfWork.run(async (tx) => {
      const approval = await this.approvals.find(tx.manager, command.approvalId, true);
      if (!approval || approval.courtCode !== actor.courtCode) {
        throw new CodedError(ErrorCode.NotFound, `no control approval ${command.approvalId} at this court`);
      }
      const { status, comment } = decideControlApproval(approval, {
        approve: command.approve,
        ...(command.comment !== undefined ? { comment: command.comment } : {}),
        by: actor,
      });
      await this.approvals.decide(tx.manager, approval.id, {
        status,
        by: actor.id,
        byName: actor.username,
        at: this.clock.now(),
        comment,
      });
      // approved: the order is released for sending; rejected: it is never sent
      await this.approvals.setActionStatus(
        tx.manager,
        approval.actionId,
        status === ApprovalStatus.Approved ? 'PENDING' : 'REJECTED',
        status === ApprovalStatus.Rejected ? (comment ?? undefined) : undefined,
      );
      await tx.audit({
        action: `asset.control.approval.${status === ApprovalStatus.Approved ? 'approve' : 'reject'}`,
        entityType: 'asset_control',
        entityId: approval.controlId,
        courtCode: approval.courtCode,
        before: { approvalId: approval.id, status: approval.status, requestedBy: approval.requestedBy },
        after: { approvalId: approval.id, actionId: approval.actionId, status, comment },
        actor,
      });
      return approval;
    });
    if (command.approve) {
      try {
        await this.actions.run(decided.actionId, actor);
      } catch (error) {
        // the decision stands; the order's record says what the agency did (a failure is sent again)
        this.logger.warn(
          { err: error, actionId: decided.actionId },
          'an approved control order did not go through',
        );
      }
    }
    return approvalViewOf((await this.approvals.findRow(this.unitOfWork.manager, decided.id))!);
  }
}

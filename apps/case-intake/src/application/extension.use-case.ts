import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import {
  CodedError,
  ErrorCode,
  Role,
  shanghaiDateOf,
  type Actor,
  type CaseTimelineView,
  type Clock,
  type RequestExtensionCommand,
} from '@writ/contracts';
import { CLOCK, UnitOfWork, type Transaction } from '@writ/platform';
import { assertOpen, deadlineOf, periodFactsOf } from '../domain/case-life.js';
import type { ApprovalRequest } from '../domain/approval.js';
import { FlowSignal } from '../domain/flow-nodes.js';
import { assertExtensionMayBeRequested, EXTENSION_MONTHS } from '../domain/statutory-period.js';
import { CaseLifeRepository } from '../persistence/case-life.repository.js';
import {
  ApprovalHandlerRegistry,
  ApprovalsUseCase,
  type ApprovalSubjectHandler,
} from './approvals.use-case.js';
import { CaseTimelineQueries } from './case-timeline.queries.js';
import { FlowProgress } from './flow-progress.js';

export const EXTENSION_APPROVAL_SUBJECT = 'EXTENSION';

/**
 * Extension of the enforcement period (延长执行期限): 3 more months with the president's approval,
 * asked at least 5 days before the period ends (审限规定 2000 Art 5). The request goes through the
 * approval step; the president's decision comes back here.
 */
@Injectable()
export class ExtensionUseCase implements ApprovalSubjectHandler, OnModuleInit {
  readonly subjectType = EXTENSION_APPROVAL_SUBJECT;

  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly lives: CaseLifeRepository,
    private readonly approvals: ApprovalsUseCase,
    private readonly registry: ApprovalHandlerRegistry,
    private readonly flow: FlowProgress,
    private readonly timelines: CaseTimelineQueries,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async request(command: RequestExtensionCommand, actor: Actor): Promise<CaseTimelineView> {
    await this.unitOfWork.run(async (tx) => {
      const life = await this.timelines.lifeOf(tx.manager, command.caseId, actor, true);
      assertOpen(life);
      const now = this.clock.now();
      const today = shanghaiDateOf(now);
      assertExtensionMayBeRequested(periodFactsOf(life), today);
      const pending = await tx.manager.query<unknown[]>(
        `SELECT 1 FROM approval_request WHERE case_id = $1 AND subject_type = $2 AND status = 'PENDING'`,
        [life.id, EXTENSION_APPROVAL_SUBJECT],
      );
      if (pending.length) {
        throw new CodedError(
          ErrorCode.InvalidState,
          `an extension of ${life.caseNumber} is already awaiting the president`,
          {
            rule: 'EXTENSION_PENDING',
            errors: [{ field: 'caseId', rule: 'onePendingExtension', message: 'already requested' }],
          },
        );
      }
      await this.approvals.open(
        tx,
        {
          courtCode: life.courtCode,
          caseId: life.id,
          subjectType: EXTENSION_APPROVAL_SUBJECT,
          subjectId: life.id,
          summary: `${life.caseNumber} 申请延长执行期限${EXTENSION_MONTHS}个月（现届满日 ${deadlineOf(life, today)}）：${command.reason}`,
          // the president's approval (审限规定 2000 Art 5)
          requiredRole: Role.Leader,
        },
        actor,
      );
      await this.flow.signal(tx, life.id, FlowSignal.ExtensionRequested, now, actor);
    });
    return this.timelines.view(this.unitOfWork.manager, command.caseId, actor);
  }

  async onDecided(
    tx: Transaction,
    approval: ApprovalRequest,
    approved: boolean,
    actor: Actor,
  ): Promise<void> {
    const life = await this.lives.lock(tx.manager, approval.caseId, approval.courtCode);
    if (!life) throw new Error(`approval ${approval.id} names a missing case`);
    const at = approval.decidedAt ?? this.clock.now();
    const today = shanghaiDateOf(at);
    if (approved) {
      assertOpen(life);
      const after = { ...life, extensionMonths: life.extensionMonths + EXTENSION_MONTHS };
      await this.lives.save(tx.manager, after, deadlineOf(after, today));
      await tx.audit({
        action: 'case.period.extend',
        entityType: 'enforcement_case',
        entityId: life.id,
        courtCode: life.courtCode,
        before: { deadline: deadlineOf(life, today) },
        after: { deadline: deadlineOf(after, today), approvalId: approval.id },
        actor,
      });
    }
    await this.flow.signal(tx, life.id, FlowSignal.ExtensionDecided, at, actor);
  }
}

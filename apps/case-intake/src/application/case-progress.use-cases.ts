import { Inject, Injectable } from '@nestjs/common';
import {
  CodedError,
  ErrorCode,
  Events,
  PartyKind,
  PartyRole,
  shanghaiDateOf,
  SuspensionReason,
  Track,
  type Actor,
  type CaseTimelineView,
  type Clock,
  type LiftSuspensionCommand,
  type ReassignCaseCommand,
  type RecordActivityCommand,
  type SuspendCaseCommand,
  type TransferToBankruptcyCommand,
} from '@writ/contracts';
import { CLOCK, UnitOfWork, type Transaction } from '@writ/platform';
import { assertOpen, deadlineOf, liftSuspension, suspend, type CaseLife } from '../domain/case-life.js';
import { CaseLifeRepository } from '../persistence/case-life.repository.js';
import { CaseRepository } from '../persistence/case.repository.js';
import { CaseTimelineQueries } from './case-timeline.queries.js';

/**
 * What officers do to a case under way that is not a measure or a closure: record facts, reassign it,
 * suspend it and let it go on, transfer it to bankruptcy.
 */
@Injectable()
export class CaseProgressUseCases {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly lives: CaseLifeRepository,
    private readonly cases: CaseRepository,
    private readonly timelines: CaseTimelineQueries,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  private async change(
    caseId: string,
    actor: Actor,
    work: (tx: Transaction, life: CaseLife, today: string, now: Date) => Promise<void>,
  ): Promise<CaseTimelineView> {
    await this.unitOfWork.run(async (tx) => {
      const life = await this.timelines.lifeOf(tx.manager, caseId, actor, true);
      const now = this.clock.now();
      await work(tx, life, shanghaiDateOf(now), now);
    });
    return this.timelines.view(this.unitOfWork.manager, caseId, actor);
  }

  /** 约谈, 查找, 现场调查, 财产报告 ...: facts the 终本 checklist and the timeline show. */
  recordActivity(command: RecordActivityCommand, actor: Actor): Promise<CaseTimelineView> {
    return this.change(command.caseId, actor, async (tx, life, today, now) => {
      assertOpen(life);
      if (command.occurredOn > today || command.occurredOn < life.applicationDate) {
        throw new CodedError(
          ErrorCode.RuleViolated,
          'occurredOn must lie between the application and today',
          {
            rule: 'ACTIVITY_DATE',
            errors: [
              {
                field: 'occurredOn',
                rule: 'withinCase',
                message: `occurredOn must be between ${life.applicationDate} and ${today}`,
              },
            ],
          },
        );
      }
      const id = await this.lives.addActivity(tx.manager, life.id, {
        kind: command.kind,
        occurredOn: command.occurredOn,
        ...(command.note ? { note: command.note } : {}),
        recordedBy: actor.id,
        recordedAt: now,
      });
      await tx.audit({
        action: 'case.activity.record',
        entityType: 'enforcement_case',
        entityId: life.id,
        courtCode: life.courtCode,
        after: { id, ...command },
        actor,
      });
    });
  }

  /** Reassignment is recorded with its reason; the track stays unless the officer is in another team. */
  reassign(command: ReassignCaseCommand, actor: Actor): Promise<CaseTimelineView> {
    return this.change(command.caseId, actor, async (tx, life, today, now) => {
      assertOpen(life);
      if (life.officerId === command.officerId && (command.teamId ?? life.teamId) === life.teamId) {
        throw new CodedError(ErrorCode.InvalidState, `the case is already assigned to ${command.officerId}`, {
          rule: 'ALREADY_ASSIGNED',
          errors: [{ field: 'officerId', rule: 'differentOfficer', message: 'already the assigned officer' }],
        });
      }
      const after: CaseLife = {
        ...life,
        officerId: command.officerId,
        ...(command.teamId ? { teamId: command.teamId } : {}),
      };
      await this.lives.save(tx.manager, after, deadlineOf(after, today));
      await this.lives.addAssignment(tx.manager, life.id, {
        // cases filed before triage existed have no track: they count as ordinary
        track: life.track ?? Track.Ordinary,
        ...(after.teamId ? { teamId: after.teamId } : {}),
        officerId: command.officerId,
        reason: command.reason,
        assignedBy: actor.id,
        assignedAt: now,
      });
      await tx.audit({
        action: 'case.reassign',
        entityType: 'enforcement_case',
        entityId: life.id,
        courtCode: life.courtCode,
        before: { officerId: life.officerId, teamId: life.teamId },
        after: { officerId: after.officerId, teamId: after.teamId, reason: command.reason },
        actor,
      });
    });
  }

  suspend(command: SuspendCaseCommand, actor: Actor): Promise<CaseTimelineView> {
    if (command.reason === SuspensionReason.Bankruptcy) {
      throw new CodedError(ErrorCode.ValidationFailed, '执转破 goes through transfer-to-bankruptcy', {
        rule: 'BANKRUPTCY_BY_TRANSFER',
        errors: [
          { field: 'reason', rule: 'notBankruptcy', message: 'use cases.case.transfer-to-bankruptcy' },
        ],
      });
    }
    return this.change(command.caseId, actor, (tx, life, today) =>
      this.suspendIn(tx, life, command.reason, command.note, today, actor),
    );
  }

  liftSuspension(command: LiftSuspensionCommand, actor: Actor): Promise<CaseTimelineView> {
    return this.change(command.caseId, actor, async (tx, life, today) => {
      const after = liftSuspension(life, today);
      await this.lives.save(tx.manager, after, deadlineOf(after, today));
      await this.lives.endSuspension(tx.manager, life.id, today);
      await tx.audit({
        action: 'case.suspension.lift',
        entityType: 'enforcement_case',
        entityId: life.id,
        courtCode: life.courtCode,
        before: {
          status: life.status,
          suspendedSince: life.suspendedSince,
          deadline: deadlineOf(life, today),
        },
        after: {
          status: after.status,
          suspendedDays: after.suspendedDays,
          deadline: deadlineOf(after, today),
        },
        actor,
      });
      // asset-control allows disposal (移交拍卖) again once the case goes on
      await tx.emit(
        Events.CaseSuspensionLifted,
        { caseId: life.id, caseNumber: life.caseNumber, liftedOn: today },
        { courtCode: life.courtCode, actor },
      );
    });
  }

  /**
   * 执转破: only an enterprise debtor, with a party's consent and a finding that it cannot pay its debts
   * (民诉解释 Art 511); execution is suspended and disposal stops.
   */
  transferToBankruptcy(command: TransferToBankruptcyCommand, actor: Actor): Promise<CaseTimelineView> {
    return this.change(command.caseId, actor, async (tx, life, today) => {
      const found = await this.cases.findById(tx.manager, life.courtCode, life.id);
      const enterprise = found?.parties.some(
        (p) => p.role === PartyRole.Respondent && p.kind === PartyKind.Organisation,
      );
      if (!enterprise) {
        throw new CodedError(
          ErrorCode.RuleViolated,
          '执转破 applies only to an enterprise debtor (民诉解释 Art 511)',
          {
            rule: 'BANKRUPTCY_ENTERPRISE_ONLY',
            errors: [
              { field: 'caseId', rule: 'enterpriseDebtor', message: 'no respondent is an organisation' },
            ],
          },
        );
      }
      await this.suspendIn(
        tx,
        life,
        SuspensionReason.Bankruptcy,
        `执转破: consent of the ${command.consentBy.toLowerCase()}; ${command.insolvencyFinding}`,
        today,
        actor,
      );
    });
  }

  private async suspendIn(
    tx: Transaction,
    life: CaseLife,
    reason: SuspensionReason,
    note: string,
    today: string,
    actor: Actor,
  ): Promise<void> {
    assertOpen(life);
    const after = suspend(life, reason, today);
    await this.lives.save(tx.manager, after, deadlineOf(after, today));
    await this.lives.addSuspension(tx.manager, life.id, { reason, since: today, note });
    await tx.audit({
      action: 'case.suspend',
      entityType: 'enforcement_case',
      entityId: life.id,
      courtCode: life.courtCode,
      before: { status: life.status },
      after: { status: after.status, reason, note },
      actor,
    });
    await tx.emit(
      Events.CaseSuspended,
      { caseId: life.id, caseNumber: life.caseNumber, reason, since: today },
      { courtCode: life.courtCode, actor },
    );
  }
}

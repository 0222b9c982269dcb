import { Inject, Injectable } from '@nestjs/common';
import {
  CaseStatus,
  ClosureType,
  CodedError,
  ErrorCode,
  Events,
  PartyKind,
  PartyRole,
  shanghaiDateOf,
  type Actor,
  type CaseTimelineView,
  type Clock,
  type CloseCaseCommand,
  type PerformanceMode,
  type TerminationChecklistView,
} from '@writ/contracts';
import { CLOCK, UnitOfWork, type Transaction } from '@writ/platform';
import type { EntityManager } from 'typeorm';
import { close, deadlineOf, type CaseLife, type Closure } from '../domain/case-life.js';
import { FlowSignal } from '../domain/flow-nodes.js';
import { isMinorOn } from '../domain/measures.js';
import { terminationChecklist, type TerminationChecklist } from '../domain/termination-checklist.js';
import { CaseLifeRepository } from '../persistence/case-life.repository.js';
import { CaseMetricsRecorder } from '../persistence/case-metrics.recorder.js';
import { CaseRepository } from '../persistence/case.repository.js';
import { MeasureRepository } from '../persistence/measure.repository.js';
import { CaseTimelineQueries } from './case-timeline.queries.js';
import { FlowProgress } from './flow-progress.js';
import { MeasuresUseCase } from './measures.use-case.js';

/**
 * 结案: closing a case with one of the six closure types. 终本 is refused, with the list of unmet
 * conditions, unless every prerequisite holds; 执行完毕 lifts the measures; closing releases controls
 * through `case.closed` (a 终本 case keeps them).
 */
@Injectable()
export class CloseCaseUseCase {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly lives: CaseLifeRepository,
    private readonly cases: CaseRepository,
    private readonly measures: MeasureRepository,
    private readonly measureActions: MeasuresUseCase,
    private readonly metrics: CaseMetricsRecorder,
    private readonly flow: FlowProgress,
    private readonly timelines: CaseTimelineQueries,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** The 终本 checklist as it stands today: ticks and crosses. */
  async checklist(caseId: string, actor: Actor): Promise<TerminationChecklistView> {
    const manager = this.unitOfWork.manager;
    const life = await this.timelines.lifeOf(manager, caseId, actor);
    const list = await this.checklistFor(manager, life, shanghaiDateOf(this.clock.now()));
    return { caseId, ...list };
  }

  async execute(command: CloseCaseCommand, actor: Actor): Promise<CaseTimelineView> {
    await this.unitOfWork.run(async (tx) => {
      const life = await this.timelines.lifeOf(tx.manager, command.caseId, actor, true);
      const now = this.clock.now();
      const today = shanghaiDateOf(now);
      let checklist: TerminationChecklist | null = null;
      if (command.closureType === ClosureType.TerminatedThisRound) {
        checklist = await this.checklistFor(tx.manager, life, today);
        // every prerequisite must hold (严格规范终结本次执行程序的规定 2016 Art 1)
        if (!checklist.allMet) {
          const unmet = checklist.items.filter((i) => !i.met);
          throw new CodedError(
            ErrorCode.RuleViolated,
            `终本 refused: ${unmet.map((i) => i.label).join('；')} (终本规定 2016 Art 1)`,
            {
              rule: 'TERMINATION_PREREQUISITES',
              errors: unmet.map((i) => ({ field: `checklist.${i.code}`, rule: i.code, message: i.detail })),
            },
          );
        }
      }
      const closure = close(
        life,
        {
          closureType: command.closureType,
          ...(command.performanceMode ? { performanceMode: command.performanceMode } : {}),
        },
        today,
      );
      await this.closeIn(tx, life, closure, { reason: command.reason, actor, at: now, checklist });
    });
    return this.timelines.view(this.unitOfWork.manager, command.caseId, actor);
  }

  /**
   * 执行完毕 on the ledger's word that the claim is paid in full. A case closed already stays as it
   * is, so a redelivered event is harmless.
   */
  async closeAsFullyPaid(
    tx: Transaction,
    caseId: string,
    facts: { recoveredFen: number; performanceMode: PerformanceMode; actor: Actor; at: Date },
  ): Promise<boolean> {
    let life = await this.lives.lock(tx.manager, caseId);
    if (!life || life.status === CaseStatus.Closed) return false;
    const today = shanghaiDateOf(facts.at);
    life = { ...life, recoveredFen: Math.max(life.recoveredFen, facts.recoveredFen) };
    if (life.status === CaseStatus.Suspended) {
      // paid in full while suspended: the suspension ends with the debt
      await this.lives.endSuspension(tx.manager, life.id, today);
      life = { ...life, status: CaseStatus.Registered };
    }
    const closure = close(
      life,
      { closureType: ClosureType.FullyExecuted, performanceMode: facts.performanceMode },
      today,
    );
    await this.lives.save(tx.manager, life, deadlineOf(life, today));
    await this.closeIn(tx, life, closure, {
      reason: '申请执行人债权已全部实现（案款系统确认）',
      actor: facts.actor,
      at: facts.at,
      checklist: null,
    });
    return true;
  }

  /** Writes a closure decided by the domain, inside the caller's transaction. */
  async closeIn(
    tx: Transaction,
    life: CaseLife,
    closure: Closure,
    facts: {
      reason: string;
      actor: Actor;
      at: Date;
      checklist: TerminationChecklist | null;
      keepControls?: boolean;
    },
  ): Promise<void> {
    const zhongbenQualified =
      closure.closureType === ClosureType.TerminatedThisRound ? (facts.checklist?.allMet ?? false) : null;
    await this.lives.saveClosure(tx.manager, life.id, closure, {
      closedAt: facts.at,
      closedBy: facts.actor.id,
      reason: facts.reason,
      zhongbenQualified,
      checklist: facts.checklist,
    });
    if (closure.closureType === ClosureType.FullyExecuted) {
      // a measure is lifted when the case is fully performed (失信名单规定 2017 Art 10; 限消规定 Art 17)
      await this.measureActions.liftAllOnFullPerformance(
        tx,
        life.id,
        life.courtCode,
        closure.closedOn,
        facts.actor,
      );
    }
    await this.flow.signal(tx, life.id, FlowSignal.CaseClosed, facts.at, facts.actor);
    this.metrics.recordClosed(tx, {
      courtCode: life.courtCode,
      caseType: life.caseType,
      filingDate: life.filingDate,
      claimAmountFen: life.claimAmountFen,
      closedOn: closure.closedOn,
      closureType: closure.closureType,
      ...(closure.performanceMode ? { performanceMode: closure.performanceMode } : {}),
      closedWithinPeriod: closure.withinPeriod,
      hasProperty: life.hasProperty,
      recoveredFen: life.recoveredFen,
      zhongbenQualified: zhongbenQualified ?? false,
    });
    await tx.audit({
      action: 'case.close',
      entityType: 'enforcement_case',
      entityId: life.id,
      courtCode: life.courtCode,
      before: { status: life.status },
      after: { status: 'CLOSED', ...closure, reason: facts.reason, checklist: facts.checklist },
      actor: facts.actor,
    });
    await tx.emit(
      Events.CaseClosed,
      {
        caseId: life.id,
        caseNumber: life.caseNumber,
        closureType: closure.closureType,
        closedOn: closure.closedOn,
        releaseControls: closure.releaseControls && !facts.keepControls,
        recoveredFen: life.recoveredFen,
      },
      { courtCode: life.courtCode, actor: facts.actor },
    );
  }

  private async checklistFor(
    manager: EntityManager,
    life: CaseLife,
    today: string,
  ): Promise<TerminationChecklist> {
    const [source, measureFacts, activities] = await Promise.all([
      this.cases.findById(manager, life.courtCode, life.id),
      this.measures.factsFor(manager, life.id),
      this.lives.activities(manager, life.id),
    ]);
    return terminationChecklist({
      filingDate: life.filingDate,
      today,
      respondents: (source?.parties ?? [])
        .filter((p) => p.role === PartyRole.Respondent)
        .map((p) => ({
          idNumber: p.idNumber,
          name: p.name,
          kind: p.kind,
          minor: p.kind === PartyKind.NaturalPerson && isMinorOn(p.idNumber, today),
        })),
      measures: measureFacts,
      activities: new Set(activities.map((a) => a.kind)),
      inquiryCompleted: life.inquiryCompletedOn !== undefined,
    });
  }
}

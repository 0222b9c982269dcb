import { Inject, Injectable } from '@nestjs/common';
import {
  addDays,
  CaseType,
  CodedError,
  ErrorCode,
  Events,
  FlowNode,
  ObjectionDecision,
  PartyRole,
  shanghaiDateOf,
  type Actor,
  type CaseDetail,
  type CaseTimelineView,
  type Clock,
  type DecideObjectionCommand,
  type FileObjectionCommand,
} from '@writ/contracts';
import { CLOCK, UnitOfWork } from '@writ/platform';
import { assertOpen, isImplementation } from '../domain/case-life.js';
import { acceptApplication } from '../domain/enforcement-case.js';
import { FlowSignal } from '../domain/flow-nodes.js';
import { CaseLifeRepository } from '../persistence/case-life.repository.js';
import { CaseRepository } from '../persistence/case.repository.js';
import { CourtSettingsRepository } from '../persistence/court-settings.repository.js';
import { CaseTimelineQueries } from './case-timeline.queries.js';
import { FlowProgress } from './flow-progress.js';
import { RegisterCaseUseCase } from './register-case.use-case.js';

/** 执行异议 is decided within 15 days (民诉法 2023 Art 236; third party: Art 238). */
export const OBJECTION_DECISION_DAYS = 15;

/**
 * 执行异议: an objection gets its own 执异 case linked to the case objected in; its decision is an event
 * other stages act on (a third party's objection holds the sale of the asset it names).
 */
@Injectable()
export class ObjectionsUseCase {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly registration: RegisterCaseUseCase,
    private readonly lives: CaseLifeRepository,
    private readonly cases: CaseRepository,
    private readonly settings: CourtSettingsRepository,
    private readonly flow: FlowProgress,
    private readonly timelines: CaseTimelineQueries,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  file(command: FileObjectionCommand, actor: Actor): Promise<CaseDetail> {
    return this.registration.once(command, actor, async (tx, request) => {
      const target = await this.timelines.lifeOf(tx.manager, command.targetCaseId, actor, true);
      if (!isImplementation(target)) {
        throw new CodedError(
          ErrorCode.RuleViolated,
          'an objection is made in an implementation case (执, 执恢, 执保)',
          {
            rule: 'OBJECTION_IN_IMPLEMENTATION_CASE',
            errors: [
              {
                field: 'targetCaseId',
                rule: 'implementationCase',
                message: `${target.caseNumber} is ${target.caseType}`,
              },
            ],
          },
        );
      }
      const source = await this.cases.findById(tx.manager, target.courtCode, target.id);
      if (!source) throw new Error(`case ${target.id} vanished while locked`);
      const now = this.clock.now();
      const today = shanghaiDateOf(now);
      // the other side of an objection: the creditor, unless the creditor itself objects
      const objectorIsApplicant = source.parties.some(
        (p) => p.role === PartyRole.Applicant && p.idNumber === command.objector.idNumber,
      );
      const otherSide = source.parties
        .filter((p) => p.role === (objectorIsApplicant ? PartyRole.Respondent : PartyRole.Applicant))
        .map(({ kind, name, idNumber }) => ({ kind, name, idNumber }));
      const accepted = acceptApplication(
        {
          caseType: CaseType.Objection,
          basis: { ...source.basis },
          applicationDate: today,
          jurisdictionGround: source.jurisdictionGround,
          applicants: [{ ...command.objector }],
          respondents: otherSide,
          claimAmountFen: source.claimAmountFen,
          note: `${command.thirdParty ? '案外人异议' : '执行行为异议'}：${command.grounds}`.slice(0, 500),
          relatedCaseId: target.id,
          objection: {
            thirdParty: command.thirdParty,
            ...(command.assetRef ? { assetRef: command.assetRef } : {}),
          },
        },
        now,
      );
      const objection = await this.registration.registerAccepted(tx, accepted, actor, request);
      await this.flow.signal(tx, target.id, FlowSignal.ObjectionFiled, now, actor);
      const settings = await this.settings.get(tx.manager, actor.courtCode);
      await tx.emit(
        Events.CaseObjectionFiled,
        {
          objectionCaseId: objection.id,
          objectionCaseNumber: objection.caseNumber,
          targetCaseId: target.id,
          thirdParty: command.thirdParty,
          ...(command.assetRef ? { assetRef: command.assetRef } : {}),
          decisionDueOn: addDays(
            today,
            settings.nodeDeadlineDays[FlowNode.Adjudication] ?? OBJECTION_DECISION_DAYS,
          ),
        },
        { courtCode: target.courtCode, actor },
      );
      return objection;
    });
  }

  async decide(command: DecideObjectionCommand, actor: Actor): Promise<CaseTimelineView> {
    await this.unitOfWork.run(async (tx) => {
      const objection = await this.timelines.lifeOf(tx.manager, command.objectionCaseId, actor, true);
      if (objection.caseType !== CaseType.Objection) {
        throw new CodedError(
          ErrorCode.InvalidState,
          `${objection.caseNumber} is not an objection (执异) case`,
          {
            rule: 'NOT_AN_OBJECTION',
            errors: [
              { field: 'objectionCaseId', rule: 'objectionCase', message: `${objection.caseType} case` },
            ],
          },
        );
      }
      assertOpen(objection);
      const now = this.clock.now();
      const today = shanghaiDateOf(now);
      const decision = command.decision === 'UPHELD' ? ObjectionDecision.Upheld : ObjectionDecision.Dismissed;
      await this.lives.closeWithDecision(tx.manager, objection.id, {
        closedOn: today,
        closedAt: now,
        closedBy: actor.id,
        reason: `${decision === ObjectionDecision.Upheld ? '异议成立' : '驳回异议'}：${command.reasoning}`,
        withinPeriod: today <= addDays(objection.filingDate, OBJECTION_DECISION_DAYS),
      });
      await this.flow.signal(tx, objection.id, FlowSignal.ObjectionDecided, now, actor);
      await this.flow.signal(tx, objection.id, FlowSignal.CaseClosed, now, actor);
      if (objection.relatedCaseId) {
        await this.flow.signal(tx, objection.relatedCaseId, FlowSignal.ObjectionDecided, now, actor);
      }
      await tx.audit({
        action: 'case.objection.decide',
        entityType: 'enforcement_case',
        entityId: objection.id,
        courtCode: objection.courtCode,
        before: { status: objection.status },
        after: { status: 'CLOSED', decision, reasoning: command.reasoning },
        actor,
      });
      await tx.emit(
        Events.CaseObjectionDecided,
        {
          objectionCaseId: objection.id,
          targetCaseId: objection.relatedCaseId ?? objection.id,
          thirdParty: objection.thirdPartyObjection ?? false,
          ...(objection.objectionAssetRef ? { assetRef: objection.objectionAssetRef } : {}),
          decision,
          decidedOn: today,
        },
        { courtCode: objection.courtCode, actor },
      );
    });
    return this.timelines.view(this.unitOfWork.manager, command.objectionCaseId, actor);
  }
}

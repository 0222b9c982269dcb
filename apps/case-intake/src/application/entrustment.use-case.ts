import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  addDays,
  ClosureType,
  CodedError,
  EntrustmentStatus,
  ErrorCode,
  JurisdictionGround,
  PartyRole,
  shanghaiDateOf,
  type AcceptEntrustmentCommand,
  type Actor,
  type CaseDetail,
  type Clock,
  type EntrustCaseCommand,
  type EntrustmentView,
  type ListEntrustmentsQuery,
  type ListEntrustmentsReply,
} from '@writ/contracts';
import { CLOCK, UnitOfWork } from '@writ/platform';
import { assertOpen, close, isImplementation, outstandingOf } from '../domain/case-life.js';
import { acceptApplication } from '../domain/enforcement-case.js';
import { CaseLifeRepository } from '../persistence/case-life.repository.js';
import { CaseRepository } from '../persistence/case.repository.js';
import { EntrustmentRepository } from '../persistence/entrustment.repository.js';
import { CaseTimelineQueries } from './case-timeline.queries.js';
import { CloseCaseUseCase } from './close-case.use-case.js';
import { RegisterCaseUseCase } from './register-case.use-case.js';

/** The entrusted court files within 7 days of receiving the entrustment (DOMAIN.md §10). */
export const ENTRUSTED_FILING_DAYS = 7;

/**
 * 委托执行: a case moves to another court. The entrusted court files it (its own 执 case, the deadline
 * running from the entrustment) and the entrusting court's case is then closed as 销案 — in one
 * transaction, so the case is never in both courts' open lists nor in neither.
 */
@Injectable()
export class EntrustmentUseCase {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly entrustments: EntrustmentRepository,
    private readonly lives: CaseLifeRepository,
    private readonly cases: CaseRepository,
    private readonly registration: RegisterCaseUseCase,
    private readonly closing: CloseCaseUseCase,
    private readonly timelines: CaseTimelineQueries,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async entrust(command: EntrustCaseCommand, actor: Actor): Promise<EntrustmentView> {
    if (command.toCourtCode === actor.courtCode) {
      throw new CodedError(ErrorCode.RuleViolated, 'a court cannot entrust a case to itself', {
        rule: 'ENTRUST_OTHER_COURT',
        errors: [{ field: 'toCourtCode', rule: 'otherCourt', message: 'must be another court' }],
      });
    }
    const id = await this.unitOfWork.run(async (tx) => {
      const life = await this.timelines.lifeOf(tx.manager, command.caseId, actor, true);
      assertOpen(life);
      if (!isImplementation(life)) {
        throw new CodedError(ErrorCode.RuleViolated, 'only an implementation case is entrusted', {
          rule: 'ENTRUST_IMPLEMENTATION_CASE',
          errors: [
            {
              field: 'caseId',
              rule: 'implementationCase',
              message: `${life.caseNumber} is ${life.caseType}`,
            },
          ],
        });
      }
      if (await this.entrustments.pendingFor(tx.manager, life.id)) {
        throw new CodedError(ErrorCode.InvalidState, `${life.caseNumber} is already entrusted and waiting`, {
          rule: 'ENTRUSTMENT_PENDING',
          errors: [{ field: 'caseId', rule: 'onePendingEntrustment', message: 'an entrustment is pending' }],
        });
      }
      const now = this.clock.now();
      const entrustmentId = randomUUID();
      const row = {
        id: entrustmentId,
        fromCourtCode: life.courtCode,
        fromCaseId: life.id,
        toCourtCode: command.toCourtCode,
        status: EntrustmentStatus.Pending,
        reason: command.reason,
        createdAt: now,
        createdBy: actor.id,
        dueOn: addDays(shanghaiDateOf(now), ENTRUSTED_FILING_DAYS),
      };
      await this.entrustments.insert(tx.manager, row);
      await tx.audit({
        action: 'case.entrust',
        entityType: 'enforcement_case',
        entityId: life.id,
        courtCode: life.courtCode,
        after: row,
        actor,
      });
      return entrustmentId;
    });
    return (await this.entrustments.view(this.unitOfWork.manager, id))!;
  }

  /** The entrusted court files the case; the entrusting court's case closes as 销案, its controls kept. */
  accept(command: AcceptEntrustmentCommand, actor: Actor): Promise<CaseDetail> {
    return this.registration.once(
      { requestKey: `entrustment:${command.entrustmentId}` },
      actor,
      async (tx, request) => {
        const entrustment = await this.entrustments.lock(tx.manager, command.entrustmentId);
        // another court's entrustment is answered like a missing one
        if (!entrustment || entrustment.toCourtCode !== actor.courtCode) {
          throw new CodedError(
            ErrorCode.NotFound,
            `No entrustment ${command.entrustmentId} to court ${actor.courtCode}`,
          );
        }
        if (entrustment.status !== EntrustmentStatus.Pending) {
          throw new CodedError(ErrorCode.InvalidState, 'the entrustment was already accepted', {
            rule: 'ENTRUSTMENT_ACCEPTED',
            errors: [{ field: 'entrustmentId', rule: 'pending', message: 'already accepted' }],
          });
        }
        const original = await this.lives.lock(tx.manager, entrustment.fromCaseId);
        const source = original && (await this.cases.findById(tx.manager, original.courtCode, original.id));
        if (!original || !source) throw new Error(`entrusted case ${entrustment.fromCaseId} not found`);
        assertOpen(original);
        const now = this.clock.now();
        const strip = ({ kind, name, idNumber }: (typeof source.parties)[number]) => ({
          kind,
          name,
          idNumber,
        });
        const accepted = acceptApplication(
          {
            caseType: source.caseType,
            basis: { ...source.basis },
            // the 7 days to file run from the entrustment
            applicationDate: shanghaiDateOf(entrustment.createdAt),
            jurisdictionGround: JurisdictionGround.Entrusted,
            applicants: source.parties.filter((p) => p.role === PartyRole.Applicant).map(strip),
            respondents: source.parties.filter((p) => p.role === PartyRole.Respondent).map(strip),
            claimAmountFen: outstandingOf(original),
            note: `受托执行 ${original.caseNumber}：${entrustment.reason}`.slice(0, 500),
            entrusting: { courtCode: original.courtCode, caseNumber: original.caseNumber },
          },
          now,
        );
        const filed = await this.registration.registerAccepted(tx, accepted, actor, request);
        await this.entrustments.markAccepted(tx.manager, entrustment.id, { caseId: filed.id, at: now });
        const entrustingActor = { ...actor, courtCode: original.courtCode };
        await this.closing.closeIn(
          tx,
          original,
          close(original, { closureType: ClosureType.Withdrawn }, shanghaiDateOf(now)),
          {
            reason: `委托 ${actor.courtCode} 执行，受托法院已立案 ${filed.caseNumber}`,
            actor: entrustingActor,
            at: now,
            checklist: null,
            // the entrusted court takes the controls over; they are not released
            keepControls: true,
          },
        );
        return filed;
      },
    );
  }

  list(query: ListEntrustmentsQuery, actor: Actor): Promise<ListEntrustmentsReply> {
    return this.entrustments
      .forCourt(this.unitOfWork.manager, actor.courtCode, query.pendingOnly ?? false)
      .then((items) => ({ items }));
  }
}

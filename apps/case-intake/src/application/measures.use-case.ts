import { randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import {
  CodedError,
  COURT_STAFF_ROLES,
  ErrorCode,
  Events,
  MeasureKind,
  MeasureStatus,
  PartyRole,
  shanghaiDateOf,
  type Actor,
  type Clock,
  type DecideMeasureCommand,
  type LiftMeasureCommand,
  type ListMeasuresQuery,
  type ListMeasuresReply,
  type MeasureDetails,
  type MeasureView,
} from '@writ/contracts';
import { CLOCK, UnitOfWork, type Transaction } from '@writ/platform';
import type { ApprovalRequest } from '../domain/approval.js';
import {
  approveMeasure,
  assertMayDecideMeasures,
  decideMeasure,
  FULL_PERFORMANCE_REASON,
  liftMeasure,
  onFullPerformance,
  rejectMeasure,
  requiredApproverOf,
  summaryOf,
  type Measure,
  type MeasureCase,
} from '../domain/measures.js';
import { workingDayCalendar, type WorkingDayCalendar } from '../domain/working-days.js';
import { ApprovalRepository } from '../persistence/approval.repository.js';
import { CaseLifeRepository } from '../persistence/case-life.repository.js';
import { CaseRepository } from '../persistence/case.repository.js';
import { CourtSettingsRepository } from '../persistence/court-settings.repository.js';
import { MeasureRepository } from '../persistence/measure.repository.js';
import {
  ApprovalHandlerRegistry,
  ApprovalsUseCase,
  type ApprovalSubjectHandler,
} from './approvals.use-case.js';
import { FlowProgress, FlowSignal } from './flow-progress.js';

/** The `subjectType` of an approval request for a measure. */
export const MEASURE_APPROVAL_SUBJECT = 'MEASURE';

export function toMeasureView(m: Measure, approval?: ApprovalRequest): MeasureView {
  return {
    id: m.id,
    caseId: m.caseId,
    kind: m.kind,
    respondentIdNumber: m.respondentIdNumber,
    status: m.status,
    details: m.details,
    ...(m.note ? { note: m.note } : {}),
    decidedOn: m.decidedOn,
    decidedBy: m.decidedBy,
    ...(m.dueOn ? { dueOn: m.dueOn } : {}),
    ...(m.late !== undefined ? { late: m.late } : {}),
    ...(m.inForceFrom ? { inForceFrom: m.inForceFrom } : {}),
    ...(m.termUntil ? { termUntil: m.termUntil } : {}),
    ...(m.liftedOn ? { liftedOn: m.liftedOn } : {}),
    ...(m.liftedBy ? { liftedBy: m.liftedBy } : {}),
    ...(m.liftReason ? { liftReason: m.liftReason } : {}),
    ...(m.removalDueOn ? { removalDueOn: m.removalDueOn } : {}),
    ...(m.removedLate !== undefined ? { removedLate: m.removedLate } : {}),
    ...(m.approvalId ? { approvalId: m.approvalId } : {}),
    ...(approval
      ? {
          approval: {
            id: approval.id,
            requiredRole: approval.requiredRole,
            status: approval.status,
            ...(approval.decidedBy ? { decidedBy: approval.decidedBy } : {}),
            ...(approval.decidedAt ? { decidedAt: approval.decidedAt.toISOString() } : {}),
            ...(approval.comment ? { comment: approval.comment } : {}),
          },
        }
      : {}),
  };
}

/** The details as plain JSON, as they are stored and compared (the message class instance carries none). */
function plainDetails(details: object | undefined): MeasureDetails {
  return JSON.parse(JSON.stringify(details ?? {})) as MeasureDetails;
}

/** Whether a repeated request key asks for the same measure as the first time. */
function sameRequest(earlier: Measure, command: DecideMeasureCommand, details: MeasureDetails): boolean {
  return (
    earlier.caseId === command.caseId &&
    earlier.kind === command.kind &&
    earlier.respondentIdNumber === command.respondentIdNumber &&
    (earlier.note ?? undefined) === (command.note || undefined) &&
    isDeepStrictEqual(earlier.details, details)
  );
}

function caseNotFound(caseId: string, courtCode: string): CodedError {
  return new CodedError(ErrorCode.NotFound, `No case ${caseId} in court ${courtCode}`);
}

/**
 * Writes the measures of a case and what goes with each change: the audit entry and, when a measure comes
 * into force or is lifted, the `case.measure.changed` event. Shared by the use case and the approval
 * handler so both record a change the same way.
 */
@Injectable()
export class MeasureRecorder {
  constructor(
    private readonly measures: MeasureRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async changed(
    tx: Transaction,
    action: string,
    before: Measure,
    after: Measure,
    actor: Actor,
  ): Promise<void> {
    await this.measures.update(tx.manager, after, this.clock.now());
    await this.record(tx, action, before, after, actor);
  }

  async record(
    tx: Transaction,
    action: string,
    before: Measure | undefined,
    after: Measure,
    actor: Actor,
  ): Promise<void> {
    await tx.audit({
      action,
      entityType: 'case_measure',
      entityId: after.id,
      courtCode: after.courtCode,
      ...(before ? { before: toMeasureView(before) } : {}),
      after: toMeasureView(after),
      actor,
    });
    const on =
      after.status === MeasureStatus.InForce
        ? after.inForceFrom
        : after.status === MeasureStatus.Lifted
          ? after.liftedOn
          : undefined;
    if (on && after.status !== before?.status) {
      await tx.emit(
        Events.CaseMeasureChanged,
        {
          caseId: after.caseId,
          measureId: after.id,
          kind: after.kind,
          status: after.status,
          respondentIdNumber: after.respondentIdNumber,
          on,
        },
        { courtCode: after.courtCode, actor },
      );
    }
  }
}

/**
 * 强制措施 and credit punishment: decides a measure (waiting for the president's or the director's
 * approval where the law or the court wants it), lifts one, lists a case's, and lifts what full
 * performance ends. Every change is made with the case row locked, so two decisions on one case never
 * race past the rules.
 */
@Injectable()
export class MeasuresUseCase {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly measures: MeasureRepository,
    private readonly recorder: MeasureRecorder,
    private readonly approvals: ApprovalsUseCase,
    private readonly approvalRecords: ApprovalRepository,
    private readonly cases: CaseRepository,
    private readonly lives: CaseLifeRepository,
    private readonly settings: CourtSettingsRepository,
    private readonly flow: FlowProgress,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** `cases.measure.decide`: a repeated request key answers with the first decision. */
  async decide(command: DecideMeasureCommand, actor: Actor): Promise<MeasureView> {
    assertMayDecideMeasures(actor.roles);
    const details = plainDetails(command.details);
    const now = this.clock.now();
    const today = shanghaiDateOf(now);
    return this.unitOfWork.run(async (tx) => {
      const life = await this.lives.lock(tx.manager, command.caseId, actor.courtCode);
      if (!life) throw caseNotFound(command.caseId, actor.courtCode);
      // looked up under the case lock: a retry racing the first attempt waits for it and finds it here
      const earlier = await this.measures.findByRequestKey(tx.manager, actor.courtCode, command.requestKey);
      if (earlier) return this.answerRepeated(tx, earlier, command, details);

      const registered = await this.cases.findById(tx.manager, actor.courtCode, command.caseId);
      if (!registered) throw caseNotFound(command.caseId, actor.courtCode);
      const measureCase: MeasureCase = {
        id: life.id,
        courtCode: life.courtCode,
        status: life.status,
        applicationDate: life.applicationDate,
        respondents: registered.parties.filter((p) => p.role === PartyRole.Respondent),
      };
      let measure = decideMeasure({
        id: randomUUID(),
        case: measureCase,
        decision: {
          kind: command.kind,
          respondentIdNumber: command.respondentIdNumber,
          details,
          ...(command.note ? { note: command.note } : {}),
        },
        existing: await this.measures.forCase(tx.manager, life.id),
        today,
        decidedBy: actor.id,
      });
      const approver = requiredApproverOf(measure.kind);
      let approval: ApprovalRequest | undefined;
      if (approver && measure.status === MeasureStatus.PendingApproval) {
        const respondent = measureCase.respondents.find((r) => r.idNumber === measure.respondentIdNumber)!;
        approval = await this.approvals.open(
          tx,
          {
            courtCode: life.courtCode,
            caseId: life.id,
            subjectType: MEASURE_APPROVAL_SUBJECT,
            subjectId: measure.id,
            summary: summaryOf(measure, respondent),
            requiredRole: approver,
          },
          actor,
        );
        measure = { ...measure, approvalId: approval.id };
      }
      await this.measures.insert(tx.manager, measure, command.requestKey, now);
      await this.recorder.record(tx, 'case.measure.decide', undefined, measure, actor);
      // 执行通知书 sent: the service-of-documents node moves on (a repeated signal changes nothing)
      if (measure.kind === MeasureKind.ExecutionNotice) {
        await this.flow.signal(tx, life.id, FlowSignal.ExecutionNoticeIssued, now, actor);
      }
      return toMeasureView(measure, approval);
    });
  }

  private async answerRepeated(
    tx: Transaction,
    earlier: Measure,
    command: DecideMeasureCommand,
    details: MeasureDetails,
  ): Promise<MeasureView> {
    if (!sameRequest(earlier, command, details)) {
      throw new CodedError(
        ErrorCode.IdempotencyConflict,
        `requestKey ${command.requestKey} was already used for another measure (${earlier.id})`,
        {
          errors: [
            {
              field: 'requestKey',
              rule: 'idempotencyKeyReuse',
              message: 'requestKey was used for other content',
            },
          ],
        },
      );
    }
    return this.viewOf(tx, earlier);
  }

  /** `cases.measure.lift`: 解除 / 删除 a measure in force. */
  async lift(command: LiftMeasureCommand, actor: Actor): Promise<MeasureView> {
    assertMayDecideMeasures(actor.roles);
    const notFound = (): CodedError =>
      new CodedError(ErrorCode.NotFound, `No measure ${command.measureId} in court ${actor.courtCode}`);
    const seen = await this.measures.find(this.unitOfWork.manager, actor.courtCode, command.measureId);
    if (!seen) throw notFound();
    const today = shanghaiDateOf(this.clock.now());
    return this.unitOfWork.run(async (tx) => {
      await this.lives.lock(tx.manager, seen.caseId, actor.courtCode);
      const measure = await this.measures.find(tx.manager, actor.courtCode, command.measureId, {
        lock: true,
      });
      if (!measure) throw notFound();
      const lifted = liftMeasure(
        measure,
        {
          on: today,
          reason: command.reason,
          by: actor.id,
          ...(command.groundOccurredOn ? { groundOccurredOn: command.groundOccurredOn } : {}),
        },
        await this.calendarOf(tx, measure.courtCode),
      );
      await this.recorder.changed(tx, 'case.measure.lift', measure, lifted, actor);
      return this.viewOf(tx, lifted);
    });
  }

  /** `cases.measure.list`: every measure of a case of the actor's court, oldest first. */
  async list(query: ListMeasuresQuery, actor: Actor): Promise<ListMeasuresReply> {
    if (!actor.roles.some((role) => COURT_STAFF_ROLES.includes(role))) {
      throw new CodedError(ErrorCode.Forbidden, 'measures are listed for court staff only', {
        rule: 'COURT_STAFF_ONLY',
      });
    }
    const manager = this.unitOfWork.manager;
    const life = await this.lives.find(manager, query.caseId, actor.courtCode);
    if (!life) throw caseNotFound(query.caseId, actor.courtCode);
    const measures = await this.measures.forCase(manager, life.id, { courtCode: actor.courtCode });
    const approvals = await this.approvalRecords.findMany(
      manager,
      measures.flatMap((m) => (m.approvalId ? [m.approvalId] : [])),
    );
    const byId = new Map(approvals.map((a) => [a.id, a]));
    return {
      items: measures.map((m) => toMeasureView(m, m.approvalId ? byId.get(m.approvalId) : undefined)),
    };
  }

  /**
   * 执行完毕: call inside the closing transaction, which already holds the case. Lifts, as of `on` (the
   * day of full performance), every 限消, 失信 listing, exit restriction and reward notice in force — a
   * 失信 listing is then deleted in time by construction — and withdraws every measure still awaiting
   * approval (measure REJECTED, its approval request REJECTED with the reason), since nothing may come
   * into force in a closed case. Fines, detentions, referrals and notices stand. Emits
   * `case.measure.changed` for each lifted measure; safe to call twice (the second finds nothing).
   */
  async liftAllOnFullPerformance(
    tx: Transaction,
    caseId: string,
    courtCode: string,
    on: string,
    actor: Actor,
  ): Promise<{ lifted: MeasureView[]; withdrawn: MeasureView[] }> {
    const measures = await this.measures.forCase(tx.manager, caseId, { courtCode, lock: true });
    const { lifted, withdrawn } = onFullPerformance(
      measures,
      { on, by: actor.id },
      await this.calendarOf(tx, courtCode),
    );
    const before = new Map(measures.map((m) => [m.id, m]));
    for (const measure of lifted) {
      await this.recorder.changed(tx, 'case.measure.lift', before.get(measure.id)!, measure, actor);
    }
    const withdrawnViews: MeasureView[] = [];
    for (const measure of withdrawn) {
      await this.recorder.changed(tx, 'case.measure.withdraw', before.get(measure.id)!, measure, actor);
      const approval = measure.approvalId
        ? await this.approvals.withdraw(tx, courtCode, measure.approvalId, FULL_PERFORMANCE_REASON, actor)
        : undefined;
      withdrawnViews.push(toMeasureView(measure, approval));
    }
    return { lifted: lifted.map((m) => toMeasureView(m)), withdrawn: withdrawnViews };
  }

  /** The court's working days, with the holidays and make-up days it has configured. */
  private async calendarOf(tx: Transaction, courtCode: string): Promise<WorkingDayCalendar> {
    return workingDayCalendar(await this.settings.get(tx.manager, courtCode));
  }

  private async viewOf(tx: Transaction, measure: Measure): Promise<MeasureView> {
    const approval = measure.approvalId
      ? await this.approvalRecords.find(tx.manager, measure.courtCode, measure.approvalId)
      : null;
    return toMeasureView(measure, approval ?? undefined);
  }
}

/**
 * The approval step's handler for measures: approved, the measure comes into force from the day of the
 * decision (unless the case has closed meanwhile, which refuses the approval); rejected, it is rejected.
 */
@Injectable()
export class MeasureApprovalHandler implements ApprovalSubjectHandler, OnModuleInit {
  readonly subjectType = MEASURE_APPROVAL_SUBJECT;

  constructor(
    private readonly registry: ApprovalHandlerRegistry,
    private readonly measures: MeasureRepository,
    private readonly recorder: MeasureRecorder,
    private readonly lives: CaseLifeRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async onDecided(
    tx: Transaction,
    approval: ApprovalRequest,
    approved: boolean,
    actor: Actor,
  ): Promise<void> {
    const life = await this.lives.lock(tx.manager, approval.caseId, approval.courtCode);
    const measure = await this.measures.find(tx.manager, approval.courtCode, approval.subjectId, {
      lock: true,
    });
    if (!life || !measure)
      throw new Error(`approval ${approval.id} names a missing measure ${approval.subjectId}`);
    const on = shanghaiDateOf(approval.decidedAt ?? this.clock.now());
    const next = approved ? approveMeasure(measure, life.status, on) : rejectMeasure(measure);
    await this.recorder.changed(
      tx,
      approved ? 'case.measure.approve' : 'case.measure.reject',
      measure,
      next,
      actor,
    );
  }
}

import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  BasisKind,
  CaseType,
  CodedError,
  ErrorCode,
  Events,
  JurisdictionGround,
  shanghaiDateOf,
  type Actor,
  type CaseDetail,
  type Clock,
  type RegisterCaseCommand,
} from '@writ/contracts';
import { CLOCK, UnitOfWork, type Transaction } from '@writ/platform';
import {
  acceptApplication,
  applicantsOf,
  registerCase,
  respondentsOf,
  type AcceptedApplication,
  type CaseApplication,
  type EnforcementCase,
} from '../domain/enforcement-case.js';
import { initialTimeline } from '../domain/flow-nodes.js';
import { preservationLinkProblems } from '../domain/preservation-link.js';
import { statutoryDeadline, statutoryMonthsOf } from '../domain/statutory-period.js';
import { triage } from '../domain/triage.js';
import { CaseLifeRepository } from '../persistence/case-life.repository.js';
import { CaseMetricsRecorder } from '../persistence/case-metrics.recorder.js';
import { CaseRepository, type CaseAssignment } from '../persistence/case.repository.js';
import { CourtSettingsRepository } from '../persistence/court-settings.repository.js';
import { FlowNodeRepository } from '../persistence/flow-node.repository.js';
import { toCaseDetail } from './case-views.js';
import { assignmentFor } from './officer-assignment.js';
import { requestHashOf } from './request-hash.js';

function isRequestKeyTaken(error: unknown): boolean {
  const failure = error as {
    code?: string;
    constraint?: string;
    driverError?: { code?: string; constraint?: string };
  };
  const code = failure.code ?? failure.driverError?.code;
  const constraint = failure.constraint ?? failure.driverError?.constraint;
  return code === '23505' && constraint === 'enforcement_case_request';
}

/**
 * 立案: allocates the case number, stores the case with its parties, writes the audit entry and the
 * `case.registered` event — all in one transaction. Repeating a request key with the same content
 * returns the first registration; with other content it is refused.
 */
@Injectable()
export class RegisterCaseUseCase {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly cases: CaseRepository,
    private readonly lives: CaseLifeRepository,
    private readonly settings: CourtSettingsRepository,
    private readonly nodes: FlowNodeRepository,
    private readonly metrics: CaseMetricsRecorder,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(command: RegisterCaseCommand, actor: Actor): Promise<CaseDetail> {
    const now = this.clock.now();
    const accepted = acceptApplication(applicationOf(command, shanghaiDateOf(now)), now);
    const preservationCaseId = command.preservationCaseId;
    if (!preservationCaseId) {
      return this.once(command, actor, (tx, request) => this.registerAccepted(tx, accepted, actor, request));
    }
    // a retry answers with the case it registered, before the carried-once rule would refuse it
    const repeated = await this.repeated(command, actor);
    if (repeated) return repeated;
    return this.once(command, actor, async (tx, request) => {
      await this.checkPreservation(tx, accepted.application, preservationCaseId, actor);
      return this.registerAccepted(tx, accepted, actor, request);
    });
  }

  /**
   * 保全转执行 (民诉解释 Art 168): the 执保 case named must be of this court, against the same
   * respondents, and not carried on by another 执 case — locked, so two registrations cannot both
   * carry it. Refused with 422 naming `preservationCaseId`.
   */
  private async checkPreservation(
    tx: Transaction,
    application: CaseApplication,
    preservationCaseId: string,
    actor: Actor,
  ): Promise<void> {
    const locked = await this.lives.lock(tx.manager, preservationCaseId, actor.courtCode);
    const found = locked && (await this.cases.findById(tx.manager, actor.courtCode, preservationCaseId));
    const carriedBy = found ? await this.lives.carrierOf(tx.manager, preservationCaseId) : null;
    const problems = preservationLinkProblems(
      application.caseType,
      application.respondents.map((r) => r.idNumber),
      found
        ? {
            caseType: found.caseType,
            caseNumber: found.caseNumber,
            respondentIdNumbers: respondentsOf(found).map((r) => r.idNumber),
            ...(carriedBy ? { carriedBy } : {}),
          }
        : null,
    );
    const [first] = problems;
    if (first) {
      throw new CodedError(ErrorCode.RuleViolated, `preservationCaseId: ${first.message}`, {
        rule: 'PRESERVATION_INTO_EXECUTION',
        errors: problems,
      });
    }
  }

  /**
   * Runs a registration (立案, 执恢, 执异, an accepted entrustment) once per request key: a retry with the
   * same content answers with the case first registered, other content under the same key is refused.
   */
  async once(
    command: { requestKey: string },
    actor: Actor,
    work: (tx: Transaction, request: { key: string; hash: string }) => Promise<EnforcementCase>,
  ): Promise<CaseDetail> {
    const request = { key: command.requestKey, hash: requestHashOf(command) };
    try {
      return await this.unitOfWork.run(async (tx) => toCaseDetail(await work(tx, request)));
    } catch (error) {
      // the key was used before (a retry, or two deliveries racing): the unique index said so, and
      // the refused attempt rolled back with its case number, leaving no gap
      if (isRequestKeyTaken(error)) return this.answerRepeated(command, actor, request.hash);
      throw error;
    }
  }

  /** A repeated key answers with the first registration, or is refused when the content differs. */
  /**
   * The answer to a request key already used, or null when it is new: for use cases whose own checks
   * (one open 执恢 per case) would refuse a retry before the key could answer it.
   */
  async repeated(command: { requestKey: string }, actor: Actor): Promise<CaseDetail | null> {
    const earlier = await this.cases.findByRequestKey(
      this.unitOfWork.manager,
      actor.courtCode,
      command.requestKey,
    );
    return earlier ? this.answerRepeated(command, actor, requestHashOf(command)) : null;
  }

  private async answerRepeated(
    command: { requestKey: string },
    actor: Actor,
    requestHash: string,
  ): Promise<CaseDetail> {
    const earlier = await this.cases.findByRequestKey(
      this.unitOfWork.manager,
      actor.courtCode,
      command.requestKey,
    );
    if (!earlier) throw new Error(`request key ${command.requestKey} reported taken but not found`);
    if (earlier.requestHash !== requestHash) {
      throw new CodedError(
        ErrorCode.IdempotencyConflict,
        `requestKey ${command.requestKey} was already used for a different registration (${earlier.case.caseNumber})`,
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
    return toCaseDetail(earlier.case);
  }

  /**
   * 立案 of an accepted application inside the caller's transaction: number, triage and assignment,
   * timeline, audit and `case.registered`. Resumption (执恢), objections (执异) and accepted
   * entrustments register their cases through here too.
   */
  async registerAccepted(
    tx: Transaction,
    accepted: AcceptedApplication,
    actor: Actor,
    request: { key: string; hash: string },
  ): Promise<EnforcementCase> {
    const { application } = accepted;
    // read before the sequence is locked: the lock is then held only for the prepared writes
    const settings = await this.settings.get(tx.manager, actor.courtCode);
    const decision = triage(
      { caseType: application.caseType, claimAmountFen: application.claimAmountFen },
      settings.triage,
    );
    const officer = await assignmentFor(
      this.lives,
      tx.manager,
      actor.courtCode,
      decision.track,
      settings.teams,
    );
    const assignment: CaseAssignment = { ...decision, ...(officer ?? {}) };
    const months = statutoryMonthsOf(application.basis.kind);
    const deadline = statutoryDeadline(
      {
        filingDate: accepted.filingDate,
        basisKind: application.basis.kind,
        extensionMonths: 0,
        suspendedDays: 0,
      },
      accepted.filingDate,
    );

    // from here to commit the court's sequence row is locked: only prepared writes follow
    const sequence = await this.cases.nextSequence(tx.manager, {
      courtCode: actor.courtCode,
      caseType: application.caseType,
      year: accepted.year,
    });
    const registered = registerCase(accepted, {
      id: randomUUID(),
      courtCode: actor.courtCode,
      sequence,
      registeredBy: actor.id,
    });
    this.cases.insert(tx, registered, request, {
      statutoryMonths: months,
      statutoryDeadline: deadline,
      assignment,
    });
    this.nodes.saveWith(
      tx,
      registered.id,
      initialTimeline({
        caseType: registered.caseType,
        applicationDate: registered.applicationDate,
        registeredAt: registered.registeredAt,
        registeredBy: actor.id,
        deadlines: settings.nodeDeadlineDays,
        statutoryDeadline: deadline,
        entrusted: registered.entrusting !== undefined,
      }),
    );
    this.metrics.recordRegistered(tx, registered);
    await tx.audit({
      action: 'case.register',
      entityType: 'enforcement_case',
      entityId: registered.id,
      courtCode: registered.courtCode,
      after: {
        ...toCaseDetail(registered),
        assignment,
        statutoryDeadline: deadline,
        flags: registered.flags,
      },
      actor,
    });
    await tx.emit(
      Events.CaseRegistered,
      {
        caseId: registered.id,
        caseNumber: registered.caseNumber,
        caseType: registered.caseType,
        courtCode: registered.courtCode,
        claimAmountFen: registered.claimAmountFen,
        filingDate: registered.filingDate,
        respondents: respondentsOf(registered).map(({ kind, name, idNumber, legalRepresentative }) => ({
          kind,
          name,
          idNumber,
          ...(legalRepresentative ? { legalRepresentative: { ...legalRepresentative } } : {}),
        })),
        applicants: applicantsOf(registered).map(({ kind, name, idNumber }) => ({ kind, name, idNumber })),
        ...(registered.relatedCaseId
          ? registered.caseType === CaseType.Execution
            ? { preservationCaseId: registered.relatedCaseId }
            : { relatedCaseId: registered.relatedCaseId }
          : {}),
      },
      { courtCode: registered.courtCode, actor },
    );
    return registered;
  }
}

/** The application as the domain reads it, with the defaults of the optional fields filled in. */
export function applicationOf(command: RegisterCaseCommand, today: string): CaseApplication {
  return {
    caseType: command.caseType,
    basis: {
      documentNumber: command.basis.documentNumber,
      issuingCourt: command.basis.issuingCourt,
      effectiveDate: command.basis.effectiveDate,
      kind: command.basis.kind ?? BasisKind.Judgment,
      performanceDueDate: command.basis.performanceDueDate ?? command.basis.effectiveDate,
    },
    applicationDate: command.applicationDate ?? today,
    jurisdictionGround: command.jurisdictionGround ?? JurisdictionGround.FirstInstanceCourt,
    applicants: command.applicants,
    respondents: command.respondents,
    claimAmountFen: command.claimAmountFen,
    ...(command.note ? { note: command.note } : {}),
    // an 执 case's link is the 执保 case it carries on
    ...(command.preservationCaseId ? { relatedCaseId: command.preservationCaseId } : {}),
  };
}

import { Inject, Injectable } from '@nestjs/common';
import {
  CaseType,
  CodedError,
  ErrorCode,
  PartyRole,
  shanghaiDateOf,
  type Actor,
  type CaseDetail,
  type Clock,
  type ResumeCaseCommand,
} from '@writ/contracts';
import { CLOCK, type Transaction } from '@writ/platform';
import { resumptionOf, type CaseLife } from '../domain/case-life.js';
import { acceptApplication, type EnforcementCase } from '../domain/enforcement-case.js';
import { CaseLifeRepository } from '../persistence/case-life.repository.js';
import { CaseRepository } from '../persistence/case.repository.js';
import { RegisterCaseUseCase } from './register-case.use-case.js';

/**
 * 恢复执行: a 执恢 case opened from a 终本 case, carrying over its parties, basis and the amount still
 * owed (DOMAIN.md §8) — by an officer, or on asset-control's report of property found at re-search.
 */
@Injectable()
export class ResumeCaseUseCase {
  constructor(
    private readonly registration: RegisterCaseUseCase,
    private readonly lives: CaseLifeRepository,
    private readonly cases: CaseRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(command: ResumeCaseCommand, actor: Actor): Promise<CaseDetail> {
    // a retry answers with the 执恢 case it opened, before the one-open-resumption rule would refuse it
    const repeated = await this.registration.repeated(command, actor);
    if (repeated) return repeated;
    return this.registration.once(command, actor, async (tx, request) => {
      const original = await this.lives.lock(tx.manager, command.originalCaseId, actor.courtCode);
      if (!original) {
        throw new CodedError(
          ErrorCode.NotFound,
          `No case ${command.originalCaseId} in court ${actor.courtCode}`,
        );
      }
      const open = await this.lives.openResumptionOf(tx.manager, original.id);
      if (open) {
        throw new CodedError(ErrorCode.InvalidState, `${original.caseNumber} is already being resumed`, {
          rule: 'RESUMPTION_ALREADY_OPEN',
          errors: [{ field: 'originalCaseId', rule: 'oneOpenResumption', message: `open 执恢 case ${open}` }],
        });
      }
      return this.resumeIn(tx, original, command.reason, actor, request);
    });
  }

  /** Opens the 执恢 case inside the caller's transaction, the original already locked. */
  async resumeIn(
    tx: Transaction,
    original: CaseLife,
    reason: string,
    actor: Actor,
    request: { key: string; hash: string },
  ): Promise<EnforcementCase> {
    const { claimAmountFen } = resumptionOf(original);
    const source = await this.cases.findById(tx.manager, original.courtCode, original.id);
    if (!source) throw new Error(`case ${original.id} vanished while locked`);
    const now = this.clock.now();
    const strip = ({ kind, name, idNumber, legalRepresentative }: EnforcementCase['parties'][number]) => ({
      kind,
      name,
      idNumber,
      ...(legalRepresentative ? { legalRepresentative: { ...legalRepresentative } } : {}),
    });
    const accepted = acceptApplication(
      {
        caseType: CaseType.Resumed,
        basis: { ...source.basis },
        // no limitation runs after 终本 (民诉解释 Art 517): the application is today's
        applicationDate: shanghaiDateOf(now),
        jurisdictionGround: source.jurisdictionGround,
        applicants: source.parties.filter((p) => p.role === PartyRole.Applicant).map(strip),
        respondents: source.parties.filter((p) => p.role === PartyRole.Respondent).map(strip),
        claimAmountFen,
        note: `恢复执行 ${original.caseNumber}：${reason}`.slice(0, 500),
        relatedCaseId: original.id,
      },
      now,
    );
    return this.registration.registerAccepted(
      tx,
      accepted,
      { ...actor, courtCode: original.courtCode },
      request,
    );
  }
}

import { createHash, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  CodedError,
  ErrorCode,
  Events,
  type Actor,
  type CaseDetail,
  type Clock,
  type RegisterCaseCommand,
} from '@writ/contracts';
import { CLOCK, UnitOfWork } from '@writ/platform';
import { acceptApplication, registerCase, respondentsOf } from '../domain/enforcement-case.js';
import { CaseRepository } from '../persistence/case.repository.js';
import { toCaseDetail } from './case-views.js';

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

/** JSON with object keys sorted at every depth: the same content always gives the same text. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** A stable digest of what was asked, so a retried key can be told from a reused one. */
function requestHashOf(command: RegisterCaseCommand): string {
  const { requestKey: _key, ...content } = command;
  return createHash('sha256').update(canonicalJson(content)).digest('hex');
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
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(command: RegisterCaseCommand, actor: Actor): Promise<CaseDetail> {
    const requestHash = requestHashOf(command);
    try {
      return await this.register(command, actor, requestHash);
    } catch (error) {
      // the key was used before (a retry, or two deliveries racing): the unique index said so, and
      // the refused attempt rolled back with its case number, leaving no gap
      if (isRequestKeyTaken(error)) return this.answerRepeated(command, actor, requestHash);
      throw error;
    }
  }

  /** A repeated key answers with the first registration, or is refused when the content differs. */
  private async answerRepeated(
    command: RegisterCaseCommand,
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

  private async register(
    command: RegisterCaseCommand,
    actor: Actor,
    requestHash: string,
  ): Promise<CaseDetail> {
    const accepted = acceptApplication(
      {
        caseType: command.caseType,
        basis: command.basis,
        applicants: command.applicants,
        respondents: command.respondents,
        claimAmountFen: command.claimAmountFen,
        ...(command.note ? { note: command.note } : {}),
      },
      this.clock.now(),
    );
    return this.unitOfWork.run(async (tx) => {
      // from here to commit the court's sequence row is locked: only prepared writes follow
      const sequence = await this.cases.nextSequence(tx.manager, {
        courtCode: actor.courtCode,
        caseType: command.caseType,
        year: accepted.year,
      });
      const registered = registerCase(accepted, {
        id: randomUUID(),
        courtCode: actor.courtCode,
        sequence,
        registeredBy: actor.id,
      });
      this.cases.insert(tx, registered, { key: command.requestKey, hash: requestHash });
      const detail = toCaseDetail(registered);
      await tx.audit({
        action: 'case.register',
        entityType: 'enforcement_case',
        entityId: registered.id,
        courtCode: registered.courtCode,
        after: detail,
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
          respondents: respondentsOf(registered).map(({ kind, name, idNumber }) => ({
            kind,
            name,
            idNumber,
          })),
        },
        { courtCode: registered.courtCode, actor },
      );
      return detail;
    });
  }
}

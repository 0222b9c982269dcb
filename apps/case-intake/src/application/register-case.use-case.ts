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
import { filingDayOf, registerCase, respondentsOf } from '../domain/enforcement-case.js';
import { CaseRepository } from '../persistence/case.repository.js';
import { toCaseDetail } from './case-views.js';

/** A stable digest of what was asked, so a retried key can be told from a reused one. */
function requestHashOf(command: RegisterCaseCommand): string {
  const { requestKey: _key, ...content } = command;
  return createHash('sha256').update(JSON.stringify(content)).digest('hex');
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
      // two deliveries of the same request raced; the loser answers with the winner's case
      if (
        (error as { code?: string }).code === '23505' &&
        String((error as Error).message).includes('request')
      ) {
        return this.register(command, actor, requestHash);
      }
      throw error;
    }
  }

  private async register(
    command: RegisterCaseCommand,
    actor: Actor,
    requestHash: string,
  ): Promise<CaseDetail> {
    return this.unitOfWork.run(async (tx) => {
      const earlier = await this.cases.findByRequestKey(tx.manager, actor.courtCode, command.requestKey);
      if (earlier) {
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
      const now = this.clock.now();
      const { year } = filingDayOf(now);
      const sequence = await this.cases.nextSequence(tx.manager, {
        courtCode: actor.courtCode,
        caseType: command.caseType,
        year,
      });
      const registered = registerCase(
        {
          caseType: command.caseType,
          basis: command.basis,
          applicants: command.applicants,
          respondents: command.respondents,
          claimAmountFen: command.claimAmountFen,
          ...(command.note ? { note: command.note } : {}),
        },
        { id: randomUUID(), courtCode: actor.courtCode, sequence, now, registeredBy: actor.id },
      );
      await this.cases.insert(tx.manager, registered, { key: command.requestKey, hash: requestHash });
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

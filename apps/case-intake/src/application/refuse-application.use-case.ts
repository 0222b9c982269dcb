import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  addDays,
  CodedError,
  ErrorCode,
  shanghaiDateOf,
  type Actor,
  type Clock,
  type IntakeRefusalView,
  type RefuseApplicationCommand,
} from '@writ/contracts';
import { CLOCK, UnitOfWork } from '@writ/platform';
import { ACCEPTANCE_DAYS } from '../domain/enforcement-case.js';
import { requestHashOf } from './request-hash.js';

interface RefusalRow {
  id: string;
  court_code: string;
  application_date: string;
  decided_on: string;
  within_deadline: boolean;
  reasons: string[];
  application: RefuseApplicationCommand;
  decided_by: string;
}

function toView(r: RefusalRow): IntakeRefusalView {
  return {
    id: r.id,
    courtCode: r.court_code,
    applicationDate: r.application_date,
    decidedOn: r.decided_on,
    withinDeadline: r.within_deadline,
    reasons: r.reasons,
    applicantNames: r.application.applicants.map((a) => a.name),
    decidedBy: r.decided_by,
  };
}

/**
 * 裁定不予受理: the refusal of an application is recorded with its reasons, and whether it came within
 * the 7 days (执行工作规定 2020 Art 16). No case number is taken. A retried request key answers with the
 * first refusal.
 */
@Injectable()
export class RefuseApplicationUseCase {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(command: RefuseApplicationCommand, actor: Actor): Promise<IntakeRefusalView> {
    try {
      return await this.refuse(command, actor);
    } catch (error) {
      // two deliveries of one request raced: the loser reads what the winner wrote
      if ((error as { driverError?: { code?: string } }).driverError?.code === '23505')
        return this.refuse(command, actor);
      throw error;
    }
  }

  private async refuse(command: RefuseApplicationCommand, actor: Actor): Promise<IntakeRefusalView> {
    const now = this.clock.now();
    const today = shanghaiDateOf(now);
    if (command.applicationDate > today) {
      throw new CodedError(ErrorCode.RuleViolated, 'applicationDate is in the future', {
        rule: 'APPLICATION_DATE',
        errors: [{ field: 'applicationDate', rule: 'notInFuture', message: `after today ${today}` }],
      });
    }
    return this.unitOfWork.run(async (tx) => {
      const [earlier] = await tx.manager.query<RefusalRow[]>(
        `SELECT id, court_code, application_date::text AS application_date, decided_on::text AS decided_on,
                within_deadline, reasons, application, decided_by
           FROM intake_refusal WHERE court_code = $1 AND request_key = $2`,
        [actor.courtCode, command.requestKey],
      );
      if (earlier) {
        if (requestHashOf(earlier.application) !== requestHashOf(command)) {
          throw new CodedError(
            ErrorCode.IdempotencyConflict,
            `requestKey ${command.requestKey} was used for another refusal`,
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
        return toView(earlier);
      }
      const row: RefusalRow = {
        id: randomUUID(),
        court_code: actor.courtCode,
        application_date: command.applicationDate,
        decided_on: today,
        within_deadline: today <= addDays(command.applicationDate, ACCEPTANCE_DAYS),
        reasons: command.reasons,
        application: { ...command },
        decided_by: actor.id,
      };
      await tx.manager.query(
        `INSERT INTO intake_refusal (id, court_code, request_key, application_date, decided_on, within_deadline, reasons,
           application, decided_by, decided_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [
          row.id,
          row.court_code,
          command.requestKey,
          row.application_date,
          row.decided_on,
          row.within_deadline,
          JSON.stringify(row.reasons),
          JSON.stringify(row.application),
          row.decided_by,
          now,
        ],
      );
      await tx.audit({
        action: 'case.application.refuse',
        entityType: 'intake_refusal',
        entityId: row.id,
        courtCode: actor.courtCode,
        after: toView(row),
        actor,
      });
      return toView(row);
    });
  }
}

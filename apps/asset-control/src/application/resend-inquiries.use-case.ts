import { requireCourtStaff } from '@writ/contracts';
import { Inject, Injectable } from '@nestjs/common';
import {
  CodedError,
  ErrorCode,
  InquiryStatus,
  type Actor,
  type Clock,
  type ResendInquiriesCommand,
  type ResendInquiriesReply,
} from '@writ/contracts';
import { CLOCK, UnitOfWork } from '@writ/platform';
import { inquiryResent } from '../domain/inquiry-resend.js';
import type { AssetInquiryRecord } from '../persistence/inquiry.orm-entity.js';
import { InquiryRepository } from '../persistence/inquiry.repository.js';
import { ResearchRepository } from '../persistence/research.repository.js';
import { caseNotFound } from './court-staff.js';
import { InquiryDispatcher } from './inquiry-dispatcher.js';

/**
 * An officer sends failed inquiries again (issue 4: failures are surfaced for re-sending, nothing is
 * silently dropped). They go back to the one dispatcher as PENDING with fresh attempts; the inquiry or
 * re-search round they belong to is open again, and closes — announcing only a changed outcome — when
 * they are answered or fail again.
 */
@Injectable()
export class ResendInquiriesUseCase {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly inquiries: InquiryRepository,
    private readonly research: ResearchRepository,
    private readonly dispatcher: InquiryDispatcher,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(command: ResendInquiriesCommand, actor: Actor): Promise<ResendInquiriesReply> {
    requireCourtStaff(actor, 're-sending an inquiry');
    const resent = await this.unitOfWork.run(async (tx) => {
      // batch first, then inquiries: the lock order of every outcome
      const batch = await this.inquiries.lockBatch(tx.manager, command.caseId);
      if (!batch || batch.courtCode !== actor.courtCode) throw caseNotFound(command.caseId);
      let chosen: AssetInquiryRecord[];
      if (command.inquiryId) {
        const one = await this.inquiries.lockInquiry(tx.manager, command.inquiryId);
        if (!one || one.caseId !== command.caseId) {
          throw new CodedError(ErrorCode.NotFound, `no inquiry ${command.inquiryId} in this case`);
        }
        // sent again already and on its way: asking twice changes nothing
        if (one.status === InquiryStatus.Pending) return [];
        chosen = [one];
      } else {
        chosen = await this.inquiries.lockFailedOfCase(tx.manager, command.caseId);
      }
      const now = this.clock.now();
      const rounds = new Set<number>();
      for (const inquiry of chosen) {
        const before = {
          status: inquiry.status,
          attempts: inquiry.attempts,
          nextAttemptAt: inquiry.nextAttemptAt,
          lastError: inquiry.lastError,
          answeredAt: inquiry.answeredAt,
          failedAt: inquiry.failedAt,
        };
        const after = inquiryResent(before, now);
        await this.inquiries.markResent(tx.manager, inquiry.id, after);
        rounds.add(inquiry.round);
        await tx.audit({
          action: 'asset.inquiry.resend',
          entityType: 'asset_inquiry',
          entityId: inquiry.id,
          courtCode: batch.courtCode,
          before: { status: before.status, attempts: before.attempts, lastError: before.lastError },
          after: { status: after.status, attempts: after.attempts, resent: inquiry.resent + 1 },
          actor,
        });
      }
      for (const round of rounds) {
        if (round === 0) await this.inquiries.reopenBatch(tx.manager, batch.caseId);
        else await this.research.reopenRound(tx.manager, batch.caseId, round);
      }
      return chosen.map((i) => i.id);
    });
    if (resent.length) this.dispatcher.kick();
    return { caseId: command.caseId, inquiryIds: resent };
  }
}

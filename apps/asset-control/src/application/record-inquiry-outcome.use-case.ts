import { Inject, Injectable } from '@nestjs/common';
import { InquiryStatus, type AgencyInquiryReply, type Clock, type WireError } from '@writ/contracts';
import { CLOCK, UnitOfWork } from '@writ/platform';
import { inquiryAnswered, inquiryAttemptFailed, type InquiryProgress } from '../domain/asset-inquiry.js';
import { RetryPolicy } from '../domain/retry-policy.js';
import type { AssetInquiryRecord } from '../persistence/inquiry.orm-entity.js';
import { InquiryRepository, type ClaimedInquiry } from '../persistence/inquiry.repository.js';
import { BatchCompletion } from './batch-completion.js';

function progressOf(record: AssetInquiryRecord): InquiryProgress {
  return {
    status: record.status,
    attempts: record.attempts,
    nextAttemptAt: record.nextAttemptAt,
    lastError: record.lastError,
    answeredAt: record.answeredAt,
    failedAt: record.failedAt,
  };
}

/**
 * Records what an agency did with one inquiry — its answer, or a failed attempt — each in one
 * transaction with the found assets, the audit entry and, for the case's last inquiry, the completion.
 */
@Injectable()
export class RecordInquiryOutcomeUseCase {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly inquiries: InquiryRepository,
    private readonly completion: BatchCompletion,
    private readonly policy: RetryPolicy,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Stores the findings once: an inquiry already answered or failed is left as it is. */
  async answered(claimed: ClaimedInquiry, reply: AgencyInquiryReply): Promise<boolean> {
    return this.unitOfWork.run(async (tx) => {
      // batch first, then inquiry: every outcome takes the locks in this order, so none deadlock
      const batch = await this.inquiries.lockBatch(tx.manager, claimed.caseId);
      const record = await this.inquiries.lockInquiry(tx.manager, claimed.id);
      if (!batch || !record || record.status !== InquiryStatus.Pending) return false;
      const now = this.clock.now();
      const before = progressOf(record);
      const after = inquiryAnswered(before, now);
      await this.inquiries.insertAssets(tx.manager, record, reply.findings, now);
      await this.inquiries.saveProgress(tx.manager, record.id, after);
      await tx.audit({
        action: 'asset.inquiry.answer',
        entityType: 'asset_inquiry',
        entityId: record.id,
        courtCode: batch.courtCode,
        before: { status: before.status, attempts: before.attempts },
        after: {
          status: after.status,
          attempts: after.attempts,
          findings: reply.findings.length,
          agencyAnsweredAt: reply.answeredAt,
        },
      });
      await this.completion.completeIfDone(tx, batch, now, record.round);
      return true;
    });
  }

  /**
   * Counts a failed attempt, unless this dispatcher's lease was taken over meanwhile (then the
   * replica holding it now decides) or the inquiry was answered by an earlier attempt.
   */
  async attemptFailed(claimed: ClaimedInquiry, error: WireError): Promise<InquiryStatus | null> {
    return this.unitOfWork.run(async (tx) => {
      const batch = await this.inquiries.lockBatch(tx.manager, claimed.caseId);
      const record = await this.inquiries.lockInquiry(tx.manager, claimed.id);
      if (
        !batch ||
        !record ||
        record.status !== InquiryStatus.Pending ||
        record.claimToken !== claimed.claimToken
      ) {
        return null;
      }
      const now = this.clock.now();
      const before = progressOf(record);
      const after = inquiryAttemptFailed(before, error, now, this.policy);
      await this.inquiries.saveProgress(tx.manager, record.id, after);
      const final = after.status === InquiryStatus.Failed;
      // every attempt is on record, not only the last: the trail shows when each agency was tried
      await tx.audit({
        action: final ? 'asset.inquiry.fail' : 'asset.inquiry.retry',
        entityType: 'asset_inquiry',
        entityId: record.id,
        courtCode: batch.courtCode,
        before: { status: before.status, attempts: before.attempts },
        after: {
          status: after.status,
          attempts: after.attempts,
          lastError: after.lastError,
          nextAttemptAt: after.nextAttemptAt,
        },
      });
      if (final) await this.completion.completeIfDone(tx, batch, now, record.round);
      return after.status;
    });
  }
}

import { Injectable } from '@nestjs/common';
import { Events } from '@writ/contracts';
import type { Transaction } from '@writ/platform';
import { batchIsComplete, completionSummary } from '../domain/inquiry-batch.js';
import { InquiryRepository } from '../persistence/inquiry.repository.js';
import { ResearchRounds } from './research-rounds.js';

/**
 * Closes a case's inquiry once nothing is pending, in the transaction of the outcome that finished it:
 * the conditional update lets exactly one transaction do it, and `asset.inquiry.completed` leaves
 * through the outbox with it.
 */
@Injectable()
export class BatchCompletion {
  constructor(
    private readonly inquiries: InquiryRepository,
    private readonly rounds: ResearchRounds,
  ) {}

  /** The caller holds the batch's row lock, so the statuses read here cannot change underneath. */
  async completeIfDone(
    tx: Transaction,
    batch: { caseId: string; caseNumber: string; courtCode: string },
    now: Date,
    round = 0,
  ): Promise<boolean> {
    // a re-search after 终本 is closed by its own rules and announces only a find
    if (round > 0) return this.rounds.completeIfDone(tx, batch, round, now);
    const statuses = await this.inquiries.statusesOfCase(tx.manager, batch.caseId);
    if (!batchIsComplete(statuses)) return false;
    if (!(await this.inquiries.markBatchCompleted(tx.manager, batch.caseId, now))) return false;
    const summary = completionSummary(
      batch,
      statuses,
      await this.inquiries.assetValuesOfCase(tx.manager, batch.caseId),
    );
    await tx.audit({
      action: 'asset.inquiry.complete',
      entityType: 'inquiry_batch',
      entityId: batch.caseId,
      courtCode: batch.courtCode,
      before: { completedAt: null },
      after: { completedAt: now.toISOString(), ...summary },
    });
    // completed again after a re-send: announced only when the outcome changed (case-intake re-reads it)
    if (await this.inquiries.announceIfChanged(tx.manager, batch.caseId, summary)) {
      await tx.emit(Events.AssetInquiryCompleted, summary, { courtCode: batch.courtCode });
    }
    return true;
  }
}

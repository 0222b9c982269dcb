import { Inject, Injectable } from '@nestjs/common';
import {
  CodedError,
  ErrorCode,
  type CaseRegisteredV1,
  type Clock,
  type EventEnvelope,
} from '@writ/contracts';
import { CLOCK, Inbox } from '@writ/platform';
import { needsAssetInquiry, newInquiryProgress, planInquiries } from '../domain/asset-inquiry.js';
import { InquiryRepository } from '../persistence/inquiry.repository.js';
import { AgencyCatalog } from './agency-catalog.js';
import { BatchCompletion } from './batch-completion.js';
import { InquiryDispatcher } from './inquiry-dispatcher.js';

/** The inbox consumer name: one handling per event id, however often it is delivered. */
export const INBOX_CONSUMER = 'asset-control';

/**
 * 立案当日启动财产查控: a registered 执行实施 case gets one inquiry per respondent and agency kind of the
 * catalog that applies (and per linked person and kind that reaches them),
 * recorded once per event (inbox) and once per case (the batch's key), then the dispatcher is woken.
 * 执行审查 cases record nothing: they have no property search of their own.
 */
@Injectable()
export class StartInquiriesUseCase {
  constructor(
    private readonly inbox: Inbox,
    private readonly inquiries: InquiryRepository,
    private readonly catalog: AgencyCatalog,
    private readonly completion: BatchCompletion,
    private readonly dispatcher: InquiryDispatcher,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** True when this delivery started the case's inquiries. */
  async execute(envelope: EventEnvelope<CaseRegisteredV1>): Promise<boolean> {
    if (envelope.version !== 1) {
      // refused, so the broker keeps it for a version of this service that reads it
      throw new CodedError(
        ErrorCode.InvalidState,
        `case.registered v${envelope.version} is not understood here`,
      );
    }
    let started = false;
    await this.inbox.handleOnce(INBOX_CONSUMER, envelope, async (tx) => {
      const registered = envelope.data;
      if (!needsAssetInquiry(registered.caseType)) return;
      const now = this.clock.now();
      const batch = {
        caseId: registered.caseId,
        caseNumber: registered.caseNumber,
        caseType: registered.caseType,
        courtCode: registered.courtCode,
        correlationId: envelope.correlationId,
        startedAt: now,
        filingDate: registered.filingDate,
      };
      if (!(await this.inquiries.insertBatch(tx.manager, batch))) return;
      // the catalog as it stands today: national kinds and the court's province's own sources
      const plan = planInquiries(
        registered.respondents,
        await this.catalog.current(tx.manager),
        registered.courtCode,
      );
      await this.inquiries.insertInquiries(tx.manager, registered.caseId, plan, newInquiryProgress(now), now);
      await tx.audit({
        action: 'asset.inquiry.start',
        entityType: 'inquiry_batch',
        entityId: registered.caseId,
        courtCode: registered.courtCode,
        after: {
          caseNumber: registered.caseNumber,
          startedAt: now.toISOString(),
          inquiries: plan.map((p) => ({
            kind: p.kind,
            respondentIdNumber: p.respondent.idNumber,
            ...(p.linkedTo ? { linkedTo: p.linkedTo.position, role: p.linkedTo.role } : {}),
          })),
        },
        actor: envelope.actor,
      });
      // a case without respondents has nothing to ask and is complete at once
      await this.completion.completeIfDone(tx, batch, now);
      started = true;
    });
    if (started) this.dispatcher.kick();
    return started;
  }
}

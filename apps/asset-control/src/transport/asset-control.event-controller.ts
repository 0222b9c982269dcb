import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { Events, type CaseRegisteredV1, type EventEnvelope } from '@writ/contracts';
import { StartInquiriesUseCase } from '../application/start-inquiries.use-case.js';

/** Events asset-control acts on; each is handled once per event id through the inbox. */
@Controller()
export class AssetControlEventController {
  constructor(private readonly startInquiries: StartInquiriesUseCase) {}

  /**
   * 立案 → 财产查控 starts the same day. A burst of filings is taken 16 cases at a time (one case's
   * events still one by one): taking them singly made the 1,000-case burst wait ~40 s just to start.
   */
  @EventPattern(Events.CaseRegistered, { concurrency: 16 })
  async caseRegistered(@Payload() envelope: EventEnvelope<CaseRegisteredV1>): Promise<void> {
    await this.startInquiries.execute(envelope);
  }
}

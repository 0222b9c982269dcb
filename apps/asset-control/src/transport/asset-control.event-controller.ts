import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { Events, type CaseRegisteredV1, type EventEnvelope } from '@writ/contracts';
import { StartInquiriesUseCase } from '../application/start-inquiries.use-case.js';

/** Events asset-control acts on; each is handled once per event id through the inbox. */
@Controller()
export class AssetControlEventController {
  constructor(private readonly startInquiries: StartInquiriesUseCase) {}

  /** 立案 → 财产查控 starts the same day. */
  @EventPattern(Events.CaseRegistered)
  async caseRegistered(@Payload() envelope: EventEnvelope<CaseRegisteredV1>): Promise<void> {
    await this.startInquiries.execute(envelope);
  }
}

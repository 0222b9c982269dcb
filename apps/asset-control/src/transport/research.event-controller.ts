import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { Events, type CaseClosedV1, type CaseRegisteredV1, type EventEnvelope } from '@writ/contracts';
import { ResearchUseCase } from '../application/research.use-case.js';

/**
 * The case events the re-search of 终本 cases acts on. Other controllers of asset-control listen to
 * the same events: Nest chains the handlers of one pattern and runs them all (its listeners controller
 * forks into `handler.next`), and each keeps its own inbox consumer, so one is not skipped for the other.
 */
@Controller()
export class ResearchEventController {
  constructor(private readonly research: ResearchUseCase) {}

  /** 终本 → re-search every 6 months for 5 years. */
  @EventPattern(Events.CaseClosed)
  async caseClosed(@Payload() envelope: EventEnvelope<CaseClosedV1>): Promise<void> {
    await this.research.caseClosed(envelope);
  }

  /** 执恢 of a 终本 case → its re-search stops. */
  @EventPattern(Events.CaseRegistered)
  async caseRegistered(@Payload() envelope: EventEnvelope<CaseRegisteredV1>): Promise<void> {
    await this.research.caseRegistered(envelope);
  }
}

import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { Events, type CaseClosedV1, type CaseRegisteredV1, type EventEnvelope } from '@writ/contracts';
import { ControlCaseUseCase } from '../application/control-case.use-case.js';

/**
 * The case events the control part acts on. `case.registered` is also handled by the inquiry part;
 * Nest runs both handlers of one pattern.
 */
@Controller()
export class ControlEventController {
  constructor(private readonly cases: ControlCaseUseCase) {}

  /** 立案: keep the claim, the base of the over-control limit. */
  @EventPattern(Events.CaseRegistered)
  async caseRegistered(@Payload() envelope: EventEnvelope<CaseRegisteredV1>): Promise<void> {
    await this.cases.registered(envelope);
  }

  /** 结案: release what is left, when case-intake says so. */
  @EventPattern(Events.CaseClosed)
  async caseClosed(@Payload() envelope: EventEnvelope<CaseClosedV1>): Promise<void> {
    await this.cases.closed(envelope);
  }
}

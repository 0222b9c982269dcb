import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import {
  Events,
  type CaseSuspendedV1,
  type CaseSuspensionLiftedV1,
  type EventEnvelope,
} from '@writ/contracts';
import { CaseSuspensionUseCase } from '../application/case-suspension.use-case.js';

/** A case standing still, and going on: disposal (移交拍卖) waits meanwhile. */
@Controller()
export class CaseSuspensionEventController {
  constructor(private readonly suspensions: CaseSuspensionUseCase) {}

  @EventPattern(Events.CaseSuspended)
  async caseSuspended(@Payload() envelope: EventEnvelope<CaseSuspendedV1>): Promise<void> {
    await this.suspensions.suspended(envelope);
  }

  @EventPattern(Events.CaseSuspensionLifted)
  async suspensionLifted(@Payload() envelope: EventEnvelope<CaseSuspensionLiftedV1>): Promise<void> {
    await this.suspensions.lifted(envelope);
  }
}

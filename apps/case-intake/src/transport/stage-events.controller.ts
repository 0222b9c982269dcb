import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import {
  Events,
  type AssetControlAppliedV1,
  type AssetInquiryCompletedV1,
  type AssetPropertyFoundAfterClosureV1,
  type AuctionLotSoldV1,
  type EventEnvelope,
  type LedgerClaimFullyPaidV1,
  type LedgerMoneyPaidOutV1,
  type LedgerMoneyReceivedV1,
} from '@writ/contracts';
import { StageEventsHandler } from '../application/stage-events.handler.js';

/** Other stages' events that move a case along; each handled once per event id through the inbox. */
@Controller()
export class StageEventsController {
  constructor(private readonly handler: StageEventsHandler) {}

  @EventPattern(Events.AssetInquiryCompleted)
  inquiryCompleted(@Payload() e: EventEnvelope<AssetInquiryCompletedV1>): Promise<void> {
    return this.handler.inquiryCompleted(e);
  }

  @EventPattern(Events.AssetControlApplied)
  controlApplied(@Payload() e: EventEnvelope<AssetControlAppliedV1>): Promise<void> {
    return this.handler.controlApplied(e);
  }

  @EventPattern(Events.AuctionLotSold)
  lotSold(@Payload() e: EventEnvelope<AuctionLotSoldV1>): Promise<void> {
    return this.handler.lotSold(e);
  }

  @EventPattern(Events.LedgerMoneyReceived)
  moneyReceived(@Payload() e: EventEnvelope<LedgerMoneyReceivedV1>): Promise<void> {
    return this.handler.moneyReceived(e);
  }

  @EventPattern(Events.LedgerMoneyPaidOut)
  moneyPaidOut(@Payload() e: EventEnvelope<LedgerMoneyPaidOutV1>): Promise<void> {
    return this.handler.moneyPaidOut(e);
  }

  @EventPattern(Events.LedgerClaimFullyPaid)
  claimFullyPaid(@Payload() e: EventEnvelope<LedgerClaimFullyPaidV1>): Promise<void> {
    return this.handler.claimFullyPaid(e);
  }

  @EventPattern(Events.AssetPropertyFoundAfterClosure)
  propertyFound(@Payload() e: EventEnvelope<AssetPropertyFoundAfterClosureV1>): Promise<void> {
    return this.handler.propertyFoundAfterClosure(e);
  }
}

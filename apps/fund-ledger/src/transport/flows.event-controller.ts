import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import {
  Events,
  type AuctionLotSoldV1,
  type CaseClosedV1,
  type CaseRegisteredV1,
  type EventEnvelope,
} from '@writ/contracts';
import { DepositUseCase } from '../application/deposit.use-case.js';
import { FlowsCaseEvents } from '../application/flows-case-events.js';

/**
 * The events the payout side acts on. `case.registered` is also handled by the journal core's case
 * directory; Nest runs both handlers of one pattern, each with its own inbox consumer.
 */
@Controller()
export class FlowsEventController {
  constructor(
    private readonly cases: FlowsCaseEvents,
    private readonly deposits: DepositUseCase,
  ) {}

  @EventPattern(Events.CaseRegistered)
  async caseRegistered(@Payload() envelope: EventEnvelope<CaseRegisteredV1>): Promise<void> {
    await this.cases.registered(envelope);
  }

  @EventPattern(Events.CaseClosed)
  async caseClosed(@Payload() envelope: EventEnvelope<CaseClosedV1>): Promise<void> {
    await this.cases.closed(envelope);
  }

  /** 拍卖成交: when the auction stage names the winner and the end of bidding, the deposits are settled. */
  @EventPattern(Events.AuctionLotSold)
  async lotSold(@Payload() envelope: EventEnvelope<AuctionLotSoldV1>): Promise<void> {
    await this.deposits.lotSold(envelope);
  }
}

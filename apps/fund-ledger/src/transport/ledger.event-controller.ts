import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import {
  Events,
  type AssetDeductedV1,
  type AuctionProceedsPaidV1,
  type CaseRegisteredV1,
  type EventEnvelope,
} from '@writ/contracts';
import { ReceiptsUseCase } from '../application/receipts.use-case.js';

/** What other stages tell the ledger: cases filed, money deducted into the court's account, auction proceeds. */
@Controller()
export class LedgerEventController {
  constructor(private readonly receipts: ReceiptsUseCase) {}

  /** 立案: the case's court, number and claim. */
  @EventPattern(Events.CaseRegistered, { concurrency: 16 })
  async caseRegistered(@Payload() envelope: EventEnvelope<CaseRegisteredV1>): Promise<void> {
    await this.receipts.caseRegistered(envelope);
  }

  /** 扣划到账: a receipt of the case. */
  @EventPattern(Events.AssetDeducted, { concurrency: 16 })
  async deducted(@Payload() envelope: EventEnvelope<AssetDeductedV1>): Promise<void> {
    await this.receipts.deducted(envelope);
  }

  /** 拍卖款到账: a receipt of the case. */
  @EventPattern(Events.AuctionProceedsPaid, { concurrency: 16 })
  async auctionProceeds(@Payload() envelope: EventEnvelope<AuctionProceedsPaidV1>): Promise<void> {
    await this.receipts.auctionProceeds(envelope);
  }
}

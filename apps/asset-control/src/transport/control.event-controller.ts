import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import {
  Events,
  type CaseClosedV1,
  type CaseRegisteredV1,
  type EventEnvelope,
  type LedgerClaimFullyPaidV1,
  type LedgerMoneyReceivedV1,
  type LedgerMoneyReversedV1,
} from '@writ/contracts';
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

  /** 案款到账: the over-control limit falls with what came in. */
  @EventPattern(Events.LedgerMoneyReceived)
  async moneyReceived(@Payload() envelope: EventEnvelope<LedgerMoneyReceivedV1>): Promise<void> {
    await this.cases.moneyReceived(envelope);
  }

  /** 冲正 of a receipt: the limit rises again with what the ledger took back. */
  @EventPattern(Events.LedgerMoneyReversed)
  async moneyReversed(@Payload() envelope: EventEnvelope<LedgerMoneyReversedV1>): Promise<void> {
    await this.cases.moneyReversed(envelope);
  }

  /** The claim paid in full: everything still held is released. */
  @EventPattern(Events.LedgerClaimFullyPaid)
  async claimFullyPaid(@Payload() envelope: EventEnvelope<LedgerClaimFullyPaidV1>): Promise<void> {
    await this.cases.fullyPaid(envelope);
  }
}

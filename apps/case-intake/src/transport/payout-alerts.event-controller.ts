import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import {
  Events,
  type EventEnvelope,
  type LedgerMoneyReversedV1,
  type LedgerPayoutDueSoonV1,
} from '@writ/contracts';
import { PayoutAlerts } from '../application/payout-alerts.js';

/** The fund ledger's word on money due to be paid out, for the officers' alerts (案款即将超期). */
@Controller()
export class PayoutAlertsEventController {
  constructor(private readonly alerts: PayoutAlerts) {}

  @EventPattern(Events.LedgerPayoutDueSoon)
  dueSoon(@Payload() e: EventEnvelope<LedgerPayoutDueSoonV1>): Promise<void> {
    return this.alerts.dueSoon(e);
  }

  @EventPattern(Events.LedgerMoneyReversed)
  moneyReversed(@Payload() e: EventEnvelope<LedgerMoneyReversedV1>): Promise<void> {
    return this.alerts.reversed(e);
  }
}

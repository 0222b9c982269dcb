import { Inject, Injectable } from '@nestjs/common';
import type { CaseClosedV1, CaseRegisteredV1, Clock, EventEnvelope } from '@writ/contracts';
import { CLOCK, Inbox } from '@writ/platform';
import { FlowsRepository } from '../persistence/flows.repository.js';

/**
 * What the payout side keeps of a case from case-intake: on 立案 its claim, court and applicants (the
 * creditors it pays); on 结案 the day and kind of closure (标的到位率 counts closed cases).
 */
@Injectable()
export class FlowsCaseEvents {
  constructor(
    private readonly inbox: Inbox,
    private readonly flows: FlowsRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async registered(envelope: EventEnvelope<CaseRegisteredV1>): Promise<void> {
    const e = envelope.data;
    await this.inbox.handleOnce('fund-ledger.flows.case-registered', envelope, async (tx) => {
      await this.flows.registerCase(
        tx.manager,
        {
          caseId: e.caseId,
          courtCode: e.courtCode,
          caseNumber: e.caseNumber,
          claimFen: e.claimAmountFen,
          applicants: (e.applicants ?? []).map(({ kind, name, idNumber }) => ({ kind, name, idNumber })),
        },
        this.clock.now(),
      );
    });
  }

  async closed(envelope: EventEnvelope<CaseClosedV1>): Promise<void> {
    const e = envelope.data;
    await this.inbox.handleOnce('fund-ledger.flows.case-closed', envelope, async (tx) => {
      await this.flows.closeCase(tx.manager, e.caseId, e.closedOn, e.closureType);
    });
  }
}

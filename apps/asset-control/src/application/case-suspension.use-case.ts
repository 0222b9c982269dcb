import { Injectable } from '@nestjs/common';
import {
  CodedError,
  ErrorCode,
  type CaseSuspendedV1,
  type CaseSuspensionLiftedV1,
  type EventEnvelope,
} from '@writ/contracts';
import { Inbox } from '@writ/platform';
import { ControlApprovalRepository } from '../persistence/control-approval.repository.js';
import { ControlRepository } from '../persistence/control.repository.js';
import { CONTROL_INBOX_CONSUMER } from './control-case.use-case.js';

/**
 * Whether a case stands still (中止, 执转破, 和解暂缓, ...): while it does, its property is not handed to the
 * auction stage (auction-handover.ts). Kept from `case.suspended` and `case.suspension-lifted`, once each.
 */
@Injectable()
export class CaseSuspensionUseCase {
  constructor(
    private readonly inbox: Inbox,
    private readonly controls: ControlRepository,
    private readonly approvals: ControlApprovalRepository,
  ) {}

  async suspended(envelope: EventEnvelope<CaseSuspendedV1>): Promise<void> {
    assertV1(envelope);
    const { caseId, reason, since } = envelope.data;
    await this.inbox.handleOnce(CONTROL_INBOX_CONSUMER, envelope, async (tx) => {
      const controlCase = await this.controls.findCase(tx.manager, caseId, true);
      if (!controlCase) return;
      if (!(await this.approvals.setSuspension(tx.manager, caseId, { since, reason }))) return;
      await tx.audit({
        action: 'asset.control.case-suspended',
        entityType: 'control_case',
        entityId: caseId,
        courtCode: controlCase.courtCode,
        after: { reason, since },
        actor: envelope.actor,
      });
    });
  }

  async lifted(envelope: EventEnvelope<CaseSuspensionLiftedV1>): Promise<void> {
    assertV1(envelope);
    const { caseId, liftedOn } = envelope.data;
    await this.inbox.handleOnce(CONTROL_INBOX_CONSUMER, envelope, async (tx) => {
      const controlCase = await this.controls.findCase(tx.manager, caseId, true);
      if (!controlCase) return;
      if (!(await this.approvals.setSuspension(tx.manager, caseId, null))) return;
      await tx.audit({
        action: 'asset.control.case-suspension-lifted',
        entityType: 'control_case',
        entityId: caseId,
        courtCode: controlCase.courtCode,
        after: { liftedOn },
        actor: envelope.actor,
      });
    });
  }
}

function assertV1(envelope: EventEnvelope<unknown>): void {
  if (envelope.version !== 1) {
    // refused, so the broker keeps it for a version of this service that reads it
    throw new CodedError(
      ErrorCode.InvalidState,
      `${envelope.type} v${envelope.version} is not understood here`,
    );
  }
}

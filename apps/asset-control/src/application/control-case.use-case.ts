import { Inject, Injectable } from '@nestjs/common';
import {
  CodedError,
  ErrorCode,
  type CaseClosedV1,
  type CaseRegisteredV1,
  type Clock,
  type EventEnvelope,
} from '@writ/contracts';
import { CLOCK, Inbox, LOGGER, UnitOfWork } from '@writ/platform';
import type { Logger } from 'pino';
import { needsAssetInquiry } from '../domain/asset-inquiry.js';
import { executionFeeFen } from '../domain/control-limit.js';
import { ControlRepository } from '../persistence/control.repository.js';
import { ControlActionUseCase } from './control-action.use-case.js';

/** The inbox consumer of the control part: one handling of each closure. */
export const CONTROL_INBOX_CONSUMER = 'asset-control.controls';

/**
 * What controls need to know of a case's life: its claim when it is registered (the over-control
 * limit's base), and its closure, which releases what is still held when case-intake says so.
 */
@Injectable()
export class ControlCaseUseCase {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly inbox: Inbox,
    private readonly controls: ControlRepository,
    private readonly actions: ControlActionUseCase,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /**
   * Keeps the claim and the execution fee of an implementation case. Idempotent by the case id, so it
   * needs no inbox row of its own (the inquiry part keeps the one per event).
   */
  async registered(envelope: EventEnvelope<CaseRegisteredV1>): Promise<void> {
    if (envelope.version !== 1) {
      throw new CodedError(
        ErrorCode.InvalidState,
        `case.registered v${envelope.version} is not understood here`,
      );
    }
    const registered = envelope.data;
    if (!needsAssetInquiry(registered.caseType)) return;
    await this.controls.insertCase(
      this.unitOfWork.manager,
      {
        caseId: registered.caseId,
        caseNumber: registered.caseNumber,
        courtCode: registered.courtCode,
        claimFen: registered.claimAmountFen,
        costsFen: executionFeeFen(registered.claimAmountFen),
      },
      this.clock.now(),
    );
  }

  /** On 结案 with `releaseControls`, releases every control still held, through its agency, once. */
  async closed(envelope: EventEnvelope<CaseClosedV1>): Promise<string[]> {
    if (envelope.version !== 1) {
      throw new CodedError(ErrorCode.InvalidState, `case.closed v${envelope.version} is not understood here`);
    }
    const closed = envelope.data;
    let owed: string[] = [];
    await this.inbox.handleOnce(CONTROL_INBOX_CONSUMER, envelope, async (tx) => {
      const controlCase = await this.controls.findCase(tx.manager, closed.caseId, true);
      if (!controlCase) return;
      if (!(await this.controls.closeCase(tx.manager, closed.caseId, closed.closedOn))) return;
      await tx.audit({
        action: 'asset.control.case-closed',
        entityType: 'control_case',
        entityId: closed.caseId,
        courtCode: controlCase.courtCode,
        after: {
          closedOn: closed.closedOn,
          closureType: closed.closureType,
          releaseControls: closed.releaseControls,
        },
        actor: envelope.actor,
      });
      // a 终本 case keeps its controls
      if (closed.releaseControls) owed = await this.actions.openClosureReleases(tx, closed.caseId);
    });
    for (const actionId of owed) {
      try {
        await this.actions.run(actionId, envelope.actor);
      } catch (error) {
        // stays open: the sweep sends it again
        this.logger.warn({ err: error, actionId }, 'a release owed on closure did not go through');
      }
    }
    return owed;
  }
}

import { Inject, Injectable } from '@nestjs/common';
import { ApprovalStatus, ControlStatus, type Actor, type Clock, type ControlView } from '@writ/contracts';
import { CLOCK, LOGGER, serviceActor, type Transaction } from '@writ/platform';
import type { Logger } from 'pino';
import { ControlApprovalRepository } from '../persistence/control-approval.repository.js';
import type { Control, ControlCase } from '../persistence/control.repository.js';
import { ControlActionUseCase } from './control-action.use-case.js';

const SERVICE = 'asset-control';

/**
 * What a closure (结案) means for controls beyond the releases owed at that moment: orders still waiting
 * for the director are withdrawn, and an order still out at its agency when the case was closed with
 * `releaseControls` is released as soon as the agency confirms it (a queued one withdrawn) — nothing
 * stays held for a closed case (查封规定 Art 19: no control beyond what is owed; nothing is owed).
 */
@Injectable()
export class ClosedCaseControls {
  constructor(
    private readonly approvals: ControlApprovalRepository,
    private readonly actions: ControlActionUseCase,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /** In the closure's transaction: remembers what the closure asked, and withdraws pending approvals. */
  async onClosure(
    tx: Transaction,
    controlCase: ControlCase,
    releaseControls: boolean,
    actor: Actor | undefined,
  ): Promise<void> {
    if (releaseControls) await this.approvals.markReleaseOnClose(tx.manager, controlCase.caseId);
    const by = serviceActor(SERVICE);
    for (const approval of await this.approvals.lockPendingOfCase(tx.manager, controlCase.caseId)) {
      const comment = '案件已结案，撤回 (the case was closed)';
      await this.approvals.decide(tx.manager, approval.id, {
        status: ApprovalStatus.Rejected,
        by: by.id,
        byName: by.username,
        at: this.clock.now(),
        comment,
      });
      await this.approvals.setActionStatus(tx.manager, approval.actionId, 'REJECTED', comment);
      await tx.audit({
        action: 'asset.control.approval.withdraw',
        entityType: 'asset_control',
        entityId: approval.controlId,
        courtCode: approval.courtCode,
        after: { approvalId: approval.id, actionId: approval.actionId, comment },
        ...(actor ? { actor } : {}),
      });
    }
  }

  /**
   * After an agency's answer to an order, in its transaction (the case row locked): when the case was
   * closed with `releaseControls` meanwhile and the control now holds (in force or in line), the release
   * the closure owes is recorded; the caller sends it after commit.
   */
  async releaseOnClosedCase(tx: Transaction, controlCase: ControlCase, control: Control): Promise<string[]> {
    if (!controlCase.closedOn) return [];
    if (control.status !== ControlStatus.Effective && control.status !== ControlStatus.Queued) return [];
    const state = await this.approvals.caseState(tx.manager, controlCase.caseId);
    if (!state?.releaseOnClose) return [];
    await tx.audit({
      action: 'asset.control.confirmed-after-closure',
      entityType: 'asset_control',
      entityId: control.id,
      courtCode: control.courtCode,
      after: { status: control.status, closedOn: controlCase.closedOn, release: true },
    });
    return this.actions.openClosureReleases(tx, controlCase.caseId);
  }

  /** Sends the releases recorded; one that fails stays open for the sweep. Answers the control as it is now. */
  async sendReleases(actionIds: string[], actor: Actor | undefined, view: ControlView): Promise<ControlView> {
    let latest = view;
    for (const actionId of actionIds) {
      try {
        const released = await this.actions.run(actionId, actor);
        if (released.id === view.id) latest = released;
      } catch (error) {
        this.logger.warn({ err: error, actionId }, 'a release owed on closure did not go through');
      }
    }
    return latest;
  }
}

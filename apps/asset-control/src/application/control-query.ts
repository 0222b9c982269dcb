import { requireCourtStaff } from '@writ/contracts';
import { Inject, Injectable } from '@nestjs/common';
import {
  addDays,
  type Actor,
  type CaseControlsView,
  type Clock,
  type ControlView,
  type ExpiringControlsView,
} from '@writ/contracts';
import { CLOCK, UnitOfWork } from '@writ/platform';
import { controlLimitFen, excessOverLimitFen, owedFen } from '../domain/control-limit.js';
import { LIVE_STATUSES } from '../domain/control-order.js';
import { ControlApprovalRepository } from '../persistence/control-approval.repository.js';
import { ControlRepository } from '../persistence/control.repository.js';
import { requireOwnCase, todayOf, viewOf } from './control-access.js';
import { ControlCaseBackfill } from './control-case-backfill.js';
import { ControlConfig, overLimitPermille } from './control-config.js';
import { handedViewOf } from './hand-to-auction.use-case.js';

/** A case's controls with their terms and its limit, and the court's controls nearing their end. */
@Injectable()
export class ControlQuery {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly controls: ControlRepository,
    private readonly config: ControlConfig,
    private readonly approvals: ControlApprovalRepository,
    private readonly backfill: ControlCaseBackfill,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async ofCase(caseId: string, actor: Actor): Promise<CaseControlsView> {
    requireCourtStaff(actor, 'controls');
    const manager = this.unitOfWork.manager;
    await this.backfill.ensure(caseId, actor);
    const controlCase = requireOwnCase(await this.controls.findCase(manager, caseId), caseId, actor);
    const controls = await this.controls.controlsOfCase(manager, caseId);
    const today = todayOf(this.clock.now());
    const owed = owedFen(controlCase.claimFen, controlCase.costsFen, controlCase.recoveredFen);
    const limit = controlLimitFen(owed, overLimitPermille(this.config));
    const controlled = controls
      .filter((c) => LIVE_STATUSES.includes(c.status))
      .reduce((sum, c) => sum + c.amountFen, 0);
    return {
      caseId,
      caseNumber: controlCase.caseNumber,
      claimFen: controlCase.claimFen,
      costsFen: controlCase.costsFen,
      recoveredFen: controlCase.recoveredFen,
      owedFen: owed,
      limitFen: limit,
      controlledFen: controlled,
      // the limit falls as money comes in: what is held beyond it is to be released (查封规定 Art 19)
      excessFen: excessOverLimitFen(controlled, limit),
      ...(controlCase.fullyPaidOn ? { fullyPaidOn: controlCase.fullyPaidOn } : {}),
      controls: await this.withApprovalsAndHandOvers(
        caseId,
        controls.map((c) => viewOf(c, today)),
      ),
    };
  }

  /** 待审批 and 已移交拍卖 on each control they concern. */
  private async withApprovalsAndHandOvers(caseId: string, views: ControlView[]): Promise<ControlView[]> {
    const manager = this.unitOfWork.manager;
    const pending = await this.approvals.pendingOfCase(manager, caseId);
    const handOvers = await this.approvals.handOversOfCase(manager, caseId);
    return views.map((view) => {
      const approval = pending.find((p) => p.controlId === view.id);
      const handOver = handOvers.find((h) => h.controlId === view.id);
      return {
        ...view,
        ...(approval
          ? {
              pendingApproval: {
                approvalId: approval.id,
                action: approval.action,
                ...(approval.amountFen !== null ? { amountFen: approval.amountFen } : {}),
                requestedBy: approval.requestedBy,
                requestedByName: approval.requestedByName,
                requestedAt: approval.requestedAt.toISOString(),
              },
            }
          : {}),
        ...(handOver ? { handedToAuction: handedViewOf(handOver) } : {}),
      };
    });
  }

  async expiring(withinDays: number | undefined, actor: Actor): Promise<ExpiringControlsView> {
    requireCourtStaff(actor, 'controls');
    const days = withinDays ?? this.config.CONTROL_EXPIRY_ALERT_DAYS;
    const today = todayOf(this.clock.now());
    const rows = await this.controls.expiring(this.unitOfWork.manager, actor.courtCode, addDays(today, days));
    return {
      withinDays: days,
      asOf: today,
      controls: rows.map((c) => ({ ...viewOf(c, today), caseNumber: c.caseNumber })),
    };
  }
}

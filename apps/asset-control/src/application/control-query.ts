import { requireCourtStaff } from '@writ/contracts';
import { Inject, Injectable } from '@nestjs/common';
import {
  addDays,
  type Actor,
  type CaseControlsView,
  type Clock,
  type ExpiringControlsView,
} from '@writ/contracts';
import { CLOCK, UnitOfWork } from '@writ/platform';
import { controlLimitFen, owedFen } from '../domain/control-limit.js';
import { LIVE_STATUSES } from '../domain/control-order.js';
import { ControlRepository } from '../persistence/control.repository.js';
import { requireOwnCase, todayOf, viewOf } from './control-access.js';
import { ControlConfig, overLimitPermille } from './control-config.js';

/** A case's controls with their terms and its limit, and the court's controls nearing their end. */
@Injectable()
export class ControlQuery {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly controls: ControlRepository,
    private readonly config: ControlConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async ofCase(caseId: string, actor: Actor): Promise<CaseControlsView> {
    requireCourtStaff(actor, 'controls');
    const manager = this.unitOfWork.manager;
    const controlCase = requireOwnCase(await this.controls.findCase(manager, caseId), caseId, actor);
    const controls = await this.controls.controlsOfCase(manager, caseId);
    const today = todayOf(this.clock.now());
    const owed = owedFen(controlCase.claimFen, controlCase.costsFen, controlCase.recoveredFen);
    return {
      caseId,
      caseNumber: controlCase.caseNumber,
      claimFen: controlCase.claimFen,
      costsFen: controlCase.costsFen,
      recoveredFen: controlCase.recoveredFen,
      owedFen: owed,
      limitFen: controlLimitFen(owed, overLimitPermille(this.config)),
      controlledFen: controls
        .filter((c) => LIVE_STATUSES.includes(c.status))
        .reduce((sum, c) => sum + c.amountFen, 0),
      controls: controls.map((c) => viewOf(c, today)),
    };
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

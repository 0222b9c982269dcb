import { requireCourtStaff } from '@writ/contracts';
import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import {
  addDays,
  ControlEndReason,
  ControlStatus,
  Events,
  type Actor,
  type Clock,
  type ScanControlsReply,
} from '@writ/contracts';
import { CLOCK, LOGGER, runInContext, serviceActor, UnitOfWork } from '@writ/platform';
import type { Logger } from 'pino';
import { ControlRepository } from '../persistence/control.repository.js';
import { auditOf, todayOf } from './control-access.js';
import { ControlActionUseCase } from './control-action.use-case.js';
import { ControlAgency } from './control-agency.js';
import { ControlConfig } from './control-config.js';
import { OrderControlUseCase } from './control-order.use-case.js';

const SERVICE = 'asset-control';

/**
 * The control sweep, on a timer for every court and on demand for one: unrenewed controls past their
 * last day lapse (查封规定 Art 27); queued controls (轮候) are asked after at their agency and come into
 * force once the earlier hold is gone (Art 26); releases a closed case still owes are sent again.
 */
@Injectable()
export class ControlSweep implements OnApplicationBootstrap, OnModuleDestroy {
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;
  private stopped = true;

  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly controls: ControlRepository,
    private readonly agency: ControlAgency,
    private readonly orders: OrderControlUseCase,
    private readonly actions: ControlActionUseCase,
    private readonly config: ControlConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    this.stopped = false;
    this.schedule();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running?.catch(() => undefined);
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = runInContext(
        { correlationId: `sweep-${Date.now()}`, actor: serviceActor(SERVICE) },
        () => this.sweep(),
      )
        .catch((error: unknown) => this.logger.warn({ err: error }, 'control sweep failed; will try again'))
        .finally(() => this.schedule());
    }, this.config.CONTROL_SWEEP_MS);
    this.timer.unref();
  }

  /** `assets.control.scan-lapses`: the sweep now, for the caller's court. */
  scan(actor: Actor): Promise<ScanControlsReply> {
    requireCourtStaff(actor, 'controls');
    return this.sweep(actor.courtCode, actor);
  }

  async sweep(courtCode?: string, actor?: Actor): Promise<ScanControlsReply> {
    const lapsed = await this.markLapses(courtCode, actor);
    const becameEffective = await this.askAfterQueued(courtCode, actor);
    const released = await this.retryReleases(courtCode);
    return { asOf: todayOf(this.clock.now()), lapsed, becameEffective, released };
  }

  private async markLapses(courtCode?: string, actor?: Actor): Promise<number> {
    return this.unitOfWork.run(async (tx) => {
      const today = todayOf(this.clock.now());
      const lapsing = await this.controls.lockLapsed(tx.manager, today, courtCode);
      for (const control of lapsing) {
        const endedOn = addDays(control.expiresOn!, 1);
        const after = {
          ...control,
          status: ControlStatus.Lapsed,
          endedOn,
          endReason: ControlEndReason.Lapsed,
        };
        await this.controls.saveControl(tx.manager, after);
        await tx.audit({
          action: 'asset.control.lapse',
          entityType: 'asset_control',
          entityId: control.id,
          courtCode: control.courtCode,
          before: auditOf(control),
          after: auditOf(after),
          ...(actor ? { actor } : {}),
        });
        await tx.emit(
          Events.AssetControlReleased,
          {
            caseId: control.caseId,
            controlId: control.id,
            controlKind: control.kind,
            reason: ControlEndReason.Lapsed,
            amountFen: control.amountFen,
            assetDescription: `${control.identifier} ${control.description}`,
            releasedOn: endedOn,
          },
          { courtCode: control.courtCode, ...(actor ? { actor } : {}) },
        );
      }
      return lapsing.length;
    });
  }

  /** Asks the agency where each queued control stands; a failure leaves it queued for the next sweep. */
  private async askAfterQueued(courtCode?: string, actor?: Actor): Promise<number> {
    let effective = 0;
    for (const id of await this.controls.queuedIds(this.unitOfWork.manager, courtCode)) {
      try {
        const control = (await this.controls.findControl(this.unitOfWork.manager, id))!;
        const controlCase = (await this.controls.findCase(this.unitOfWork.manager, control.caseId))!;
        const reply = await this.agency.send(control, controlCase, 'STATUS');
        if (reply.outcome !== 'DONE') continue;
        const applied = await this.unitOfWork.run(async (tx) => {
          const locked = await this.controls.findControl(tx.manager, id, true);
          if (locked?.status !== ControlStatus.Queued) return false;
          await this.orders.applyReply(tx, locked, controlCase, reply, actor);
          return true;
        });
        if (applied) effective++;
      } catch (error) {
        this.logger.warn({ err: error, controlId: id }, 'could not ask after a queued control');
      }
    }
    return effective;
  }

  private async retryReleases(courtCode?: string): Promise<number> {
    const before = new Date(this.clock.now().getTime() - 2 * this.config.CONTROL_AGENCY_TIMEOUT_MS);
    let released = 0;
    for (const id of await this.controls.openActionIds(this.unitOfWork.manager, before, courtCode)) {
      try {
        await this.actions.run(id);
        released++;
      } catch (error) {
        this.logger.warn({ err: error, actionId: id }, 'a release owed on closure failed again');
      }
    }
    return released;
  }
}

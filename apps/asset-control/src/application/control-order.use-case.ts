import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  CodedError,
  ControlKind,
  ControlStatus,
  ErrorCode,
  Events,
  type Actor,
  type AgencyControlReply,
  type Clock,
  type ControlView,
  type OrderControlCommand,
} from '@writ/contracts';
import { CLOCK, toWireError, UnitOfWork, type Transaction } from '@writ/platform';
import { requireKind } from '../domain/agency-catalog.js';
import { assertWithinControlLimit, owedFen } from '../domain/control-limit.js';
import { assertHoldFits, isIndivisible, orderedAmountOf, type HoldKind } from '../domain/control-order.js';
import { lastDayOf, termMonthsOf } from '../domain/control-term.js';
import { ControlRepository, type Control, type ControlCase } from '../persistence/control.repository.js';
import { auditOf, requireOrderingRole, requireOwnCase, todayOf, viewOf } from './control-access.js';
import { ControlActionUseCase } from './control-action.use-case.js';
import { ControlCaseBackfill } from './control-case-backfill.js';
import { AgencyCatalog } from './agency-catalog.js';
import { ControlAgency } from './control-agency.js';
import { ControlConfig, overLimitPermille } from './control-config.js';
import { ClosedCaseControls } from './closed-case-controls.js';

/**
 * 冻结 / 查封 / 扣押: checks the order against the law and the case's over-control limit, records it,
 * sends it to the holding agency, and records what the agency did — in force (EFFECTIVE, with its
 * term), waiting behind another court (QUEUED), or refused. A deduction is handed to the follow-up
 * orders. The same request key answers with the first order, and re-sends it if it never got through.
 */
@Injectable()
export class OrderControlUseCase {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly controls: ControlRepository,
    private readonly agency: ControlAgency,
    private readonly actions: ControlActionUseCase,
    private readonly config: ControlConfig,
    private readonly closure: ClosedCaseControls,
    private readonly backfill: ControlCaseBackfill,
    private readonly catalog: AgencyCatalog,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(command: OrderControlCommand, actor: Actor): Promise<ControlView> {
    requireOrderingRole(actor);
    if (command.kind === ControlKind.Deduct) {
      return this.actions.deduct(
        { requestKey: command.requestKey, controlId: command.controlId!, amountFen: command.amountFen! },
        actor,
        command.caseId,
      );
    }
    const kind = command.kind;
    // a case registered before controls were kept gets its record from case-intake first
    await this.backfill.ensure(command.caseId, actor);
    const recorded = await this.unitOfWork.run((tx) => this.record(tx, command, kind, actor));
    if (recorded.status !== ControlStatus.Pending && recorded.status !== ControlStatus.Failed) {
      return viewOf(recorded, todayOf(this.clock.now()));
    }
    return this.send(recorded.id, actor);
  }

  /** The order as recorded: new, or the one this request key made before. */
  private async record(
    tx: Transaction,
    command: OrderControlCommand,
    kind: HoldKind,
    actor: Actor,
  ): Promise<Control> {
    // the case row is the lock under which a case's orders are weighed against its limit one at a time
    const controlCase = requireOwnCase(
      await this.controls.findCase(tx.manager, command.caseId, true),
      command.caseId,
      actor,
    );
    const earlier = await this.controls.findByRequestKey(tx.manager, command.caseId, command.requestKey);
    if (earlier) {
      const sameTarget = command.assetId
        ? earlier.assetId === command.assetId
        : earlier.identifier === command.target?.identifier;
      if (earlier.kind !== kind || !sameTarget) {
        throw new CodedError(
          ErrorCode.IdempotencyConflict,
          `request key ${command.requestKey} was used for another order`,
        );
      }
      return earlier;
    }
    if (controlCase.closedOn) {
      throw new CodedError(ErrorCode.InvalidState, `the case was closed on ${controlCase.closedOn}`);
    }
    if (controlCase.fullyPaidOn) {
      throw new CodedError(
        ErrorCode.InvalidState,
        `the claim was paid in full on ${controlCase.fullyPaidOn}`,
        {
          rule: 'CLAIM_FULLY_PAID',
        },
      );
    }
    const target = command.assetId
      ? await this.controls.findFoundAsset(tx.manager, command.caseId, command.assetId)
      : command.target && {
          assetId: null,
          agencyKind: command.target.agencyKind,
          respondentIdNumber: command.target.respondentIdNumber,
          holder: '',
          identifier: command.target.identifier,
          description: command.target.description,
          valueFen: command.target.estimatedValueFen,
        };
    if (!target) {
      throw new CodedError(ErrorCode.NotFound, `no found asset ${command.assetId} in this case`, {
        errors: [{ field: 'assetId', rule: 'foundAssetOfCase', message: 'not a found asset of the case' }],
      });
    }
    // the class the catalog gives the kind today is the one the control keeps (民诉解释 Art 485's term)
    const { assetClass } = requireKind(
      await this.catalog.current(tx.manager),
      target.agencyKind,
      command.assetId ? 'assetId' : 'target.agencyKind',
    );
    assertHoldFits(kind, assetClass);
    const live = await this.controls.findLiveOn(tx.manager, {
      caseId: command.caseId,
      agencyKind: target.agencyKind,
      identifier: target.identifier,
      kind,
    });
    if (live) {
      throw new CodedError(
        ErrorCode.InvalidState,
        `${target.identifier} is already under ${kind} (${live.id})`,
        {
          rule: 'ONE_CONTROL_PER_ASSET',
        },
      );
    }
    const addingFen = orderedAmountOf(assetClass, command.amountFen, target.valueFen);
    // 查封规定 Art 19: what is controlled may not clearly exceed the claim and costs still owed
    assertWithinControlLimit({
      owedFen: owedFen(controlCase.claimFen, controlCase.costsFen, controlCase.recoveredFen),
      controlledFen: await this.controls.controlledFen(tx.manager, command.caseId),
      addingFen,
      indivisible: isIndivisible(assetClass),
      factorPermille: overLimitPermille(this.config),
    });
    const control: Control = {
      id: randomUUID(),
      caseId: command.caseId,
      courtCode: controlCase.courtCode,
      requestKey: command.requestKey,
      kind,
      agencyKind: target.agencyKind,
      assetClass,
      assetId: target.assetId,
      respondentIdNumber: target.respondentIdNumber,
      holder: target.holder,
      identifier: target.identifier,
      description: target.description,
      requestedFen: addingFen,
      amountFen: addingFen,
      deductedFen: 0,
      status: ControlStatus.Pending,
      termMonths: termMonthsOf(assetClass),
      effectiveOn: null,
      expiresOn: null,
      renewals: 0,
      queuedBehind: null,
      agencyNote: null,
      note: command.note ?? null,
      orderedAt: this.clock.now(),
      endedOn: null,
      endReason: null,
    };
    await this.controls.insertControl(tx.manager, control);
    await tx.audit({
      action: 'asset.control.order',
      entityType: 'asset_control',
      entityId: control.id,
      courtCode: control.courtCode,
      after: {
        ...auditOf(control),
        caseId: control.caseId,
        requestKey: control.requestKey,
        note: control.note,
      },
      actor,
    });
    return control;
  }

  /** Sends the order and records the answer; a failure to reach the agency is recorded and thrown. */
  private async send(controlId: string, actor: Actor): Promise<ControlView> {
    const control = (await this.controls.findControl(this.unitOfWork.manager, controlId))!;
    const controlCase = (await this.controls.findCase(this.unitOfWork.manager, control.caseId))!;
    let reply: AgencyControlReply;
    try {
      reply = await this.agency.send(control, controlCase, control.kind, control.amountFen);
    } catch (error) {
      const wire = toWireError(error);
      await this.unitOfWork.run(async (tx) => {
        const current = await this.controls.findControl(tx.manager, controlId, true);
        if (current?.status !== ControlStatus.Pending) return;
        const failed = {
          ...current,
          status: ControlStatus.Failed,
          agencyNote: `${wire.code}: ${wire.message}`,
        };
        await this.controls.saveControl(tx.manager, failed);
        await tx.audit({
          action: 'asset.control.fail',
          entityType: 'asset_control',
          entityId: controlId,
          courtCode: current.courtCode,
          before: auditOf(current),
          after: { ...auditOf(failed), error: wire },
          actor,
        });
      });
      throw new CodedError(
        ErrorCode.AgencyFailed,
        `the ${control.agencyKind} agency did not confirm the order (${wire.code}); send it again with the same request key`,
      );
    }
    let owedOnClosure: string[] = [];
    const view = await this.unitOfWork.run(async (tx) => {
      // the case row first, as the closure takes it: a closure and this answer are weighed one at a time
      const lockedCase = (await this.controls.findCase(tx.manager, control.caseId, true))!;
      const current = (await this.controls.findControl(tx.manager, controlId, true))!;
      const today = todayOf(this.clock.now());
      if (current.status !== ControlStatus.Pending && current.status !== ControlStatus.Failed) {
        return viewOf(current, today);
      }
      const after = await this.applyReply(tx, current, lockedCase, reply, actor);
      owedOnClosure = await this.closure.releaseOnClosedCase(tx, lockedCase, after);
      return viewOf(after, today);
    });
    if (!owedOnClosure.length) return view;
    // the case was closed with releaseControls while the order was out: nothing stays held for it
    return this.closure.sendReleases(owedOnClosure, actor, view);
  }

  /**
   * Records an agency's answer to an order, or to the question whether a queued one has come into force.
   * Only a DONE puts the control in force: its term starts that day (民诉解释 Art 485).
   */
  async applyReply(
    tx: Transaction,
    control: Control,
    controlCase: ControlCase,
    reply: AgencyControlReply,
    actor?: Actor,
  ): Promise<Control> {
    const now = this.clock.now();
    const today = todayOf(now);
    let after: Control;
    let action: string;
    switch (reply.outcome) {
      case 'DONE':
        after = {
          ...control,
          status: ControlStatus.Effective,
          // partial success: what the account actually held is what is frozen
          amountFen: Math.min(control.amountFen, reply.amountFen),
          effectiveOn: today,
          expiresOn: lastDayOf(today, control.termMonths),
          agencyNote: reply.reason ?? null,
        };
        action =
          control.status === ControlStatus.Queued ? 'asset.control.effective' : 'asset.control.confirm';
        break;
      case 'QUEUED':
        if (control.status === ControlStatus.Queued) return control;
        after = {
          ...control,
          status: ControlStatus.Queued,
          queuedBehind: reply.heldBy ?? null,
          agencyNote: reply.reason ?? null,
        };
        action = 'asset.control.queue';
        break;
      case 'REFUSED':
        after = { ...control, status: ControlStatus.Refused, agencyNote: reply.reason ?? 'refused' };
        action = 'asset.control.refuse';
        break;
    }
    await this.controls.saveControl(tx.manager, after, now);
    await tx.audit({
      action,
      entityType: 'asset_control',
      entityId: control.id,
      courtCode: control.courtCode,
      before: auditOf(control),
      after: { ...auditOf(after), agencyAnsweredAt: reply.answeredAt, agencyNote: after.agencyNote },
      ...(actor ? { actor } : {}),
    });
    if (after.status === ControlStatus.Effective) {
      await tx.emit(
        Events.AssetControlApplied,
        {
          caseId: after.caseId,
          controlId: after.id,
          controlKind: after.kind,
          amountFen: after.amountFen,
          assetDescription: `${after.holder ? `${after.holder} ` : ''}${after.identifier} ${after.description}`,
          effectiveOn: today,
        },
        { courtCode: controlCase.courtCode, ...(actor ? { actor } : {}) },
      );
    }
    return after;
  }
}

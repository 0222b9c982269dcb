import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  CodedError,
  ControlEndReason,
  ControlStatus,
  ErrorCode,
  Events,
  type Actor,
  type AgencyControlReply,
  type Clock,
  type ControlView,
  type Fen,
  type ReleaseControlCommand,
  type RenewControlCommand,
} from '@writ/contracts';
import { CLOCK, toWireError, UnitOfWork, type Transaction } from '@writ/platform';
import { assertDeductible, assertReleasable } from '../domain/control-order.js';
import { renewal } from '../domain/control-term.js';
import {
  ControlRepository,
  type ActionKind,
  type Control,
  type ControlAction,
  type ControlCase,
} from '../persistence/control.repository.js';
import { auditOf, requireOrderingRole, requireOwnControl, todayOf, viewOf } from './control-access.js';
import { ControlAgency } from './control-agency.js';

/** The request key of the release a case's closure owes for one control: one per control, however delivered. */
const closureKey = (controlId: string): string => `closure:${controlId}`;
const isClosureRelease = (action: ControlAction): boolean => action.requestKey.startsWith('closure:');

interface Opened {
  actionId: string;
  /** set when the request key was answered before: nothing more to send */
  done?: ControlView;
}

/**
 * The orders that follow a control: 续封/续冻 (RENEW), 解除 (RELEASE, also on the case's closure) and
 * 扣划 (DEDUCT). Each is checked and recorded under its request key, sent to the agency, and applied
 * when the agency confirms; a refusal or a failure to reach it changes nothing but the order's record.
 */
@Injectable()
export class ControlActionUseCase {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly controls: ControlRepository,
    private readonly agency: ControlAgency,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async renew(command: RenewControlCommand, actor: Actor): Promise<ControlView> {
    requireOrderingRole(actor);
    const opened = await this.open(
      'RENEW',
      command.requestKey,
      command.controlId,
      actor,
      (control, today) => {
        if (control.status !== ControlStatus.Effective || !control.expiresOn) {
          throw new CodedError(ErrorCode.InvalidState, `a ${control.status} control cannot be renewed`, {
            rule: 'RENEWAL_BEFORE_EXPIRY',
          });
        }
        const granted = renewal(
          { expiresOn: control.expiresOn, termMonths: control.termMonths },
          today,
          command.termMonths,
        );
        return { termMonths: granted.months, amountFen: null, reason: null };
      },
    );
    return opened.done ?? this.run(opened.actionId, actor);
  }

  async release(command: ReleaseControlCommand, actor: Actor): Promise<ControlView> {
    requireOrderingRole(actor);
    const opened = await this.open('RELEASE', command.requestKey, command.controlId, actor, (control) => {
      assertReleasable(control.status);
      return { termMonths: null, amountFen: null, reason: command.reason ?? null };
    });
    return opened.done ?? this.run(opened.actionId, actor);
  }

  async deduct(
    command: { requestKey: string; controlId: string; amountFen: Fen },
    actor: Actor,
    caseId: string,
  ): Promise<ControlView> {
    requireOrderingRole(actor);
    const opened = await this.open('DEDUCT', command.requestKey, command.controlId, actor, (control) => {
      if (control.caseId !== caseId) {
        throw new CodedError(ErrorCode.NotFound, `no control ${command.controlId} in case ${caseId}`);
      }
      assertDeductible(control, command.amountFen);
      return { termMonths: null, amountFen: command.amountFen, reason: null };
    });
    return opened.done ?? this.run(opened.actionId, actor);
  }

  /** Records the releases a closed case owes, in the closure's transaction; `run` sends them after commit. */
  async openClosureReleases(tx: Transaction, caseId: string): Promise<string[]> {
    const ids: string[] = [];
    for (const controlId of await this.controls.heldIdsOfCase(tx.manager, caseId)) {
      const id = randomUUID();
      const inserted = await this.controls.insertAction(tx.manager, {
        id,
        controlId,
        caseId,
        requestKey: closureKey(controlId),
        action: 'RELEASE',
        amountFen: null,
        termMonths: null,
        reason: ControlEndReason.CaseClosed,
        createdAt: this.clock.now(),
      });
      if (inserted) ids.push(id);
    }
    return ids;
  }

  private async open(
    action: ActionKind,
    requestKey: string,
    controlId: string,
    actor: Actor,
    check: (
      control: Control,
      today: string,
    ) => { termMonths: number | null; amountFen: Fen | null; reason: string | null },
  ): Promise<Opened> {
    return this.unitOfWork.run(async (tx) => {
      const control = requireOwnControl(
        await this.controls.findControl(tx.manager, controlId, true),
        controlId,
        actor,
      );
      const today = todayOf(this.clock.now());
      const earlier = await this.controls.findActionByKey(tx.manager, control.caseId, requestKey);
      if (earlier) {
        if (earlier.action !== action || earlier.controlId !== controlId) {
          throw new CodedError(
            ErrorCode.IdempotencyConflict,
            `request key ${requestKey} was used for another order`,
          );
        }
        if (earlier.status === 'DONE' || earlier.status === 'REFUSED')
          return { actionId: earlier.id, done: viewOf(control, today) };
        return { actionId: earlier.id };
      }
      const detail = check(control, today);
      const id = randomUUID();
      await this.controls.insertAction(tx.manager, {
        id,
        controlId,
        caseId: control.caseId,
        requestKey,
        action,
        ...detail,
        createdAt: this.clock.now(),
      });
      await tx.audit({
        action: `asset.control.${action.toLowerCase()}.order`,
        entityType: 'asset_control',
        entityId: controlId,
        courtCode: control.courtCode,
        before: auditOf(control),
        after: { requestKey, ...detail },
        actor,
      });
      return { actionId: id };
    });
  }

  /**
   * Sends a recorded follow-up order to the agency and applies the answer. Throws AGENCY_FAILED when
   * the agency could not be reached (the order stays open and is sent again), and RULE_VIOLATED when
   * it refused.
   */
  async run(actionId: string, actor?: Actor): Promise<ControlView> {
    const manager = this.unitOfWork.manager;
    const action = (await this.controls.findAction(manager, actionId))!;
    const control = (await this.controls.findControl(manager, action.controlId))!;
    const controlCase = (await this.controls.findCase(manager, control.caseId))!;
    let reply: AgencyControlReply;
    try {
      reply = await this.agency.send(control, controlCase, action.action, action.amountFen ?? undefined);
    } catch (error) {
      const wire = toWireError(error);
      await this.unitOfWork.run(async (tx) => {
        await this.controls.finishAction(
          tx.manager,
          actionId,
          'FAILED',
          `${wire.code}: ${wire.message}`,
          this.clock.now(),
        );
        await tx.audit({
          action: `asset.control.${action.action.toLowerCase()}.fail`,
          entityType: 'asset_control',
          entityId: control.id,
          courtCode: control.courtCode,
          after: { requestKey: action.requestKey, error: wire },
          ...(actor ? { actor } : {}),
        });
      });
      throw new CodedError(
        ErrorCode.AgencyFailed,
        `the ${control.agencyKind} agency did not confirm the ${action.action} (${wire.code}); send it again with the same request key`,
      );
    }
    const outcome = await this.unitOfWork.run(async (tx) => {
      const current = (await this.controls.findAction(tx.manager, actionId, true))!;
      const locked = (await this.controls.findControl(tx.manager, control.id, true))!;
      const today = todayOf(this.clock.now());
      if (current.status === 'DONE' || current.status === 'REFUSED') return { view: viewOf(locked, today) };
      const refusal =
        reply.outcome === 'REFUSED' ? (reply.reason ?? 'refused') : this.stale(current, locked, today);
      if (refusal) {
        await this.controls.finishAction(tx.manager, actionId, 'REFUSED', refusal, this.clock.now());
        await tx.audit({
          action: `asset.control.${current.action.toLowerCase()}.refuse`,
          entityType: 'asset_control',
          entityId: locked.id,
          courtCode: locked.courtCode,
          after: { requestKey: current.requestKey, reason: refusal },
          ...(actor ? { actor } : {}),
        });
        return { refusal };
      }
      const after = await this.apply(tx, current, locked, controlCase, reply, today, actor);
      await this.controls.finishAction(tx.manager, actionId, 'DONE', reply.reason ?? null, this.clock.now());
      return { view: viewOf(after, today) };
    });
    if (outcome.refusal !== undefined) {
      throw new CodedError(
        ErrorCode.RuleViolated,
        `the ${control.agencyKind} agency refused: ${outcome.refusal}`,
        {
          rule: 'AGENCY_REFUSED',
        },
      );
    }
    return outcome.view;
  }

  /** Why a confirmed order no longer fits the control (it changed while the order was out), or null. */
  private stale(action: ControlAction, control: Control, today: string): string | null {
    try {
      switch (action.action) {
        case 'RENEW':
          if (control.status !== ControlStatus.Effective || !control.expiresOn)
            return `the control is ${control.status}`;
          renewal(
            { expiresOn: control.expiresOn, termMonths: control.termMonths },
            today,
            action.termMonths ?? undefined,
          );
          return null;
        case 'RELEASE':
          assertReleasable(control.status);
          return null;
        case 'DEDUCT':
          assertDeductible(control, action.amountFen ?? 0);
          return null;
      }
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    }
  }

  private async apply(
    tx: Transaction,
    action: ControlAction,
    control: Control,
    controlCase: ControlCase,
    reply: AgencyControlReply,
    today: string,
    actor?: Actor,
  ): Promise<Control> {
    let after: Control;
    let auditAction: string;
    switch (action.action) {
      case 'RENEW': {
        const granted = renewal(
          { expiresOn: control.expiresOn!, termMonths: control.termMonths },
          today,
          action.termMonths ?? undefined,
        );
        after = { ...control, expiresOn: granted.expiresOn, renewals: control.renewals + 1 };
        auditAction = 'asset.control.renew';
        break;
      }
      case 'RELEASE': {
        const reason = isClosureRelease(action) ? ControlEndReason.CaseClosed : ControlEndReason.Released;
        after = { ...control, status: ControlStatus.Released, endedOn: today, endReason: reason };
        auditAction = 'asset.control.release';
        await tx.emit(
          Events.AssetControlReleased,
          {
            caseId: control.caseId,
            controlId: control.id,
            controlKind: control.kind,
            reason,
            amountFen: control.amountFen,
            assetDescription: `${control.identifier} ${control.description}`,
            releasedOn: today,
          },
          { courtCode: control.courtCode, ...(actor ? { actor } : {}) },
        );
        break;
      }
      case 'DEDUCT': {
        const deducted = Math.min(action.amountFen ?? 0, reply.amountFen);
        const left = control.amountFen - deducted;
        after = {
          ...control,
          amountFen: left,
          deductedFen: control.deductedFen + deducted,
          ...(left === 0 ? { status: ControlStatus.Deducted, endedOn: today } : {}),
        };
        auditAction = 'asset.control.deduct';
        await this.controls.addRecovered(tx.manager, controlCase.caseId, deducted);
        await tx.emit(
          Events.AssetDeducted,
          { caseId: control.caseId, controlId: control.id, amountFen: deducted, deductedOn: today },
          { courtCode: control.courtCode, ...(actor ? { actor } : {}) },
        );
        break;
      }
    }
    await this.controls.saveControl(tx.manager, after);
    await tx.audit({
      action: auditAction,
      entityType: 'asset_control',
      entityId: control.id,
      courtCode: control.courtCode,
      before: auditOf(control),
      after: { ...auditOf(after), requestKey: action.requestKey, agencyAnsweredAt: reply.answeredAt },
      ...(actor ? { actor } : {}),
    });
    return after;
  }
}

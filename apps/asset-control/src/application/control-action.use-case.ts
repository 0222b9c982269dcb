import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  ApprovalStatus,
  CodedError,
  ControlEndReason,
  ControlStatus,
  ErrorCode,
  Events,
  formatFen,
  type Actor,
  type AgencyControlReply,
  type Clock,
  type ControlView,
  type Fen,
  type ReleaseControlCommand,
  type RenewControlCommand,
} from '@writ/contracts';
import { CLOCK, toWireError, UnitOfWork, type Transaction } from '@writ/platform';
import { approvalRuleFor, type ControlApprovalRule } from '../domain/control-approval.js';
import { controlLimitFen, excessOverLimitFen, owedFen } from '../domain/control-limit.js';
import { assertDeductible, assertReleasable } from '../domain/control-order.js';
import { releaseOf } from '../domain/control-release.js';
import { renewal } from '../domain/control-term.js';
import { ControlApprovalRepository } from '../persistence/control-approval.repository.js';
import {
  ControlRepository,
  type ActionKind,
  type Control,
  type ControlAction,
  type ControlCase,
} from '../persistence/control.repository.js';
import { auditOf, requireOrderingRole, requireOwnControl, todayOf, viewOf } from './control-access.js';
import { ControlAgency } from './control-agency.js';
import { ControlConfig, deductApprovalFen, overLimitPermille } from './control-config.js';
import { isMoneyControl } from './control-money.js';

/** The request key of the release a case's closure owes for one control: one per control, however delivered. */
const closureKey = (controlId: string): string => `closure:${controlId}`;
const isClosureRelease = (action: ControlAction): boolean => action.requestKey.startsWith('closure:');

interface Opened {
  actionId: string;
  /** set when the request key was answered before, or the order waits for the director: nothing to send */
  done?: ControlView;
}

type Detail = { termMonths: number | null; amountFen: Fen | null; reason: string | null };

const ACTION_WORDS: Record<ActionKind, string> = { RENEW: '续行', RELEASE: '解除', DEDUCT: '扣划' };

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
    private readonly approvals: ControlApprovalRepository,
    private readonly config: ControlConfig,
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
      // 部分解除: a money freeze may let a part go and keep the rest
      const { partial, releaseFen } = releaseOf(
        { ...control, money: isMoneyControl(control) },
        command.amountFen,
      );
      return { termMonths: null, amountFen: partial ? releaseFen : null, reason: command.reason ?? null };
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
    check: (control: Control, today: string) => Detail,
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
        if (earlier.status === 'AWAITING_APPROVAL') {
          return { actionId: earlier.id, done: await this.awaitingView(tx, control, earlier.id, today) };
        }
        if (earlier.status === 'DONE' || earlier.status === 'REFUSED' || earlier.status === 'REJECTED')
          return { actionId: earlier.id, done: viewOf(control, today) };
        return { actionId: earlier.id };
      }
      const detail = check(control, today);
      const rule = await this.approvalRule(tx, action, control, detail);
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
      if (rule) {
        await this.holdForApproval(tx, { id, action, control, detail, rule, actor });
        return { actionId: id, done: await this.awaitingView(tx, control, id, today) };
      }
      return { actionId: id };
    });
  }

  /**
   * Whether the order waits for the director (审批): a deduction at or above the court's threshold, a
   * release before the claim is paid that frees more than the excess over the limit (control-approval.ts).
   */
  private async approvalRule(
    tx: Transaction,
    action: ActionKind,
    control: Control,
    detail: Detail,
  ): Promise<ControlApprovalRule | null> {
    if (action === 'RENEW') return null;
    const controlCase = (await this.controls.findCase(tx.manager, control.caseId))!;
    const owed = owedFen(controlCase.claimFen, controlCase.costsFen, controlCase.recoveredFen);
    const limit = controlLimitFen(owed, overLimitPermille(this.config));
    return approvalRuleFor({
      action,
      amountFen: detail.amountFen ?? control.amountFen,
      caseOpen: !controlCase.closedOn,
      owedFen: owed,
      excessFen: excessOverLimitFen(await this.controls.controlledFen(tx.manager, control.caseId), limit),
      deductThresholdFen: deductApprovalFen(this.config, control.courtCode),
    });
  }

  /** Keeps the order unsent and asks the director, recording who asked and when. */
  private async holdForApproval(
    tx: Transaction,
    order: {
      id: string;
      action: ActionKind;
      control: Control;
      detail: Detail;
      rule: ControlApprovalRule;
      actor: Actor;
    },
  ): Promise<void> {
    const { control, detail, actor } = order;
    await this.approvals.setActionStatus(tx.manager, order.id, 'AWAITING_APPROVAL');
    const amount = detail.amountFen ?? control.amountFen;
    const what =
      order.action === 'RELEASE' && detail.amountFen !== null
        ? `部分解除 ${formatFen(amount)}（现控制 ${formatFen(control.amountFen)}）`
        : `${ACTION_WORDS[order.action]} ${formatFen(amount)}`;
    const approvalId = randomUUID();
    await this.approvals.insert(tx.manager, {
      id: approvalId,
      actionId: order.id,
      controlId: control.id,
      caseId: control.caseId,
      courtCode: control.courtCode,
      rule: order.rule,
      summary: `${what} — ${control.holder ? `${control.holder} ` : ''}${control.identifier} ${control.description}`,
      controlledFen: control.amountFen,
      status: ApprovalStatus.Pending,
      requestedBy: actor.id,
      requestedByName: actor.username,
      requestedAt: this.clock.now(),
      decidedBy: null,
      decidedByName: null,
      decidedAt: null,
      comment: null,
    });
    await tx.audit({
      action: 'asset.control.approval.request',
      entityType: 'asset_control',
      entityId: control.id,
      courtCode: control.courtCode,
      after: { approvalId, actionId: order.id, action: order.action, rule: order.rule, ...detail },
      actor,
    });
  }

  /** The control's view with the order that waits for the director (待审批). */
  private async awaitingView(
    tx: Transaction,
    control: Control,
    actionId: string,
    today: string,
  ): Promise<ControlView> {
    const approval = (await this.approvals.findByAction(tx.manager, actionId))!;
    const action = (await this.controls.findAction(tx.manager, actionId))!;
    return {
      ...viewOf(control, today),
      pendingApproval: {
        approvalId: approval.id,
        action: action.action === 'DEDUCT' ? 'DEDUCT' : 'RELEASE',
        ...(action.amountFen !== null ? { amountFen: action.amountFen } : {}),
        requestedBy: approval.requestedBy,
        requestedByName: approval.requestedByName,
        requestedAt: approval.requestedAt.toISOString(),
      },
    };
  }

  /**
   * Sends a recorded follow-up order to the agency and applies the answer. Throws AGENCY_FAILED when
   * the agency could not be reached (the order stays open and is sent again), and RULE_VIOLATED when
   * it refused.
   */
  async run(actionId: string, actor?: Actor): Promise<ControlView> {
    const manager = this.unitOfWork.manager;
    const action = (await this.controls.findAction(manager, actionId))!;
    if (action.status === 'AWAITING_APPROVAL' || action.status === 'REJECTED') {
      // never sent without the director's approval
      throw new CodedError(ErrorCode.InvalidState, `the ${action.action} ${actionId} was not approved`, {
        rule: 'APPROVAL_BEFORE_SENDING',
      });
    }
    const control = (await this.controls.findControl(manager, action.controlId))!;
    const controlCase = (await this.controls.findCase(manager, control.caseId))!;
    let reply: AgencyControlReply;
    try {
      // the order's own id goes with it: the agency carries it out once however often it is sent
      reply = await this.agency.send(
        control,
        controlCase,
        action.action,
        action.amountFen ?? undefined,
        action.id,
      );
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
          if (action.amountFen !== null)
            releaseOf({ ...control, money: isMoneyControl(control) }, action.amountFen);
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
        if (action.amountFen !== null && action.amountFen < control.amountFen) {
          // 部分解除: the part is unfrozen, the freeze keeps the rest and stays in force
          after = { ...control, amountFen: control.amountFen - action.amountFen };
          auditAction = 'asset.control.release-part';
          break;
        }
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
        await this.controls.addDeducted(tx.manager, controlCase.caseId, deducted);
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

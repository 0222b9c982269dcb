import { Inject, Injectable } from '@nestjs/common';
import {
  Events,
  type Actor,
  type Clock,
  type ControlView,
  type HandControlToAuctionCommand,
} from '@writ/contracts';
import { CLOCK, UnitOfWork } from '@writ/platform';
import { assertHandOverAllowed } from '../domain/auction-handover.js';
import { ControlApprovalRepository, type HandOver } from '../persistence/control-approval.repository.js';
import { ControlRepository } from '../persistence/control.repository.js';
import { auditOf, requireOrderingRole, requireOwnControl, todayOf, viewOf } from './control-access.js';
import { isMoneyControl } from './control-money.js';

export function handedViewOf(h: HandOver): NonNullable<ControlView['handedToAuction']> {
  return { at: h.handedAt.toISOString(), by: h.handedBy, byName: h.handedByName };
}

/**
 * 移交拍卖: hands a seized or distrained asset in force to the disposal stage, once per control, with what
 * the auction stage needs to start the reference price (the asset as the registry reported it, its
 * estimated value, the term left, another court's earlier hold). A second call answers the first.
 */
@Injectable()
export class HandToAuctionUseCase {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly controls: ControlRepository,
    private readonly approvals: ControlApprovalRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(command: HandControlToAuctionCommand, actor: Actor): Promise<ControlView> {
    requireOrderingRole(actor);
    return this.unitOfWork.run(async (tx) => {
      // the case row first, as a closure takes it
      const found = await this.controls.findControl(tx.manager, command.controlId);
      const controlCase = found && (await this.controls.findCase(tx.manager, found.caseId, true));
      const control = requireOwnControl(
        await this.controls.findControl(tx.manager, command.controlId, true),
        command.controlId,
        actor,
      );
      const today = todayOf(this.clock.now());
      const earlier = (await this.approvals.handOversOfCase(tx.manager, control.caseId)).find(
        (h) => h.controlId === control.id,
      );
      if (earlier) return { ...viewOf(control, today), handedToAuction: handedViewOf(earlier) };
      const state = await this.approvals.caseState(tx.manager, control.caseId);
      assertHandOverAllowed(
        { kind: control.kind, money: isMoneyControl(control), status: control.status },
        { closedOn: controlCase!.closedOn, suspensionReason: state?.suspensionReason ?? null },
      );
      const handOver: HandOver = {
        controlId: control.id,
        caseId: control.caseId,
        requestKey: command.requestKey,
        handedAt: this.clock.now(),
        handedBy: actor.id,
        handedByName: actor.username,
      };
      await this.approvals.insertHandOver(tx.manager, handOver);
      const estimated = control.assetId
        ? await this.approvals.foundValue(tx.manager, control.assetId)
        : control.requestedFen || null;
      await tx.audit({
        action: 'asset.control.hand-to-auction',
        entityType: 'asset_control',
        entityId: control.id,
        courtCode: control.courtCode,
        before: auditOf(control),
        after: { requestKey: command.requestKey, handedAt: handOver.handedAt.toISOString() },
        actor,
      });
      await tx.emit(
        Events.AssetPropertyHandedToAuction,
        {
          caseId: control.caseId,
          caseNumber: controlCase!.caseNumber,
          courtCode: control.courtCode,
          controlId: control.id,
          controlKind: control.kind,
          agencyKind: control.agencyKind,
          ...(control.assetId ? { assetId: control.assetId } : {}),
          respondentIdNumber: control.respondentIdNumber,
          identifier: control.identifier,
          description: control.description,
          registry: control.holder,
          ...(estimated !== null ? { estimatedValueFen: estimated } : {}),
          expiresOn: control.expiresOn!,
          effectiveOn: control.effectiveOn!,
          otherCourtsQueued: control.queuedBehind !== null,
          ...(control.queuedBehind ? { otherCourtCase: control.queuedBehind } : {}),
          handedBy: actor.id,
          handedByName: actor.username,
          handedAt: handOver.handedAt.toISOString(),
        },
        { courtCode: control.courtCode, actor },
      );
      return { ...viewOf(control, today), handedToAuction: handedViewOf(handOver) };
    });
  }
}

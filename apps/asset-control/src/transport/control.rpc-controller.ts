import { Controller } from '@nestjs/common';
import { Ctx, MessagePattern, Payload } from '@nestjs/microservices';
import {
  DecideControlApprovalCommand,
  HandControlToAuctionCommand,
  ListControlApprovalsQuery,
  ListControlsQuery,
  ListExpiringControlsQuery,
  OrderControlCommand,
  ReleaseControlCommand,
  RenewControlCommand,
  Subjects,
  type CaseControlsView,
  type ControlApprovalView,
  type ListControlApprovalsReply,
  type ControlView,
  type ExpiringControlsView,
  type ScanControlsReply,
} from '@writ/contracts';
import { BusContext } from '@writ/platform';
import { ControlActionUseCase } from '../application/control-action.use-case.js';
import { ControlApprovalUseCase } from '../application/control-approval.use-case.js';
import { HandToAuctionUseCase } from '../application/hand-to-auction.use-case.js';
import { OrderControlUseCase } from '../application/control-order.use-case.js';
import { ControlQuery } from '../application/control-query.js';
import { ControlSweep } from '../application/control-sweep.js';

/** 财产控制 over the bus: validate (by the payload's class), call one use case, reply. */
@Controller()
export class ControlRpcController {
  constructor(
    private readonly orders: OrderControlUseCase,
    private readonly actions: ControlActionUseCase,
    private readonly query: ControlQuery,
    private readonly sweep: ControlSweep,
    private readonly approvals: ControlApprovalUseCase,
    private readonly handOver: HandToAuctionUseCase,
  ) {}

  @MessagePattern(Subjects.Assets.HandToAuction)
  handToAuction(
    @Payload() command: HandControlToAuctionCommand,
    @Ctx() ctx: BusContext,
  ): Promise<ControlView> {
    return this.handOver.execute(command, ctx.requireActor());
  }

  @MessagePattern(Subjects.Assets.ListControlApprovals)
  listApprovals(
    @Payload() query: ListControlApprovalsQuery,
    @Ctx() ctx: BusContext,
  ): Promise<ListControlApprovalsReply> {
    return this.approvals.list(query, ctx.requireActor());
  }

  @MessagePattern(Subjects.Assets.DecideControlApproval)
  decideApproval(
    @Payload() command: DecideControlApprovalCommand,
    @Ctx() ctx: BusContext,
  ): Promise<ControlApprovalView> {
    return this.approvals.decide(command, ctx.requireActor());
  }

  @MessagePattern(Subjects.Assets.OrderControl)
  order(@Payload() command: OrderControlCommand, @Ctx() ctx: BusContext): Promise<ControlView> {
    return this.orders.execute(command, ctx.requireActor());
  }

  @MessagePattern(Subjects.Assets.RenewControl)
  renew(@Payload() command: RenewControlCommand, @Ctx() ctx: BusContext): Promise<ControlView> {
    return this.actions.renew(command, ctx.requireActor());
  }

  @MessagePattern(Subjects.Assets.ReleaseControl)
  release(@Payload() command: ReleaseControlCommand, @Ctx() ctx: BusContext): Promise<ControlView> {
    return this.actions.release(command, ctx.requireActor());
  }

  @MessagePattern(Subjects.Assets.ListControls)
  list(@Payload() query: ListControlsQuery, @Ctx() ctx: BusContext): Promise<CaseControlsView> {
    return this.query.ofCase(query.caseId, ctx.requireActor());
  }

  @MessagePattern(Subjects.Assets.ExpiringControls)
  expiring(
    @Payload() query: ListExpiringControlsQuery,
    @Ctx() ctx: BusContext,
  ): Promise<ExpiringControlsView> {
    return this.query.expiring(query.withinDays, ctx.requireActor());
  }

  @MessagePattern(Subjects.Assets.ScanControls)
  scan(@Ctx() ctx: BusContext): Promise<ScanControlsReply> {
    return this.sweep.scan(ctx.requireActor());
  }
}

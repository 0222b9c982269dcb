import { Controller } from '@nestjs/common';
import { Ctx, MessagePattern, Payload } from '@nestjs/microservices';
import {
  DecideApprovalCommand,
  DecideMeasureCommand,
  LiftMeasureCommand,
  ListApprovalsQuery,
  ListMeasuresQuery,
  Subjects,
  type DecideApprovalReply,
  type DecideMeasureReply,
  type LiftMeasureReply,
  type ListApprovalsReply,
  type ListMeasuresReply,
} from '@writ/contracts';
import { BusContext } from '@writ/platform';
import { ApprovalsUseCase } from '../application/approvals.use-case.js';
import { MeasuresUseCase } from '../application/measures.use-case.js';

/** Coercive measures and their approval over the bus: validate (by the payload's class), call one use case. */
@Controller()
export class MeasuresRpcController {
  constructor(
    private readonly measures: MeasuresUseCase,
    private readonly approvals: ApprovalsUseCase,
  ) {}

  @MessagePattern(Subjects.Cases.DecideMeasure)
  decide(@Payload() command: DecideMeasureCommand, @Ctx() ctx: BusContext): Promise<DecideMeasureReply> {
    return this.measures.decide(command, ctx.requireActor());
  }

  @MessagePattern(Subjects.Cases.LiftMeasure)
  lift(@Payload() command: LiftMeasureCommand, @Ctx() ctx: BusContext): Promise<LiftMeasureReply> {
    return this.measures.lift(command, ctx.requireActor());
  }

  @MessagePattern(Subjects.Cases.ListMeasures)
  list(@Payload() query: ListMeasuresQuery, @Ctx() ctx: BusContext): Promise<ListMeasuresReply> {
    return this.measures.list(query, ctx.requireActor());
  }

  @MessagePattern(Subjects.Cases.ListApprovals)
  listApprovals(@Payload() query: ListApprovalsQuery, @Ctx() ctx: BusContext): Promise<ListApprovalsReply> {
    return this.approvals.list(query, ctx.requireActor());
  }

  @MessagePattern(Subjects.Cases.DecideApproval)
  decideApproval(
    @Payload() command: DecideApprovalCommand,
    @Ctx() ctx: BusContext,
  ): Promise<DecideApprovalReply> {
    return this.approvals.decide(command, ctx.requireActor());
  }
}

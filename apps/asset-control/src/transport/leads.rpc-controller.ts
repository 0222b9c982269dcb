import { Controller } from '@nestjs/common';
import { Ctx, MessagePattern, Payload } from '@nestjs/microservices';
import {
  CheckLeadCommand,
  ListLeadsQuery,
  RecordLeadCommand,
  Subjects,
  type LeadView,
  type ListLeadsReply,
} from '@writ/contracts';
import { BusContext } from '@writ/platform';
import { LeadsUseCase } from '../application/leads.use-case.js';

/** 财产线索 over the bus: validate (by the payload's class), act, reply. */
@Controller()
export class LeadsRpcController {
  constructor(private readonly leads: LeadsUseCase) {}

  @MessagePattern(Subjects.Assets.RecordLead)
  record(@Payload() command: RecordLeadCommand, @Ctx() ctx: BusContext): Promise<LeadView> {
    return this.leads.record(command, ctx.requireActor());
  }

  @MessagePattern(Subjects.Assets.CheckLead)
  check(@Payload() command: CheckLeadCommand, @Ctx() ctx: BusContext): Promise<LeadView> {
    return this.leads.check(command, ctx.requireActor());
  }

  @MessagePattern(Subjects.Assets.ListLeads)
  list(@Payload() query: ListLeadsQuery, @Ctx() ctx: BusContext): Promise<ListLeadsReply> {
    return this.leads.list(query.caseId, ctx.requireActor());
  }

  @MessagePattern(Subjects.Assets.OverdueLeads)
  overdue(@Ctx() ctx: BusContext): Promise<ListLeadsReply> {
    return this.leads.overdue(ctx.requireActor());
  }
}

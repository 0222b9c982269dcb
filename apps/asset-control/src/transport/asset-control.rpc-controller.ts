import { Controller } from '@nestjs/common';
import { Ctx, MessagePattern, Payload } from '@nestjs/microservices';
import { GetFindingsQuery, Subjects, type GetFindingsReply } from '@writ/contracts';
import { BusContext } from '@writ/platform';
import { FindingsQuery } from '../application/findings-query.js';

/** 财产查控 queries over the bus: validate (by the payload's class), ask, reply. */
@Controller()
export class AssetControlRpcController {
  constructor(private readonly findings: FindingsQuery) {}

  @MessagePattern(Subjects.Assets.GetFindings)
  getFindings(@Payload() query: GetFindingsQuery, @Ctx() ctx: BusContext): Promise<GetFindingsReply> {
    return this.findings.get(query.caseId, ctx.requireActor());
  }
}

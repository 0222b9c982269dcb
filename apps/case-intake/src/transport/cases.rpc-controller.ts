import { Controller } from '@nestjs/common';
import { Ctx, MessagePattern, Payload } from '@nestjs/microservices';
import {
  GetCaseQuery,
  ListCasesQuery,
  RegisterCaseCommand,
  Subjects,
  type GetCaseReply,
  type ListCasesReply,
  type RegisterCaseReply,
} from '@writ/contracts';
import { BusContext } from '@writ/platform';
import { CaseQueries } from '../application/case-queries.js';
import { RegisterCaseUseCase } from '../application/register-case.use-case.js';

/** The case register over the bus: validate (by the payload's class), call one use case, reply. */
@Controller()
export class CasesRpcController {
  constructor(
    private readonly registerCase: RegisterCaseUseCase,
    private readonly queries: CaseQueries,
  ) {}

  @MessagePattern(Subjects.Cases.Register)
  register(@Payload() command: RegisterCaseCommand, @Ctx() ctx: BusContext): Promise<RegisterCaseReply> {
    return this.registerCase.execute(command, ctx.requireActor());
  }

  @MessagePattern(Subjects.Cases.Get)
  get(@Payload() query: GetCaseQuery, @Ctx() ctx: BusContext): Promise<GetCaseReply> {
    return this.queries.get(query.caseId, ctx.requireActor());
  }

  @MessagePattern(Subjects.Cases.List)
  list(@Payload() query: ListCasesQuery, @Ctx() ctx: BusContext): Promise<ListCasesReply> {
    return this.queries.list(query, ctx.requireActor());
  }
}

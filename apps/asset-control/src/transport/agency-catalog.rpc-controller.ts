import { Controller } from '@nestjs/common';
import { Ctx, MessagePattern, Payload } from '@nestjs/microservices';
import {
  ListAgencyKindsQuery,
  PutAgencyKindCommand,
  Subjects,
  type AgencyKindView,
  type ListAgencyKindsReply,
} from '@writ/contracts';
import { BusContext } from '@writ/platform';
import { AgencyCatalog } from '../application/agency-catalog.js';

/** The catalog of agency kinds (查控渠道): listed for the court's staff, extended by the director. */
@Controller()
export class AgencyCatalogRpcController {
  constructor(private readonly catalog: AgencyCatalog) {}

  @MessagePattern(Subjects.Assets.ListAgencyKinds)
  list(@Payload() query: ListAgencyKindsQuery, @Ctx() ctx: BusContext): Promise<ListAgencyKindsReply> {
    return this.catalog.list(ctx.requireActor(), query.activeOnly ?? false);
  }

  @MessagePattern(Subjects.Assets.PutAgencyKind)
  put(@Payload() command: PutAgencyKindCommand, @Ctx() ctx: BusContext): Promise<AgencyKindView> {
    return this.catalog.put(command, ctx.requireActor());
  }
}

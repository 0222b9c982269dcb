import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiQuery, ApiTags } from '@nestjs/swagger';
import {
  COURT_STAFF_ROLES,
  ListAgencyKindsQuery,
  PutAgencyKindCommand,
  Role,
  Subjects,
  type Actor,
  type AgencyKindView,
  type ListAgencyKindsReply,
} from '@writ/contracts';
import { BusClient, validateMessage } from '@writ/platform';
import { Allow, CurrentActor } from '../auth/access.js';
import { ApiCommandBody, commandFrom } from './request-input.js';

/**
 * 查控渠道: the agency kinds the court's inquiries go to — the national 总对总 categories and the
 * province's own 点对点 sources — read by its staff; a provincial source added or changed by the director.
 */
@ApiTags('agency kinds')
@ApiBearerAuth()
@Controller('agency-kinds')
export class AgencyKindsController {
  constructor(private readonly bus: BusClient) {}

  @Get()
  @Allow(...COURT_STAFF_ROLES)
  @ApiQuery({ name: 'activeOnly', required: false, type: Boolean })
  async list(
    @Query('activeOnly') activeOnly: string | undefined,
    @CurrentActor() actor: Actor,
  ): Promise<ListAgencyKindsReply> {
    const query = await validateMessage(
      ListAgencyKindsQuery,
      activeOnly === undefined
        ? {}
        : { activeOnly: activeOnly === 'true' ? true : activeOnly === 'false' ? false : activeOnly },
    );
    return this.bus.request(Subjects.Assets.ListAgencyKinds, query, { actor });
  }

  @Put(':code')
  @Allow(Role.Director)
  @ApiCommandBody(PutAgencyKindCommand, { fromPath: ['code'] })
  async put(
    @Param('code') code: string,
    @Body() body: unknown,
    @CurrentActor() actor: Actor,
  ): Promise<AgencyKindView> {
    const command = await validateMessage(PutAgencyKindCommand, commandFrom(body, { code }));
    return this.bus.request(Subjects.Assets.PutAgencyKind, command, { actor });
  }
}

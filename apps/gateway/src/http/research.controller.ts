import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  COURT_STAFF_ROLES,
  GetResearchQuery,
  Role,
  Subjects,
  type Actor,
  type GetResearchReply,
  type ScanResearchReply,
} from '@writ/contracts';
import { BusClient, validateMessage } from '@writ/platform';
import { Allow, CurrentActor } from '../auth/access.js';

/** 终本案件定期查询: the re-searches of a 终本 case, every 6 months for 5 years. */
@ApiTags('asset re-search')
@ApiBearerAuth()
@Controller()
export class ResearchController {
  constructor(private readonly bus: BusClient) {}

  /** Starts the re-searches due today for the caller's court (it also runs on a timer). */
  @Post('research/scan')
  @HttpCode(200)
  @Allow(Role.Director)
  async scan(@CurrentActor() actor: Actor): Promise<ScanResearchReply> {
    return this.bus.request(Subjects.Assets.ScanResearch, {}, { actor });
  }

  /** The case's re-search schedule and rounds; null when it has none. */
  @Get('cases/:id/research')
  @Allow(...COURT_STAFF_ROLES)
  async get(@Param('id') id: string, @CurrentActor() actor: Actor): Promise<GetResearchReply> {
    const query = await validateMessage(GetResearchQuery, { caseId: id });
    return this.bus.request(Subjects.Assets.GetResearch, query, { actor });
  }
}

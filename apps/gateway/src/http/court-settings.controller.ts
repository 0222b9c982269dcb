import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  COURT_STAFF_ROLES,
  PutCourtSettingsCommand,
  Role,
  Subjects,
  type Actor,
  type CourtSettingsView,
} from '@writ/contracts';
import { BusClient, validateMessage } from '@writ/platform';
import { Allow, CurrentActor } from '../auth/access.js';
import { ApiCommandBody } from './request-input.js';

/**
 * The court's own figures where the law leaves room (繁简分流 rules, teams, node deadlines within the
 * legal maxima, holidays): read by its staff, set by its director.
 */
@ApiTags('court settings')
@ApiBearerAuth()
@Controller('court-settings')
export class CourtSettingsController {
  constructor(private readonly bus: BusClient) {}

  @Get()
  @Allow(...COURT_STAFF_ROLES)
  get(@CurrentActor() actor: Actor): Promise<CourtSettingsView> {
    return this.bus.request(Subjects.Cases.GetSettings, {}, { actor });
  }

  @Put()
  @Allow(Role.Director)
  @ApiCommandBody(PutCourtSettingsCommand)
  async put(@Body() body: unknown, @CurrentActor() actor: Actor): Promise<CourtSettingsView> {
    const command = await validateMessage(PutCourtSettingsCommand, body);
    return this.bus.request(Subjects.Cases.PutSettings, command, { actor });
  }
}

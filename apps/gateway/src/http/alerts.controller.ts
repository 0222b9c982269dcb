import { Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiQuery, ApiTags } from '@nestjs/swagger';
import {
  AlertKind,
  COURT_STAFF_ROLES,
  ListAlertsQuery,
  Role,
  Subjects,
  type Actor,
  type ListAlertsReply,
  type ScanAlertsReply,
} from '@writ/contracts';
import { BusClient, validateMessage } from '@writ/platform';
import { Allow, CurrentActor } from '../auth/access.js';
import { withFlags } from './request-input.js';

/** 执行监督: what is due or overdue in the actor's court — periods, nodes, 终本 re-searches, removals. */
@ApiTags('alerts')
@ApiBearerAuth()
@Controller('alerts')
export class AlertsController {
  constructor(private readonly bus: BusClient) {}

  @Get()
  @Allow(...COURT_STAFF_ROLES)
  @ApiQuery({ name: 'mine', required: false, type: Boolean, description: 'only cases assigned to me' })
  @ApiQuery({ name: 'kind', required: false, enum: AlertKind })
  async list(
    @Query() query: Record<string, unknown>,
    @CurrentActor() actor: Actor,
  ): Promise<ListAlertsReply> {
    const validated = await validateMessage(ListAlertsQuery, withFlags(query, ['mine']));
    return this.bus.request(Subjects.Cases.ListAlerts, validated, { actor });
  }

  /** Looks for what has fallen due now (the service also does so on a timer); each alert is raised once. */
  @Post('scan')
  @HttpCode(200)
  @Allow(Role.Director)
  async scan(@CurrentActor() actor: Actor): Promise<ScanAlertsReply> {
    return this.bus.request(Subjects.Cases.ScanAlerts, {}, { actor });
  }
}

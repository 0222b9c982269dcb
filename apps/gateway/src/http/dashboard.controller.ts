import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiQuery, ApiTags } from '@nestjs/swagger';
import { GetMetricsQuery, Subjects, type Actor, type CourtMetricsView } from '@writ/contracts';
import { BusClient, validateMessage } from '@writ/platform';
import { Allow, CurrentActor } from '../auth/access.js';
import { OVERSEER_ROLES } from './roles.js';

/**
 * The leader dashboard: the court's enforcement figures over a period — 结案率, 实际执结率, 法定期限内执结率,
 * 执行标的到位率, 终结率 and the targets 三个90%、一个80%. (/api/metrics is Prometheus's.)
 */
@ApiTags('dashboard')
@ApiBearerAuth()
@Controller('dashboard')
export class DashboardController {
  constructor(private readonly bus: BusClient) {}

  @Get('metrics')
  @Allow(...OVERSEER_ROLES)
  @ApiQuery({ name: 'from', required: true, type: String, description: 'first day, YYYY-MM-DD' })
  @ApiQuery({
    name: 'to',
    required: true,
    type: String,
    description: 'last day, YYYY-MM-DD, counted in full',
  })
  async metrics(
    @Query() query: Record<string, unknown>,
    @CurrentActor() actor: Actor,
  ): Promise<CourtMetricsView> {
    const validated = await validateMessage(GetMetricsQuery, { ...query });
    return this.bus.request(Subjects.Cases.GetMetrics, validated, { actor });
  }
}

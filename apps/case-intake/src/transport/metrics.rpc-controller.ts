import { Controller } from '@nestjs/common';
import { Ctx, MessagePattern, Payload } from '@nestjs/microservices';
import { GetMetricsQuery, Subjects, type GetMetricsReply } from '@writ/contracts';
import { BusContext } from '@writ/platform';
import { MetricsQueries } from '../application/metrics.queries.js';

/** The court metrics over the bus: validate (by the payload's class), ask the query, reply. */
@Controller()
export class MetricsRpcController {
  constructor(private readonly metrics: MetricsQueries) {}

  @MessagePattern(Subjects.Cases.GetMetrics)
  get(@Payload() query: GetMetricsQuery, @Ctx() ctx: BusContext): Promise<GetMetricsReply> {
    return this.metrics.get(query, ctx.requireActor());
  }
}

import { Controller, Get, HttpCode, Inject, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';
import type { MessageBus } from '../bus/message-bus.js';
import { MESSAGE_BUS } from '../tokens.js';
import { ServiceMetrics } from './metrics.js';
import { checkReadiness } from './readiness.js';

/** Liveness, readiness (database and bus both answer) and Prometheus metrics, on every service. */
@Controller()
export class HealthController {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(MESSAGE_BUS) private readonly bus: MessageBus,
    private readonly metrics: ServiceMetrics,
  ) {}

  @Get('health/live')
  @HttpCode(200)
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('health/ready')
  async ready(@Res() reply: FastifyReply): Promise<void> {
    const readiness = await checkReadiness(this.dataSource, this.bus);
    await reply.status(readiness.ok ? 200 : 503).send(readiness.body);
  }

  @Get('metrics')
  async prometheus(@Res() reply: FastifyReply): Promise<void> {
    await reply
      .header('content-type', this.metrics.registry.contentType)
      .send(await this.metrics.registry.metrics());
  }
}

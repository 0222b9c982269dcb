import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { checkReadiness, MESSAGE_BUS, ServiceMetrics, type MessageBus } from '@writ/platform';
import type { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';
import { Public } from '../auth/access.js';

@ApiExcludeController()
@Controller()
@Public()
export class GatewayHealthController {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(MESSAGE_BUS) private readonly bus: MessageBus,
    private readonly metrics: ServiceMetrics,
  ) {}

  @Get('health/live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get(['health', 'health/ready'])
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

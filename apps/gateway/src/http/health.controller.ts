import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { MESSAGE_BUS, ServiceMetrics, type MessageBus } from '@writ/platform';
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
    const database = await this.dataSource
      .query('SELECT 1')
      .then(() => true)
      .catch(() => false);
    const bus = await this.bus.isHealthy();
    const ok = database && bus;
    await reply.status(ok ? 200 : 503).send({
      status: ok ? 'ok' : 'unavailable',
      transport: this.bus.kind,
      checks: { database: database ? 'up' : 'down', bus: bus ? 'up' : 'down' },
    });
  }

  @Get('metrics')
  async prometheus(@Res() reply: FastifyReply): Promise<void> {
    await reply
      .header('content-type', this.metrics.registry.contentType)
      .send(await this.metrics.registry.metrics());
  }
}

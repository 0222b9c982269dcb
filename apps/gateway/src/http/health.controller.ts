import { Controller, Get, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { HealthController } from '@writ/platform';
import type { FastifyReply } from 'fastify';
import { Public } from '../auth/access.js';

/**
 * The platform's /health/live, /health/ready and /metrics under /api, open to all (load balancers and
 * Prometheus hold no token), plus /api/health, which the launcher and humans ask.
 */
@ApiExcludeController()
@Controller()
@Public()
export class GatewayHealthController extends HealthController {
  @Get('health')
  health(@Res() reply: FastifyReply): Promise<void> {
    return this.ready(reply);
  }
}

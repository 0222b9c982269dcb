import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AccessGuard } from './auth/access.js';
import { AuthController } from './http/auth.controller.js';
import { CasesController } from './http/cases.controller.js';
import { GatewayHealthController } from './http/health.controller.js';

@Module({
  controllers: [AuthController, CasesController, GatewayHealthController],
  providers: [{ provide: APP_GUARD, useClass: AccessGuard }],
})
export class GatewayModule {}

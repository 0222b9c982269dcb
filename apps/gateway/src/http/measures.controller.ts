import { Body, Controller, Get, Headers, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  COURT_STAFF_ROLES,
  DecideMeasureCommand,
  LiftMeasureCommand,
  ListMeasuresQuery,
  Subjects,
  type Actor,
  type ListMeasuresReply,
  type MeasureView,
} from '@writ/contracts';
import { BusClient, validateMessage } from '@writ/platform';
import { Allow, CurrentActor } from '../auth/access.js';
import { ApiCommandBody, commandFrom, idempotentCommandFrom } from './request-input.js';
import { CASE_HANDLER_ROLES } from './roles.js';

/**
 * 强制措施 and credit punishment: 执行通知, 限消, 失信, 罚款, 拘留, 限制出境, 悬赏, 移送拒执. A measure that
 * needs the president's or the director's approval comes back PENDING_APPROVAL.
 */
@ApiTags('measures')
@ApiBearerAuth()
@Controller()
export class MeasuresController {
  constructor(private readonly bus: BusClient) {}

  @Get('cases/:id/measures')
  @Allow(...COURT_STAFF_ROLES)
  async list(@Param('id') id: string, @CurrentActor() actor: Actor): Promise<ListMeasuresReply> {
    const query = await validateMessage(ListMeasuresQuery, { caseId: id });
    return this.bus.request(Subjects.Cases.ListMeasures, query, { actor });
  }

  /** Decides a measure in case :id. Send an Idempotency-Key so a retry decides once. */
  @Post('cases/:id/measures')
  @HttpCode(201)
  @Allow(...CASE_HANDLER_ROLES)
  @ApiCommandBody(DecideMeasureCommand, { fromPath: ['caseId'], idempotent: true })
  async decide(
    @Param('id') id: string,
    @Body() body: unknown,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @CurrentActor() actor: Actor,
  ): Promise<MeasureView> {
    const command = await validateMessage(
      DecideMeasureCommand,
      idempotentCommandFrom(body, idempotencyKey, { caseId: id }),
    );
    return this.bus.request(Subjects.Cases.DecideMeasure, command, { actor });
  }

  /** 解除限制消费、删除失信信息、提前解除拘留 ...: lifts measure :id. */
  @Post('measures/:id/lift')
  @HttpCode(200)
  @Allow(...CASE_HANDLER_ROLES)
  @ApiCommandBody(LiftMeasureCommand, { fromPath: ['measureId'] })
  async lift(
    @Param('id') id: string,
    @Body() body: unknown,
    @CurrentActor() actor: Actor,
  ): Promise<MeasureView> {
    const command = await validateMessage(LiftMeasureCommand, commandFrom(body, { measureId: id }));
    return this.bus.request(Subjects.Cases.LiftMeasure, command, { actor });
  }
}

import { Body, Controller, Headers, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  CASE_REGISTRAR_ROLES,
  DecideObjectionCommand,
  FileObjectionCommand,
  Subjects,
  type Actor,
  type CaseDetail,
  type CaseTimelineView,
} from '@writ/contracts';
import { BusClient, validateMessage } from '@writ/platform';
import { Allow, CurrentActor } from '../auth/access.js';
import { ApiCommandBody, commandFrom, idempotentCommandFrom } from './request-input.js';
import { ADJUDICATOR_ROLES } from './roles.js';

/** 执行异议: an objection is filed as its own 执异 case linked to the case objected in, then decided. */
@ApiTags('objections')
@ApiBearerAuth()
@Controller()
export class ObjectionsController {
  constructor(private readonly bus: BusClient) {}

  /** Files an objection in case :id. Send an Idempotency-Key so a retry files once. */
  @Post('cases/:id/objections')
  @HttpCode(201)
  @Allow(...CASE_REGISTRAR_ROLES)
  @ApiCommandBody(FileObjectionCommand, { fromPath: ['targetCaseId'], idempotent: true })
  async file(
    @Param('id') id: string,
    @Body() body: unknown,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @CurrentActor() actor: Actor,
  ): Promise<CaseDetail> {
    const command = await validateMessage(
      FileObjectionCommand,
      idempotentCommandFrom(body, idempotencyKey, { targetCaseId: id }),
    );
    return this.bus.request(Subjects.Cases.FileObjection, command, { actor });
  }

  /** Decides the 执异 case :id: upheld or dismissed, with the reasoning. */
  @Post('objections/:id/decision')
  @HttpCode(200)
  @Allow(...ADJUDICATOR_ROLES)
  @ApiCommandBody(DecideObjectionCommand, { fromPath: ['objectionCaseId'] })
  async decide(
    @Param('id') id: string,
    @Body() body: unknown,
    @CurrentActor() actor: Actor,
  ): Promise<CaseTimelineView> {
    const command = await validateMessage(DecideObjectionCommand, commandFrom(body, { objectionCaseId: id }));
    return this.bus.request(Subjects.Cases.DecideObjection, command, { actor });
  }
}

import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiQuery, ApiTags } from '@nestjs/swagger';
import {
  AcceptEntrustmentCommand,
  CASE_REGISTRAR_ROLES,
  COURT_STAFF_ROLES,
  EntrustCaseCommand,
  ListEntrustmentsQuery,
  Subjects,
  type Actor,
  type CaseDetail,
  type EntrustmentView,
  type ListEntrustmentsReply,
} from '@writ/contracts';
import { BusClient, validateMessage } from '@writ/platform';
import { Allow, CurrentActor } from '../auth/access.js';
import { ApiCommandBody, commandFrom, withFlags } from './request-input.js';
import { ADJUDICATOR_ROLES } from './roles.js';

/** 委托执行: a case entrusted to another court, and the entrusted court filing it. */
@ApiTags('entrustments')
@ApiBearerAuth()
@Controller()
export class EntrustmentsController {
  constructor(private readonly bus: BusClient) {}

  @Post('cases/:id/entrust')
  @HttpCode(201)
  @Allow(...ADJUDICATOR_ROLES)
  @ApiCommandBody(EntrustCaseCommand, { fromPath: ['caseId'] })
  async entrust(
    @Param('id') id: string,
    @Body() body: unknown,
    @CurrentActor() actor: Actor,
  ): Promise<EntrustmentView> {
    const command = await validateMessage(EntrustCaseCommand, commandFrom(body, { caseId: id }));
    return this.bus.request(Subjects.Cases.Entrust, command, { actor });
  }

  /** Entrustments to and from the actor's court. */
  @Get('entrustments')
  @Allow(...COURT_STAFF_ROLES)
  @ApiQuery({ name: 'pendingOnly', required: false, type: Boolean })
  async list(
    @Query() query: Record<string, unknown>,
    @CurrentActor() actor: Actor,
  ): Promise<ListEntrustmentsReply> {
    const validated = await validateMessage(ListEntrustmentsQuery, withFlags(query, ['pendingOnly']));
    return this.bus.request(Subjects.Cases.ListEntrustments, validated, { actor });
  }

  /** The entrusted court files the case (within 7 days): a new case of this court. */
  @Post('entrustments/:id/accept')
  @HttpCode(201)
  @Allow(...CASE_REGISTRAR_ROLES)
  async accept(@Param('id') id: string, @CurrentActor() actor: Actor): Promise<CaseDetail> {
    const command = await validateMessage(AcceptEntrustmentCommand, { entrustmentId: id });
    return this.bus.request(Subjects.Cases.AcceptEntrustment, command, { actor });
  }
}

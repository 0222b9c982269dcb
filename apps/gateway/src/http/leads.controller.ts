import { Body, Controller, Get, Headers, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  CASE_REGISTRAR_ROLES,
  CheckLeadCommand,
  COURT_STAFF_ROLES,
  ListLeadsQuery,
  RecordLeadCommand,
  Subjects,
  type Actor,
  type LeadView,
  type ListLeadsReply,
} from '@writ/contracts';
import { BusClient, validateMessage } from '@writ/platform';
import { Allow, CurrentActor } from '../auth/access.js';
import { ApiCommandBody, commandFrom, idempotentCommandFrom } from './request-input.js';
import { CASE_RECORDER_ROLES } from './roles.js';

/**
 * 财产线索: leads to the respondent's property given by the applicant, each to be checked within 7 days
 * (3 if urgent, 财产调查规定 Art 2), and the court's leads left unchecked past their due date.
 */
@ApiTags('asset leads')
@ApiBearerAuth()
@Controller()
export class LeadsController {
  constructor(private readonly bus: BusClient) {}

  /** The case's leads, the earliest due first. */
  @Get('cases/:id/leads')
  @Allow(...COURT_STAFF_ROLES)
  async list(@Param('id') id: string, @CurrentActor() actor: Actor): Promise<ListLeadsReply> {
    const query = await validateMessage(ListLeadsQuery, { caseId: id });
    return this.bus.request(Subjects.Assets.ListLeads, query, { actor });
  }

  @Post('cases/:id/leads')
  @HttpCode(201)
  @Allow(...CASE_REGISTRAR_ROLES)
  @ApiCommandBody(RecordLeadCommand, { fromPath: ['caseId'], idempotent: true })
  async record(
    @Param('id') id: string,
    @Body() body: unknown,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @CurrentActor() actor: Actor,
  ): Promise<LeadView> {
    const command = await validateMessage(
      RecordLeadCommand,
      idempotentCommandFrom(body, idempotencyKey, { caseId: id }),
    );
    return this.bus.request(Subjects.Assets.RecordLead, command, { actor });
  }

  /** What checking the lead came to. */
  @Post('leads/:id/check')
  @HttpCode(200)
  @Allow(...CASE_RECORDER_ROLES)
  @ApiCommandBody(CheckLeadCommand, { fromPath: ['leadId'] })
  async check(
    @Param('id') id: string,
    @Body() body: unknown,
    @CurrentActor() actor: Actor,
  ): Promise<LeadView> {
    const command = await validateMessage(CheckLeadCommand, commandFrom(body, { leadId: id }));
    return this.bus.request(Subjects.Assets.CheckLead, command, { actor });
  }

  /** The court's leads not checked by their due date. */
  @Get('leads/overdue')
  @Allow(...COURT_STAFF_ROLES)
  async overdue(@CurrentActor() actor: Actor): Promise<ListLeadsReply> {
    return this.bus.request(Subjects.Assets.OverdueLeads, {}, { actor });
  }
}

import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiQuery, ApiTags } from '@nestjs/swagger';
import {
  COURT_STAFF_ROLES,
  GetInquiryIndicatorQuery,
  GetInquiryReportQuery,
  ResendInquiriesCommand,
  Subjects,
  type Actor,
  type InquiryIndicatorView,
  type InquiryReportView,
  type ResendInquiriesReply,
} from '@writ/contracts';
import { BusClient, validateMessage } from '@writ/platform';
import { Allow, CurrentActor } from '../auth/access.js';
import { ApiCommandBody, commandFrom } from './request-input.js';
import { CASE_RECORDER_ROLES, OVERSEER_ROLES } from './roles.js';

/**
 * 网络查控: what the inquiries of a case asked and found, sending again those that failed, and the
 * leaders' indicator of inquiries started on the day of filing (立案当日启动财产查控).
 */
@ApiTags('asset inquiries')
@ApiBearerAuth()
@Controller()
export class InquiriesController {
  constructor(private readonly bus: BusClient) {}

  /** Sends again a failed inquiry, or without `inquiryId` every failed inquiry of the case. */
  @Post('cases/:id/inquiries/resend')
  @HttpCode(200)
  @Allow(...CASE_RECORDER_ROLES)
  @ApiCommandBody(ResendInquiriesCommand, { fromPath: ['caseId'] })
  async resend(
    @Param('id') id: string,
    @Body() body: unknown,
    @CurrentActor() actor: Actor,
  ): Promise<ResendInquiriesReply> {
    const command = await validateMessage(ResendInquiriesCommand, commandFrom(body, { caseId: id }));
    return this.bus.request(Subjects.Assets.ResendInquiries, command, { actor });
  }

  /** Per respondent: which agencies answered, found what, failed or are pending. */
  @Get('cases/:id/inquiry-report')
  @Allow(...COURT_STAFF_ROLES)
  async report(@Param('id') id: string, @CurrentActor() actor: Actor): Promise<InquiryReportView> {
    const query = await validateMessage(GetInquiryReportQuery, { caseId: id });
    return this.bus.request(Subjects.Assets.InquiryReport, query, { actor });
  }

  /** Implementation cases filed in the period whose first inquiry went out on the filing date. */
  @Get('dashboard/inquiry-indicator')
  @Allow(...OVERSEER_ROLES)
  @ApiQuery({ name: 'from', required: true, type: String, description: 'first day, YYYY-MM-DD' })
  @ApiQuery({
    name: 'to',
    required: true,
    type: String,
    description: 'last day, YYYY-MM-DD, counted in full',
  })
  async indicator(
    @Query() query: Record<string, unknown>,
    @CurrentActor() actor: Actor,
  ): Promise<InquiryIndicatorView> {
    const validated = await validateMessage(GetInquiryIndicatorQuery, { ...query });
    return this.bus.request(Subjects.Assets.InquiryIndicator, validated, { actor });
  }
}

import { requireCourtStaff } from '@writ/contracts';
import { Controller } from '@nestjs/common';
import { Ctx, MessagePattern, Payload } from '@nestjs/microservices';
import {
  GetInquiryIndicatorQuery,
  GetInquiryReportQuery,
  GetResearchQuery,
  ResendInquiriesCommand,
  Subjects,
  type GetResearchReply,
  type InquiryIndicatorView,
  type InquiryReportView,
  type ResendInquiriesReply,
  type ScanResearchReply,
} from '@writ/contracts';
import { BusContext } from '@writ/platform';
import { InquiryReportQuery } from '../application/inquiry-report.query.js';
import { ResearchUseCase } from '../application/research.use-case.js';
import { ResendInquiriesUseCase } from '../application/resend-inquiries.use-case.js';

/** Re-sending failed inquiries, the inquiry report and indicator, and the re-search of 终本 cases. */
@Controller()
export class ResearchRpcController {
  constructor(
    private readonly resend: ResendInquiriesUseCase,
    private readonly reports: InquiryReportQuery,
    private readonly research: ResearchUseCase,
  ) {}

  @MessagePattern(Subjects.Assets.ResendInquiries)
  resendInquiries(
    @Payload() command: ResendInquiriesCommand,
    @Ctx() ctx: BusContext,
  ): Promise<ResendInquiriesReply> {
    return this.resend.execute(command, ctx.requireActor());
  }

  @MessagePattern(Subjects.Assets.InquiryReport)
  report(@Payload() query: GetInquiryReportQuery, @Ctx() ctx: BusContext): Promise<InquiryReportView> {
    return this.reports.report(query.caseId, ctx.requireActor());
  }

  @MessagePattern(Subjects.Assets.InquiryIndicator)
  indicator(
    @Payload() query: GetInquiryIndicatorQuery,
    @Ctx() ctx: BusContext,
  ): Promise<InquiryIndicatorView> {
    return this.reports.indicator(query.from, query.to, ctx.requireActor());
  }

  @MessagePattern(Subjects.Assets.ScanResearch)
  scan(@Ctx() ctx: BusContext): Promise<ScanResearchReply> {
    requireCourtStaff(ctx.requireActor(), 'a re-search scan');
    return this.research.scan();
  }

  @MessagePattern(Subjects.Assets.GetResearch)
  get(@Payload() query: GetResearchQuery, @Ctx() ctx: BusContext): Promise<GetResearchReply> {
    return this.research.get(query.caseId, ctx.requireActor());
  }
}

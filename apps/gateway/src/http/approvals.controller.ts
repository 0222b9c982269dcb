import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiQuery, ApiTags } from '@nestjs/swagger';
import {
  ApprovalStatus,
  DecideApprovalCommand,
  ListApprovalsQuery,
  Role,
  Subjects,
  type Actor,
  type ApprovalView,
  type ListApprovalsReply,
} from '@writ/contracts';
import { BusClient, validateMessage } from '@writ/platform';
import { Allow, CurrentActor } from '../auth/access.js';
import { ApiCommandBody, commandFrom } from './request-input.js';
import { APPROVER_ROLES } from './roles.js';

/**
 * 审批: the president (院长) signs fines, detentions and extensions, the director (执行局长) the other
 * measures. Who may decide a request is the service's rule; a wrong office is refused with 403.
 */
@ApiTags('approvals')
@ApiBearerAuth()
@Controller('approvals')
export class ApprovalsController {
  constructor(private readonly bus: BusClient) {}

  /** Without caseId: the actor's queue (pending unless a status is given). With it: that case's requests. */
  @Get()
  @Allow(...APPROVER_ROLES, Role.Judge)
  @ApiQuery({ name: 'caseId', required: false, type: String })
  @ApiQuery({ name: 'status', required: false, enum: ApprovalStatus })
  @ApiQuery({ name: 'page', required: false, type: Number })
  @ApiQuery({ name: 'pageSize', required: false, type: Number })
  async list(
    @Query() query: Record<string, unknown>,
    @CurrentActor() actor: Actor,
  ): Promise<ListApprovalsReply> {
    const validated = await validateMessage(ListApprovalsQuery, { ...query });
    return this.bus.request(Subjects.Cases.ListApprovals, validated, { actor });
  }

  /** Approves or rejects request :id; a rejection says why in `comment`. */
  @Post(':id/decision')
  @HttpCode(200)
  @Allow(...APPROVER_ROLES)
  @ApiCommandBody(DecideApprovalCommand, { fromPath: ['approvalId'] })
  async decide(
    @Param('id') id: string,
    @Body() body: unknown,
    @CurrentActor() actor: Actor,
  ): Promise<ApprovalView> {
    const command = await validateMessage(DecideApprovalCommand, commandFrom(body, { approvalId: id }));
    return this.bus.request(Subjects.Cases.DecideApproval, command, { actor });
  }
}

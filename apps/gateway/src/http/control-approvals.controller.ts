import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiQuery, ApiTags } from '@nestjs/swagger';
import {
  ApprovalStatus,
  COURT_STAFF_ROLES,
  DecideControlApprovalCommand,
  ListControlApprovalsQuery,
  Role,
  Subjects,
  type Actor,
  type ControlApprovalView,
  type ListControlApprovalsReply,
} from '@writ/contracts';
import { BusClient, validateMessage } from '@writ/platform';
import { Allow, CurrentActor } from '../auth/access.js';
import { ApiCommandBody, commandFrom } from './request-input.js';

/**
 * 审批 of control orders: large deductions (扣划) and releases (解除) before the claim is paid wait for
 * the enforcement director (执行局长). asset-control keeps the rules — who may decide, never the
 * requester — and answers 403 naming the rule; these routes pass the command on.
 */
@ApiTags('asset controls')
@ApiBearerAuth()
@Controller('control-approvals')
export class ControlApprovalsController {
  constructor(private readonly bus: BusClient) {}

  /** The court's control orders waiting for the director (or of one case, every decision). */
  @Get()
  @Allow(...COURT_STAFF_ROLES)
  @ApiQuery({ name: 'caseId', required: false, type: String })
  @ApiQuery({ name: 'status', required: false, enum: ApprovalStatus })
  async list(
    @Query() query: Record<string, unknown>,
    @CurrentActor() actor: Actor,
  ): Promise<ListControlApprovalsReply> {
    const validated = await validateMessage(ListControlApprovalsQuery, { ...query });
    return this.bus.request(Subjects.Assets.ListControlApprovals, validated, { actor });
  }

  /** Approves (the order goes to the agency) or rejects (with the reason in `comment`) request :id. */
  @Post(':id/decision')
  @HttpCode(200)
  @Allow(Role.Director)
  @ApiCommandBody(DecideControlApprovalCommand, { fromPath: ['approvalId'] })
  async decide(
    @Param('id') id: string,
    @Body() body: unknown,
    @CurrentActor() actor: Actor,
  ): Promise<ControlApprovalView> {
    const command = await validateMessage(
      DecideControlApprovalCommand,
      commandFrom(body, { approvalId: id }),
    );
    return this.bus.request(Subjects.Assets.DecideControlApproval, command, { actor });
  }
}
